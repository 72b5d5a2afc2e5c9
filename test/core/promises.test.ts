import { describe, expect, it } from 'vitest';
import { madeOn, markDone, promiseStats, promiseStatus } from '../../src/core/promises.js';
import { listPromises } from '../../src/reports/promises.js';
import { contact, interaction, journal, promise } from '../helpers/journal.js';
import { renderPromises } from '../../src/ui/render/promises.js';
import { makeTheme } from '../../src/ui/theme.js';

const TODAY = '2026-11-20';
const NOW = '2026-11-20T12:00:00.000Z';

describe('promiseStats: on-time accounting', () => {
  it.each([
    // [due, doneOn, expected counts]
    ['2026-11-10', '2026-11-09', { made: 1, kept: 1, keptOnTime: 1, open: 0, overdue: 0 }], // early
    ['2026-11-10', '2026-11-10', { made: 1, kept: 1, keptOnTime: 1, open: 0, overdue: 0 }], // on the day
    ['2026-11-10', '2026-11-11', { made: 1, kept: 1, keptOnTime: 0, open: 0, overdue: 0 }], // a day late: kept, not on time
    ['2026-11-10', null, { made: 1, kept: 0, keptOnTime: 0, open: 1, overdue: 1 }], // open and past due
    ['2026-11-20', null, { made: 1, kept: 0, keptOnTime: 0, open: 1, overdue: 0 }], // due today: not overdue yet
    ['2026-11-25', null, { made: 1, kept: 0, keptOnTime: 0, open: 1, overdue: 0 }],
  ] as const)('due %s, done %s', (due, doneOn, expected) => {
    expect(promiseStats([promise('a', due, doneOn)], TODAY)).toEqual(expected);
  });

  it.each([
    // the range is inclusive at both ends; promises count by their due date
    ['2026-11-01', '2026-11-30', 3],
    ['2026-11-02', '2026-11-30', 2],
    ['2026-11-01', '2026-11-14', 2],
    ['2026-11-01', '2026-11-13', 1],
    ['2026-11-15', '2026-11-29', 0],
  ])('from %s to %s counts %i', (from, to, made) => {
    const ps = [promise('a', '2026-11-01', null), promise('a', '2026-11-14', '2026-11-20'), promise('a', '2026-11-30', null)];
    expect(promiseStats(ps, TODAY, { from, to }).made).toBe(made);
  });

  it('status names', () => {
    expect(promiseStatus(promise('a', '2026-11-19', null), TODAY)).toBe('overdue');
    expect(promiseStatus(promise('a', '2026-11-20', null), TODAY)).toBe('open');
    expect(promiseStatus(promise('a', '2026-11-01', '2026-11-05'), TODAY)).toBe('kept');
  });
});

describe('markDone', () => {
  it('sets doneOn on a copy and leaves the input alone', () => {
    const j = journal({ contacts: [contact('a', 'Ann')], promises: [promise('a', '2026-11-10', null, { id: 'p1' })] });
    const r = markDone(j, 'p1', '2026-11-12', NOW);
    expect(r.changed).toBe(true);
    expect(r.promise.doneOn).toBe('2026-11-12');
    expect(r.journal.promises[0]!.doneOn).toBe('2026-11-12');
    expect(j.promises[0]!.doneOn).toBeNull();
  });
  it('keeps the first date of an already kept promise', () => {
    const j = journal({ promises: [promise('a', '2026-11-10', '2026-11-09', { id: 'p1' })] });
    const r = markDone(j, 'p1', '2026-11-12', NOW);
    expect(r.changed).toBe(false);
    expect(r.journal).toBe(j);
    expect(r.promise.doneOn).toBe('2026-11-09');
  });
  it('throws on an unknown id', () => {
    expect(() => markDone(journal({}), 'nope', TODAY, NOW)).toThrow();
  });
});

describe('listPromises', () => {
  const j = journal({
    contacts: [contact('a', 'Ann'), contact('b', 'Bob')],
    promises: [
      promise('a', '2026-11-25', null, { id: 'later' }),
      promise('b', '2026-11-10', null, { id: 'late' }),
      promise('a', '2026-11-20', null, { id: 'today' }),
      promise('a', '2026-11-01', '2026-11-04', { id: 'keptlate' }),
      promise('b', '2026-11-15', '2026-11-14', { id: 'kept' }),
    ],
  });
  it('lists open ones, overdue first, then by due date', () => {
    const l = listPromises(j, TODAY);
    expect(l.promises.map((p) => p.id)).toEqual(['late', 'today', 'later']);
    expect(l.promises.map((p) => [p.daysLate, p.daysLeft])).toEqual([[10, null], [null, 0], [null, 5]]);
    expect(l.stats).toEqual({ made: 5, kept: 2, keptOnTime: 1, open: 3, overdue: 1 });
  });
  it('with all, adds kept ones (latest kept first) and whether on time', () => {
    const l = listPromises(j, TODAY, { all: true });
    expect(l.promises.map((p) => [p.id, p.status, p.onTime, p.daysLate, p.daysLeft])).toEqual([
      ['late', 'overdue', null, 10, null],
      ['today', 'open', null, null, 0],
      ['later', 'open', null, null, 5],
      ['kept', 'kept', true, 0, null],
      ['keptlate', 'kept', false, 3, null],
    ]);
  });
  it('filters by contact', () => {
    expect(listPromises(j, TODAY, { all: true, contactId: 'b' }).promises.map((p) => p.id)).toEqual(['late', 'kept']);
    expect(listPromises(j, TODAY, { contactId: 'b' }).stats.made).toBe(2);
  });
});

describe('renderPromises', () => {
  const theme = makeTheme();
  it.each([
    [[], 'No promises yet.'],
    [[promise('a', '2026-11-10', '2026-11-10')], 'No open promises. 1 kept, 1 on time.'],
    [[promise('a', '2026-11-10', '2026-11-12'), promise('a', '2026-11-19', null)], 'Promises: 1 open (1 overdue) · 1 kept, 0 on time'],
  ])('%#', (ps, first) => {
    const text = renderPromises(listPromises(journal({ contacts: [contact('a', 'Ann')], promises: ps }), TODAY), theme, 80);
    expect(text.split('\n')[0]).toContain(first);
  });
});

describe('madeOn', () => {
  const j = journal({ interactions: [interaction('2026-11-16', ['c1'], { id: 'i1' })] });
  it.each([
    ['the day of its interaction, even when logged later', { interactionId: 'i1', createdAt: '2026-11-22T10:00:00.000Z' }, '2026-11-20', '2026-11-16'],
    ['the day it was created, without an interaction', { createdAt: '2026-11-18T10:00:00.000Z' }, '2026-11-20', '2026-11-18'],
    ['never after today (a fixed NETLOG_TODAY)', { createdAt: '2026-11-22T10:00:00.000Z' }, '2026-11-20', '2026-11-20'],
  ] as const)('%s', (_label, extra, today, expected) => {
    expect(madeOn(j, promise('c1', '2026-11-30', null, extra), today)).toBe(expected);
  });
});
