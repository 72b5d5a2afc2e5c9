import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE, sandbox, type Sandbox } from '../helpers/cli.js';
import { journal, meeting, person } from '../helpers/journal.js';

// contact add|show|edit|merge|archive|unarchive|rm and contacts, through the built CLI.

const MIRIAM = 'g5ym98e9';
let s: Sandbox | undefined;
afterEach(() => s?.cleanup());

function sample(): Sandbox {
  s = sandbox({ fixture: SAMPLE });
  return s;
}

describe('failing commands exit with the right code, say why, and leave the journal byte for byte', () => {
  it.each([
    [['contact', 'add', 'Miriam Okafor'], 2, /"Miriam Okafor" is already in your journal/],
    [['contact', 'add', 'mim'], 2, /"mim" is already in your journal as an alias of Miriam Okafor/],
    [['contact', 'add', 'Jasper Quinn'], 2, /already in your journal \(archived\)\nhint: bring them back with: netlog contact unarchive "Jasper Quinn"/],
    [['contact', 'add', 'Miriam Okafr'], 2, /"Miriam Okafr" looks like "Miriam Okafor".*\nhint: add --new/],
    [['contact', 'add', 'Miriam'], 2, /"Miriam" looks like "Miriam Okafor"/],
    [['contact', 'add', 'Rita Moreno', '--every', 'sometimes'], 2, /--every: "sometimes" is not a cadence/],
    [['contact', 'add', 'Rita Moreno', '--every', 'inherit'], 2, /--every inherit is for contact edit/],
    [['contact', 'add', 'Rita Moreno', '--email', 'rita'], 2, /"rita" does not look like an email address/],
    [['contact', 'add', 'Rita Moreno', '--tag', 'two words'], 2, /a tag is one word/],
    [['contact', 'add', 'Rita Moreno', '--alias', 'Rafa'], 2, /"Rafa" is already an alias of Rafael Duarte/],
    [['contact', 'add', '  '], 2, /a contact needs a name/],
    [['contact', 'add'], 2, /missing required argument 'name'/],
    [['contact', 'show', 'Nobody Here'], 2, /no contact named "Nobody Here"\nhint: see `netlog contacts`/],
    [['contact', 'show', 'Mirian'], 2, /no contact named "Mirian"\nhint: did you mean "Miriam Okafor"\?/],
    [['contact', 'show', 'Miriam', '--limit', '0'], 2, /--limit: "0" is not a whole number of at least 1/],
    [['contact', 'edit', 'Miriam'], 2, /nothing to change\nhint: give a flag/],
    [['contact', 'edit', 'Miriam Okafor', '--untag', 'client'], 2, /Miriam Okafor has no tag "client" \(tags: investor\)/],
    [['contact', 'edit', 'Miriam Okafor', '--remove-email', 'x@y.z'], 2, /has no email "x@y.z"/],
    [['contact', 'edit', 'Miriam Okafor', '--rename', 'tomas reyes'], 2, /"tomas reyes" is already the name of another contact\nhint: to combine/],
    [['contact', 'edit', 'Miriam Okafor', '--alias', 'Vic'], 2, /"Vic" is already an alias of Victor Stahl/],
    [['contact', 'edit', 'Miriam', '--every', 'often'], 2, /not a cadence/],
    [['contact', 'edit', 'Nobody', '--role', 'CEO'], 2, /no contact named "Nobody"/],
    [['contact', 'merge', 'Miriam Okafor', 'mim'], 2, /those two names are the same contact/],
    [['contact', 'merge', 'Miriam Okafor', 'Nobody'], 2, /no contact named "Nobody"/],
    [['contact', 'merge', 'Miriam'], 2, /missing required argument 'other'/],
    [['contact', 'archive', 'Nobody'], 2, /no contact named "Nobody"/],
    [['contact', 'unarchive', 'Nobody'], 2, /no contact named "Nobody"/],
    [['contact', 'rm', 'Miriam Okafor'], 2, /removing Miriam Okafor deletes 6 interactions with them alone and 3 promises, and takes them out of 2 group interactions.*; add --yes to confirm\nhint: to hide them but keep the history: netlog contact archive "Miriam Okafor"/],
    [['contact', 'rm', 'Nobody', '--yes'], 2, /no contact named "Nobody"/],
    [['contact', 'frob'], 2, /unknown contact command "frob"\nhint: commands: add, show, edit, merge, archive, unarchive, rm/],
    [['contact', 'shwo', 'Miriam'], 2, /unknown contact command "shwo" \(did you mean show\?\)/],
    [['contacts', '--stage', 'friendship'], 2, /unknown stage "friendship"\nhint: stages: visibility, credibility, profitability/],
    [['contacts', '--archived', '--all'], 2, /choose one of --archived and --all/],
    [['history', '--kind', 'dance'], 2, /unknown kind "dance"/],
    [['history', '--since', 'whenever'], 2, /--since: "whenever" is not a date or a span/],
    [['history', '--until', 'soon'], 2, /--until: "soon" is not a date/],
    [['history', '--since', '2026-11-10', '--until', '2026-11-01'], 2, /--since \(2026-11-10\) is after --until \(2026-11-01\)/],
    [['history', '--limit', '0'], 2, /--limit: "0" is not a whole number of at least 1/],
    [['history', '--contact', 'Nobody'], 2, /no contact named "Nobody"/],
    [['log', '--frobnicate'], 2, /unknown option '--frobnicate'/],
  ])('netlog %j → exit %i', async (args, code, stderr) => {
    s = sample();
    const before = s.text();
    const r = await s.run(args);
    expect(r.stderr).toMatch(/^netlog: /);
    expect(r.stderr).toMatch(stderr);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(s.text()).toBe(before);
  });

  it('an ambiguous name without a terminal lists the candidates, for every command that takes a name', async () => {
    s = sandbox({ data: journal({ contacts: [person('Sam Lee', { id: 'samlee01' }), person('Sam Ortiz', { id: 'samort01' })] }) });
    const before = s.text();
    for (const args of [['contact', 'show', 'Sam'], ['contact', 'edit', 'sam', '--role', 'x'], ['contact', 'rm', 'Sam', '--yes'], ['contact', 'archive', 'Sam'], ['contact', 'merge', 'Sam', 'Sam Lee'], ['history', '--contact', 'Sam'], ['add', 'Sam']]) {
      const r = await s.run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/"(Sam|sam)" matches several contacts: Sam Lee, Sam Ortiz\nhint: use the full name/);
    }
    expect(s.text()).toBe(before);
  });

  it('an invalid journal is reported (exit 1) and never overwritten', async () => {
    s = sandbox({ text: '{ "version": 1, "contacts": [' });
    const r = await s.run(['contact', 'add', 'Rita Moreno']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^netlog: /);
    expect(s.text()).toBe('{ "version": 1, "contacts": [');
  });

  it('names from the journal cannot drive the terminal, even in error messages', async () => {
    s = sandbox({ data: journal({ contacts: [person('Evil\u001b[31m Eve', { id: 'evil0001' })] }) });
    const list = await s.run(['contacts']);
    expect(list.stdout).toContain('Evil\\x1B[31m Eve');
    expect(list.stdout).not.toContain('\u001b');
    const before = s.text();
    const err = await s.run(['contact', 'add', 'Evil\u001b[31m Eve']);
    expect(err.code).toBe(2);
    expect(s.text()).toBe(before);
    expect(err.stderr).not.toContain('\u001b');
  });
});

