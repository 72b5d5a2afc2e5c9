import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { SAMPLE, sandboxes, expectRefused, type Sandbox, runJson } from '../helpers/cli.js';
import { contact, journal, meeting, promiseWithId } from '../helpers/journal.js';
import { visibleWidth } from '../../src/ui/width.js';

// Acting on the journal (SPEC §6.3): due with context, wants, key dates, ideas, brief, intros.

const box = sandboxes();

const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

/** A small journal: Dana wants a designer, Sam is one, Bo promised you an intro. */
function small() {
  return journal({
    settings: { defaultCadenceDays: 30 },
    contacts: [
      contact('dana0001', 'Dana Lee', { wants: [{ id: 'w7kq2aaa', text: 'a brand designer', since: '2026-10-01', metOn: null }] }),
      contact('sam00001', 'Sam Ortiz', { tags: ['designer'], role: 'Brand designer' }),
      contact('bo000001', 'Bo Brown', { company: 'Acme' }),
      contact('ann00001', 'Ann Ames', { wants: [{ id: 'w7kq2bbb', text: 'a flat in Lisbon', since: '2026-10-01', metOn: null }] }),
    ],
    interactions: [
      meeting('i1', '2026-09-01', ['dana0001'], { note: 'Rebrand in the spring. Budget is tight.' }),
      meeting('i2', '2026-10-01', ['dana0001'], { kind: 'coffee', asked: [{ type: 'advice' }] }),
      meeting('i3', '2026-09-15', ['bo000001']),
      meeting('i4', '2026-09-20', ['bo000001']),
      meeting('i5', '2026-11-19', ['sam00001']),
      meeting('i6', '2026-11-18', ['sam00001']),
    ],
    promises: [
      { ...promiseWithId('pthem001', 'bo000001', '2026-11-18', null, 'the CFO intro'), owner: 'them' as const },
      { ...promiseWithId('pdrop001', 'bo000001', '2026-11-10', null, 'a dropped thing'), owner: 'them' as const, droppedOn: '2026-11-11' },
      { ...promiseWithId('pmine001', 'dana0001', '2026-11-12', null, 'dropped mine'), droppedOn: '2026-11-11' },
    ],
  });
}

describe('due with context', () => {
  it('--json: context on every item, check-ins for their promises, dropped promises never due, a total', async () => {
    const s = box({ data: small() });
    const out = await runJson(s, ['due']);
    expect(out.total).toBe(out.items.length);
    expect(out.items.map((i: any) => `${i.type} ${i.name}`)).toEqual(['check-in Bo Brown', 'touch Ann Ames', 'touch Bo Brown', 'touch Dana Lee']);
    expect(out.items[0]).toMatchObject({ type: 'check-in', promiseId: 'pthem001', text: 'the CFO intro', overdueDays: 2 });
    const dana = out.items[3];
    // the note is the Sep 1 meeting's, not the last coffee's
    expect(dana.context).toEqual({ lastDate: '2026-10-01', lastKind: 'coffee', lastNote: 'Rebrand in the spring. Budget is tight.', lastNoteDate: '2026-09-01', wants: ['a brand designer'], theyOwe: [] });
    expect(dana.suggestion).toBe('you owe them: introduce Dana to Sam Ortiz (role Brand designer) — Dana wants a brand designer');
    expect(out.items[2].context).toEqual({ lastDate: '2026-09-20', lastKind: 'meeting', wants: [], theyOwe: ['the CFO intro'] });
    // fields absent when unknown: Ann has never been met
    expect(out.items[1].context).toEqual({ wants: ['a flat in Lisbon'], theyOwe: [] });
    // --limit keeps the total
    expect(await runJson(s, ['due', '--limit', '1'])).toMatchObject({ total: 4, items: [{ type: 'check-in' }] });
  });

  it('the human list: one line of context, how far past their rhythm, "check in"', async () => {
    const s = box({ data: small() });
    const r = await s.run(['due'], { tty: true, columns: 120 });
    const text = strip(r.stdout);
    expect(text).toMatch(/they promised you: the CFO intro — check in/);
    expect(text).toMatch(/Bo Brown +31 days late +last touch 2 months ago \(monthly, 2\.0× cadence\)/); // 61 days ÷ 30
    expect(text).toMatch(/last: coffee 7 weeks ago; note 3 months ago — "Rebrand in the spring"/);
    expect(text).toMatch(/owes you: the CFO intro/);
  });

  it('a terminal shows 20 and says how many more; --all and a pipe show everything', async () => {
    const many = journal({ settings: { defaultCadenceDays: 30 }, contacts: Array.from({ length: 23 }, (_, n) => contact(`c${n}`, `Person ${String(n).padStart(2, '0')}`)) });
    const s = box({ data: many });
    const tty = strip((await s.run(['due'], { tty: true })).stdout);
    expect(tty).toContain('Person 19');
    expect(tty).not.toContain('Person 20');
    expect(tty.trimEnd().split('\n').at(-1)).toBe('and 3 more — netlog due --all');
    const all = strip((await s.run(['due', '--all'], { tty: true })).stdout);
    expect(all).toContain('Person 22');
    expect(all).not.toContain('more — netlog due --all');
    const run = await s.run(['due']);
    // Piped, the heading is talk (stderr); stdout is the header line and every item.
    expect(run.stderr).toMatch(/^Due today, Fri 20 Nov: 23 touches\n$/);
    const piped = run.stdout.replace(/\n$/, '').split('\n');
    expect(piped).toHaveLength(24);
    expect(piped.every((l) => l.split('\t').length === 5)).toBe(true);
    expect(piped.at(-1)).toMatch(/^23\ttouch\tPerson 22\t/);
    expect((await runJson(s, ['due'])).items).toHaveLength(23);
  });
});

