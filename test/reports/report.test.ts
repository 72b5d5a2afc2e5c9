import { describe, expect, it } from 'vitest';
import { buildReport, periodColumns } from '../../src/reports/report.js';
import { stageOf } from '../../src/core/stage.js';
import { contact, journal, meet, promiseWithId } from '../helpers/journal.js';

const TODAY = '2026-11-20';

describe('buildReport', () => {
  const j = journal({
    settings: { defaultCadenceDays: 30 },
    contacts: [contact('a', 'Ann'), contact('b', 'Bo'), contact('c', 'Cy'), contact('n', 'Nobody')],
    interactions: [
      meet('2026-11-13', 'a', { gave: ['intro'] }), // on the first day of the period: included
      meet('2026-11-12', 'a', { gave: ['intro', 'advice'] }), // the day before: lifetime only
      meet('2026-11-20', ['a', 'b'], { asked: ['advice'], received: ['info'] }), // on the last day, with two people
      meet('2026-11-21', 'b', { gave: ['gift'] }), // after the period
      meet('2026-08-01', 'c', { asked: ['help', 'help'] }),
    ],
    promises: [
      promiseWithId('p1', 'a', '2026-11-13', '2026-11-13'), // kept on time
      promiseWithId('p2', 'a', '2026-11-14', '2026-11-16'), // kept late
      promiseWithId('p3', 'b', '2026-11-18'), // open, overdue
      promiseWithId('p4', 'b', '2026-11-20'), // open, due today: not overdue
      promiseWithId('p5', 'b', '2026-11-01'), // outside the period
    ],
  });
  const r = buildReport(j, TODAY, { from: '2026-11-13', to: '2026-11-20' });

  it('includes both ends of the period and only contacts with activity', () => {
    expect(r.contacts.map((c) => c.contactId)).toEqual(['a', 'b']);
    expect(r.contacts[0]).toMatchObject({ interactions: 2, gave: 1, asked: 1, received: 1, balance: 0, lastTouch: '2026-11-20' });
    expect(r.contacts[0]!.lifetime).toEqual({ interactions: 3, gave: 3, asked: 1, received: 1, balance: 2 });
    expect(r.contacts[1]).toMatchObject({ interactions: 1, gave: 0, asked: 1, balance: -1, lastTouch: '2026-11-21' });
  });

  it('totals count each item and each interaction once (SPEC §6.1: the group\'s ask is on both rows, once in the total)', () => {
    expect(r.totals).toEqual({ interactions: 2, gave: 1, asked: 1, received: 1, balance: 0 });
    expect(r.contacts.reduce((s, c) => s + c.asked, 0)).toBe(2);
  });

  it('counts promises by due date in the period', () => {
    expect(r.promises).toEqual({ made: 4, kept: 2, keptOnTime: 1, open: 2, overdue: 1, theirs: { made: 0, kept: 0, open: 0, overdue: 0 } });
  });

  it('lists who you are taking from and who is going cold', () => {
    expect(r.takingFrom.map((t) => [t.contactId, t.balance])).toEqual([['c', -2]]);
    expect(r.cold.map((c) => c.contactId)).toEqual(['c']);
  });

  it('filters by contact and tag', () => {
    expect(buildReport(j, TODAY, { from: '2026-11-13', to: '2026-11-20', contactIds: ['b'] }).contacts.map((c) => c.contactId)).toEqual(['b']);
    expect(buildReport(j, TODAY, { from: '2026-11-13', to: '2026-11-20', tag: 'none' }).contacts).toEqual([]);
  });

  it('splits the period into weeks (Monday first) and months', () => {
    expect(periodColumns('2026-11-13', '2026-11-20', 'week').map((c) => [c.from, c.to])).toEqual([
      ['2026-11-13', '2026-11-15'],
      ['2026-11-16', '2026-11-20'],
    ]);
    expect(periodColumns('2026-09-15', '2026-11-20', 'month').map((c) => c.label)).toEqual(['2026-09', '2026-10', '2026-11']);
    const weekly = buildReport(j, TODAY, { from: '2026-11-13', to: '2026-11-20', interval: 'week' });
    expect(weekly.byColumn!['a']!.map((t) => t.balance)).toEqual([1, -1]);
  });
});

describe('stageOf', () => {
  it.each([
    [0, false, 0, 'visibility'],
    [5, true, 0, 'visibility'],
    [6, false, 0, 'credibility'],
    [6, true, 0, 'profitability'],
    [9, true, 1, 'visibility'],
    [9, false, 2, 'visibility'],
  ] as const)('%i interactions, value %s, %i overdue → %s', (interactions, valueExchanged, overdue, stage) => {
    expect(stageOf({ interactions, valueExchanged }, overdue)).toBe(stage);
  });
});
