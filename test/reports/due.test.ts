import { describe, expect, it } from 'vitest';
import { dueList } from '../../src/reports/due.js';
import { contact, journal, meet, promiseWithId } from '../helpers/journal.js';

const TODAY = '2026-11-20';

describe('dueList', () => {
  const j = journal({
    settings: { defaultCadenceDays: 30, followUpDays: 2, tagCadences: { vip: 7 } },
    contacts: [
      contact('a', 'Ann Archer'), // 60 days since, cadence 30 → score 2
      contact('b', 'Bo Brown', { tags: ['vip'] }), // 14 days since, cadence 7 → score 2.0, name sorts after Ann
      contact('c', 'Cy Cole'), // 45 days since, cadence 30 → 1.5
      contact('d', 'Di Dunn'), // 10 days since → not due
      contact('e', 'Ed Eve'), // a single meeting 3 days ago → follow-up
      contact('f', 'Flo Fay', { archived: true }), // archived: skipped
      contact('g', 'Gus Gray', { cadenceDays: null }), // never: skipped
      contact('h', 'Hal Hart', { createdAt: '2026-09-01T12:00:00.000Z' }), // no interactions: counts from createdAt
      contact('s', 'Sue Snow', { snoozedUntil: '2026-12-01' }), // due but snoozed
      contact('z', 'Zed Zane'), // owes: balance < 0
    ],
    interactions: [
      meet('2026-09-21', 'a'), meet('2026-08-01', 'a'),
      meet('2026-11-06', 'b'), meet('2026-10-01', 'b'),
      meet('2026-10-06', 'c'), meet('2026-10-01', 'c'),
      meet('2026-11-10', 'd'), meet('2026-10-01', 'd'),
      meet('2026-11-17', 'e'),
      meet('2026-01-01', 'f'), meet('2026-01-02', 'f'),
      meet('2026-01-01', 'g'), meet('2026-01-02', 'g'),
      meet('2026-01-01', 's'), meet('2026-01-02', 's'),
      meet('2026-10-01', 'z', { asked: ['advice', 'intro'] }), meet('2026-09-01', 'z', { gave: ['info'] }),
    ],
    promises: [
      promiseWithId('p1', 'd', '2026-11-21'), // due tomorrow: not yet
      promiseWithId('p2', 'c', '2026-11-15'), // overdue 5 days
      promiseWithId('p3', 'a', '2026-11-10'), // overdue 10 days: first
      promiseWithId('p4', 'a', '2026-11-01', '2026-11-02'), // done: never listed
      promiseWithId('p5', 'f', '2026-11-20'), // due today, to an archived contact: still your promise
    ],
  });

  it('ranks promises (overdue first), then follow-ups, then touches by days-since ÷ cadence', () => {
    const items = dueList(j, TODAY, { on: TODAY }).items;
    expect(items.map((i) => `${i.type}:${i.contactId}`)).toEqual([
      'promise:a', 'promise:c', 'promise:f',
      'follow-up:e',
      'touch:h', // 80 days since added ÷ 30
      'touch:a', // 60 ÷ 30
      'touch:b', // 14 ÷ 7
      'touch:z', // 50 ÷ 30
      'touch:c', // 45 ÷ 30
    ]);
  });

  it('carries the fields SPEC §4 names', () => {
    const items = dueList(j, TODAY, { on: TODAY }).items;
    expect(items[0]).toMatchObject({ type: 'promise', promiseId: 'p3', dueOn: '2026-11-10', overdueDays: 10, name: 'Ann Archer', text: 'promise p3' });
    expect(items.find((i) => i.contactId === 'e')).toMatchObject({ type: 'follow-up', dueOn: '2026-11-19', overdueDays: 1, lastTouch: '2026-11-17' });
    const zed = items.find((i) => i.contactId === 'z');
    expect(zed).toMatchObject({ type: 'touch', lastTouch: '2026-10-01', cadenceDays: 30, balance: -1, dueOn: '2026-10-31', overdueDays: 20 });
    expect(zed?.type === 'touch' && zed.suggestion).toMatch(/give/);
    const ann = items.find((i) => i.type === 'touch' && i.contactId === 'a');
    expect(ann?.type === 'touch' && ann.suggestion).toMatch(/how you can help/);
    const hal = items.find((i) => i.contactId === 'h');
    expect(hal).toMatchObject({ lastTouch: null, dueOn: '2026-10-01' });
  });

  it('honours --within, --tag and --limit', () => {
    const within = dueList(j, TODAY, { on: TODAY, within: 2 }).items;
    expect(within.map((i) => i.type === 'promise' && i.promiseId).filter(Boolean)).toEqual(['p3', 'p2', 'p5', 'p1']);
    expect(within.find((i) => i.type === 'promise' && i.promiseId === 'p1')?.overdueDays).toBe(-1);
    expect(dueList(j, TODAY, { on: TODAY, tag: 'vip' }).items.map((i) => i.contactId)).toEqual(['b']);
    expect(dueList(j, TODAY, { on: TODAY, limit: 2 }).items).toHaveLength(2);
  });

  it('lets a snooze run out and a new interaction restart the cadence', () => {
    expect(dueList(j, TODAY, { on: '2026-12-01' }).items.some((i) => i.contactId === 's')).toBe(true);
    const touched = { ...j, interactions: [...j.interactions, meet('2026-11-19', 'a', { kind: 'call' })] };
    expect(dueList(touched, TODAY, { on: TODAY }).items.some((i) => i.type === 'touch' && i.contactId === 'a')).toBe(false);
  });

  it('is empty for an empty journal', () => {
    expect(dueList(journal({}), TODAY, { on: TODAY }).items).toEqual([]);
  });
});
