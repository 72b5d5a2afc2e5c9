import { describe, expect, it } from 'vitest';
import { countFor, countForAny, countsFor } from '../../src/core/counting.js';
import { contactStats } from '../../src/core/stats.js';
import { buildReport } from '../../src/reports/report.js';
import type { Item } from '../../src/core/schema.js';
import { contact, journal, meeting } from '../helpers/journal.js';

// SPEC §6.1's one counting rule: an item counts once in totals and once for each person it is
// for — its `for`, else everyone present.

const present = ['a', 'b', 'c'];

describe('countsFor', () => {
  it.each<[Item, string, boolean]>([
    [{ type: 'advice' }, 'a', true], // for everyone there
    [{ type: 'advice' }, 'z', false], // not there
    [{ type: 'advice', for: 'b' }, 'b', true],
    [{ type: 'advice', for: 'b' }, 'a', false],
    [{ type: 'intro', for: 'z', link: 'a' }, 'z', true], // for someone not there (an intro's other side)
  ])('%j for %s → %s', (item, id, expected) => expect(countsFor(item, id, present)).toBe(expected));

  it('counts per person and once for the totals', () => {
    const items: Item[] = [{ type: 'advice' }, { type: 'intro', for: 'b' }, { type: 'info', for: 'z' }];
    expect(['a', 'b', 'c', 'z'].map((id) => countFor(items, id, present))).toEqual([1, 2, 1, 1]);
    expect(countForAny(items, new Set(['a', 'b', 'c', 'z']), present)).toBe(3);
    expect(countForAny(items, new Set(['a']), present)).toBe(1);
    expect(countForAny(items, new Set(['b']), present)).toBe(2);
  });
});

describe('the rule in stats and report', () => {
  const j = journal({
    contacts: [contact('a', 'Ann'), contact('b', 'Bo'), contact('c', 'Cy'), contact('z', 'Zed')],
    interactions: [
      // a group of three: advice for all, an intro for Bo, and Zed (not there) credited with the intro
      meeting('i1', '2026-11-18', ['a', 'b', 'c'], { gave: [{ type: 'advice' }, { type: 'intro', for: 'b', link: 'z' }, { type: 'intro', for: 'z', link: 'b' }], asked: [{ type: 'info', for: 'c' }] }),
      meeting('i2', '2026-11-19', ['a'], { gave: [{ type: 'gift' }] }),
    ],
  });

  it.each([
    ['a', { interactions: 2, gave: 2, asked: 0, balance: 2 }],
    ['b', { interactions: 1, gave: 2, asked: 0, balance: 2 }],
    ['c', { interactions: 1, gave: 1, asked: 1, balance: 0 }],
    ['z', { interactions: 0, gave: 1, asked: 0, balance: 1, lastTouch: null }],
  ])('%s', (id, expected) => {
    expect(contactStats(j).get(id)).toMatchObject(expected);
  });

  it('report totals count each item once; rows, the weekly columns and the chart agree with it', () => {
    const r = buildReport(j, '2026-11-20', { from: '2026-11-14', to: '2026-11-20', interval: 'week' });
    expect(r.totals).toEqual({ interactions: 2, gave: 4, asked: 1, received: 0, balance: 3 });
    expect(r.contacts.map((c) => [c.contactId, c.gave])).toEqual([['a', 2], ['b', 2], ['c', 1], ['z', 1]]);
    expect(r.columnTotals!.reduce((s, t) => s + t.balance, 0)).toBe(r.totals.balance);
    expect(r.trend.at(-1)).toMatchObject({ gave: 4, asked: 1 });
    // narrowed to one person, the totals are what counts for them
    const bo = buildReport(j, '2026-11-20', { from: '2026-11-14', to: '2026-11-20', contactIds: ['b'] });
    expect(bo.totals).toEqual({ interactions: 1, gave: 2, asked: 0, received: 0, balance: 2 });
  });
});
