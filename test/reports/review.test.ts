import { describe, expect, it } from 'vitest';
import { buildReport, periodColumns } from '../../src/reports/report.js';
import { stageOf } from '../../src/core/stage.js';
import { contactStats, overduePromisesByContact, statsFor } from '../../src/core/stats.js';
import { renderReport, renderTrendChart } from '../../src/ui/render/report.js';
import { makeTheme } from '../../src/ui/theme.js';
import { visibleWidth } from '../../src/ui/table.js';
import type { Interaction } from '../../src/core/schema.js';
import { contact, interaction, items, journal, promise } from '../helpers/journal.js';

const TODAY = '2026-11-20';
const theme = makeTheme();

describe('report: the period is inclusive at both ends', () => {
  const j = journal({
    contacts: [contact('a', 'Ann')],
    interactions: ['2026-11-13', '2026-11-14', '2026-11-17', '2026-11-20', '2026-11-21'].map((d) => interaction(d, ['a'], { gave: items('info') })),
  });
  it.each([
    ['2026-11-14', '2026-11-20', 3],
    ['2026-11-13', '2026-11-20', 4],
    ['2026-11-15', '2026-11-19', 1],
    ['2026-11-20', '2026-11-20', 1],
    ['2026-11-21', '2026-11-30', 1],
    ['2026-11-01', '2026-11-12', 0],
  ])('%s to %s: %i interactions', (from, to, n) => {
    const r = buildReport(j, TODAY, { from, to });
    expect(r.totals.interactions).toBe(n);
    expect(r.totals.gave).toBe(n);
    expect(r.contacts.length).toBe(n > 0 ? 1 : 0);
    if (n > 0) expect(r.contacts[0]!.lifetime.interactions).toBe(5);
  });
});

describe('report: promises in the period', () => {
  it('counts by due date, kept late as kept but not on time', () => {
    const j = journal({
      contacts: [contact('a', 'Ann'), contact('b', 'Bob', { tags: ['x'] })],
      promises: [
        promise('a', '2026-11-14', '2026-11-14'), // on time, first day
        promise('a', '2026-11-16', '2026-11-19'), // late
        promise('a', '2026-11-18', null), // overdue
        promise('a', '2026-11-20', null), // open, due today
        promise('b', '2026-11-17', '2026-11-01'), // early
        promise('a', '2026-11-13', null), // before the period
        promise('a', '2026-11-21', null), // after it
      ],
    });
    expect(buildReport(j, TODAY, { from: '2026-11-14', to: '2026-11-20' }).promises).toEqual({ made: 5, kept: 3, keptOnTime: 2, open: 2, overdue: 1, theirs: { made: 0, kept: 0, open: 0, overdue: 0 } });
    expect(buildReport(j, TODAY, { from: '2026-11-14', to: '2026-11-20', tag: 'X' }).promises).toEqual({ made: 1, kept: 1, keptOnTime: 1, open: 0, overdue: 0, theirs: { made: 0, kept: 0, open: 0, overdue: 0 } });
    expect(buildReport(j, TODAY, { from: '2026-11-14', to: '2026-11-20', contactIds: ['a'] }).promises.made).toBe(4);
  });
});

describe('stages: visibility → credibility → profitability', () => {
  const meetings = (n: number, extra: Partial<Interaction> = {}) =>
    Array.from({ length: n }, (_, k) => interaction(`2026-0${1 + Math.floor(k / 9)}-1${k % 9}`, ['a'], k === n - 1 ? extra : {}));
  it.each<[string, Interaction[], number, string]>([
    ['no interactions', [], 0, 'visibility'],
    ['five meetings', meetings(5), 0, 'visibility'],
    ['five meetings and a referral', meetings(5, { gave: items('referral') }), 0, 'visibility'],
    ['six meetings', meetings(6), 0, 'credibility'],
    ['six meetings, a promise overdue', meetings(6), 1, 'visibility'],
    ['six meetings and advice given', meetings(6, { gave: items('advice') }), 0, 'credibility'],
    ['six meetings and a referral given', meetings(6, { gave: items('referral') }), 0, 'profitability'],
    ['six meetings and business received', meetings(6, { received: items('business') }), 0, 'profitability'],
    ['asked for a referral is not one passing', meetings(6, { asked: items('referral') }), 0, 'credibility'],
    ['profitable, but a promise overdue', meetings(7, { received: items('referral') }), 1, 'visibility'],
  ])('%s', (_, interactions, overdue, stage) => {
    const j = journal({ contacts: [contact('a', 'Ann')], interactions });
    expect(stageOf(statsFor(contactStats(j), 'a'), overdue)).toBe(stage);
  });

  it('the report uses promises overdue on today', () => {
    const j = journal({ contacts: [contact('a', 'Ann')], interactions: meetings(6), promises: [promise('a', '2026-11-19', null)] });
    expect(overduePromisesByContact(j.promises, TODAY).get('a')).toBe(1);
    expect(buildReport(j, TODAY, { from: '2026-01-01', to: TODAY }).contacts[0]!.stage).toBe('visibility');
    expect(buildReport(j, '2026-11-19', { from: '2026-01-01', to: TODAY }).contacts[0]!.stage).toBe('credibility');
  });
});