describe('wants', () => {
  it('add --wants records them on the first person named; --meets with a give marks one met; want done by prefix', async () => {
    const s = box();
    let r = await s.run(['add', 'Dana Lee', 'Sam Ortiz', '--wants', 'a brand designer', '--wants', '  a flat   in Lisbon ']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Dana Lee wants a brand designer\. Dana Lee wants a flat in Lisbon\.$/m);
    const j = s.json();
    const dana = j.contacts.find((c: any) => c.name === 'Dana Lee');
    expect(dana.wants.map((w: any) => [w.text, w.since, w.metOn])).toEqual([['a brand designer', '2026-11-20', null], ['a flat in Lisbon', '2026-11-20', null]]);
    expect(j.contacts.find((c: any) => c.name === 'Sam Ortiz').wants).toBeUndefined();
    const [designer, flat] = dana.wants;
    r = await s.run(['add', 'Dana', '--gave', 'intro:to Sam', '--meets', designer.id.slice(0, 5)]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Met Dana Lee's want: a brand designer\./);
    expect(s.json().contacts[0].wants[0].metOn).toBe('2026-11-20');
    r = await s.run(['add', 'Dana', '--gave', 'advice', '--meets', designer.id]);
    expect(r.stdout).toMatch(/Dana Lee's want "a brand designer" was already met on 2026-11-20\./);
    await expectRefused(s, ['want', 'done', flat.id, '--on', 'yesterday'], 2, /before the want was recorded \(2026-11-20\)/);
    const done = await s.run(['want', 'done', flat.id.slice(0, 4), '--on', 'yesterday', '--json'], { today: '2026-11-22' });
    expect(JSON.parse(done.stdout)).toMatchObject({ id: flat.id, metOn: '2026-11-21', changed: true, name: 'Dana Lee' });
    // again: left as it is
    expect(await runJson(s, ['want', 'done', flat.id])).toMatchObject({ metOn: '2026-11-21', changed: false });
    expect((await s.run(['want', 'done', flat.id])).stdout).toBe(`Dana Lee's want "a flat in Lisbon" was already met on 2026-11-21.\n`);
    expect((await runJson(s, ['due', '--on', '2026-11-22', '--within', '60'])).items.flatMap((i: any) => i.context.wants)).toEqual([]);
  });

  it.each([
    // The id is an argument, not a flag: the message starts with what went wrong.
    [['want', 'done', 'zzzz'], /^netlog: no want with an id starting "zzzz"/],
    [['want', 'done', 'w7kq2'], /^netlog: "w7kq2" matches 2 wants/],
    [['want', 'done', 'w7kq2aaa', '--on', 'tomorrow'], /in the future/],
    [['add', 'Dana Lee', '--meets', 'w7kq2aaa'], /--meets needs a --gave/],
    [['add', 'Dana Lee', '--gave', 'intro', '--meets', 'nope'], /--meets: no want with an id starting "nope"/],
    [['add', 'Sam Ortiz', '--gave', 'intro', '--meets', 'w7kq2aaa'], /is Dana Lee's, who is not in this interaction/],
    [['add', 'Dana Lee', '--wants', ' '], /--wants needs some text/],
  ])('%j exits 2 and writes nothing', async (args, message) => {
    await expectRefused(box({ data: small() }), args, 2, message);
  });
});

describe('key dates', () => {
  it('contact edit sets a birthday (year optional) and other dates; due lists them on their day and within --within, with an age', async () => {
    const s = box({ data: small() });
    let r = await s.run(['contact', 'edit', 'Sam', '--birthday', '1990-11-22', '--date', 'work anniversary=11-20', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).contact.dates).toEqual([{ label: 'birthday', date: '1990-11-22' }, { label: 'work anniversary', date: '--11-20' }]);
    expect((await runJson(s, ['due'])).items.filter((i: any) => i.type === 'date')).toEqual([
      expect.objectContaining({ type: 'date', name: 'Sam Ortiz', label: 'work anniversary', date: '--11-20', dueOn: '2026-11-20', overdueDays: 0 }),
    ]);
    const within = (await runJson(s, ['due', '--within', '3'])).items.filter((i: any) => i.type === 'date');
    expect(within.map((i: any) => [i.label, i.dueOn, i.age])).toEqual([['work anniversary', '2026-11-20', undefined], ['birthday', '2026-11-22', 36]]);
    // replace by label, remove by label
    r = await s.run(['contact', 'edit', 'Sam', '--birthday', '02-29', '--remove-date', 'Work Anniversary', '--json']);
    expect(JSON.parse(r.stdout).contact.dates).toEqual([{ label: 'birthday', date: '--02-29' }]);
    // Feb 29 falls on Feb 28 in 2027
    const leap = (await runJson(s, ['due', '--on', '2027-02-28'])).items.find((i: any) => i.type === 'date');
    expect(leap).toMatchObject({ label: 'birthday', dueOn: '2027-02-28' });
    expect(leap.age).toBeUndefined();
  });

  it.each([
    [['contact', 'edit', 'Sam Ortiz', '--birthday', '02-30'], /--birthday: "02-30" is not a date/],
    [['contact', 'edit', 'Sam Ortiz', '--birthday', '1987-02-29'], /is not a date/],
    [['contact', 'edit', 'Sam Ortiz', '--date', 'anniversary'], /--date: "anniversary" is not LABEL=WHEN/],
    [['contact', 'edit', 'Sam Ortiz', '--date', '=06-01'], /not LABEL=WHEN/],
    [['contact', 'edit', 'Sam Ortiz', '--remove-date', 'birthday'], /Sam Ortiz has no date "birthday" \(no key dates\)/],
  ])('%j exits 2 and writes nothing', async (args, message) => {
    const r = await expectRefused(box({ data: small() }), args, 2, message);
    if (/--birthday|LABEL/.test(args.join(' ')) && /not a date/.test(message.source)) expect(r.stderr).toMatch(/hint: write YYYY-MM-DD, MM-DD or --MM-DD/);
  });

  it('vCard export and import carry birthdays and other dates (year known and not)', async () => {
    const s = box({ data: small() });
    expect((await s.run(['contact', 'edit', 'Sam', '--birthday', '1990-03-14', '--date', 'anniversary=06-01', '--date', 'started=2019-09-02'])).code).toBe(0);
    expect((await s.run(['contact', 'edit', 'Dana', '--birthday', '02-29'])).code).toBe(0);
    const vcf = (await s.run(['export', '--format', 'vcf'])).stdout;
    expect(vcf).toMatch(/^BDAY:19900314\r$/m);
    expect(vcf).toMatch(/^ANNIVERSARY:--0601\r$/m);
    expect(vcf).toMatch(/^BDAY:--0229\r$/m);
    const file = join(s.dir, 'out.vcf');
    writeFileSync(file, vcf);
    const t = box();
    expect((await t.run(['import', file])).code).toBe(0);
    const dates = Object.fromEntries(t.json().contacts.map((c: any) => [c.name, c.dates]));
    expect(dates['Sam Ortiz']).toEqual([{ label: 'birthday', date: '1990-03-14' }, { label: 'anniversary', date: '--06-01' }, { label: 'started', date: '2019-09-02' }]);
    expect(dates['Dana Lee']).toEqual([{ label: 'birthday', date: '--02-29' }]);
    // importing again changes nothing; a date you set is never overwritten
    expect((await t.run(['contact', 'edit', 'Sam', '--birthday', '1991-03-14'])).code).toBe(0);
    const before = t.text();
    expect((await t.run(['import', file])).code).toBe(0);
    expect(t.text()).toBe(before);
  });

  it("imports vCard 3.0 BDAY forms (Apple's 1604 = no year) and Google's Birthday column", async () => {
    const s = box();
    const vcf = join(s.dir, 'in.vcf');
    writeFileSync(vcf, 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Lima\r\nBDAY;VALUE=date:1604-07-09\r\nX-ANNIVERSARY:2015-05-30\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Rui Costa\r\nBDAY:1979-12-01T00:00:00Z\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bad Date\r\nBDAY:1979-02-30\r\nEND:VCARD\r\n');
    expect((await s.run(['import', vcf])).code).toBe(0);
    const csv = join(s.dir, 'google.csv');
    writeFileSync(csv, 'Name,Given Name,Family Name,Birthday,Group Membership,E-mail 1 - Value\nEva Ng,Eva,Ng,--04-02,* myContacts,eva@example.com\nLi Wu,Li,Wu,1985-10-31,* myContacts,li@example.com\nNo Day,No,Day,someday,* myContacts,no@example.com\n');
    const r = await s.run(['import', csv, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const dates = Object.fromEntries(s.json().contacts.map((c: any) => [c.name, c.dates]));
    expect(dates).toEqual({
      'Ana Lima': [{ label: 'birthday', date: '--07-09' }, { label: 'anniversary', date: '2015-05-30' }],
      'Rui Costa': [{ label: 'birthday', date: '1979-12-01' }],
      'Bad Date': undefined,
      'Eva Ng': [{ label: 'birthday', date: '--04-02' }],
      'Li Wu': [{ label: 'birthday', date: '1985-10-31' }],
      'No Day': undefined,
    });
    expect(r.stdout).toMatch(/left out the birthday \\"someday\\"/);
  });

  it('ICS export: key dates as yearly events', async () => {
    const s = box({ fixture: SAMPLE });
    const ics = (await s.run(['export', '--format', 'ics'])).stdout;
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const hannah = events.find((e) => e.summary === 'Hannah Cole: birthday')!;
    expect(hannah.isRecurring()).toBe(true);
    expect(ics).toMatch(/RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1/); // her Feb 29
  });
});

describe('ideas', () => {
  it('--json: per open want, who fits and why, best first; skips intros already made; people you owe', async () => {
    const data = small();
    data.contacts.push(contact('eve00001', 'Eve Ng', { tags: ['designers'] }), contact('rui00001', 'Rui Costa', { notes: 'Moved to Lisbon; knows every flat agent there.' }));
    data.interactions.push(meeting('i7', '2026-10-05', ['dana0001'], { gave: [{ type: 'intro', note: 'to Eve', link: 'eve00001' }] }));
    const s = box({ data });
    const out = await runJson(s, ['ideas']);
    expect(Object.keys(out)).toEqual(['ideas', 'owed']);
    expect(out.ideas).toEqual([
      // Dana (balance -1 before the intro, 0 after): no longer owed; Sam fits, Eve is already introduced
      { wantId: 'w7kq2bbb', contactId: 'ann00001', name: 'Ann Ames', want: 'a flat in Lisbon', candidates: [{ contactId: 'rui00001', name: 'Rui Costa', why: 'notes mention "flat", "lisbon"' }] },
      { wantId: 'w7kq2aaa', contactId: 'dana0001', name: 'Dana Lee', want: 'a brand designer', candidates: [{ contactId: 'sam00001', name: 'Sam Ortiz', why: 'role Brand designer; tagged designer' }] },
    ]);
    expect(out.owed).toEqual([]);
    const explained = await runJson(s, ['ideas', '--explain']);
    expect(explained.ideas[1].candidates[0].score).toBe(7);
    const text = (await s.run(['ideas', '--explain'])).stdout;
    expect(text).toMatch(/Dana Lee wants a brand designer \[w7kq2aaa\]/);
    expect(text).toMatch(/Sam Ortiz: role Brand designer; tagged designer \(7 points\)/);
    expect(text).toMatch(/Ranking: points per word/);
  });

  it('on the sample: introductions a person would make, and something to give the people you owe', async () => {
    const out = await runJson(box({ fixture: SAMPLE }), ['ideas']);
    const first = (name: string) => out.ideas.find((i: any) => i.name === name)?.candidates[0]?.name;
    expect(first('Victor Stahl')).toBe('Yuki Tanaka');
    expect(first('Naomi Fischer')).toBe('Aisha Rahman');
    expect(first('Felix Brandt')).toBe('Aisha Rahman');
    expect(first('Miriam Okafor')).toBe('Tomás Reyes');
    expect(first('Owen Gallagher')).toBe('Sofia Marchetti');
    // Daniel's bookkeeper want was met (Lena): not listed
    expect(out.ideas.map((i: any) => i.name)).not.toContain('Daniel Osei');
    expect(out.owed.map((o: any) => o.name)).toEqual(['Elaine Park', 'Naomi Fischer', 'Victor Stahl']);
    expect(out.owed[2].give).toMatch(/^introduce Victor to Yuki Tanaka/);
  });

  it('with no wants it says how to record one', async () => {
    const r = await box().run(['ideas']);
    // Piped, words for a person go to stderr; stdout stays empty.
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', 'No open wants yet. Record what people are looking for: netlog add NAME --wants "a designer"\n']);
  });
});

describe('brief', () => {
  it('--json: who, how you met, stage, balance, last three, promises both ways, wants, dates, intros, one suggestion', async () => {
    const s = box({ fixture: SAMPLE });
    const b = await runJson(s, ['brief', 'Felix']);
    expect(Object.keys(b)).toEqual(['today', 'contactId', 'name', 'company', 'role', 'tags', 'notes', 'howMet', 'stage', 'cadence', 'nextTouch', 'balance', 'last', 'promises', 'wants', 'dates', 'intros', 'suggestion']);
    expect(b.howMet).toEqual({ source: 'Intro from Lena Hoffmann', first: { date: '2026-11-18', kind: 'coffee', event: null }, introducedBy: { contactId: expect.any(String), name: 'Lena Hoffmann' } });
    expect(b.stage).toMatchObject({ stage: 'visibility', interactions: 1, plan: '1/6 meetings; at one meeting every 3 months, credibility by November 2027' });
    expect(b.wants.map((w: any) => w.text)).toEqual(["a web designer for the shop's online store"]);
    expect(b.intros).toEqual([expect.objectContaining({ direction: 'received', from: expect.objectContaining({ name: 'Lena Hoffmann' }), to: expect.objectContaining({ name: 'Felix Brandt' }) })]);
    expect(b.suggestion).toMatch(/^introduce Felix to Aisha Rahman \(role Web Designer\)/);
    const priya = await runJson(s, ['brief', 'Priya']);
    expect(priya.last).toHaveLength(3);
    expect(priya.promises.mine.map((p: any) => p.text)).toEqual(['Send Priya the AP automation options memo']);
    expect(priya.suggestion).toBe('keep your promise first: Send Priya the AP automation options memo (21 days late)');
    const tomas = await runJson(s, ['brief', 'Tomás']);
    expect(tomas.dates).toEqual([{ label: 'birthday', date: '--11-23', on: '2026-11-23' }]);
  });

  it('reads on one screen of 80 columns, even in a wider terminal', async () => {
    const r = await box({ fixture: SAMPLE }).run(['brief', 'Victor Stahl'], { tty: true, columns: 140 });
    expect(r.code).toBe(0);
    const lines = strip(r.stdout).trimEnd().split('\n');
    expect(lines.every((l) => visibleWidth(l) <= 80)).toBe(true);
    expect(lines.length).toBeLessThanOrEqual(40);
    const text = lines.join('\n');
    for (const bit of ['Victor Stahl', 'notes     My old boss.', 'stage     visibility: 4/6 meetings', 'balance   -3', 'Last time', 'Looking for', 'Victor Stahl introduced you to', 'Suggestion:']) expect(text).toContain(bit);
  });

  it('refuses an unknown name', async () => {
    await expectRefused(box({ fixture: SAMPLE }), ['brief', 'Nobody Atall'], 2, /no contact named "Nobody Atall"/);
  });
});

describe('intros', () => {
  it('--json: made and received, with what came of them', async () => {
    const out = await runJson(box({ fixture: SAMPLE }), ['intros']);
    expect(Object.keys(out)).toEqual(['today', 'made', 'received']);
    const pair = (i: any) => `${i.from.name} → ${i.to.name}`;
    expect(out.made.map(pair)).toEqual(['Daniel Osei → Lena Hoffmann', 'Aisha Rahman → Hannah Cole', 'Hannah Cole → Aisha Rahman', 'Lena Hoffmann → Tomás Reyes', 'Brent Kowalski → Jasper Quinn']);
    expect(out.received.map(pair)).toEqual(['Lena Hoffmann → Felix Brandt', 'Miriam Okafor → Rafael Duarte', 'Lena Hoffmann → Priya Natarajan', 'Victor Stahl → Miriam Okafor']);
    expect(out.received.find((i: any) => i.to.name === 'Rafael Duarte').afterwards).toEqual({ interactions: 11, referrals: 0, business: 1 });
  });

  it('a small tree, and in contact show', async () => {
    const s = box({ fixture: SAMPLE });
    const text = (await s.run(['intros'])).stdout;
    expect(text).toMatch(/Intros made for you\n {2}Lena Hoffmann introduced you to\n {2}├─ Felix Brandt .*\n {2}└─ Priya Natarajan/);
    const show = (await s.run(['contact', 'show', 'Lena'])).stdout;
    expect(show).toMatch(/you introduced Lena Hoffmann to\n {2}└─ Tomás Reyes/);
    expect(show).toMatch(/coming up +business anniversary Tue 1 Dec/);
    const page = await runJson(s, ['contact', 'show', 'Owen']);
    expect(page.wants.map((w: any) => w.text)).toEqual(['property managers who need commercial loans']);
    expect(page.intros).toEqual({ made: [], received: [] });
  });

  it('with none it says how to record one', async () => {
    const r = await box().run(['intros']);
    expect(r.stdout).toMatch(/^No introductions recorded yet/);
  });
});

describe('stage plan', () => {
  it('contact show: n/6 meetings and when credibility comes at their rhythm', async () => {
    const s = box({ fixture: SAMPLE });
    expect((await runJson(s, ['contact', 'show', 'Victor'])).stage).toMatchObject({ progress: '4/6 meetings', plan: '4/6 meetings; at one meeting every 2 months, credibility by January 2027' });
    expect((await s.run(['contact', 'show', 'Victor'])).stdout).toMatch(/stage +visibility: 4\/6 meetings; at one meeting every 2 months, credibility by January 2027/);
    // six meetings or more: no plan, the progress says what holds them back
    expect((await runJson(s, ['contact', 'show', 'Owen'])).stage).toMatchObject({ plan: null, progress: '9 meetings; held back by 1 overdue promise' });
  });
});

describe('words for a person under a list', () => {
  it('events’ legend and ideas’ hint: under the list on a terminal, on stderr when piped (stdout is only the list)', async () => {
    const s = box({ fixture: SAMPLE });
    for (const [args, words] of [
      [['events'], /^Followed up: an interaction after the first meeting/m],
      [['ideas'], /^Made the intro\? netlog add NAME/m],
    ] as const) {
      const piped = await s.run([...args]);
      expect(piped.code).toBe(0);
      expect(piped.stdout).not.toMatch(words);
      expect(piped.stderr).toMatch(words);
      const terminal = await s.run([...args], { tty: true, columns: 100 });
      expect(strip(terminal.stdout)).toMatch(words);
      expect(terminal.stderr).toBe('');
      // -q says nothing that is not asked for: not even that, when piped.
      expect((await s.run(['-q', ...args])).stderr).toBe('');
    }
  });
});
