import { describe, expect, it } from 'vitest';
import { matchRanges, queryWords, search } from '../../src/core/search.js';
import { fold } from '../../src/core/names.js';
import { generateJournal } from '../../bench/gen.js';
import type { Journal } from '../../src/core/schema.js';
import { contact, event, journal, meeting, promiseWithId } from '../helpers/journal.js';

// netlog search (SPEC §6.2): every word, case- and accent-insensitive, newest first.

const TODAY = '2026-11-20';
const j = journal({
  contacts: [
    contact('dana', 'Dana Lee', { company: 'Acme Café', role: 'Head of Ops', tags: ['client'], notes: 'Knows a great bookkeeper', createdAt: '2026-01-05T12:00:00.000Z' }),
    contact('emile', 'Émile Zola', { aliases: ['Emile Z'], createdAt: '2026-02-01T12:00:00.000Z', wants: [{ id: 'w1', text: 'a bookkeeper for the shop', since: '2026-11-02', metOn: null }] }),
  ],
  interactions: [
    meeting('i1', '2026-11-10', ['dana'], { note: 'Coffee at the café; she needs a designer', gave: [{ type: 'intro', note: 'to Sam, designer' }] }),
    meeting('i2', '2026-11-12', ['emile'], { note: 'Talked about bookkeeping', eventId: 'e1' }),
  ],
  promises: [{ ...promiseWithId('p1', 'dana', '2026-11-14', null, 'send the designer shortlist'), interactionId: 'i1' }],
  events: [event('e1', 'Chamber Breakfast', '2026-11-12')],
});

const hits = (query: string, extra: Partial<Parameters<typeof search>[1]> = {}) =>
  search(j, { query, today: TODAY, ...extra }).hits.map((h) => `${h.kind}:${h.id}:${h.field}`);

describe('search', () => {
  it.each([
    ['designer', ['interaction:i1:note', 'interaction:i1:gave.note', 'promise:p1:text']], // newest first; on one day, interactions first
    ['DESIGNER sam', ['interaction:i1:note', 'interaction:i1:gave.note']], // words may be in different fields of one record
    ['cafe', ['interaction:i1:note', 'contact:dana:company']], // accents do not matter
    ['emile', ['contact:emile:name', 'contact:emile:aliases']],
    ['bookkeeper', ['want:w1:text', 'contact:dana:notes']],
    ['bookkeep', ['interaction:i2:note', 'want:w1:text', 'contact:dana:notes']],
    ['chamber', ['event:e1:name']],
    ['client', ['contact:dana:tags']],
    ['head ops', ['contact:dana:role']],
    ['designer bookkeeper', []], // every word must match one record
    ['nowhere', []],
    ['   ', []],
  ])('%j → %j', (q, expected) => expect(hits(q)).toEqual(expected));

  it('filters by contact and date', () => {
    expect(hits('bookkeep', { contactId: 'emile' })).toEqual(['interaction:i2:note', 'want:w1:text']);
    expect(hits('bookkeep', { since: '2026-11-05' })).toEqual(['interaction:i2:note']);
    expect(hits('chamber', { contactId: 'dana' })).toEqual([]);
  });

  it('gives the date, the people and the text of each hit', () => {
    expect(search(j, { query: 'chamber', today: TODAY }).hits[0]).toEqual({ kind: 'event', id: 'e1', date: '2026-11-12', contactIds: ['emile'], field: 'name', text: 'Chamber Breakfast' });
    expect(search(j, { query: 'shortlist', today: TODAY }).hits[0]).toMatchObject({ date: '2026-11-10', contactIds: ['dana'] });
  });

  it('folds and finds ranges in the original text', () => {
    expect(fold('Émile CAFÉ')).toBe('emile cafe');
    expect(queryWords('  Café  cafe ')).toEqual(['cafe']);
    expect(matchRanges('Le Café Émile', ['cafe', 'emile'])).toEqual([[3, 7], [8, 13]]);
    const decomposed = 'Cafe\u0301!';
    expect(matchRanges(decomposed, ['cafe'])).toEqual([[0, 5]]);
  });

  // Speed at 100k lives in `npm run bench`; here, on a generated journal, the one-pass search
  // must find exactly the interactions a plain filter over folded notes finds.
  it('finds in a generated journal exactly what a plain filter over the notes finds', () => {
    const big = generateJournal({ interactions: 5_000, contacts: 300 }) as Journal;
    const word = fold(big.interactions.find((i) => i.note)!.note!).split(' ').find((w) => w.length > 4)!;
    const expected = big.interactions.filter((i) => i.note !== undefined && fold(i.note).includes(word)).map((i) => i.id).sort();
    const hits = search(big, { query: word, today: TODAY }).hits.filter((h) => h.kind === 'interaction' && h.field === 'note');
    expect(expected.length).toBeGreaterThan(0);
    expect(hits.map((h) => h.id).sort()).toEqual(expected);
    expect(search(big, { query: 'nothing-like-this', today: TODAY }).hits).toEqual([]);
  });
});
