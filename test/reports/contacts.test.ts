import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contactList, contactPage, newestFirst, sortNewestFirst, stageInfo } from '../../src/reports/contacts.js';
import { dueList } from '../../src/reports/due.js';
import { compareNames } from '../../src/core/names.js';
import { history } from '../../src/reports/history.js';
import type { Journal } from '../../src/core/schema.js';
import { interaction, journal, meeting, person, promiseWithId } from '../helpers/journal.js';
import { SAMPLE } from '../helpers/cli.js';

const TODAY = '2026-11-20';

/** Six meetings with Ann; three with Bo, one of them shared with Ann; Cy archived; Di never met. */
function people(): Journal {
  const ann = Array.from({ length: 6 }, (_, k) => meeting(`a${k}`, `2026-10-0${k + 1}`, ['ann'], k === 0 ? { gave: [{ type: 'intro' }], asked: [{ type: 'advice' }, { type: 'info' }] } : {}));
  return journal({
    settings: { tagCadences: { client: 30 } },
    contacts: [
      person('Ann Ames', { id: 'ann', tags: ['client'] }),
      person('Bo Brandt', { id: 'bo', cadenceDays: 7, company: 'Brandt Cycles' }),
      person('Cy Cole', { id: 'cy', archived: true, cadenceDays: null }),
      person('Di Diaz', { id: 'di', createdAt: '2026-11-01T09:00:00.000Z', snoozedUntil: '2027-03-01' }),
    ],
    interactions: [
      ...ann,
      meeting('b1', '2026-11-10', ['bo'], { kind: 'call', received: [{ type: 'referral', note: 'a shop' }] }),
      meeting('b2', '2026-11-12', ['bo', 'ann'], { kind: 'coffee', note: 'both' }),
      meeting('b3', '2026-11-12', ['bo'], { kind: 'email', createdAt: '2026-11-12T20:00:00.000Z' }),
    ],
    promises: [promiseWithId('p1', 'bo', '2026-11-15'), promiseWithId('p2', 'bo', '2026-11-25'), promiseWithId('p3', 'bo', '2026-11-05', '2026-11-07'), promiseWithId('p4', 'ann', '2026-10-10', '2026-10-09')],
  });
}

describe('stageInfo', () => {
  it.each([
    [{ interactions: 0, valueExchanged: false }, 0, 'visibility', '0/6 meetings'],
    [{ interactions: 5, valueExchanged: true }, 0, 'visibility', '5/6 meetings'],
    [{ interactions: 6, valueExchanged: false }, 0, 'credibility', '6 meetings; no referral or business yet'],
    [{ interactions: 7, valueExchanged: false }, 2, 'visibility', '7 meetings; held back by 2 overdue promises'],
    [{ interactions: 9, valueExchanged: true }, 0, 'profitability', '9 meetings; referrals or business exchanged'],
  ])('%j with %i overdue → %s (%s)', (stats, overdue, stage, progress) => {
    const s = stageInfo({ ...stats, gave: 0, asked: 0, received: 0, balance: 0, firstTouch: null, lastTouch: null }, overdue);
    expect(s.stage).toBe(stage);
    expect(s.progress).toBe(progress);
  });
});

describe('contactList', () => {
  it('lists active people by name with stage, balance, cadence and last touch', () => {
    const rows = contactList(people(), TODAY);
    expect(rows.map((r) => [r.name, r.stage, r.interactions, r.balance, r.cadenceDays, r.cadenceFrom, r.lastTouch, r.nextTouch])).toEqual([
      ['Ann Ames', 'credibility', 7, -1, 30, 'tag', '2026-11-12', '2026-12-12'],
      ['Bo Brandt', 'visibility', 3, 0, 7, 'contact', '2026-11-12', '2026-11-19'],
      ['Di Diaz', 'visibility', 0, 0, 90, 'default', null, '2027-03-01'],
    ]);
  });

  it.each([
    [{ archived: 'archived' as const }, ['Cy Cole']],
    [{ archived: 'all' as const }, ['Ann Ames', 'Bo Brandt', 'Cy Cole', 'Di Diaz']],
    [{ tag: 'CLIENT' }, ['Ann Ames']],
    [{ stage: 'credibility' as const }, ['Ann Ames']],
    [{ stage: 'profitability' as const }, []],
    [{ tag: 'nobody' }, []],
  ])('filters %j', (spec, names) => {
    expect(contactList(people(), TODAY, spec).map((r) => r.name)).toEqual(names);
  });
});

describe('the order of names', () => {
  it('is the same in contacts as in due: compareNames, not localeCompare', () => {
    const names = ['dana lee', 'Emma Stone', 'Dana Lee', 'Émile Roux', 'Elena Ruiz', 'Zoë Adams', 'Zoe Smith'];
    const j = journal({ contacts: names.map((n) => person(n, { createdAt: '2026-01-01T09:00:00.000Z' })) });
    const listed = contactList(j, TODAY).map((r) => r.name);
    expect(listed).toEqual([...names].sort(compareNames));
    expect(listed).toEqual(dueList(j, TODAY, { on: TODAY }).items.map((i) => i.name));
    expect(listed.slice(0, 2)).toEqual(['Dana Lee', 'dana lee']);
  });
});

