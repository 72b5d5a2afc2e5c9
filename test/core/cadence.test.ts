import { describe, expect, it } from 'vitest';
import { describeCadence, effectiveCadence, parseCadence } from '../../src/core/cadence.js';
import { resolveSettings, type Contact } from '../../src/core/schema.js';

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

const contact = (over: Partial<Contact>): Contact => ({
  id: 'c1', name: 'X', aliases: [], emails: [], phones: [], tags: [], createdAt: '2026-01-01T00:00:00.000Z', archived: false, ...over,
});

describe('effectiveCadence: contact > shortest tag > default', () => {
  const settings = resolveSettings({ defaultCadenceDays: 90, tagCadences: { investor: 30, vip: 7, dormant: null } });
  it.each([
    ['own cadence wins over tags', { cadenceDays: 60, tags: ['vip'] }, 60, 'contact'],
    ['own never wins over tags', { cadenceDays: null, tags: ['vip'] }, null, 'contact'],
    ['shortest tag wins', { tags: ['investor', 'vip'] }, 7, 'tag'],
    ['a real tag cadence beats a never tag', { tags: ['dormant', 'investor'] }, 30, 'tag'],
    ['a never tag alone', { tags: ['dormant'] }, null, 'tag'],
    ['unknown tags fall back to default', { tags: ['friend'] }, 90, 'default'],
    ['no tags: default', {}, 90, 'default'],
  ] as const)('%s', (_label, over, days, from) => {
    const c = effectiveCadence(contact(over as Partial<Contact>), settings);
    expect(c.days).toBe(days);
    expect(c.from).toBe(from);
  });

  it('uses the built-in default of 90 days', () => {
    expect(effectiveCadence(contact({}), resolveSettings({})).days).toBe(90);
  });
});
