import { describe, expect, it } from 'vitest';
import { dueList } from '../../src/reports/due.js';
import type { Interaction, Journal } from '../../src/core/schema.js';
import { contact, interaction, journal, promise } from '../helpers/journal.js';

const TODAY = '2026-11-20';

/** Ann: monthly (30 days), last touched on `last` (and once before, so she is past the follow-up). */
function ann(last: string, extra: { snoozedUntil?: string } = {}, more: Interaction[] = []): Journal {
  return journal({
    contacts: [contact('a', 'Ann', { cadenceDays: 30, ...extra })],
    interactions: [interaction('2026-01-01', ['a']), interaction(last, ['a']), ...more],
  });
}

const touch = (j: Journal, on = TODAY, within?: number) =>
  dueList(j, TODAY, { on, ...(within !== undefined ? { within } : {}) }).items.filter((i) => i.type === 'touch');

describe('due: snooze', () => {
  it.each([
    // [last touch, snoozedUntil, listed?, dueOn]
    ['2026-10-01', undefined, true, '2026-10-31'],
    ['2026-10-01', '2026-11-25', false, undefined], // snoozed past today: not due
    ['2026-10-01', '2026-11-20', true, '2026-11-20'], // the snooze ends today: due today
    ['2026-10-01', '2026-10-20', true, '2026-10-31'], // a snooze ending before the due date changes nothing
    ['2026-10-01', '2026-11-01', true, '2026-11-01'], // one ending after it moves the due date
    ['2026-11-10', '2026-11-15', false, undefined], // snooze over, cadence not reached
  ] as const)('last %s, snoozed until %s', (last, snooze, listed, dueOn) => {
    const items = touch(ann(last, snooze ? { snoozedUntil: snooze } : {}));
    expect(items.length > 0).toBe(listed);
    if (listed) expect(items[0]!.dueOn).toBe(dueOn);
  });

  it('a snooze ending inside --within shows up on the day it ends, and --explain says so', () => {
    const items = touch(ann('2026-10-01', { snoozedUntil: '2026-11-25' }), TODAY, 7);
    expect(items).toHaveLength(1);
    expect(items[0]!.dueOn).toBe('2026-11-25');
    expect(items[0]!.overdueDays).toBe(-5);
    expect(items[0]!.why).toContain('snoozed until 2026-11-25');
  });

  it('snoozes follow-ups too, but never promises', () => {
    const j = journal({
      contacts: [contact('n', 'New', { snoozedUntil: '2026-12-01' })],
      interactions: [interaction('2026-11-10', ['n'])],
      promises: [promise('n', '2026-11-15', null)],
    });
    expect(dueList(j, TODAY, { on: TODAY }).items.map((i) => i.type)).toEqual(['promise']);
  });
});

describe('due: logging any interaction restarts the cadence', () => {
  it.each(['call', 'email', 'message', 'event', 'other'] as const)('a %s clears the touch', (kind) => {
    expect(touch(ann('2026-10-01'))).toHaveLength(1);
    expect(touch(ann('2026-10-01', {}, [interaction('2026-11-19', ['a'], { kind })]))).toHaveLength(0);
  });

  it('a group interaction restarts it for everyone in it', () => {
    const j = journal({
      contacts: [contact('a', 'Ann', { cadenceDays: 7 }), contact('b', 'Bob', { cadenceDays: 7 })],
      interactions: [interaction('2026-10-01', ['a', 'b']), interaction('2026-10-02', ['a', 'b']), interaction('2026-11-18', ['a', 'b'])],
    });
    expect(touch(j)).toHaveLength(0);
    expect(touch(j, '2026-11-25').map((i) => i.name)).toEqual(['Ann', 'Bob']);
  });

  it('counts from the new touch: due again one cadence later', () => {
    const j = ann('2026-10-01', {}, [interaction('2026-11-19', ['a'], { kind: 'call' })]);
    expect(touch(j, '2026-12-18')).toHaveLength(0);
    expect(touch(j, '2026-12-19')[0]!.dueOn).toBe('2026-12-19');
  });
});

describe('due: as of --on', () => {
  it('ignores interactions after the day asked about', () => {
    const j = ann('2026-09-01', {}, [interaction('2026-11-01', ['a'])]);
    expect(touch(j, TODAY)).toHaveLength(0);
    const past = touch(j, '2026-10-15');
    expect(past).toHaveLength(1);
    expect(past[0]!.lastTouch).toBe('2026-09-01');
  });
  it('lists a promise kept after --on as open on that day', () => {
    const j = journal({ contacts: [contact('a', 'Ann', { cadenceDays: null })], promises: [promise('a', '2026-11-01', '2026-11-05')] });
    expect(dueList(j, TODAY, { on: '2026-11-03' }).items.map((i) => i.type)).toEqual(['promise']);
    expect(dueList(j, TODAY, { on: TODAY }).items).toEqual([]);
  });
});

describe('due: filters', () => {
  const j = journal({
    contacts: [
      contact('a', 'Ann', { tags: ['Investor'], cadenceDays: 7 }),
      contact('b', 'Bob', { tags: ['peer'], cadenceDays: 7 }),
      contact('c', 'Cid', { cadenceDays: 7, archived: true }),
      contact('d', 'Dee', { cadenceDays: null }),
    ],
    interactions: ['a', 'b', 'c', 'd'].flatMap((id) => [interaction('2026-10-01', [id]), interaction('2026-10-02', [id])]),
  });
  it('skips archived contacts and never cadences', () => {
    expect(dueList(j, TODAY, { on: TODAY }).items.map((i) => i.name)).toEqual(['Ann', 'Bob']);
  });
  it('matches --tag whatever its capitals', () => {
    expect(dueList(j, TODAY, { on: TODAY, tag: 'investor' }).items.map((i) => i.name)).toEqual(['Ann']);
  });
  it('--limit cuts the list after ranking', () => {
    expect(dueList(j, TODAY, { on: TODAY, limit: 1 }).items.map((i) => i.name)).toEqual(['Ann']);
  });
});
