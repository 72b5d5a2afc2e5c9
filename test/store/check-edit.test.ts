import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Journal } from '../../src/core/schema.js';
import { checkEdit, checkJournal } from '../../src/store/validate.js';
import { SAMPLE } from '../helpers/cli.js';

// checkEdit checks only the records an edit replaced or added (edits are pure and keep the
// others as they are) and must give the same verdict as checking the whole journal.

const sample = JSON.parse(readFileSync(SAMPLE, 'utf8')) as Journal;
const KEYS = ['contacts', 'interactions', 'promises', 'events'] as const;

const verdict = (f: () => void) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return (e as Error).constructor.name;
  }
};

type Op = { key: (typeof KEYS)[number]; at: number; how: 'note' | 'bad-date' | 'bad-type' | 'copy-with-same-id' | 'copy-with-new-id' | 'drop' };

function apply(j: Journal, op: Op, n: number): Journal {
  const list = j[op.key] as unknown as Record<string, unknown>[];
  if (list.length === 0) return j;
  const i = op.at % list.length;
  const r = list[i]!;
  let next = [...list];
  if (op.how === 'note') next[i] = { ...r, notes: `changed ${n}` };
  if (op.how === 'bad-date') next[i] = { ...r, ...('date' in r ? { date: '2026/01/01' } : { createdAt: 'yesterday' }) };
  if (op.how === 'bad-type') next[i] = { ...r, id: 42 };
  if (op.how === 'copy-with-same-id') next.push({ ...r });
  if (op.how === 'copy-with-new-id') next.push({ ...r, id: `new${n}` });
  if (op.how === 'drop') next = next.filter((_, k) => k !== i);
  return { ...j, [op.key]: next } as Journal;
}

describe('checkEdit', () => {
  it('agrees with the whole-journal check on random edits of a valid journal', () => {
    const op = fc.record({
      key: fc.constantFrom(...KEYS),
      at: fc.nat(1000),
      how: fc.constantFrom('note', 'bad-date', 'bad-type', 'copy-with-same-id', 'copy-with-new-id', 'drop'),
    }) as fc.Arbitrary<Op>;
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 4 }), (ops) => {
        const after = ops.reduce((j, o, n) => apply(j, o, n), sample);
        expect(verdict(() => checkEdit(sample, after, 'j'))).toBe(verdict(() => checkJournal(after, 'j')));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an invalid edited record and a duplicated id, and says nothing was written', () => {
    const bad = apply(sample, { key: 'interactions', at: 3, how: 'bad-date' }, 0);
    expect(() => checkEdit(sample, bad, 'j.json')).toThrow(/^netlog made an invalid change to j\.json \(an edited record \(id \w+\): interactions\.date: .*\); nothing was written$/);
    const dup = apply(sample, { key: 'contacts', at: 1, how: 'copy-with-same-id' }, 0);
    expect(() => checkEdit(sample, dup, 'j.json')).toThrow(/duplicate contact id/);
    expect(() => checkEdit(sample, apply(sample, { key: 'events', at: 0, how: 'note' }, 0), 'j.json')).not.toThrow();
  });
});