describe('report: going cold and taking from', () => {
  it.each<[string, Parameters<typeof contact>[2], string, boolean]>([
    // monthly cadence: cold after more than 60 days
    ['60 days: not yet', { cadenceDays: 30 }, '2026-09-21', false],
    ['61 days: cold', { cadenceDays: 30 }, '2026-09-20', true],
    ['a tag tier counts', { tags: ['club'] }, '2026-10-20', true],
    ['never: never cold', { cadenceDays: null }, '2020-01-01', false],
    ['archived: left out', { cadenceDays: 30, archived: true }, '2026-01-01', false],
    ['snoozed: left out', { cadenceDays: 30, snoozedUntil: '2026-12-01' }, '2026-01-01', false],
    ['a snooze that has ended: cold again', { cadenceDays: 30, snoozedUntil: '2026-11-01' }, '2026-01-01', true],
  ])('%s', (_, extra, last, cold) => {
    const j = journal({ settings: { tagCadences: { club: 14 } }, contacts: [contact('a', 'Ann', extra)], interactions: [interaction(last, ['a'])] });
    expect(buildReport(j, TODAY, { from: '2026-11-14', to: TODAY }).cold.map((c) => c.name)).toEqual(cold ? ['Ann'] : []);
  });

  it('lists people with an all-time balance below zero, most owed first', () => {
    const j = journal({
      contacts: [contact('a', 'Ann'), contact('b', 'Bob'), contact('c', 'Cy')],
      interactions: [
        interaction('2026-01-01', ['a'], { asked: items('advice', 'intro') }),
        interaction('2026-01-02', ['b'], { asked: items('advice'), gave: items('info') }),
        interaction('2026-01-03', ['c'], { asked: items('advice') }),
        interaction('2026-01-04', ['c'], { gave: items('info', 'info') }),
      ],
    });
    expect(buildReport(j, TODAY, { from: '2026-11-14', to: TODAY }).takingFrom).toEqual([
      { contactId: 'a', name: 'Ann', balance: -2, gave: 0, asked: 2 },
    ]);
  });
});

describe('report: --weekly / --monthly columns', () => {
  it.each([
    // weeks start on Monday; the first and last are clipped to the period
    ['2026-11-04', '2026-11-20', 'week', [['2026-11-04', '2026-11-08'], ['2026-11-09', '2026-11-15'], ['2026-11-16', '2026-11-20']]],
    ['2026-11-09', '2026-11-15', 'week', [['2026-11-09', '2026-11-15']]],
    ['2026-11-15', '2026-11-16', 'week', [['2026-11-15', '2026-11-15'], ['2026-11-16', '2026-11-16']]],
    ['2026-01-31', '2026-03-01', 'month', [['2026-01-31', '2026-01-31'], ['2026-02-01', '2026-02-28'], ['2026-03-01', '2026-03-01']]],
    ['2025-12-15', '2026-01-10', 'month', [['2025-12-15', '2025-12-31'], ['2026-01-01', '2026-01-10']]],
  ] as const)('%s to %s by %s', (from, to, interval, expected) => {
    expect(periodColumns(from, to, interval).map((c) => [c.from, c.to])).toEqual(expected);
  });

  it('puts each interaction in its column, per contact', () => {
    const j = journal({
      contacts: [contact('a', 'Ann'), contact('b', 'Bob')],
      interactions: [
        interaction('2026-11-08', ['a'], { gave: items('info') }),
        interaction('2026-11-09', ['a', 'b'], { asked: items('advice') }),
        interaction('2026-11-15', ['b'], { gave: items('intro', 'info') }),
      ],
    });
    const r = buildReport(j, TODAY, { from: '2026-11-04', to: '2026-11-20', interval: 'week' });
    expect(r.interval).toBe('week');
    expect(r.byColumn!.a!.map((t) => [t.interactions, t.balance])).toEqual([[1, 1], [1, -1], [0, 0]]);
    expect(r.byColumn!.b!.map((t) => [t.interactions, t.balance])).toEqual([[0, 0], [2, 1], [0, 0]]);
    expect(r.totals).toEqual({ interactions: 3, gave: 3, asked: 1, received: 0, balance: 2 });
    expect(r.columnTotals!.map((t) => t.balance)).toEqual([1, 1, 0]);
  });
});

