import { afterEach, describe, expect, it } from 'vitest';
import { sandbox, SAMPLE, type Sandbox, expectRefused, runJson } from '../helpers/cli.js';

// End to end through the built CLI on a copy of the sample journal (today: 2026-11-20).

const boxes: Sandbox[] = [];
function sample(): Sandbox {
  const s = sandbox({ fixture: SAMPLE });
  boxes.push(s);
  return s;
}
function empty(data?: unknown): Sandbox {
  const s = sandbox(data === undefined ? undefined : { data });
  boxes.push(s);
  return s;
}
afterEach(() => {
  for (const s of boxes.splice(0)) s.cleanup();
});

/** Runs a command that must fail: exit code, `netlog: …` on stderr, nothing on stdout, journal untouched. */
const fails = async (...args: Parameters<typeof expectRefused>): Promise<void> => void (await expectRefused(...args));

describe('promises', () => {
  it('--json lists open promises, overdue first, with the stats', async () => {
    const out = await runJson(sample(), ['promises']);
    expect(out.today).toBe('2026-11-20');
    expect(out.promises.map((p: any) => [p.id, p.status, p.daysLate, p.daysLeft])).toEqual([
      ['3dyvr0c9', 'overdue', 21, null],
      ['p3k519pa', 'overdue', 13, null],
      ['s23zv8sg', 'open', null, 1],
      ['xc7p4xzq', 'open', null, 3],
      ['0bw7m17y', 'open', null, 5], // Felix's promise to you: both sides are listed
    ]);
    expect(out.promises.map((p: any) => p.owner)).toEqual(['me', 'me', 'me', 'me', 'them']);
    expect(out.theirs).toEqual({ made: 1, kept: 0, open: 1, overdue: 0 });
    expect(out.promises[0]).toMatchObject({ contactId: '37q6n7y0', name: 'Priya Natarajan', due: '2026-10-30', doneOn: null, onTime: null });
    expect(out.stats).toEqual({ made: 17, kept: 13, keptOnTime: 9, open: 4, overdue: 2 });
  });

  it('--all adds kept ones with whether on time; --contact narrows', async () => {
    const out = await runJson(sample(), ['promises', '--all', '--contact', 'Miriam']);
    expect(out.promises.map((p: any) => [p.id, p.status, p.onTime, p.daysLate, p.daysLeft])).toEqual([
      ['djvhmvcw', 'kept', true, 0, null],
      ['n9xjz9ev', 'kept', false, 6, null],
      ['jv94tgmp', 'kept', true, 0, null],
    ]);
    expect(out.stats).toEqual({ made: 3, kept: 3, keptOnTime: 2, open: 0, overdue: 0 });
  });

  it('prints due dates in words', async () => {
    const s = sample();
    const r = await s.run(['promises']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Promises: 4 open (2 overdue) · 13 kept, 9 on time');
    expect(r.stdout).toContain('\n3dyvr0c9\tyou owe\tPriya Natarajan\tSend Priya the AP automation options memo\tFri 30 Oct\t21 days overdue\n');
    expect(r.stdout).toMatch(/\ns23zv8sg\t.*\tdue tomorrow\n/);
    expect(r.stdout).toMatch(/\nxc7p4xzq\t.*\tdue in 3 days\n/);
    expect(r.stderr).toContain('netlog done ID');
    const tty = (await s.run(['promises'], { tty: true })).stdout;
    expect(tty).toMatch(/3dyvr0c9 +you owe +Priya Natarajan .*21 days overdue/);
    expect(tty).toMatch(/s23zv8sg .*due tomorrow/);
    expect(tty).toMatch(/xc7p4xzq .*due in 3 days/);
  });

  it('says so when there is nothing open', async () => {
    const r = await empty().run(['promises']);
    expect(r.code).toBe(0);
    // Piped, words for a person go to stderr; on a terminal, under the (empty) list.
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('No promises yet');
    expect((await empty().run(['promises'], { tty: true })).stdout).toContain('No promises yet');
    expect(await runJson(empty(), ['promises'])).toEqual({ today: '2026-11-20', promises: [], stats: { made: 0, kept: 0, keptOnTime: 0, open: 0, overdue: 0 }, theirs: { made: 0, kept: 0, open: 0, overdue: 0 } });
  });

  it.each([
    [['promises', '--contact', 'Nobody Atall'], /no contact named "Nobody Atall"/],
    [['promises', '--bogus'], /unknown option '--bogus'/],
  ])('%j exits 2', async (args, message) => await fails(sample(), args, 2, message));
});

describe('done', () => {
  it('marks a promise kept today by a unique prefix, late when past its due date', async () => {
    const s = sample();
    const out = await runJson(s, ['done', '3dy']);
    expect(out).toMatchObject({ id: '3dyvr0c9', doneOn: '2026-11-20', due: '2026-10-30', changed: true, onTime: false });
    const saved = s.json().promises.find((p: any) => p.id === '3dyvr0c9');
    expect(saved.doneOn).toBe('2026-11-20');
    const stats = (await runJson(s, ['promises'])).stats;
    expect(stats).toMatchObject({ kept: 14, keptOnTime: 9, open: 3, overdue: 1 });
  });

  it('--on sets the day it was kept; on time when on or before due', async () => {
    const s = sample();
    const r = await s.run(['done', 'S23ZV8SG', '--on', 'yesterday']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Marked kept on Thu 19 Nov: "Send Tomás the 2027 retainer proposal" to Tomás Reyes, kept on time\.\n$/);
    expect(s.json().promises.find((p: any) => p.id === 's23zv8sg').doneOn).toBe('2026-11-19');
  });

  it('an already kept promise is reported, exit 0, and the file is not rewritten', async () => {
    const s = sample();
    const before = s.text();
    const r = await s.run(['done', 'jv94']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Already kept');
    expect(s.text()).toBe(before);
    expect(await runJson(s, ['done', 'jv94'])).toMatchObject({ id: 'jv94tgmp', doneOn: '2026-06-01', changed: false, onTime: true });
  });

  it('-q says nothing on success', async () => {
    const r = await sample().run(['-q', 'done', 'p3k']);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it.each([
    [['done', 'zzz'], /no promise with an id starting "zzz"/],
    [['done', 's'], /"s" matches 2 promises: s5abbxma \(to .*\), s23zv8sg \(to Tomás Reyes: .*\)/],
    [['done', 'p3k', '--on', 'tomorrow'], /is in the future/],
    [['done', 'p3k', '--on', 'someday'], /--on: "someday" is not a date/],
    [['done', 'p3k', '--on', '2026-11-01'], /before the promise was made \(2026-11-03\)/],
    [['done'], /missing required argument 'id'/],
  ])('%j exits 2 and writes nothing', async (args, message) => await fails(sample(), args, 2, message));

  it('with no journal yet: exit 2 and no file is created', async () => {
    const s = empty();
    await fails(s, ['done', 'abc'], 2, /no promise/);
    expect(s.text()).toBeUndefined();
  });

  it('a broken journal exits 1 and is left alone', async () => {
    const s = sandbox({ text: '{ "version": 1, ' });
    boxes.push(s);
    await fails(s, ['done', 'abc'], 1, /journal/i);
  });
});

describe('snooze', () => {
  it('sets snoozedUntil from a span, and due leaves them out until then', async () => {
    const s = sample();
    expect((await runJson(s, ['due'])).items.some((i: any) => i.name === 'Sofia Marchetti')).toBe(true);
    expect(await runJson(s, ['snooze', 'Sofia', '2w'])).toEqual({ contactId: '2bwedawa', name: 'Sofia Marchetti', snoozedUntil: '2026-12-04', changed: true });
    expect(s.json().contacts.find((c: any) => c.id === '2bwedawa').snoozedUntil).toBe('2026-12-04');
    expect((await runJson(s, ['due'])).items.some((i: any) => i.name === 'Sofia Marchetti')).toBe(false);
    const later = (await runJson(s, ['due', '--within', '14'])).items.find((i: any) => i.name === 'Sofia Marchetti');
    expect(later).toMatchObject({ type: 'touch', dueOn: '2026-12-04', overdueDays: -14 });
    // and the report does not call a snoozed contact cold
    expect((await runJson(s, ['report'])).cold.map((c: any) => c.name)).not.toContain('Sofia Marchetti');
  });

  it('takes a date, and off clears it', async () => {
    const s = sample();
    const r = await s.run(['snooze', 'Sofia Marchetti', 'friday']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Snoozed Sofia Marchetti until Fri 27 Nov (in 7 days): not due before then.\n');
    expect(await runJson(s, ['snooze', 'Sofia', 'off'])).toMatchObject({ snoozedUntil: null, changed: true });
    expect('snoozedUntil' in s.json().contacts.find((c: any) => c.id === '2bwedawa')).toBe(false);
    const again = await s.run(['snooze', 'Sofia', 'off']);
    expect(again.stdout).toContain('was not snoozed');
  });

  it.each([
    [['snooze', 'Sofia', 'yesterday'], /not after today/],
    [['snooze', 'Sofia', 'today'], /not after today/],
    [['snooze', 'Sofia', 'whenever'], /"whenever" is not a date or a span/],
    [['snooze', 'Nobody Atall', '2w'], /no contact named/],
    [['snooze', 'Sofia'], /missing required argument 'when'/],
  ])('%j exits 2 and writes nothing', async (args, message) => await fails(sample(), args, 2, message));
});

describe('tag cadence', () => {
  it('lists tiers and tags in use', async () => {
    const out = await runJson(sample(), ['tag', 'cadence']);
    expect(out.defaultCadenceDays).toBe(90);
    expect(out.tags.slice(0, 3)).toEqual([
      { tag: 'breakfast-club', cadenceDays: 14, set: true, contacts: 5 },
      { tag: 'client', cadenceDays: 30, set: true, contacts: 4 },
      { tag: 'investor', cadenceDays: 30, set: true, contacts: 1 },
    ]);
    expect(out.tags).toContainEqual({ tag: 'peer', cadenceDays: 90, set: false, contacts: 4 });
    const r = await sample().run(['tag', 'cadence'], { tty: true });
    expect(r.stdout).toMatch(/breakfast-club +biweekly +5/);
    expect(r.stdout).toMatch(/peer +every 3 months \(the default\) +4/);
    const piped = (await sample().run(['tag', 'cadence'])).stdout;
    expect(piped).toContain('\nTag\tCadence\tPeople\nbreakfast-club\tbiweekly\t5\n');
    expect(piped).toContain('\npeer\tevery 3 months (the default)\t4\n');
  });

  it('sets, shows and clears a tier; due follows it', async () => {
    const s = sample();
    expect(await runJson(s, ['tag', 'cadence', 'Peer', 'weekly'])).toEqual({ tag: 'Peer', cadenceDays: 7, set: true, contacts: 4, changed: true });
    expect(s.json().settings.tagCadences.Peer).toBe(7);
    expect((await s.run(['tag', 'cadence', 'peer'])).stdout).toBe('Peer: weekly, 4 people\n');
    const peers = (await runJson(s, ['due', '--tag', 'peer', '--explain'])).items;
    expect(peers.length).toBeGreaterThan(0);
    expect(peers.filter((i: any) => i.type === 'touch').every((i: any) => i.cadenceDays === 7 || i.cadenceFrom === 'contact')).toBe(true);
    expect(await runJson(s, ['tag', 'cadence', 'peer', '--clear'])).toMatchObject({ tag: 'Peer', set: false, cadenceDays: 90, changed: true });
    expect(s.json().settings.tagCadences).toEqual({ investor: 30, client: 30, 'breakfast-club': 14 });
  });

  it('never makes a tier never due', async () => {
    const s = sample();
    expect((await s.run(['tag', 'cadence', 'breakfast-club', 'never'])).code).toBe(0);
    expect(s.json().settings.tagCadences['breakfast-club']).toBeNull();
    expect((await runJson(s, ['due', '--tag', 'breakfast-club'])).items.filter((i: any) => i.type === 'touch')).toEqual([]);
  });

  it('a tag nobody has yet is set, with a note', async () => {
    const r = await sample().run(['tag', 'cadence', 'vip', 'monthly']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('vip: monthly for 0 people.\n');
    expect(r.stderr).toContain('no contact has the tag "vip" yet');
  });

  it('tag alone shows its help', async () => {
    const r = await sample().run(['tag']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('cadence');
  });

  it.each([
    [['tag', 'cadence', 'peer', 'sometimes'], /"sometimes" is not a cadence/],
    [['tag', 'cadence', 'peer', 'weekly', '--clear'], /not both/],
    [['tag', 'cadence', '--clear'], /--clear needs a tag/],
    [['tag', 'nope'], /unknown tag command "nope"\nhint: commands: cadence/],
    [['want', 'dnoe'], /unknown want command "dnoe" \(did you mean done\?\)/],
  ])('%j exits 2 and writes nothing', async (args, message) => await fails(sample(), args, 2, message));
});

describe('settings', () => {
  it('shows and sets the default cadence and follow-up days', async () => {
    const s = empty();
    expect(await runJson(s, ['settings'])).toEqual({ defaultCadenceDays: 90, followUpDays: 2, tagCadences: {} });
    expect(s.text()).toBeUndefined(); // showing writes nothing
    expect(await runJson(s, ['settings', '--default-cadence', 'monthly', '--follow-up-days', '3'])).toEqual({ defaultCadenceDays: 30, followUpDays: 3, tagCadences: {} });
    expect(s.json().settings).toEqual({ defaultCadenceDays: 30, followUpDays: 3 });
    const r = await s.run(['settings']);
    expect(r.stdout).toContain('Default cadence  monthly (30 days)');
    expect(r.stdout).toContain('Follow up        3 days after a first meeting');
  });

  it('follow-up days move the follow-up', async () => {
    const s = sample();
    // Felix Brandt was met once, on 2026-11-18: due today with the default 2 days
    expect((await runJson(s, ['due'])).items.find((i: any) => i.name === 'Felix Brandt')).toMatchObject({ type: 'follow-up', dueOn: '2026-11-20' });
    await s.run(['settings', '--follow-up-days', '5']);
    expect((await runJson(s, ['due'])).items.find((i: any) => i.name === 'Felix Brandt')).toBeUndefined();
  });

  it.each([
    [['settings', '--default-cadence', 'never'], /cannot be never/],
    [['settings', '--default-cadence', 'often'], /not a cadence/],
    [['settings', '--follow-up-days', '-1'], /not a whole number/],
    [['settings', '--follow-up-days', 'two'], /not a whole number/],
  ])('%j exits 2 and writes nothing', async (args, message) => await fails(sample(), args, 2, message));
});

describe('events', () => {
  it('--json on the sample: the mixer and the sources', async () => {
    const out = await runJson(sample(), ['events']);
    expect(out.events).toHaveLength(1);
    expect(out.events[0]).toMatchObject({
      eventId: 'h0jhd34e',
      name: 'Chamber of Commerce Mixer',
      date: '2026-10-15',
      sessions: 1,
      met: 4,
      new: 4,
      followedUp: 3,
      relationships: 0,
    });
    const club = out.sources.find((s: any) => s.source === 'Tuesday Breakfast Club');
    expect(club).toMatchObject({ met: 5, followedUp: 5, relationships: 5 });
    expect(Object.keys(out)).toEqual(['today', 'events', 'sources', 'introducers']);
    // people as sources: what came of the intros each made for you
    expect(out.introducers.map((o: any) => [o.name, o.met, o.relationships, o.people.map((p: any) => p.name)])).toEqual([
      ['Lena Hoffmann', 2, 1, ['Priya Natarajan', 'Felix Brandt']],
      ['Miriam Okafor', 1, 1, ['Rafael Duarte']],
      ['Victor Stahl', 1, 1, ['Miriam Okafor']],
    ]);
  });

  it('add --event with several names records who was met there, and events counts them', async () => {
    const s = empty();
    const add = await s.run(['add', 'Dana Lee', 'Sam Ortiz', 'Priya Shah', '--event', 'Chamber breakfast', '--date', '2026-11-10', '--json']);
    expect(add.code, add.stderr).toBe(0);
    const interaction = JSON.parse(add.stdout);
    const j = s.json();
    expect(j.events).toEqual([{ id: interaction.eventId, name: 'Chamber breakfast', date: '2026-11-10', createdAt: '2026-11-20T12:00:00.000Z' }]);
    expect(interaction.contactIds).toHaveLength(3);
    expect(interaction.kind).toBe('event');
    expect(j.contacts.map((c: any) => [c.name, c.source])).toEqual([
      ['Dana Lee', 'Chamber breakfast'],
      ['Sam Ortiz', 'Chamber breakfast'],
      ['Priya Shah', 'Chamber breakfast'],
    ]);
    // the same name (any capitals or spacing) on another day: another occurrence of the series (SPEC §6.1)
    const again = await s.run(['add', 'Dana Lee', '--event', 'chamber  BREAKFAST', '--date', '2026-11-17']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('"chamber  BREAKFAST" is Chamber breakfast: a new occurrence of the series');
    expect(s.json().events.map((e: any) => [e.name, e.date])).toEqual([
      ['Chamber breakfast', '2026-11-10'],
      ['Chamber breakfast', '2026-11-17'],
    ]);
    // a coffee with Sam afterwards, where he sends a referral
    expect((await s.run(['add', 'Sam Ortiz', '--kind', 'coffee', '--date', '2026-11-19', '--received', 'referral:his accountant'])).code).toBe(0);

    const out = await runJson(s, ['events']);
    expect(out.events.map((e: any) => [e.date, e.occurrence, e.occurrences])).toEqual([
      ['2026-11-17', 2, 2],
      ['2026-11-10', 1, 2],
    ]);
    expect(out.events[1]).toMatchObject({ name: 'Chamber breakfast', sessions: 1, met: 3, new: 3, followedUp: 2, relationships: 0, referrals: { gave: 0, received: 1 } });
    expect(out.events[0]).toMatchObject({ sessions: 1, met: 1, new: 0 });
    expect(out.sources).toEqual([expect.objectContaining({ source: 'Chamber breakfast', met: 3, followedUp: 2 })]);
    const text = (await s.run(['events'], { tty: true })).stdout;
    expect(text).toMatch(/Chamber breakfast \(1 of 2\) +Tue 10 Nov +1 +3 +3 +2 \(67%\) +0 +0\/1/);
    const piped = (await s.run(['events'])).stdout;
    expect(piped).toContain('\nChamber breakfast (1 of 2)\tTue 10 Nov\t1\t3\t3\t2 (67%)\t0\t0/1\t·\n');
  });

  it('an empty journal says how to log an event', async () => {
    const r = await empty().run(['events']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('none logged yet');
  });

  it('rejects arguments', async () => await fails(sample(), ['events', 'extra'], 2, /too many arguments/));
});