describe('contact add', () => {
  it('adds a person and prints them (--json: the contact as stored)', async () => {
    s = sample();
    const r = await s.run(['contact', 'add', 'Rita  Moreno', '--email', 'rita@moreno.io', '--phone', '+1 555 0199', '--company', 'Moreno Studio', '--role', 'Owner', '--tag', 'Designer,friend', '--tag', 'prospect', '--every', '6w', '--source', 'Chamber mixer', '--note', 'wants a new sign', '--json']);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c).toMatchObject({ name: 'Rita Moreno', emails: ['rita@moreno.io'], phones: ['+1 555 0199'], company: 'Moreno Studio', role: 'Owner', tags: ['designer', 'friend', 'prospect'], cadenceDays: 42, source: 'Chamber mixer', notes: 'wants a new sign', archived: false });
    expect(c.id).toMatch(/^[0-9a-z]{8}$/);
    expect(s.json().contacts.at(-1)).toEqual(c);
  });

  it('says what it added in one line; -q says nothing', async () => {
    s = sample();
    const r = await s.run(['contact', 'add', 'Rita Moreno', '--company', 'Moreno Studio', '--every', 'monthly']);
    expect(r).toMatchObject({ code: 0, stdout: 'Added Rita Moreno (Moreno Studio; monthly).\n', stderr: '' });
    const q = await s.run(['-q', 'contact', 'add', 'Ben Oduya']);
    expect(q).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(s.json().contacts).toHaveLength(27);
  });

  it('a likely duplicate goes in with --new', async () => {
    s = sample();
    const r = await s.run(['contact', 'add', 'Miriam', '--new', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).name).toBe('Miriam');
    // From now on "Miriam" is that exact contact, not a first name.
    expect(JSON.parse((await s.run(['contact', 'show', 'miriam', '--json'])).stdout).contact.id).toBe(JSON.parse(r.stdout).id);
  });
});

