import { describe, expect, it } from 'vitest';
import { expectRefused, sandboxes, type Sandbox, runJson, expectClean } from '../helpers/cli.js';
import { contact, journal, meeting, promiseWithId } from '../helpers/journal.js';

// Promises both ways (SPEC §6.2), add's profile flags, --via and --intro, through the built CLI.

const TODAY = '2026-11-20';
const NOON = `${TODAY}T12:00:00.000Z`;
const make = sandboxes();

function small(): Sandbox {
  return make({
    data: journal({
      contacts: [contact('dana0001', 'Dana Lee'), contact('sam00001', 'Sam Ortiz')],
      interactions: [meeting('int00001', '2026-11-10', ['dana0001'])],
      promises: [{ ...promiseWithId('pr000001', 'dana0001', '2026-11-14', null, 'send the case study'), interactionId: 'int00001' }],
    }),
  });
}

describe('promise add / edit / drop', () => {
  it('adds yours and theirs without a meeting', async () => {
    const s = small();
    const mine = await runJson(s, ['promise', 'add', 'Sam', 'send notes', '--by', 'friday']);
    expect(mine).toMatchObject({ contactId: 'sam00001', text: 'send notes', due: '2026-11-27', doneOn: null, createdAt: NOON });
    expect(mine.owner).toBeUndefined();
    const theirs = await runJson(s, ['promise', 'add', 'Sam', 'the printer contact', '--theirs']);
    expect(theirs).toMatchObject({ owner: 'them', due: '2026-11-21' });
    const r = await s.run(['promise', 'add', 'Dana', 'intro to their CFO', '--theirs']);
    expect(r.stdout).toMatch(/^Noted: Dana Lee promised you "intro to their CFO" by Sat 21 Nov \[\w+\]\.\n$/);
    await expectClean(s);
  });

  it('edit changes text and due date, old → new', async () => {
    const s = small();
    const r = await s.run(['promise', 'edit', 'pr00', '--by', '2026-11-25', '--text', 'send the case study and prices']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('text: send the case study → send the case study and prices');
    expect(r.stdout).toContain('due: 2026-11-14 → 2026-11-25');
    expect(s.json().promises[0]).toMatchObject({ due: '2026-11-25', updatedAt: NOON });
    expect((await runJson(s, ['promise', 'edit', 'pr00', '--by', '2026-11-26'])).due).toBe('2026-11-26');
  });

  it('drop: never due, neither kept nor broken', async () => {
    const s = small();
    expect((await runJson(s, ['due'])).items.some((i: { type: string }) => i.type === 'promise')).toBe(true);
    const d = await runJson(s, ['promise', 'drop', 'pr00']);
    expect(d).toMatchObject({ droppedOn: TODAY, doneOn: null, changed: true, updatedAt: NOON });
    expect((await runJson(s, ['due'])).items.some((i: { type: string }) => i.type === 'promise')).toBe(false);
    const report = await runJson(s, ['report', '--since', '4w']);
    expect(report.promises).toMatchObject({ made: 0, kept: 0, open: 0, overdue: 0 });
    const all = await runJson(s, ['promises', '--all']);
    expect(all.promises[0]).toMatchObject({ status: 'dropped', droppedOn: TODAY });
    expect((await runJson(s, ['promises'])).promises).toEqual([]);
    expect((await s.run(['promise', 'drop', 'pr00'])).stdout).toContain('Already dropped');
    await expectClean(s);
  });

  it('-c NAME narrows promises and report to one person, as history and search', async () => {
    const s = small();
    await s.run(['promise', 'add', 'Sam', 'send notes']);
    const all = await runJson(s, ['promises']);
    expect(all.promises.map((p: { name: string }) => p.name).sort()).toEqual(['Dana Lee', 'Sam Ortiz']);
    for (const flag of ['-c', '--contact']) {
      expect((await runJson(s, ['promises', flag, 'Sam'])).promises.map((p: { name: string }) => p.name)).toEqual(['Sam Ortiz']);
      expect((await runJson(s, ['report', flag, 'Dana', '--since', '4w'])).contacts.map((c: { name: string }) => c.name)).toEqual(['Dana Lee']);
    }
  });

  it('--all says who promised a kept or dropped promise, who owes an open one', async () => {
    const s = make({
      data: journal({
        contacts: [contact('dana0001', 'Dana Lee'), contact('sam00001', 'Sam Ortiz')],
        promises: [
          promiseWithId('pr000001', 'dana0001', '2026-11-25', null, 'open mine'),
          promiseWithId('pr000002', 'dana0001', '2026-11-14', '2026-11-13', 'kept mine'),
          { ...promiseWithId('pr000003', 'sam00001', '2026-11-25', null, 'open theirs'), owner: 'them' },
          { ...promiseWithId('pr000004', 'sam00001', '2026-11-14', null, 'dropped theirs'), owner: 'them', droppedOn: '2026-11-12' },
        ],
      }),
    });
    const r = await s.run(['promises', '--all']);
    expect(r.code, r.stderr).toBe(0);
    const line = (text: string) => r.stdout.split('\n').find((l) => l.includes(text)) ?? '';
    expect(line('open mine')).toMatch(/\byou owe\b/);
    expect(line('kept mine')).toMatch(/\byou promised\b/);
    expect(line('open theirs')).toMatch(/\bthey owe\b/);
    expect(line('dropped theirs')).toMatch(/\bthey promised\b/);
    expect(line('kept mine')).not.toMatch(/owe/);
    expect(line('dropped theirs')).not.toMatch(/owe/);
  });

  it.each([
    [['promise', 'add', 'Nobody', 'x'], /no contact named "Nobody"/],
    [['promise', 'add', 'Sam', ' '], /needs some text/],
    [['promise', 'add', 'Sam', 'x', '--by', 'yesterday'], /before today/],
    [['promise', 'add', 'Sam', 'x', '--by', 'next friday'], /did you mean "friday"/],
    [['promise', 'edit', 'pr00'], /nothing to change/],
    [['promise', 'edit', 'pr00', '--by', '2026-11-09'], /before the promise was made \(2026-11-10\)/],
    [['promise', 'edit', 'zz', '--by', 'friday'], /no promise with an id starting "zz"/],
    [['promise', 'drop', 'zz'], /no promise with an id starting "zz"/],
    [['promises', '--mine', '--theirs'], /together/],
  ])('%j is refused', async (args, message) => {
    await expectRefused(small(), args, 2, message);
  });
});

describe('add: promises both ways and closing what you owe', () => {
  it('--they-promise records theirs; --by dates every promise of the add', async () => {
    const s = small();
    const i = await runJson(s, ['add', 'Sam', '--promise', 'send notes', '--they-promise', 'printer contact', '--by', 'in 1w']);
    const ps = s.json().promises.filter((p: { interactionId?: string }) => p.interactionId === i.id);
    expect(ps.map((p: { text: string; owner?: string; due: string }) => [p.text, p.owner ?? 'me', p.due])).toEqual([
      ['send notes', 'me', '2026-11-27'],
      ['printer contact', 'them', '2026-11-27'],
    ]);
    const list = await runJson(s, ['promises']);
    expect(list.promises.map((p: { owner: string }) => p.owner).sort()).toEqual(['me', 'me', 'them']);
    expect(list.theirs).toEqual({ made: 1, kept: 0, open: 1, overdue: 0 });
    expect((await s.run(['promises'])).stdout).toMatch(/\tthey owe\tSam Ortiz\tprinter contact\t/);
    expect((await s.run(['promises'], { tty: true })).stdout).toMatch(/they owe +Sam Ortiz +printer contact/);
    const report = await runJson(s, ['report', '--since', '4w', '--until', '2026-11-30']);
    expect(report.promises.theirs).toEqual({ made: 1, kept: 0, open: 1, overdue: 0 });
    expect((await s.run(['report', '--since', '4w', '--until', '2026-11-30'])).stdout).toContain('theirs: 1 made · 0 kept · 1 open');
  });

  it('--kept ID marks a promise kept on the interaction\'s date', async () => {
    const s = small();
    const r = await s.run(['add', 'Dana', '--date', 'yesterday', '--kept', 'pr00']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Kept: "send the case study" to Dana Lee');
    expect(s.json().promises[0]).toMatchObject({ doneOn: '2026-11-19', updatedAt: NOON });
    await expectRefused(s, ['add', 'Dana Lee', '--kept', 'pr00'], 2, /already kept \(2026-11-19\)/);
  });

  it('--kept refuses a meeting before the promise was made', async () => {
    await expectRefused(small(), ['add', 'Dana Lee', '--date', '2026-11-09', '--kept', 'pr00'], 2, /was made on 2026-11-10, after this interaction/);
  });
});

describe('add: profile flags, --via and --intro', () => {
  it('profile flags go to the people it creates', async () => {
    const s = small();
    await runJson(s, ['add', 'Rita Moreno', 'Dana', '--tag', 'client,designer', '--company', 'Acme', '--role', 'CTO', '--email', 'rita@acme.com', '--phone', '+1 555 0100', '--source', 'Demo night', '--every', 'monthly']);
    const rita = s.json().contacts.find((c: { name: string }) => c.name === 'Rita Moreno');
    expect(rita).toMatchObject({ tags: ['client', 'designer'], company: 'Acme', role: 'CTO', emails: ['rita@acme.com'], phones: ['+1 555 0100'], source: 'Demo night', cadenceDays: 30 });
    const dana = s.json().contacts.find((c: { name: string }) => c.name === 'Dana Lee');
    expect(dana.company).toBeUndefined();
    await expectClean(s);
  });

  it('--via sets introducedBy and credits the introducer with a received intro', async () => {
    const s = small();
    const i = await runJson(s, ['add', 'Rita Moreno', '--via', 'Sam']);
    const rita = s.json().contacts.find((c: { name: string }) => c.name === 'Rita Moreno');
    expect(rita.introducedBy).toBe('sam00001');
    expect(i.received).toEqual([{ type: 'intro', for: 'sam00001', link: rita.id }]);
    const sam = (await runJson(s, ['contact', 'show', 'Sam'])).balance;
    expect(sam).toMatchObject({ received: 1, interactions: 0 });
    await expectClean(s);
  });

  it('what you asked or received says whom it came from (not "for"); what you gave, whom it was for', async () => {
    const s = small();
    let r = await s.run(['add', 'Rita Moreno', '--via', 'Sam']);
    expect(r.stdout).toMatch(/Received intro from Sam Ortiz \(to Rita Moreno\)/);
    r = await s.run(['add', 'Dana', 'Sam', '--gave', 'advice@Sam:pricing', '--asked', 'intro@Dana:to a CFO', '--received', 'info@Sam:rates']);
    expect(r.stdout).toMatch(/Gave advice for Sam Ortiz \(pricing\); asked intro from Dana Lee \(to a CFO\); received info from Sam Ortiz \(rates\)\./);
    const history = (await s.run(['history'])).stdout;
    expect(history).toMatch(/asked intro from Dana Lee \(to a CFO\); received info from Sam Ortiz \(rates\)/);
    expect(history).not.toMatch(/(asked|received) \w+ for /);
  });

  it('--intro NAME: a gave intro for each person met, linking them, and NAME credited too', async () => {
    const s = small();
    const i = await runJson(s, ['add', 'Dana', '--intro', 'Sam']);
    expect(i.gave).toEqual([
      { type: 'intro', for: 'dana0001', link: 'sam00001' },
      { type: 'intro', for: 'sam00001', link: 'dana0001' },
    ]);
    const r = await runJson(s, ['report', '--since', '1d']);
    expect(r.totals).toMatchObject({ interactions: 1, gave: 2 });
    expect(r.contacts.map((c: { name: string; gave: number }) => [c.name, c.gave])).toEqual([['Dana Lee', 1], ['Sam Ortiz', 1]]);
    await expectClean(s);
  });

  it('TYPE@NAME counts for that person only', async () => {
    const s = small();
    await runJson(s, ['add', 'Dana', 'Sam', '--gave', 'advice@Sam:pricing', '--gave', 'info']);
    const r = await runJson(s, ['report', '--since', '1d']);
    expect(r.totals).toMatchObject({ gave: 2 });
    expect(r.contacts.map((c: { name: string; gave: number }) => [c.name, c.gave])).toEqual([['Dana Lee', 1], ['Sam Ortiz', 2]]);
  });

  it.each([
    [['add', 'Dana Lee', '--company', 'Acme'], /for the people this add creates/],
    [['add', 'Rita', '--email', 'not-an-email'], /does not look like an email/],
    [['add', 'Rita', '--every', 'sometimes'], /not a cadence/],
    [['add', 'Dana Lee', '--via', 'Sam Ortiz'], /--via says who introduced the people this add creates/],
    [['add', 'Rita', '--via', 'Rita'], /no contact named "Rita"/],
    [['add', 'Dana Lee', '--intro', 'Dana Lee'], /--intro: Dana Lee is one of the people met/],
    [['add', 'Dana Lee', '--intro', 'Priya Shah'], /--intro: no contact named "Priya Shah"\nhint: add them first: netlog contact add "Priya Shah"/],
    [['add', 'Dana Lee', 'Sam Ortiz', '--gave', 'intro@Priya'], /"Priya" is not one of the people there/],
    [['add', 'Dana', '--gave', 'intro@'], /names no one after @/],
  ])('%j is refused', async (args, message) => {
    await expectRefused(small(), args, 2, message);
  });
});
