import { localDayOfTimestamp } from './dates.js';
import type { Journal, NetPromise } from './schema.js';
import type { Owner } from './journal.js';
import type { Day } from './dates.js';

// Promises (SPEC §4, §6.1): one with a due date is kept when it has a doneOn, on time when that is
// on or before the due date. A promise kept late still counts as kept, just not on time. A dropped
// promise (droppedOn) is neither kept nor broken and is never due. `owner: "them"` is what they
// promised you; absent or "me" is what you promised them.

export interface PromiseStats {
  made: number;
  kept: number;
  keptOnTime: number;
  open: number;
  overdue: number;
}

/** Their promises to you, beside yours in `report` (SPEC §6.2). */
export interface TheirPromiseStats {
  made: number;
  kept: number;
  open: number;
  overdue: number;
}

export type PromiseStatus = 'open' | 'overdue' | 'kept' | 'dropped';

export function emptyPromiseStats(): PromiseStats {
  return { made: 0, kept: 0, keptOnTime: 0, open: 0, overdue: 0 };
}

/** Who made the promise: "me" (absent) or "them". */
export function ownerOf(p: NetPromise): Owner {
  return p.owner ?? 'me';
}

export function isMine(p: NetPromise): boolean {
  return p.owner !== 'them';
}

/**
 * The one rule for "is this promise still open": neither kept nor dropped — as things stood on
 * `on` when given (kept or dropped later counts as still open then). Due lists, stats and the
 * promise list all ask this.
 */
export function isOpen(p: NetPromise, on?: Day): boolean {
  if (on === undefined) return p.doneOn === null && (p.droppedOn ?? null) === null;
  return (p.doneOn === null || p.doneOn > on) && (p.droppedOn === undefined || p.droppedOn === null || p.droppedOn > on);
}

export function isDropped(p: NetPromise): boolean {
  return p.droppedOn !== undefined && p.droppedOn !== null;
}

/** Open and past its due date on `today`. */
export function isOverdue(p: NetPromise, today: Day): boolean {
  return isOpen(p) && p.due < today;
}

/** Kept on or before its due date. */
export function keptOnTime(p: NetPromise): boolean {
  return p.doneOn !== null && p.doneOn <= p.due;
}

export function promiseStatus(p: NetPromise, today: Day): PromiseStatus {
  if (p.doneOn !== null) return 'kept';
  if (isDropped(p)) return 'dropped';
  return p.due < today ? 'overdue' : 'open';
}

const inRange = (p: NetPromise, range: { from?: Day; to?: Day }) =>
  !((range.from !== undefined && p.due < range.from) || (range.to !== undefined && p.due > range.to));

/**
 * Made / kept / kept on time / open / overdue for the promises whose due date falls in
 * [from, to] (inclusive; either end may be left open). `overdue` is judged on `today`. Dropped
 * promises count nowhere: they were neither kept nor broken.
 */
