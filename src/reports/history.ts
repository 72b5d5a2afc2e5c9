import type { Interaction, Journal } from '../core/schema.js';
import type { Kind } from '../core/journal.js';
import type { Day } from '../core/dates.js';
import { newestFirst } from './contacts.js';
import { shortIds } from '../core/ids.js';
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

export function history(journal: Journal, spec: HistorySpec = {}): History {
  const names = new Map(journal.contacts.map((c) => [c.id, c.name]));
  const events = new Map(journal.events.map((e) => [e.id, e.name]));
  const matching = journal.interactions
    .filter(
      (i) =>
        (spec.contactId === undefined || i.contactIds.includes(spec.contactId)) &&
        (spec.from === undefined || i.date >= spec.from) &&
        (spec.to === undefined || i.date <= spec.to) &&
        (spec.kinds === undefined || spec.kinds.includes(i.kind)),
    )
    .sort(newestFirst);
  const shown = spec.limit === undefined ? matching : matching.slice(0, spec.limit);
  const short = shortIds(journal.interactions.map((i) => i.id));
  return {
    from: spec.from ?? null,
    to: spec.to ?? null,
    total: matching.length,
    // Object.assign rather than a spread: the same object, but records from JSON.parse come in
    // many shapes, and V8's spread takes its slow path on them (a long history showed it).
    interactions: shown.map((i) =>
      Object.assign({}, i, {
        shortId: short.get(i.id) ?? i.id,
        with: i.contactIds.map((id) => ({ contactId: id, name: names.get(id) ?? REMOVED_NAME })),
        event: i.eventId ? (events.get(i.eventId) ?? null) : null,
        itemNames: itemNames(i, (id) => names.get(id)),
      }),
    ),
  };
}
