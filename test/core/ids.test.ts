import { describe, expect, it } from 'vitest';
import { findById } from '../../src/core/ids.js';
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

