import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, parseSpan, parseWhen, weekday, spanSuggestion, weekStart, whenSuggestion } from '../../src/core/dates.js';

// 2026-11-20 is a Friday.
const TODAY = '2026-11-20';

describe('parseWhen', () => {
  it.each([
    ['today', 'past', '2026-11-20'],
    ['Today', 'past', '2026-11-20'],
    ['yesterday', 'past', '2026-11-19'],
    ['tomorrow', 'future', '2026-11-21'],
    ['2026-02-28', 'past', '2026-02-28'],
    ['2024-02-29', 'past', '2024-02-29'],
    ['3d ago', 'past', '2026-11-17'],
    ['2w ago', 'past', '2026-11-06'],
    ['1m ago', 'past', '2026-10-20'],
    ['1y ago', 'past', '2025-11-20'],
    ['in 3d', 'future', '2026-11-23'],
    ['in 2w', 'future', '2026-12-04'],
    ['in 1m', 'future', '2026-12-20'],
    ['fri', 'future', '2026-11-27'],
    // a bare weekday: most recent (today included) for past dates, the next one for due dates
    ['friday', 'past', '2026-11-20'],
    ['friday', 'future', '2026-11-27'],
    ['monday', 'past', '2026-11-16'],
    ['monday', 'future', '2026-11-23'],
    ['wed', 'past', '2026-11-18'],
    ['last friday', 'past', '2026-11-13'],
    ['last monday', 'past', '2026-11-16'],
    ['  Last   Friday ', 'past', '2026-11-13'],
  ] as const)('%s (%s) → %s', (input, dir, expected) => {
    expect(parseWhen(input, TODAY, dir)).toBe(expected);
  });

  // Only SPEC §3's grammar: "next tuesday" (which one?), "in 2 weeks", "3 days ago" are refused, with a suggestion.
  it.each(['', 'soon', '2026-02-30', '2026-13-01', '26-11-20', '3x ago', 'in soon', 'fr', 'frid', 'last', 'ago', '20/11/2026', 'next tuesday', 'this friday', 'in 2 weeks', '3 days ago', 'in 1 month', 'now', '3d', 'in 3d ago'])(
    'rejects %j',
    (input) => {
      expect(parseWhen(input, TODAY)).toBeUndefined();
    },
  );
});

describe('whenSuggestion', () => {
  it.each([
    ['in 2 weeks', 'in 2w'],
    ['3 days ago', '3d ago'],
    ['2 months ago', '2m ago'],
    ['next tuesday', 'tuesday'],
    ['this fri', 'friday'],
    ['last tues', 'last tuesday'],
    ['now', 'today'],
    ['soon', undefined],
    ['in 3 days ago', undefined],
  ] as const)('%j → %j', (input, meant) => {
    expect(whenSuggestion(input)).toBe(meant);
    if (meant !== undefined) expect(parseWhen(meant, TODAY)).toBeDefined();
  });
});

describe('spanSuggestion', () => {
  it.each([
    ['2 weeks', '2w'],
    ['3 Days', '3d'],
    ['1 month', '1m'],
    ['6 mos', '6m'],
    ['2 years', '2y'],
    ['in 2 weeks', undefined],
    ['3 days ago', undefined],
    ['some weeks', undefined],
  ] as const)('%j → %j', (input, meant) => {
    expect(spanSuggestion(input)).toBe(meant);
    if (meant !== undefined) expect(parseSpan(meant)).toBeDefined();
  });
});

describe('weekStart', () => {
  it.each([
    ['2026-11-20', '2026-11-16'], // Friday → Monday
    ['2026-11-16', '2026-11-16'],
    ['2026-11-22', '2026-11-16'], // Sunday ends the week
    ['2026-11-23', '2026-11-23'],
  ])('%s → %s', (day, monday) => expect(weekStart(day)).toBe(monday));
});

describe('calendar arithmetic', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-11-20', 12, '2027-11-20'],
    ['2026-01-15', -13, '2024-12-15'],
  ] as const)('addMonths(%s, %i) = %s', (day, n, expected) => {
    expect(addMonths(day, n)).toBe(expected);
  });

  it('crosses DST changes and leap days by whole days', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2026-11-20', '2026-11-13')).toBe(-7);
  });

  it('knows the weekday', () => {
    expect(weekday('2026-11-20')).toBe(5);
    expect(weekday('2026-11-22')).toBe(0);
  });

  it.each([
    ['7d', { amount: 7, unit: 'd' }],
    ['4w', { amount: 4, unit: 'w' }],
    ['3m', { amount: 3, unit: 'm' }],
    ['2 months', { amount: 2, unit: 'm' }],
    ['1y', { amount: 1, unit: 'y' }],
  ] as const)('parseSpan(%s)', (text, expected) => {
    expect(parseSpan(text)).toEqual(expected);
  });
});
