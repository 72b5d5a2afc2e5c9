import { describe, expect, it } from 'vitest';
import { generateJournal, journalText } from '../../bench/gen.js';
import { parseJournal } from '../../src/store/validate.js';
import { serializeJournal } from '../../src/store/serialize.js';

// The benchmark's journals must be what netlog itself reads and writes, or the figures mean
// nothing: valid against the schema, and already in the file's canonical form.

describe('bench journals', () => {
  it.each([
    [300, 60],
    [2000, 200],
  ])('%i interactions, %i contacts: valid, canonical, and deterministic', (interactions, contacts) => {
    const j = generateJournal({ interactions, contacts });
    const text = journalText(j);
    const parsed = parseJournal(text, 'bench.json');
    expect(parsed.interactions).toHaveLength(interactions);
    expect(parsed.contacts).toHaveLength(contacts);
    expect(parsed.promises.length).toBeGreaterThan(interactions / 20);
    expect(serializeJournal(parsed)).toBe(text);
    expect(journalText(generateJournal({ interactions, contacts }))).toBe(text);
    const known = new Set(parsed.contacts.map((c) => c.id));
    expect(parsed.interactions.every((i) => i.contactIds.every((id) => known.has(id)))).toBe(true);
  });

  it('noteLength makes every note at least that long and changes nothing else', () => {
    const plain = generateJournal({ interactions: 300, contacts: 60 });
    const long = generateJournal({ interactions: 300, contacts: 60, noteLength: 400 });
    const text = journalText(long);
    expect(serializeJournal(parseJournal(text, 'bench.json'))).toBe(text);
    expect(long.interactions.every((i) => (i.note ?? '').length >= 400)).toBe(true);
    const withoutNotes = (j: typeof plain) => ({ ...j, interactions: j.interactions.map(({ note: _, ...i }) => i) });
    expect(withoutNotes(long)).toEqual(withoutNotes(plain));
    // A note the journal had is kept at the start of the longer one.
    expect(long.interactions.every((i, n) => i.note!.startsWith(plain.interactions[n]!.note ?? ''))).toBe(true);
    expect(plain.interactions.some((i) => i.note !== undefined)).toBe(true);
  });
});
