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
  ] as const)('%s → %s', (text, days) => {
    expect(parseCadence(text)).toBe(days);
  });

  it.each(['sometimes', '0d', '-3d', 'w', ''])('rejects %j', (text) => {
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
});
