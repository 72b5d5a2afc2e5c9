import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/reports/report.js';
import { contactStats } from '../../src/core/stats.js';
import { addInteraction } from '../../src/core/edits.js';
import type { Journal } from '../../src/core/schema.js';
import { ITEM_TYPES, KINDS } from '../../src/core/journal.js';

// Balance invariants over random journals: totals and rows follow the one counting rule, and one
// give to one person raises exactly that person's balance, by one.

const TODAY = '2026-11-20';
const journalArb = fc.integer({ min: 1, max: 12 }).chain((nContacts) => {
  const ids = Array.from({ length: nContacts }, (_, i) => `c${i}`);
  // Some items say whom they were for (present or not): SPEC §6.1's counting rule.
  const item = fc.record({ type: fc.constantFrom(...ITEM_TYPES), for: fc.constantFrom(...ids) }, { requiredKeys: ['type'] });
  const interaction = fc.record({
    date: fc.integer({ min: 0, max: 120 }).map((d) => new Date(Date.UTC(2026, 7, 1) + d * 86_400_000).toISOString().slice(0, 10)),
    contactIds: fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: Math.min(3, nContacts) }),
    kind: fc.constantFrom(...KINDS),
    gave: fc.array(item, { maxLength: 3 }),
    asked: fc.array(item, { maxLength: 3 }),
    received: fc.array(item, { maxLength: 2 }),
  });
  return fc.array(interaction, { maxLength: 40 }).map(
    (list): Journal => ({
      version: 1,
      settings: {},
      contacts: ids.map((id) => ({ id, name: `Person ${id}`, aliases: [], emails: [], phones: [], tags: [], createdAt: '2026-01-01T00:00:00.000Z', archived: false })),
      interactions: list.map((i, n) => ({ id: `i${n}`, ...i, createdAt: `${i.date}T10:00:00.000Z` })),
      promises: [],
      events: [],
    }),
  );
});
const period = fc.tuple(fc.integer({ min: 0, max: 130 }), fc.integer({ min: 0, max: 60 })).map(([start, len]) => {
  const from = new Date(Date.UTC(2026, 7, 1) + start * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(2026, 7, 1) + (start + len) * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
});

describe('balance invariants', () => {
  it('totals count each item once, rows once for each person it is for (SPEC §6.1)', () => {
    fc.assert(
      fc.property(journalArb, period, (j, p) => {
        const r = buildReport(j, TODAY, p);
        const sum = (f: (row: (typeof r.contacts)[number]) => number) => r.contacts.reduce((a, row) => a + f(row), 0);
        const inPeriod = j.interactions.filter((i) => i.date >= p.from && i.date <= p.to);
        expect(r.totals.balance).toBe(r.totals.gave - r.totals.asked);
        for (const row of r.contacts) expect(row.balance).toBe(row.gave - row.asked);
        expect(r.totals.interactions).toBe(inPeriod.length);
        expect(r.totals.gave).toBe(inPeriod.reduce((a, i) => a + i.gave.length, 0));
        expect(r.totals.asked).toBe(inPeriod.reduce((a, i) => a + i.asked.length, 0));
        // An item is on its `for` person's row, else on the row of everyone there.
        const share = (list: { for?: string }[], people: number) => list.reduce((a, x) => a + (x.for === undefined ? people : 1), 0);
        expect(sum((row) => row.gave)).toBe(inPeriod.reduce((a, i) => a + share(i.gave, i.contactIds.length), 0));
        expect(sum((row) => row.asked)).toBe(inPeriod.reduce((a, i) => a + share(i.asked, i.contactIds.length), 0));
        // The chart's weeks count the same way as the totals.
        const charted = r.trend.filter((w) => w.from >= p.from).reduce((a, w) => a + w.gave, 0);
        expect(charted).toBeLessThanOrEqual(r.totals.gave);
      }),
    );
  });

  it('logging one give to one person raises exactly that balance, by one', () => {
    fc.assert(
      fc.property(journalArb, fc.nat(), fc.constantFrom(...ITEM_TYPES), (j, pick, type) => {
        const target = j.contacts[pick % j.contacts.length]!;
        let n = 0;
        const env = { newId: () => `new${n++}`, now: '2026-11-20T10:00:00.000Z' };
        const next = addInteraction(j, { participants: [{ id: target.id }], date: TODAY, kind: 'call', gave: [{ type }], asked: [], received: [], promises: [] }, env).journal;
        const before = contactStats(j);
        const after = contactStats(next);
        for (const c of j.contacts) {
          const b = before.get(c.id)?.balance ?? 0;
          const a = after.get(c.id)?.balance ?? 0;
          expect([c.id, a - b]).toEqual([c.id, c.id === target.id ? 1 : 0]);
        }
        const life = (jj: Journal) => buildReport(jj, TODAY, { from: '2000-01-01', to: TODAY }).totals.balance;
        expect(life(next) - life(j)).toBe(1);
      }),
    );
  });
});
