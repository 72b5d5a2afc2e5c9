import { localDayOfTimestamp } from './dates.js';
import type { Journal, NetPromise } from './schema.js';
import type { Day } from './dates.js';

// Promises (SPEC §4): one with a due date is kept when it has a doneOn, on time when that is on or
// before the due date. A promise kept late still counts as kept, just not on time.

export interface PromiseStats {
  made: number;
  kept: number;
  keptOnTime: number;
  open: number;
  overdue: number;
}

export type PromiseStatus = 'open' | 'overdue' | 'kept';

export function emptyPromiseStats(): PromiseStats {
  return { made: 0, kept: 0, keptOnTime: 0, open: 0, overdue: 0 };
}

/** Open and past its due date on `today`. */
export function isOverdue(p: NetPromise, today: Day): boolean {
  return p.doneOn === null && p.due < today;
}

/** Kept on or before its due date. */
export function keptOnTime(p: NetPromise): boolean {
  return p.doneOn !== null && p.doneOn <= p.due;
}

export function promiseStatus(p: NetPromise, today: Day): PromiseStatus {
  if (p.doneOn !== null) return 'kept';
  return p.due < today ? 'overdue' : 'open';
}

/**
 * Made / kept / kept on time / open / overdue for the promises whose due date falls in
 * [from, to] (inclusive; either end may be left open). `overdue` is judged on `today`.
 */
export function promiseStats(promises: readonly NetPromise[], today: Day, range: { from?: Day; to?: Day } = {}): PromiseStats {
  const s = emptyPromiseStats();
  for (const p of promises) {
    if ((range.from !== undefined && p.due < range.from) || (range.to !== undefined && p.due > range.to)) continue;
    s.made += 1;
    if (p.doneOn === null) {
      s.open += 1;
      if (p.due < today) s.overdue += 1;
    } else {
      s.kept += 1;
      if (keptOnTime(p)) s.keptOnTime += 1;
    }
  }
  return s;
}

export type PromiseLookup = { kind: 'one'; promise: NetPromise } | { kind: 'ambiguous'; candidates: NetPromise[] } | { kind: 'none' };

/** Finds a promise by its id or a unique prefix of it (ids are lower case; typing is not). */
export function findPromise(promises: readonly NetPromise[], idOrPrefix: string): PromiseLookup {
  const key = idOrPrefix.trim().toLowerCase();
  if (!key) return { kind: 'none' };
  const exact = promises.find((p) => p.id.toLowerCase() === key);
  if (exact) return { kind: 'one', promise: exact };
  const matches = promises.filter((p) => p.id.toLowerCase().startsWith(key));
  if (matches.length === 1) return { kind: 'one', promise: matches[0]! };
  return matches.length > 1 ? { kind: 'ambiguous', candidates: matches } : { kind: 'none' };
}

export interface MarkedDone {
  journal: Journal;
  promise: NetPromise;
  /** False when the promise was already kept: the journal is returned unchanged. */
  changed: boolean;
}

/** Marks a promise kept on `on`. An already kept promise is left as it is (its first date stands). */
/**
 * The day a promise was made: that of the interaction it came from. The clock's createdAt can be
 * later than a backdated interaction or a fixed NETLOG_TODAY, so it only bounds a promise with no
 * interaction, and never past today.
 */
export function madeOn(journal: Journal, p: NetPromise, today: Day): Day {
  const from = p.interactionId ? journal.interactions.find((i) => i.id === p.interactionId)?.date : undefined;
  if (from) return from;
  const created = localDayOfTimestamp(p.createdAt);
  return created < today ? created : today;
}

export function markDone(journal: Journal, promiseId: string, on: Day): MarkedDone {
  const index = journal.promises.findIndex((p) => p.id === promiseId);
  const current = journal.promises[index];
  if (!current) throw new Error(`no promise with id ${promiseId}`);
  if (current.doneOn !== null) return { journal, promise: current, changed: false };
  const promise: NetPromise = { ...current, doneOn: on };
  const promises = [...journal.promises];
  promises[index] = promise;
  return { journal: { ...journal, promises }, promise, changed: true };
}