describe('contact show', () => {
  it('--json gives the page as one value', async () => {
    s = sample();
    const r = await s.run(['contact', 'show', 'mim', '--json']);
    expect(r.code).toBe(0);
    const p = JSON.parse(r.stdout);
    expect(Object.keys(p)).toEqual(['contact', 'cadence', 'nextTouch', 'stage', 'balance', 'firstTouch', 'lastTouch', 'promises', 'theirPromises', 'timeline', 'timelineTotal', 'wants', 'dates', 'upcomingDates', 'intros']);
    expect(p.contact.id).toBe(MIRIAM);
    expect(p.cadence).toEqual({ days: 30, from: 'tag', tag: 'investor', description: 'monthly' });
    expect(p.stage).toMatchObject({ stage: 'profitability', needed: 6 });
    expect(p.balance.balance).toBe(p.balance.gave - p.balance.asked);
    expect(p.timeline.length).toBe(Math.min(10, p.timelineTotal));
    const dates = p.timeline.map((t: { date: string }) => t.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('--limit and --all size the timeline', async () => {
    s = sample();
    expect(JSON.parse((await s.run(['contact', 'show', 'Miriam', '--limit', '2', '--json'])).stdout).timeline).toHaveLength(2);
    const all = JSON.parse((await s.run(['contact', 'show', 'Miriam', '--all', '--json'])).stdout);
    expect(all.timeline).toHaveLength(all.timelineTotal);
  });

  it("shows a person's page: profile, cadence and where it comes from, stage progress, balance, promises, timeline", async () => {
    s = sample();
    const r = await s.run(['contact', 'show', 'Owen', '--limit', '2']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.stdout;
    expect(out).toMatch(/^Owen Gallagher\nMortgage Broker at Keystone Mortgage\n/);
    expect(out).toMatch(/cadence +biweekly \(from tag breakfast-club\); touch due since Tue 17 Nov \(3 days ago\)/);
    expect(out).toMatch(/stage +visibility: 9 meetings; held back by 1 overdue promise/);
    expect(out).toMatch(/balance +\+3 all time: gave 3, asked 0, received 0 in 9 interactions/);
    expect(out).toMatch(/promises +1 made, 0 kept \(0 on time\), 1 open, 1 overdue\n +• Send Owen two contacts at property management firms: 13 days late/);
    // Piped, the timeline is one tab-separated line per interaction; on a terminal, a table.
    expect(out).toMatch(/Timeline, newest first \(2 of 9\)\nID\tDate\tKind\tWhat\n[0-9a-z]{4}\tTue 3 Nov\tmeal\tBreakfast club\. [^\t\n]+\n[0-9a-z]{4}\tThu 22 Oct\tmessage\t[^\t\n]+\n7 older/);
    expect(out).toMatch(/7 older: netlog contact show "Owen Gallagher" --all/);
    const tty = (await s.run(['contact', 'show', 'Owen', '--limit', '2'], { tty: true })).stdout;
    expect(tty).toMatch(/Timeline, newest first \(2 of 9\)\nID +Date +Kind +What\n[0-9a-z]{4} +Tue 3 Nov +meal/);
    expect(tty).toMatch(/7 older: netlog contact show "Owen Gallagher" --all/);
  });

  it('a person never met says how to log the first interaction', async () => {
    s = sample();
    await s.run(['contact', 'add', 'Rita Moreno']);
    const out = (await s.run(['contact', 'show', 'Rita Moreno'])).stdout;
    expect(out).toMatch(/stage +visibility: 0\/6 meetings/);
    expect(out).toContain('No interactions yet. Log one: netlog add "Rita Moreno"');
  });
});

describe('contact edit', () => {
  it('--json gives the contact and what changed; lists add, --untag/--remove-* take away, "" clears', async () => {
    s = sample();
    const r = await s.run(['contact', 'edit', 'Miriam', '--role', 'Managing Partner', '--tag', 'advisor', '--untag', 'investor', '--email', 'mo@home.net', '--remove-email', 'MIRIAM@larchmont.vc', '--alias', 'Miri', '--remove-alias', 'mim', '--source', '', '--every', 'quarterly', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('"Miriam" is Miriam Okafor\n');
    const { contact, changes } = JSON.parse(r.stdout);
    expect(contact).toMatchObject({ id: MIRIAM, role: 'Managing Partner', tags: ['advisor'], emails: ['mo@home.net'], aliases: ['Miri'], cadenceDays: 91 });
    expect(contact).not.toHaveProperty('source');
    expect(changes).toEqual(expect.arrayContaining(['role', 'source cleared', 'cadence quarterly', 'tag advisor added', 'tag investor removed']));
    expect(s.json().contacts.find((c: { id: string }) => c.id === MIRIAM)).toEqual(contact);
  });

  it('--rename changes the name; the old name no longer finds them', async () => {
    s = sample();
    const r = await s.run(['contact', 'edit', 'Tomas Reyes', '--rename', 'Tomás Reyes-Vidal']);
    expect(r).toMatchObject({ code: 0, stdout: 'Updated Tomás Reyes-Vidal: renamed from Tomás Reyes.\n' });
    expect((await s.run(['contact', 'show', 'Tomás Reyes-Vidal', '--json'])).code).toBe(0);
    // "Tomas Reyes" is still an alias in the sample, so it still finds him.
    expect(JSON.parse((await s.run(['contact', 'show', 'Tomas Reyes', '--json'])).stdout).contact.name).toBe('Tomás Reyes-Vidal');
  });

  it('--every inherit goes back to the tag cadence', async () => {
    s = sample();
    expect(JSON.parse((await s.run(['contact', 'show', 'Victor', '--json'])).stdout).cadence.from).toBe('contact');
    expect((await s.run(['contact', 'edit', 'Victor', '--every', 'inherit'])).code).toBe(0);
    expect(JSON.parse((await s.run(['contact', 'show', 'Victor', '--json'])).stdout).cadence).toMatchObject({ days: 90, from: 'default' });
  });

  it('asking for what is already so changes nothing and says so', async () => {
    s = sample();
    const before = s.text();
    const r = await s.run(['contact', 'edit', 'Miriam Okafor', '--tag', 'investor', '--company', 'Larchmont Ventures']);
    expect(r).toMatchObject({ code: 0, stdout: 'Nothing changed: Miriam Okafor already had all of that.\n' });
    expect(s.text()).toBe(before);
  });
});

describe('contact merge', () => {
  it('folds OTHER into KEEP: interactions (once), promises, aliases incl. its name, emails, tags', async () => {
    s = sandbox({
      data: journal({
        contacts: [
          person('Dana Lee', { id: 'dana0001', emails: ['dana@acme.com'], tags: ['client'] }),
          person('D. Lee', { id: 'dlee0001', emails: ['dl@home.org'], phones: ['555 0101'], company: 'Acme', aliases: ['Dee'], tags: ['friend'] }),
          person('Sam Ortiz', { id: 'sam00001' }),
        ],
        interactions: [meeting('i1', '2026-11-01', ['dana0001']), meeting('i2', '2026-11-02', ['dlee0001', 'sam00001']), meeting('i3', '2026-11-03', ['dana0001', 'dlee0001'])],
        promises: [{ id: 'p1', contactId: 'dlee0001', text: 'send deck', due: '2026-11-25', createdAt: '2026-11-02T10:00:00.000Z', doneOn: null }],
      }),
    });
    const r = await s.run(['contact', 'merge', 'Dana Lee', 'D. Lee', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ interactions: 2, shared: 1, promises: 1, kept: [], removed: { contactId: 'dlee0001', name: 'D. Lee' } });
    const j = s.json();
    expect(j.contacts.map((c: { id: string }) => c.id)).toEqual(['dana0001', 'sam00001']);
    expect(j.contacts[0]).toMatchObject({ aliases: ['D. Lee', 'Dee'], emails: ['dana@acme.com', 'dl@home.org'], phones: ['555 0101'], company: 'Acme', tags: ['client', 'friend'] });
    expect(j.interactions.map((i: { contactIds: string[] }) => i.contactIds)).toEqual([['dana0001'], ['dana0001', 'sam00001'], ['dana0001']]);
    expect(j.promises[0].contactId).toBe('dana0001');
    // The other's name now finds the one kept.
    expect(JSON.parse((await s.run(['contact', 'show', 'D. Lee', '--json'])).stdout).contact.id).toBe('dana0001');
  });

  it('says what moved and which of its values were not kept', async () => {
    s = sample();
    const r = await s.run(['contact', 'merge', 'Leo Marchand', 'Naomi Fischer']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Merged Naomi Fischer into Leo Marchand; moved \d+ interactions? .*"Naomi Fischer" is now an alias; kept company "Marchand Consulting" \(Naomi Fischer had "Fischer Advisory"\)/);
    expect(s.json().contacts).toHaveLength(24);
  });
});

describe('contact archive, unarchive, rm', () => {
  it('archive hides from contacts and --json says so; --undo and unarchive bring back; repeating changes nothing', async () => {
    s = sample();
    const a = await s.run(['contact', 'archive', 'Brent', '--json']);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout)).toMatchObject({ contact: { name: 'Brent Kowalski', archived: true }, changed: true });
    const names = async (args: string[]) => JSON.parse((await s!.run(['contacts', ...args, '--json'])).stdout).contacts.map((c: { name: string }) => c.name);
    expect(await names([])).not.toContain('Brent Kowalski');
    expect(await names(['--archived'])).toEqual(['Brent Kowalski', 'Jasper Quinn']);
    const before = s.text();
    expect(await s.run(['contact', 'archive', 'Brent Kowalski'])).toMatchObject({ code: 0, stdout: 'Brent Kowalski is already archived; nothing changed.\n' });
    expect(s.text()).toBe(before);
    expect((await s.run(['contact', 'archive', 'Brent Kowalski', '--undo'])).stdout).toBe('Brent Kowalski is active again.\n');
    expect((await s.run(['contact', 'unarchive', 'Jasper', '--json'])).code).toBe(0);
    expect(await names(['--archived'])).toEqual([]);
  });

  it('logging with an archived person works and says they are archived', async () => {
    s = sample();
    const r = await s.run(['add', 'Jasper Quinn', '--kind', 'email']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('Jasper Quinn is archived: logged anyway (bring them back with: netlog contact unarchive "Jasper Quinn")\n');
    expect(s.json().interactions.at(-1).contactIds).toEqual(['wvvbqtxy']);
  });

  it('rm --yes removes the person, their one-to-one interactions and promises, and keeps group interactions', async () => {
    s = sample();
    const before = s.json();
    const mine = before.interactions.filter((i: { contactIds: string[] }) => i.contactIds.includes(MIRIAM));
    const r = await s.run(['contact', 'rm', 'Miriam Okafor', '--yes', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ removed: { id: MIRIAM }, interactionsDeleted: 6, groupInteractionsLeft: 2, promisesDeleted: 3 });
    const after = s.json();
    expect(after.contacts).toHaveLength(24);
    expect(after.interactions).toHaveLength(before.interactions.length - 6);
    expect(after.interactions.some((i: { contactIds: string[] }) => i.contactIds.includes(MIRIAM))).toBe(false);
    expect(after.promises.some((p: { contactId: string }) => p.contactId === MIRIAM)).toBe(false);
    expect(mine).toHaveLength(8);
  });
});

describe('contacts', () => {
  it('--json lists everyone active, by name, with stage, balance, cadence and last touch', async () => {
    s = sample();
    const r = await s.run(['contacts', '--json']);
    expect(r.code).toBe(0);
    const { contacts } = JSON.parse(r.stdout);
    expect(contacts).toHaveLength(24);
    expect(Object.keys(contacts[0])).toEqual(['contactId', 'name', 'company', 'tags', 'archived', 'stage', 'interactions', 'gave', 'asked', 'received', 'balance', 'cadenceDays', 'cadenceFrom', 'lastTouch', 'nextTouch']);
    const names = contacts.map((c: { name: string }) => c.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)));
    const brent = contacts.find((c: { name: string }) => c.name === 'Brent Kowalski');
    expect(brent).toMatchObject({ cadenceDays: null, cadenceFrom: 'contact', nextTouch: null });
  });

  it.each([
    [['--tag', 'client'], ['Hannah Cole', 'Priya Natarajan', 'Rafael Duarte', 'Tomás Reyes']],
    [['--tag', 'client', '--stage', 'profitability'], ['Hannah Cole', 'Rafael Duarte', 'Tomás Reyes']],
    [['--stage', 'credibility'], ['Sofia Marchetti']],
    [['--all', '--tag', 'alumni'], ['Jasper Quinn', 'Victor Stahl']],
    [['--tag', 'nobody'], []],
  ])('%j', async (args, names) => {
    s = sample();
    const r = await s.run(['contacts', ...args, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).contacts.map((c: { name: string }) => c.name)).toEqual(names);
  });

  it('the table fits the width it is given', async () => {
    s = sample();
    for (const width of [60, 80, 140]) {
      const r = await s.run(['contacts'], { tty: true, columns: width });
      expect(r.code).toBe(0);
      for (const line of r.stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(width);
    }
    // 80 columns is still a table; tags give way.
    expect((await s.run(['contacts'], { tty: true, columns: 80 })).stdout).toMatch(/^Name +Company +Stage +Balance +Cadence +Last touch\nAisha Rahman +Aisha Rahman +profitability +\+6 +biweekly +3 days ago\n/);
    const wide = (await s.run(['contacts'], { tty: true, columns: 140 })).stdout;
    expect(wide).toMatch(/^Name +Company +Stage +Balance +Cadence +Last touch +Tags\n/);
    expect(wide).toMatch(/\nOwen Gallagher +Keystone Mortgage +visibility, promise late +\+3 +biweekly +2 weeks ago +breakfast-club\n/);
    expect(wide).toMatch(/\n24 contacts\n$/);
    // Piped: every person on one line, every field (tags too) after a tab, whatever COLUMNS says.
    const pipedRun = await s.run(['contacts'], { env: { COLUMNS: '60' } });
    const piped = pipedRun.stdout.split('\n');
    expect(piped[0]).toBe('Name\tCompany\tStage\tBalance\tCadence\tLast touch\tTags');
    expect(piped[1]).toBe('Aisha Rahman\tAisha Rahman Design\tprofitability\t+6\tbiweekly\t3 days ago\tbreakfast-club');
    expect(piped).toContain('Owen Gallagher\tKeystone Mortgage\tvisibility, promise late\t+3\tbiweekly\t2 weeks ago\tbreakfast-club');
    expect(piped.filter((l) => l.split('\t').length === 7)).toHaveLength(25);
    // The count is talk when piped: stdout is one person a line, so `| tail -1` is a person.
    expect(piped.slice(-2)).toEqual(['Yuki Tanaka\tTanaka Data\tprofitability\t+3\tmonthly\t10 days ago\tsubcontractor', '']);
    expect(pipedRun.stderr).toBe('24 contacts\n');
    expect((await s.run(['-q', 'contacts'])).stderr).toBe('');
  });

  it('with no match says so', async () => {
    s = sample();
    expect(await s.run(['contacts', '--tag', 'nobody'])).toMatchObject({ code: 0, stdout: '', stderr: 'No contacts match.\n' });
    expect(await s.run(['contacts', '--tag', 'nobody'], { tty: true })).toMatchObject({ code: 0, stdout: 'No contacts match.\n' });
    s.cleanup();
    s = sandbox();
    expect(await s.run(['contacts'])).toMatchObject({ code: 0, stdout: '', stderr: 'No contacts yet. Add one: netlog contact add "Dana Lee" (or log a meeting: netlog add "Dana Lee")\n' });
    expect(s.text()).toBeUndefined();
  });
});

describe('help', () => {
  it.each([['contact'], ['contact', 'add'], ['contact', 'show'], ['contact', 'edit'], ['contact', 'merge'], ['contact', 'archive'], ['contact', 'unarchive'], ['contact', 'rm'], ['contacts'], ['history'], ['log']])(
    'netlog %j --help shows examples',
    async (...cmd) => {
      s = sandbox();
      const r = await s.run([...cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/\nExamples:\n {2}\$ netlog /);
    },
  );

  it('netlog contact alone lists its commands', async () => {
    s = sandbox();
    const r = await s.run(['contact']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: netlog contact <command> \[options\]/);
    expect(r.stdout).toMatch(/merge <keep> <other>/);
  });
});