describe('report: trend chart', () => {
  const j = journal({
    contacts: [contact('a', 'Ann Long-Name Person')],
    interactions: [
      interaction('2026-11-20', ['a'], { gave: items('info', 'intro', 'advice', 'help', 'gift', 'other', 'info', 'info', 'info', 'info', 'info', 'info') }),
      interaction('2026-10-01', ['a'], { asked: items('advice') }),
    ],
  });
  it('has eight weeks for a week-long review and covers a longer period', () => {
    expect(buildReport(j, TODAY, { from: '2026-11-14', to: TODAY }).trend).toHaveLength(8);
    const long = buildReport(j, TODAY, { from: '2026-08-22', to: TODAY }).trend;
    // calendar weeks, Monday first: Sat 22 Aug falls in the week of Mon 17 Aug
    expect(long).toHaveLength(14);
    expect(long[0]!.from).toBe('2026-08-17');
    expect(long[13]).toEqual({ from: '2026-11-16', to: '2026-11-20', gave: 12, asked: 0 });
    expect(buildReport(j, TODAY, { from: '2025-01-01', to: TODAY }).trend).toHaveLength(26);
  });
  it('uses the same calendar weeks as --weekly', () => {
    const r = buildReport(j, TODAY, { from: '2026-09-01', to: TODAY, interval: 'week' });
    const cols = r.columns!.map((c) => c.to);
    // every column ends where a chart week ends (the first column is clipped to the period's start)
    expect(r.trend.slice(-cols.length).map((w) => w.to)).toEqual(cols);
    expect(r.trend.every((w) => new Date(`${w.from}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
  });
  it.each([20, 30, 40, 60, 80, 120])('every line fits a %i-column terminal', (width) => {
    const r = buildReport(j, TODAY, { from: '2026-09-01', to: TODAY, interval: 'week' });
    const chart = renderTrendChart(r.trend, r.to, TODAY, theme, width);
    expect(chart.split('\n').filter((l) => l.includes('│'))).toHaveLength(1 + r.trend.length);
    for (const line of chart.split('\n')) expect(visibleWidth(line)).toBeLessThanOrEqual(width);
    if (width >= 40) for (const line of renderReport(r, TODAY, theme, width).split('\n')) expect(visibleWidth(line)).toBeLessThanOrEqual(width);
  });
  it('draws nothing when nothing was given or asked', () => {
    expect(renderTrendChart([{ from: '2026-11-14', to: TODAY, gave: 0, asked: 0 }], TODAY, TODAY, theme, 80)).toBe('');
  });
  it('puts asks left of the axis and gives right', () => {
    const chart = renderTrendChart([{ from: '2026-11-14', to: TODAY, gave: 2, asked: 1 }], TODAY, TODAY, theme, 40).split('\n');
    const line = chart.find((l) => l.startsWith('  14 Nov'))!;
    // the header's axis lines up with the bars'
    expect(chart.find((l) => l.includes('asked│gave'))!.indexOf('│')).toBe(line.indexOf('│'));
    expect(line).toMatch(/^ {2}14 Nov {2}1 +█+│█+ 2$/);
    const [left, right] = line.split('│');
    expect(left!.split('█').length - 1).toBeLessThan(right!.split('█').length - 1);
  });
});
