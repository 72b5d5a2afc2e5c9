import type { Journal } from '../core/schema.js';
import type { Day } from '../core/dates.js';
import { isOpen } from '../core/promises.js';
import type { LastTouches } from './due-context.js';
import type { DueFacts, DueJournal, DueStats } from './due.js';

// What `due` needs of a journal, kept beside it so that `due` on an unchanged journal does not
// read its interactions (SPEC §2's derived cache; README design notes). The store keeps it
// under the journal's identity (store/trust.ts: device, inode, size, times, netlog's version
// and schema) and hands it back only for that very file; this module only says what is in it.
// It holds the contacts, settings and the promises still open on the latest interaction's day
// (a promise open on a later day is open on that one: core/promises.ts isOpen), and the
// DueFacts of every interaction, so it answers for any day on or after the latest interaction:
// the facts of an earlier day would leave later interactions out.

/** The record's name in the journal's backups folder. */
export const DUE_SUMMARY = 'due-summary.json';

/** Bumped when what the summary holds changes shape (netlog's version is in the key as well). */
const FORMAT = 2;

export interface DueSummary {
  journal: DueJournal;
  facts: DueFacts;
  /** The latest interaction's date (null: none): the summary answers for this day and later. */
  latest: Day | null;
}

/** The latest interaction's date, or null when there is none. */
export function latestInteraction(journal: Journal): Day | null {
  let latest: Day | null = null;
  for (const i of journal.interactions) if (latest === null || i.date > latest) latest = i.date;
  return latest;
}

/** The summary of a journal; `facts` are its DueFacts over every interaction (dueFacts on or after `latest`). */
export function toSummary(journal: Journal, facts: DueFacts, latest: Day | null): unknown {
  return {
    format: FORMAT,
    latest,
    settings: journal.settings,
    contacts: journal.contacts,
    promises: latest === null ? journal.promises : journal.promises.filter((p) => isOpen(p, latest)),
    // [id, interactions, lastTouch, balance]: what `due` reads of the stats, in few bytes.
    stats: [...facts.stats].map(([id, s]) => [id, s.interactions, s.lastTouch, s.balance]),
    touches: [...facts.touches],
    linked: [...facts.linked],
  };
}

/** A kept summary, or undefined when it is not one this netlog made (then `due` reads the journal). */
export function fromSummary(data: unknown): DueSummary | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const d = data as Record<string, unknown>;
  if (d.format !== FORMAT || !(d.latest === null || typeof d.latest === 'string')) return undefined;
  if (d.settings === null || typeof d.settings !== 'object') return undefined;
  if (![d.contacts, d.promises, d.stats, d.touches, d.linked].every(Array.isArray)) return undefined;
  return {
    journal: { settings: d.settings as Journal['settings'], contacts: d.contacts as Journal['contacts'], promises: d.promises as Journal['promises'] },
    facts: {
      stats: new Map((d.stats as [string, number, Day | null, number][]).map(([id, interactions, lastTouch, balance]): [string, DueStats] => [id, { interactions, lastTouch, balance }])),
      touches: new Map(d.touches as [string, LastTouches][]),
      linked: new Set(d.linked as string[]),
    },
    latest: d.latest as Day | null,
  };
}
