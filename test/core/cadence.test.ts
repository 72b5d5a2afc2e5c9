import { describe, expect, it } from 'vitest';
import { describeCadence, parseCadence } from '../../src/core/cadence.js';

// Precedence (contact > tag > default) is tested in cadence-edits.test.ts.

describe('parseCadence', () => {
  it.each([
    ['weekly', 7],
    ['biweekly', 14],
    ['monthly', 30],
    ['quarterly', 91],
    ['yearly', 365],
    ['never', null],
    ['10d', 10],
    ['6w', 42],
    ['2m', 60],
    ['1y', 365],
    ['Monthly', 30],
    // What describeCadence writes reads back.
    ['every 10 days', 10],
    ['every 6 weeks', 42],
    ['every 2 months', 60],
    ['every 2 years', 730],
    ['Every  1 week', 7],
    ['every week', 7],
    ['every day', 1],
    ['every 3w', 21],
    [' never ', null],
  ] as const)('%s → %s', (text, days) => {
    expect(parseCadence(text)).toBe(days);
  });

  it.each(['sometimes', '0d', '-3d', 'w', '', 'every', 'every 0 days', 'every monthly', 'every never', 'constructor', 'toString', 'monthly (default)'])('rejects %j', (text) => {
    expect(parseCadence(text)).toBeUndefined();
  });

  it.each([
    [7, 'weekly'],
    [30, 'monthly'],
    [42, 'every 6 weeks'],
    [60, 'every 2 months'],
    [10, 'every 10 days'],
    [null, 'never'],
  ] as const)('describes %s as %s', (days, text) => {
    expect(describeCadence(days)).toBe(text);
  });

  it.each([1, 7, 10, 14, 21, 30, 42, 60, 91, 100, 365, 730, 1000, null])('reads back what it describes for %s', (days) => {
    expect(parseCadence(describeCadence(days))).toBe(days);
  });
});
