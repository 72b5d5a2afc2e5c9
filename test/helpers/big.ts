// A large synthetic journal (tens of MB) for crash and speed tests: deterministic, valid.
export function bigJournal(interactions: number, contacts = 1000): unknown {
  const cs = Array.from({ length: contacts }, (_, n) => ({
    id: `c${n.toString(36).padStart(6, '0')}`,
    name: `Person ${n.toString(36)} Example`,
    aliases: [],
    emails: [`p${n}@example.com`],
    phones: [],
    tags: n % 7 === 0 ? ['investor'] : [],
    createdAt: '2024-01-01T09:00:00.000Z',
    archived: false,
  }));
  const note = 'Talked about the market, hiring, a designer for the new site, and the next meetup. '.repeat(4);
  const is = Array.from({ length: interactions }, (_, n) => {
    const day = new Date(Date.UTC(2024, 0, 1) + (n % 1000) * 86_400_000).toISOString().slice(0, 10);
    return {
      id: `i${n.toString(36).padStart(7, '0')}`,
      date: day,
      contactIds: [cs[n % contacts]!.id],
      kind: 'coffee',
      note: `${n}: ${note}`,
      gave: n % 3 === 0 ? [{ type: 'intro', note: 'to Sam' }] : [],
      asked: n % 5 === 0 ? [{ type: 'advice' }] : [],
      received: [],
      createdAt: `${day}T10:00:00.000Z`,
    };
  });
  return { version: 1, settings: {}, contacts: cs, interactions: is, promises: [], events: [] };
}
