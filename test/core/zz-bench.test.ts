import { it } from 'vitest';
import { merge } from '../../src/core/merge.js';
import { bigJournal } from '../helpers/big.js';
it('bench', () => {
  const b = bigJournal(100_000) as any;
  const o0 = { ...b, interactions: [...b.interactions, { ...b.interactions[0], id: 'new1' }], contacts: b.contacts.map((c: any, i: number) => (i === 3 ? { ...c, company: 'X', updatedAt: '2026-01-01T00:00:00.000Z' } : c)) };
  const t0_ = { ...b, interactions: [...b.interactions, { ...b.interactions[1], id: 'new2' }], contacts: b.contacts.map((c: any, i: number) => (i === 3 ? { ...c, role: 'Y', updatedAt: '2026-01-02T00:00:00.000Z' } : c)) };
  for (const [o, t] of [[o0, t0_], [JSON.parse(JSON.stringify(o0)), JSON.parse(JSON.stringify(t0_))]]) {
    const t0 = performance.now();
    const m = merge(b, o, t);
    console.log('merge ms', performance.now() - t0, m.journal.interactions.length);
  }
});
