import { describe, expect, it } from 'vitest';
import { describeCadence, nextDue, parseCadence } from '../../src/core/cadence.js';
import { person } from '../helpers/journal.js';

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

describe('nextDue', () => {
  const p = person('X', { createdAt: '2026-11-01T09:00:00.000Z' });
  const snoozed = (until: string) => ({ ...p, snoozedUntil: until });
  it.each([
    ['counts from the last touch', p, 10, 2, '2026-11-05', { type: 'touch', dueOn: '2026-11-15', natural: '2026-11-15', since: '2026-11-05' }],
    ['counts from when they were added when never met', p, 10, 0, null, { type: 'touch', dueOn: '2026-11-11', natural: '2026-11-11', since: '2026-11-01' }],
    ['a snooze pushes it later', snoozed('2026-12-01'), 10, 0, null, { type: 'touch', dueOn: '2026-12-01', natural: '2026-11-11', since: '2026-11-01' }],
    ['a snooze that ends before changes nothing', snoozed('2026-11-03'), 10, 2, '2026-11-05', { type: 'touch', dueOn: '2026-11-15', natural: '2026-11-15', since: '2026-11-05' }],
    // A first and only meeting asks for a follow-up, whatever the cadence.
    ['a first and only meeting: a follow-up', p, 10, 1, '2026-11-05', { type: 'follow-up', dueOn: '2026-11-07', natural: '2026-11-07', since: '2026-11-05' }],
    ['a snoozed follow-up', snoozed('2026-11-10'), 10, 1, '2026-11-05', { type: 'follow-up', dueOn: '2026-11-10', natural: '2026-11-07', since: '2026-11-05' }],
    ['never: not due, even for a follow-up', p, null, 1, '2026-11-05', null],
    ['never: not due', p, null, 2, '2026-11-05', null],
  ] as const)('%s', (_, contact, cadenceDays, interactions, lastTouch, expected) => {
    expect(nextDue(contact, cadenceDays, { interactions, lastTouch }, 2)).toEqual(expected);
  });
});
