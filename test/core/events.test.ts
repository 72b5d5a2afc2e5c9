import { describe, expect, it } from 'vitest';
import { editEvents, mergeEvents, type EventPatch } from '../../src/core/events.js';
import { journalProblems } from '../../src/core/check.js';
import { contact, event, journal, meeting } from '../helpers/journal.js';

// event edit / event merge (SPEC §6.2) on a small journal with a two-occurrence series.

const NOW = '2026-11-20T12:00:00.000Z';
const base = () =>
  journal({
    contacts: [contact('dana', 'Dana')],
    interactions: [meeting('i1', '2026-11-05', ['dana'], { eventId: 'e1' }), meeting('i2', '2026-11-12', ['dana'], { eventId: 'e2' }), meeting('i3', '2026-11-12', ['dana'], { eventId: 'x1' })],
    events: [event('e1', 'Chamber Breakfast', '2026-11-05'), event('e2', 'Chamber Breakfast', '2026-11-12'), event('x1', 'Chamber brekfast', '2026-11-12'), event('d1', 'Demo Night', '2026-11-01')],
  });

describe('editEvents', () => {
  it.each<[string, string[], EventPatch, string[], [string, string, string | undefined][]]>([
    ['rename a series', ['e1', 'e2'], { rename: 'Chamber Breakfast Club' }, ['name'], [['e1', 'Chamber Breakfast Club', undefined], ['e2', 'Chamber Breakfast Club', undefined]]],
    ['date of one occurrence', ['d1'], { date: '2026-11-02' }, ['date'], [['d1', 'Demo Night', undefined]]],
    ['location', ['d1'], { location: 'Hub' }, ['location'], [['d1', 'Demo Night', 'Hub']]],
    ['the same name: nothing', ['d1'], { rename: 'Demo Night' }, [], []],
  ])('%s', (_label, ids, patch, fields, after) => {
    const r = editEvents(base(), ids, patch, NOW);
    expect(r.changes.map((c) => c.field)).toEqual(fields);
    for (const [id, name, location] of after) {
      const e = r.journal.events.find((x) => x.id === id)!;
      expect([e.name, e.location, e.updatedAt]).toEqual([name, location, NOW]);
    }
    expect(journalProblems(r.journal)).toEqual([]);
  });

  it.each<[string, string[], EventPatch, RegExp]>([
    ['a date for a whole series', ['e1', 'e2'], { date: '2026-11-06' }, /2 occurrences: a date or location is for one of them/],
    ['another series\' name', ['d1'], { rename: 'chamber breakfast' }, /already an event/],
    ['a day the series already has', ['e1'], { date: '2026-11-12' }, /already has an occurrence on 2026-11-12/],
    ['an empty name', ['d1'], { rename: ' ' }, /needs a name/],
  ])('refuses %s', (_label, ids, patch, message) => {
    expect(() => editEvents(base(), ids, patch, NOW)).toThrow(message);
  });
});

describe('mergeEvents', () => {
  it('folds an occurrence on a day the series has; others join under its name', () => {
    const j = { ...base(), events: [...base().events, event('x2', 'Chamber brekfast', '2026-11-19')] };
    const r = mergeEvents(j, ['e1', 'e2'], ['x1', 'x2'], NOW);
    expect(r).toMatchObject({ folded: 1, renamed: 1, interactions: 1 });
    expect(r.journal.events.map((e) => [e.id, e.name, e.date])).toEqual([
      ['e1', 'Chamber Breakfast', '2026-11-05'],
      ['e2', 'Chamber Breakfast', '2026-11-12'],
      ['d1', 'Demo Night', '2026-11-01'],
      ['x2', 'Chamber Breakfast', '2026-11-19'],
    ]);
    expect(r.journal.interactions.find((i) => i.id === 'i3')!.eventId).toBe('e2');
    expect(journalProblems(r.journal)).toEqual([]);
  });

  it('two occurrences by id become one', () => {
    const r = mergeEvents(base(), ['e1'], ['d1'], NOW, true);
    expect(r).toMatchObject({ folded: 1, renamed: 0, interactions: 0 });
    expect(r.journal.events.map((e) => e.id)).toEqual(['e1', 'e2', 'x1']);
  });

  it('refuses the same event twice', () => {
    expect(() => mergeEvents(base(), ['e1', 'e2'], ['e1', 'e2'], NOW)).toThrow(/the same event/);
  });
});
