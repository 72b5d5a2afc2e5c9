import type { Interaction, Item, Journal, NetPromise } from './schema.js';
import type { Day } from './dates.js';
import { isValueItem } from './items.js';
import { isMine, isOverdue } from './promises.js';
import { absentTargets, countFor, hasTargets } from './counting.js';

// Per-contact tallies built in one pass over the interactions, so no report ever loops over
// interactions inside a loop over contacts.

export interface Tally {
  interactions: number;
  gave: number;
  asked: number;
  received: number;
  /** gave − asked, counting items. */
  balance: number;
}

export interface ContactStats extends Tally {
  firstTouch: Day | null;
  lastTouch: Day | null;
  /** A referral or business was given or received with this person. */
  valueExchanged: boolean;
}

export function emptyTally(): Tally {
  return { interactions: 0, gave: 0, asked: 0, received: 0, balance: 0 };
}

function emptyStats(): ContactStats {
  // A literal, not a spread of emptyTally(): V8 gives spread-built objects a slower shape, and
  // this one is updated once per interaction (10× slower at 100k interactions when spread).
  return { interactions: 0, gave: 0, asked: 0, received: 0, balance: 0, firstTouch: null, lastTouch: null, valueExchanged: false };
}

/** Adds one interaction to a person's tally: the items that count for them (core/counting.ts), and the interaction when they were there. */
export function addToTally(t: Tally, i: Interaction, contactId: string): void {
  const present = i.contactIds;
  const gave = countFor(i.gave, contactId, present);
  const asked = countFor(i.asked, contactId, present);
  if (present.includes(contactId)) t.interactions += 1;
  t.gave += gave;
  t.asked += asked;
  t.received += countFor(i.received, contactId, present);
  t.balance += gave - asked;
}

export interface StatsRange {
  from?: Day;
  to?: Day;
}

/** Stats per contact id over the interactions dated within the range (inclusive). */
export function contactStats(journal: Journal, range: StatsRange = {}): Map<string, ContactStats> {
  return tally(journal, range, undefined);
}

/** All-time stats and stats within the range, in one pass over the interactions. */
export function contactStatsWithin(journal: Journal, range: StatsRange): { lifetime: Map<string, ContactStats>; period: Map<string, ContactStats> } {
  const lifetime = new Map<string, ContactStats>();
  const period = tally(journal, range, lifetime);
  return { lifetime, period };
}

/**
 * The hottest loop in netlog (every interaction, on every `due` and `report`): kept flat, with no
 * callbacks, so it runs fast before the JIT has warmed up. With `all`, every interaction is also
 * tallied there, whatever its date.
 */
function tally(journal: Journal, range: StatsRange, all: Map<string, ContactStats> | undefined): Map<string, ContactStats> {
  const out = new Map<string, ContactStats>();
  const from = range.from;
  const to = range.to;
  const list = journal.interactions;
  for (let n = 0; n < list.length; n++) {
    const i = list[n]!;
    const date = i.date;
    const inRange = (from === undefined || date >= from) && (to === undefined || date <= to);
    if (!inRange && all === undefined) continue;
    const ids = i.contactIds;
    if (hasTargets(i)) {
      // Some items are for one person (SPEC §6.1): count per person, by the one rule.
      for (let k = 0; k < ids.length; k++) addFor(i, ids[k]!, true, inRange ? out : undefined, all);
      for (const id of absentTargets(i)) addFor(i, id, false, inRange ? out : undefined, all);
      continue;
    }
    const gave = i.gave.length;
    const asked = i.asked.length;
    const received = i.received.length;
    const value = hasValueItem(i.gave) || hasValueItem(i.received);
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      if (inRange) add(out, id, date, gave, asked, received, value);
      if (all !== undefined) add(all, id, date, gave, asked, received, value);
    }
  }
  return out;
}

/** One person's share of an interaction whose items name whom they are for; `there`: they were in it. */
function addFor(i: Interaction, id: string, there: boolean, a: Map<string, ContactStats> | undefined, b: Map<string, ContactStats> | undefined): void {
  const present = i.contactIds;
  const gave = countFor(i.gave, id, present);
  const asked = countFor(i.asked, id, present);
  const received = countFor(i.received, id, present);
  const value = i.gave.some((x) => isValueItem(x) && (x.for === undefined ? there : x.for === id)) || i.received.some((x) => isValueItem(x) && (x.for === undefined ? there : x.for === id));
  for (const map of [a, b]) {
    if (map === undefined) continue;
    if (there) add(map, id, i.date, gave, asked, received, value);
    else if (gave || asked || received) addItems(map, id, gave, asked, received, value);
  }
}

/** Items that count for someone who was not there: no interaction, no touch. */
function addItems(map: Map<string, ContactStats>, id: string, gave: number, asked: number, received: number, value: boolean): void {
  let s = map.get(id);
  if (s === undefined) map.set(id, (s = emptyStats()));
  s.gave += gave;
  s.asked += asked;
  s.received += received;
  s.balance += gave - asked;
  if (value) s.valueExchanged = true;
}

function add(map: Map<string, ContactStats>, id: string, date: Day, gave: number, asked: number, received: number, value: boolean): void {
  let s = map.get(id);
  if (s === undefined) map.set(id, (s = emptyStats()));
  s.interactions += 1;
  s.gave += gave;
  s.asked += asked;
  s.received += received;
  s.balance += gave - asked;
  if (s.firstTouch === null || date < s.firstTouch) s.firstTouch = date;
  if (s.lastTouch === null || date > s.lastTouch) s.lastTouch = date;
  if (value) s.valueExchanged = true;
}

function hasValueItem(items: readonly Item[]): boolean {
  for (let k = 0; k < items.length; k++) if (isValueItem(items[k]!)) return true;
  return false;
}

export function statsFor(stats: Map<string, ContactStats>, id: string): ContactStats {
  return stats.get(id) ?? emptyStats();
}

/** Your open promises whose due date is before `today`, counted per contact id. */
export function overduePromisesByContact(promises: readonly NetPromise[], today: Day): Map<string, number> {
  const out = new Map<string, number>();
  // Yours only: a stage is held back by what you owe them, not by what they owe you.
  for (const p of promises) if (isMine(p) && isOverdue(p, today)) out.set(p.contactId, (out.get(p.contactId) ?? 0) + 1);
  return out;
}
