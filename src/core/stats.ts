import type { Interaction, Journal, NetPromise } from './schema.js';
import type { Day } from './dates.js';
import { isValueItem } from './items.js';
import { isOverdue } from './promises.js';

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
  return { ...emptyTally(), firstTouch: null, lastTouch: null, valueExchanged: false };
}

/** Adds one interaction's items to a tally (an interaction with several people counts for each). */
export function addToTally(t: Tally, i: Interaction): void {
  t.interactions += 1;
  t.gave += i.gave.length;
  t.asked += i.asked.length;
  t.received += i.received.length;
  t.balance += i.gave.length - i.asked.length;
}

export interface StatsRange {
  from?: Day;
  to?: Day;
}

/** Stats per contact id over the interactions dated within the range (inclusive). */
export function contactStats(journal: Journal, range: StatsRange = {}): Map<string, ContactStats> {
  const out = new Map<string, ContactStats>();
  for (const i of journal.interactions) {
    if ((range.from && i.date < range.from) || (range.to && i.date > range.to)) continue;
    const value = i.gave.some(isValueItem) || i.received.some(isValueItem);
    for (const id of i.contactIds) {
      let s = out.get(id);
      if (!s) out.set(id, (s = emptyStats()));
      addToTally(s, i);
      if (s.firstTouch === null || i.date < s.firstTouch) s.firstTouch = i.date;
      if (s.lastTouch === null || i.date > s.lastTouch) s.lastTouch = i.date;
      if (value) s.valueExchanged = true;
    }
  }
  return out;
}

export function statsFor(stats: Map<string, ContactStats>, id: string): ContactStats {
  return stats.get(id) ?? emptyStats();
}

/** Open promises whose due date is before `today`, counted per contact id. */
export function overduePromisesByContact(promises: readonly NetPromise[], today: Day): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of promises) if (isOverdue(p, today)) out.set(p.contactId, (out.get(p.contactId) ?? 0) + 1);
  return out;
}