export function promiseStats(promises: readonly NetPromise[], today: Day, range: { from?: Day; to?: Day } = {}): PromiseStats {
  const s = emptyPromiseStats();
  for (const p of promises) {
    if (!inRange(p, range) || (p.doneOn === null && isDropped(p))) continue;
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

/** The same figures for their promises to you (kept on time is theirs to worry about). */
export function theirPromiseStats(promises: readonly NetPromise[], today: Day, range: { from?: Day; to?: Day } = {}): TheirPromiseStats {
  const s = promiseStats(promises, today, range);
  return { made: s.made, kept: s.kept, open: s.open, overdue: s.overdue };
}

export interface MarkedDone {
  journal: Journal;
  promise: NetPromise;
  /** False when the promise was already kept: the journal is returned unchanged. */
  changed: boolean;
}

/**
 * The day a promise was made: that of the interaction it came from. The clock's createdAt can be
 * later than a backdated interaction or a fixed NETLOG_TODAY, so it only bounds a promise with no
 * interaction, and never past today.
 */
export function madeOn(journal: Journal, p: NetPromise, today: Day): Day {
  return madeOnWith(p, (id) => journal.interactions.find((i) => i.id === id)?.date, today);
}

/** madeOn with the interactions' dates looked up by id, for many promises in one pass (search). */
export function madeOnWith(p: NetPromise, interactionDate: (id: string) => Day | undefined, today: Day): Day {
  const from = p.interactionId ? interactionDate(p.interactionId) : undefined;
  if (from) return from;
  const created = localDayOfTimestamp(p.createdAt);
  return created < today ? created : today;
}

function replacePromise(journal: Journal, index: number, promise: NetPromise): Journal {
  const promises = [...journal.promises];
  promises[index] = promise;
  return { ...journal, promises };
}

function indexOf(journal: Journal, promiseId: string): number {
  const index = journal.promises.findIndex((p) => p.id === promiseId);
  if (index < 0) throw new Error(`no promise with id ${promiseId}`);
  return index;
}

/**
 * Marks a promise kept on `on`. An already kept promise is left as it is (its first date stands);
 * a dropped one is kept after all (the drop is taken back).
 */
export function markDone(journal: Journal, promiseId: string, on: Day, now: string): MarkedDone {
  const index = indexOf(journal, promiseId);
  const current = journal.promises[index]!;
  if (current.doneOn !== null) return { journal, promise: current, changed: false };
  const { droppedOn: _dropped, ...rest } = current;
  const promise: NetPromise = { ...rest, doneOn: on, updatedAt: now };
  return { journal: replacePromise(journal, index, promise), promise, changed: true };
}

export interface NewPromise {
  contactId: string;
  text: string;
  due: Day;
  owner?: Owner;
  interactionId?: string;
}

/** Builds a promise record (owner "them" is written; "me" is left absent, as older journals have it). */
export function newPromise(input: NewPromise, env: { newId(): string; now: string }): NetPromise {
  return {
    id: env.newId(),
    contactId: input.contactId,
    text: input.text,
    due: input.due,
    createdAt: env.now,
    doneOn: null,
    ...(input.owner === 'them' ? { owner: 'them' as const } : {}),
    ...(input.interactionId ? { interactionId: input.interactionId } : {}),
  };
}

/** Adds a promise made outside any logged meeting (`promise add`). */
export function addPromise(journal: Journal, input: NewPromise, env: { newId(): string; now: string }): { journal: Journal; promise: NetPromise } {
  if (!journal.contacts.some((c) => c.id === input.contactId)) throw new Error(`no contact with id ${input.contactId}`);
  const promise = newPromise(input, env);
  return { journal: { ...journal, promises: [...journal.promises, promise] }, promise };
}

export interface PromiseChange {
  field: 'text' | 'due';
  old: string;
  new: string;
}

/** Changes a promise's text or due date; `changes` is empty (and the journal the same) when nothing differs. */
export function editPromise(
  journal: Journal,
  promiseId: string,
  patch: { text?: string; due?: Day },
  now: string,
): { journal: Journal; promise: NetPromise; changes: PromiseChange[] } {
  const index = indexOf(journal, promiseId);
  const current = journal.promises[index]!;
  const next: NetPromise = { ...current };
  const changes: PromiseChange[] = [];
  if (patch.text !== undefined && patch.text !== current.text) {
    changes.push({ field: 'text', old: current.text, new: patch.text });
    next.text = patch.text;
  }
  if (patch.due !== undefined && patch.due !== current.due) {
    changes.push({ field: 'due', old: current.due, new: patch.due });
    next.due = patch.due;
  }
  if (changes.length === 0) return { journal, promise: current, changes };
  next.updatedAt = now;
  return { journal: replacePromise(journal, index, next), promise: next, changes };
}

/**
 * Drops a promise that is no longer needed (droppedOn = `on`): neither kept nor broken, never due.
 * A kept or already dropped promise is left as it is (`changed` false).
 */
export function dropPromise(journal: Journal, promiseId: string, on: Day, now: string): MarkedDone {
  const index = indexOf(journal, promiseId);
  const current = journal.promises[index]!;
  if (current.doneOn !== null || isDropped(current)) return { journal, promise: current, changed: false };
  const promise: NetPromise = { ...current, droppedOn: on, updatedAt: now };
  return { journal: replacePromise(journal, index, promise), promise, changed: true };
}
