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
});
