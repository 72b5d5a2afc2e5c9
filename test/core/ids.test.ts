import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findById, shortIdOf, shortIds } from '../../src/core/ids.js';
import { promise } from '../helpers/journal.js';

describe('findById (promises, interactions, wants and events by id or prefix)', () => {
  const ps = [promise('a', '2026-11-01', null, { id: 'abc12345' }), promise('a', '2026-11-01', null, { id: 'abd99999' }), promise('a', '2026-11-01', null, { id: 'ab' })];
  it.each([
    ['abc12345', 'one', 'abc12345'],
    ['ABC1', 'one', 'abc12345'], // typed in capitals
    ['abd', 'one', 'abd99999'],
    ['ab', 'one', 'ab'], // an exact id wins over being a prefix of others
    ['a', 'ambiguous', undefined],
    ['zz', 'none', undefined],
    ['  ', 'none', undefined],
  ])('%j → %s', (input, kind, id) => {
    const r = findById(ps, input);
    expect(r.kind).toBe(kind);
    if (r.kind === 'one') expect(r.record.id).toBe(id);
    if (r.kind === 'ambiguous') expect(r.candidates.map((p) => p.id)).toEqual(['abc12345', 'abd99999', 'ab']);
  });
});


// The sort of all the ids shortIds did, kept here as the definition its grouping must agree with.
function byNeighbours(ids: readonly string[], min = 4): Map<string, string> {
  const sorted = [...new Set(ids)].sort();
  const common = (a: string, b: string | undefined) => {
    let k = 0;
    while (b !== undefined && k < a.length && k < b.length && a[k] === b[k]) k++;
    return k;
  };
  return new Map(sorted.map((id, n) => [id, id.slice(0, Math.max(min, Math.max(common(id, sorted[n - 1]), common(id, sorted[n + 1])) + 1))]));
}

describe('shortIds and shortIdOf', () => {
  // Few letters (one not ASCII), so ids share long prefixes; some shorter than four, some repeated, some prefixes of others.
  const id = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é'), minLength: 1, maxLength: 8 });
  it('agree with the sorted neighbours, for every id and every minimum', () => {
    fc.assert(
      fc.property(fc.array(id, { maxLength: 60 }), fc.integer({ min: 1, max: 6 }), (ids, min) => {
        const want = byNeighbours(ids, min);
        expect(new Map([...shortIds(ids, min)].sort())).toEqual(new Map([...want].sort()));
        const short = shortIdOf(ids, min);
        for (const x of ids) expect(short(x)).toBe(want.get(x));
      }),
      { numRuns: 300 },
    );
  });
});
