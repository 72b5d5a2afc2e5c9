import { describe, expect, it } from 'vitest';
import { buildEventsReport } from '../../src/reports/events.js';
import { contact, event, interaction, items, journal } from '../helpers/journal.js';
import { renderEvents } from '../../src/ui/render/events.js';
import { makeTheme } from '../../src/ui/theme.js';

const TODAY = '2026-11-20';

// The breakfast club meets on Tuesdays: Ann is new there and becomes a relationship that sends
// business; Bob is new and never heard from again; Cy was known before and sends a referral
// after; Dee is met at the second session.
const j = journal({
  events: [event('e1', 'Breakfast Club', '2026-09-01'), event('e2', 'Empty Mixer', '2026-10-01')],
  contacts: [
    contact('a', 'Ann', { source: 'Breakfast Club' }),
    contact('b', 'Bob', { source: 'breakfast club' }),
    contact('c', 'Cy', { source: 'LinkedIn' }),
    contact('d', 'Dee', { source: 'Breakfast Club' }),
    contact('z', 'Zed'),
  ],
  interactions: [
    interaction('2026-08-01', ['c']),
    interaction('2026-09-01', ['a', 'b', 'c'], { eventId: 'e1', kind: 'event', gave: items('referral') }),
    interaction('2026-09-03', ['a']),
    interaction('2026-09-08', ['a', 'd'], { eventId: 'e1', kind: 'event' }),
    interaction('2026-09-10', ['a'], { received: items('business', 'referral') }),
    interaction('2026-09-20', ['a'], { gave: items('business') }),
    interaction('2026-10-01', ['a']),
    interaction('2026-10-05', ['c'], { received: items('referral') }),
  ],
});

describe('events report', () => {
  const r = buildEventsReport(j, TODAY);

  it('judges each event by what came of the people met there', () => {
    const e = r.events.find((x) => x.eventId === 'e1')!;
    expect(e).toMatchObject({
      name: 'Breakfast Club',
      sessions: 2,
      met: 4,
      new: 3, // Ann, Bob, Dee; Cy was known before
      followedUp: 2, // Ann (many), Cy (the referral); Bob and Dee never again
      relationships: 1, // Ann: 6 interactions
      stages: { visibility: 3, credibility: 0, profitability: 1 },
      // the referral given at the meeting itself does not count; only what came after
      referrals: { gave: 0, received: 2 },
      business: { gave: 1, received: 1 },
    });
    expect(e.people.map((p) => [p.name, p.metOn, p.since, p.interactions, p.value])).toEqual([
      ['Ann', '2026-09-01', 5, 6, 3],
      ['Cy', '2026-09-01', 1, 3, 1],
      ['Bob', '2026-09-01', 0, 1, 0],
      ['Dee', '2026-09-08', 0, 1, 0],
    ]);
  });

  it('lists events newest first, including ones with nobody logged', () => {
    expect(r.events.map((e) => [e.name, e.met, e.followedUp, e.sessions])).toEqual([
      ['Empty Mixer', 0, 0, 0],
      ['Breakfast Club', 4, 2, 2],
    ]);
  });

  it('groups contacts by source whatever its capitals, counting from their first interaction', () => {
    expect(r.sources.map((s) => [s.source, s.met, s.followedUp, s.relationships])).toEqual([
      ['Breakfast Club', 3, 1, 1],
      ['LinkedIn', 1, 1, 0],
      [null, 1, 0, 0], // Zed: no source, nothing logged; last
    ]);
    const linkedin = r.sources.find((s) => s.source === 'LinkedIn')!;
    // Cy was first met on 08-01: the referral given at the club and the one received later both came after
    expect(linkedin.referrals).toEqual({ gave: 1, received: 1 });
    expect(r.sources.at(-1)!.people[0]!.metOn).toBeNull();
  });

  it('renders within the width, with every event and source', () => {
    const text = renderEvents(r, makeTheme(), 120);
    for (const name of ['Breakfast Club', 'Empty Mixer', 'LinkedIn', '(none recorded)']) expect(text).toContain(name);
    expect(text).toMatch(/Breakfast Club +Tue 1 Sep +2 +3 +4 +2 \(50%\) +1 +0\/2 +1\/1/);
  });

  it.each([40, 60, 80])('fits a %i-column terminal', (width) => {
    for (const line of renderEvents(r, makeTheme(), width).split('\n')) expect(line.length).toBeLessThanOrEqual(width);
  });

  it('an empty journal has no events and no sources', () => {
    expect(buildEventsReport(journal({}), TODAY)).toEqual({ today: TODAY, events: [], sources: [], introducers: [] });
  });
});
