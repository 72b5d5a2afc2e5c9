import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { serializeJournal } from '../../src/store/serialize.js';
import { SAMPLE } from '../helpers/cli.js';

// serializeJournal copies nothing when the keys are already in order; these check that it still
// writes every record in the canonical order, keeps unknown keys (after the known ones), and
// never changes the journal it is given.

const sampleText = readFileSync(SAMPLE, 'utf8');
const sample = () => JSON.parse(sampleText);
type Obj = Record<string, unknown>;

/** Same keys and values, another insertion order (a seeded shuffle). */
function shuffled(o: Obj, seed: number): Obj {
  const entries = Object.entries(o);
  let s = seed;
  for (let i = entries.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const k = s % (i + 1);
    [entries[i], entries[k]] = [entries[k]!, entries[i]!];
  }
  return Object.fromEntries(entries);
}

describe('serializeJournal', () => {
  it('writes a canonical file back byte for byte', () => {
    expect(serializeJournal(sample())).toBe(sampleText);
  });

  it('puts shuffled keys back in the canonical order, at every level', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1 << 30 }), (seed) => {
        const j = sample();
        const mess = shuffled(
          {
            ...j,
            settings: shuffled(j.settings, seed),
            contacts: j.contacts.map((c: Obj, n: number) => shuffled(c, seed + n)),
            interactions: j.interactions.map((i: Obj, n: number) => shuffled({ ...i, gave: (i.gave as Obj[]).map((g) => shuffled(g, seed + n)) }, seed * 3 + n)),
            promises: j.promises.map((p: Obj, n: number) => shuffled(p, seed + 7 * n)),
            events: j.events.map((e: Obj, n: number) => shuffled(e, seed + n)),
          },
          seed,
        );
        return serializeJournal(mess as never) === sampleText;
      }),
      { numRuns: 30 },
    );
  });

  it('keeps unknown keys after the known ones and drops undefined values', () => {
    const j = sample();
    j.contacts[0] = { zeta: 1, ...j.contacts[0], notes: undefined };
    j.interactions[0].gave = [{ note: 'n', extra: true, type: 'intro' }];
    const out = JSON.parse(serializeJournal(j));
    const keys = Object.keys(out.contacts[0]);
    expect(keys[keys.length - 1]).toBe('zeta');
    expect(keys).not.toContain('notes');
    expect(Object.keys(out.interactions[0].gave[0])).toEqual(['type', 'note', 'extra']);
  });

  it('never changes the journal it is given', () => {
    const j = sample();
    j.contacts[3] = shuffled(j.contacts[3], 5);
    j.interactions[2] = shuffled(j.interactions[2], 9);
    const before = JSON.stringify(j);
    serializeJournal(j);
    expect(JSON.stringify(j)).toBe(before);
  });
});