describe('nextTouch', () => {
  it('is when `due` lists the person: the same day for every contact of the sample journal', () => {
    const j = JSON.parse(readFileSync(SAMPLE, 'utf8')) as Journal;
    const due = new Map(
      dueList(j, TODAY, { on: TODAY, within: 36_500 })
        .items.filter((i) => i.type !== 'promise')
        .map((i) => [i.contactId, i.dueOn]),
    );
    const rows = contactList(j, TODAY);
    expect(rows.filter((r) => r.nextTouch !== null).length).toBeGreaterThan(3);
    for (const r of rows) expect([r.name, r.nextTouch]).toEqual([r.name, due.get(r.contactId) ?? null]);
    for (const r of rows) expect(contactPage(j, TODAY, r.contactId).nextTouch).toBe(r.nextTouch);
  });
});

describe('contactPage', () => {
  it("gathers a person's cadence, stage, balance, promises and timeline, newest first", () => {
    const page = contactPage(people(), TODAY, 'bo');
    expect(page.cadence).toEqual({ days: 7, from: 'contact', description: 'weekly' });
    expect(page.nextTouch).toBe('2026-11-19');
    expect(page.stage).toMatchObject({ stage: 'visibility', progress: '3/6 meetings', overduePromises: 1 });
    expect(page.balance).toEqual({ interactions: 3, gave: 0, asked: 0, received: 1, balance: 0 });
    expect(page.promises).toEqual({
      open: [
        { promiseId: 'p1', text: 'promise p1', due: '2026-11-15', overdueDays: 5 },
        { promiseId: 'p2', text: 'promise p2', due: '2026-11-25', overdueDays: 0 },
      ],
      made: 3,
      kept: 1,
      keptOnTime: 0,
      overdue: 1,
    });
    // Same day: the one logged later comes first.
    expect(page.timeline.map((t) => t.interactionId)).toEqual(['b3', 'b2', 'b1']);
    expect(page.timeline[1]).toMatchObject({ kind: 'coffee', note: 'both', with: [{ contactId: 'ann', name: 'Ann Ames' }], event: null });
    expect(page.timelineTotal).toBe(3);
  });

  it('limits the timeline but still counts it all', () => {
    const page = contactPage(people(), TODAY, 'ann', { limit: 2 });
    expect(page.timeline.map((t) => t.interactionId)).toEqual(['b2', 'a5']);
    expect(page.timelineTotal).toBe(7);
    expect(page.cadence.from).toBe('tag');
  });

  it('agrees with the sample journal', () => {
    const sample = JSON.parse(readFileSync(SAMPLE, 'utf8')) as Journal;
    const page = contactPage(sample, TODAY, 'g5ym98e9');
    expect(page.contact.name).toBe('Miriam Okafor');
    expect(page.timelineTotal).toBe(sample.interactions.filter((i) => i.contactIds.includes('g5ym98e9')).length);
    const dates = page.timeline.map((t) => t.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe('history', () => {
  it.each([
    [{}, ['b3', 'b2', 'b1', 'a5', 'a4', 'a3', 'a2', 'a1', 'a0'], 9],
    [{ contactId: 'bo' }, ['b3', 'b2', 'b1'], 3],
    [{ from: '2026-10-05', to: '2026-11-10' }, ['b1', 'a5', 'a4'], 3],
    [{ kinds: ['coffee' as const, 'call' as const] }, ['b2', 'b1'], 2],
    [{ limit: 2 }, ['b3', 'b2'], 9],
    [{ contactId: 'di' }, [], 0],
  ])('%j', (spec, ids, total) => {
    const h = history(people(), spec);
    expect(h.interactions.map((i) => i.id)).toEqual(ids);
    expect(h.total).toBe(total);
  });

  it('names everyone in each interaction, and the event', () => {
    const j = people();
    j.events.push({ id: 'ev1', name: 'Chamber mixer', date: '2026-11-12' });
    j.interactions[7] = { ...j.interactions[7]!, eventId: 'ev1' };
    const h = history(j, { limit: 2 });
    expect(h.interactions[1]).toMatchObject({ id: 'b2', with: [{ contactId: 'bo', name: 'Bo Brandt' }, { contactId: 'ann', name: 'Ann Ames' }], event: 'Chamber mixer' });
  });
});

describe('sortNewestFirst', () => {
  // Few dates and times, so that records tie; lists as they come, oldest first, newest first.
  const record = fc.record({ date: fc.constantFrom('2026-11-01', '2026-11-02', '2026-11-03'), createdAt: fc.constantFrom('2026-11-01T09:00:00.000Z', '2026-11-02T09:00:00.000Z') });
  const lists = fc.array(record, { maxLength: 30 }).chain((rs) => {
    const list = rs.map((r, k) => interaction(r.date, ['ann'], { id: `i${k}`, createdAt: r.createdAt }));
    const oldest = [...list].sort((a, b) => newestFirst(b, a));
    // Oldest day first, a day's entries in any order (logged later for an earlier day, imported).
    const byDay = [...list].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    return fc.constantFrom(list, oldest, [...oldest].reverse(), [...oldest].sort(newestFirst), byDay);
  });
  it('orders as a stable sort by newestFirst of the reversed list does, whatever order the list came in', () => {
    fc.assert(
      fc.property(lists, (list) => {
        // Entries that tie: the one later in the list (logged last) first.
        const want = [...list].reverse().sort(newestFirst).map((i) => i.id);
        // In place: the list itself is in that order after.
        const sorted = [...list];
        sortNewestFirst(sorted);
        expect(sorted.map((i) => i.id)).toEqual(want);
      }),
      { numRuns: 400 },
    );
  });
});
