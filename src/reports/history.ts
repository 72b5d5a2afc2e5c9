import type { Interaction, Journal } from '../core/schema.js';
import type { Kind } from '../core/journal.js';
import type { Day } from '../core/dates.js';
import { sortNewestFirst } from './contacts.js';
import { shortIdOf } from '../core/ids.js';
import { itemNames } from '../core/counting.js';
import { REMOVED_NAME } from '../core/names.js';

// The log (`netlog history`): interactions newest first, filtered by person, period and kind.

export interface HistorySpec {
  contactId?: string;
  from?: Day;
  to?: Day;
  kinds?: Kind[];
  limit?: number;
}

export interface HistoryEntry extends Interaction {
  /** The shortest prefix of the id that no other interaction starts with (at least 4 characters). */
  shortId: string;
  /** Everyone in it, by name, in the interaction's order. */
  with: { contactId: string; name: string }[];
  event: string | null;
  /** Names of the people items are for or link to, by id. */
  itemNames: Record<string, string>;
}

export interface History {
  from: Day | null;
  to: Day | null;
  /** Matching interactions before --limit. */
  total: number;
  interactions: HistoryEntry[];
}

/**
 * The log before its entries are made: what history() returns, with the interactions shown and
 * a way to make each one's entry, so a long log can be written out an entry at a time.
 */
export interface HistoryView {
  from: Day | null;
  to: Day | null;
  total: number;
  /** The interactions shown, newest first. */
  shown: readonly Interaction[];
  shortId(i: Interaction): string;
  /** A contact's name, or REMOVED_NAME for an id no contact has. */
  name(id: string): string;
  event(i: Interaction): string | null;
  /** Every contact's name by id (tradedText's `itemNames` for any interaction). */
  names: Readonly<Record<string, string>>;
  entry(i: Interaction): HistoryEntry;
}

export function history(journal: Journal, spec: HistorySpec = {}): History {
  const v = historyView(journal, spec);
  return { from: v.from, to: v.to, total: v.total, interactions: v.shown.map((i) => v.entry(i)) };
}

export function historyView(journal: Journal, spec: HistorySpec = {}): HistoryView {
  // Names by contact id. No prototype: an id such as "constructor" is only ever a contact's.
  const names: Record<string, string> = Object.create(null);
  for (const c of journal.contacts) names[c.id] = c.name;
  const events = new Map(journal.events.map((e) => [e.id, e.name]));
  const all = journal.interactions;
  const matching =
    spec.contactId === undefined && spec.from === undefined && spec.to === undefined && spec.kinds === undefined
      ? all.slice()
      : all.filter(
          (i) =>
            (spec.contactId === undefined || i.contactIds.includes(spec.contactId)) &&
            (spec.from === undefined || i.date >= spec.from) &&
            (spec.to === undefined || i.date <= spec.to) &&
            (spec.kinds === undefined || spec.kinds.includes(i.kind)),
        );
  sortNewestFirst(matching);
  const shown = spec.limit === undefined || spec.limit >= matching.length ? matching : matching.slice(0, spec.limit);
  const short = shortIdOf(all.map((i) => i.id));
  const name = (id: string) => names[id] ?? REMOVED_NAME;
  const event = (i: Interaction) => (i.eventId ? (events.get(i.eventId) ?? null) : null);
  const itemNamesOf = (i: Interaction) => itemNames(i, (id) => names[id]);
  return {
    from: spec.from ?? null,
    to: spec.to ?? null,
    total: matching.length,
    shown,
    shortId: (i) => short(i.id),
    name,
    event,
    names,
    // Object.assign rather than a spread: the same object, but records from JSON.parse come in
    // many shapes, and V8's spread takes its slow path on them (a long history showed it).
    entry: (i) =>
      Object.assign({}, i, {
        shortId: short(i.id),
        with: i.contactIds.map((id) => ({ contactId: id, name: name(id) })),
        event: event(i),
        itemNames: itemNamesOf(i),
      }),
  };
}
