import { findById } from '../../src/core/ids.js';
import { describe, expect, it } from 'vitest';
import { addWants, heldWants, isOpenWant, markWantMet, openWants, withWants } from '../../src/core/wants.js';
import { stagePlan } from '../../src/core/stage.js';
import { contact, journal } from '../helpers/journal.js';

let n = 0;
const env = { newId: () => `w${String(n++).padStart(7, '0')}`, now: '2026-11-20T12:00:00.000Z' };
const want = (id: string, text: string, since = '2026-10-01', metOn: string | null = null) => ({ id, text, since, metOn });

describe('wants', () => {
  it.each([
    [want('a', 'x'), '2026-11-20', true],
    [want('a', 'x', '2026-12-01'), '2026-11-20', false], // not recorded yet on that day
    [want('a', 'x', '2026-10-01', '2026-11-01'), '2026-11-20', false],
    [want('a', 'x', '2026-10-01', '2026-11-01'), '2026-10-15', true], // met later than the day asked about
  ])('%j open on %s: %s', (w, on, open) => expect(isOpenWant(w, on)).toBe(open));

  it('adds trimmed wants, not twice while open, and stamps updatedAt', () => {
    const c = contact('c', 'Cy', { wants: [want('old', 'A designer')] });
    const r = withWants(c, [' a  designer ', 'a flat', 'a flat', ''], '2026-11-20', env);
    expect(r.added.map((w) => w.text)).toEqual(['a flat']);
    expect(r.contact.wants!.map((w) => w.text)).toEqual(['A designer', 'a flat']);
    expect(r.contact.updatedAt).toBe(env.now);
    // nothing new: the same contact back
    expect(withWants(c, ['a designer'], '2026-11-20', env).contact).toBe(c);
  });

  it('finds by id or unique prefix, any case; reports ambiguity', () => {
    const j = journal({ contacts: [contact('a', 'Ann', { wants: [want('7kq2aaaa', 'x'), want('7kq3bbbb', 'y')] }), contact('b', 'Bo', { wants: [want('9zzzzzzz', 'z')] })] });
    const wants = heldWants(j);
    expect(findById(wants, '7KQ2')).toMatchObject({ kind: 'one', record: { want: { id: '7kq2aaaa' }, contact: { id: 'a' } } });
    expect(findById(wants, '7kq')).toMatchObject({ kind: 'ambiguous' });
    expect(findById(wants, '9')).toMatchObject({ kind: 'one', record: { contact: { id: 'b' } } });
    expect(findById(wants, 'q')).toEqual({ kind: 'none' });
    expect(findById(wants, '  ')).toEqual({ kind: 'none' });
  });

  it('marks met once; the first date stands', () => {
    const j = journal({ contacts: [contact('a', 'Ann', { wants: [want('w1', 'x'), want('w2', 'y')] })] });
    const met = markWantMet(j, 'w1', '2026-11-20', env);
    expect(met.changed).toBe(true);
    expect(openWants(met.journal.contacts[0]!, '2026-11-20').map((w) => w.id)).toEqual(['w2']);
    const again = markWantMet(met.journal, 'w1', '2026-11-25', env);
    expect([again.changed, again.want.metOn, again.journal]).toEqual([false, '2026-11-20', met.journal]);
    expect(addWants(j, 'a', [], '2026-11-20', env).journal).toBe(j);
  });
});

describe('stagePlan', () => {
  const monthly = { days: 30, description: 'monthly' };
  it.each<[number, number, { days: number | null; description: string }, string | null, string | undefined]>([
    [3, 0, monthly, '2026-12-01', '3/6 meetings; at your monthly rhythm, credibility by January 2027'], // 12-01 + 2×30 = 01-30
    [5, 0, monthly, '2026-11-25', '5/6 meetings; at your monthly rhythm, credibility by November'],
    [4, 0, monthly, '2026-10-01', '4/6 meetings; at your monthly rhythm, credibility by December'], // overdue: counts from today
    [2, 0, { days: 91, description: 'every 3 months' }, '2026-12-10', '2/6 meetings; at one meeting every 3 months, credibility by September 2027'],
    [1, 0, { days: null, description: 'never' }, null, '1/6 meetings; 5 more to reach credibility (no rhythm set)'],
    [6, 1, monthly, '2026-12-01', undefined], // held back by a promise: progress says so
    [9, 0, monthly, '2026-12-01', undefined],
  ])('%i meetings, %i overdue → %s', (n, overdue, cadence, next, plan) => {
    expect(stagePlan(n, overdue, cadence, next, '2026-11-20')).toBe(plan);
  });
});
