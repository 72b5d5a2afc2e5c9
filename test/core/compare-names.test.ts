import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareDays, compareNames } from '../../src/core/names.js';
import { generateJournal } from '../../bench/gen.js';
import { SAMPLE } from '../helpers/cli.js';

// compareNames replaces localeCompare (whose collator is slow to set up on every run): it must
// order people's names as an English reader expects, and be a consistent total order.

describe('compareNames', () => {
  it.each([
    ['Ada', 'Bea', -1],
    ['ada', 'Bea', -1],
    ['Émile', 'Emma', -1],
    ['Elena', 'Émile', -1],
    ['Zoë', 'Zoe Smith', -1],
    ['Dana Lee', 'Dana Lee', 0],
    ['dana lee', 'Dana Lee', 1], // same letters: a fixed order, by code point
    ['Tomás Reyes', 'Tomas Reyes', 1],
  ])('%s vs %s → %i', (a, b, sign) => {
    expect(Math.sign(compareNames(a, b))).toBe(sign);
    expect(Math.sign(compareNames(b, a)) || 0).toBe(-sign || 0);
  });

  it('orders real names as localeCompare does', () => {
    const names = [
      ...JSON.parse(readFileSync(SAMPLE, 'utf8')).contacts.map((c: { name: string }) => c.name),
      ...generateJournal({ interactions: 10, contacts: 400 }).contacts.map((c) => c.name),
    ];
    const ours = [...names].sort(compareNames);
    const icu = [...names].sort((a, b) => a.localeCompare(b, 'en'));
    expect(ours).toEqual(icu);
  });

  it('orders dates', () => {
    expect(['2026-11-02', '2025-12-31', '2026-01-10'].sort(compareDays)).toEqual(['2025-12-31', '2026-01-10', '2026-11-02']);
  });
});
