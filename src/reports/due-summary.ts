import type { Contact, Journal, NetPromise, Want } from '../core/schema.js';
import type { Kind } from '../core/journal.js';
import type { Day } from '../core/dates.js';
import { isOpen } from '../core/promises.js';
import type { LastTouches } from './due-context.js';
import type { DueFacts, DueJournal, DueStats } from './due.js';

// What `due` needs of a journal, kept beside it so that `due` on an unchanged journal does not
// read its interactions (SPEC §2's derived cache; README design notes). The store keeps it
// under the journal's identity (store/trust.ts: device, inode, size, times, netlog's version
// and schema) and hands it back only for that very file; this module only says what is in it.
// It holds the settings, the promises still open on the latest interaction's day (a promise open
// on a later day is open on that one: core/promises.ts isOpen), the people with only the fields
// `due` reads of them, and per person the DueFacts of every interaction, so it answers for any
// day on or after the latest interaction: the facts of an earlier day would leave later
// interactions out. It is read on every `due` after a change, so it is shaped to parse cheaply:
// a person's facts are one flat row, parallel to the people, turned into objects only for the
// people a list asks about.

/** The record's name in the journal's backups folder. */
export const DUE_SUMMARY = 'due-summary.json';

/** Bumped when what the summary holds changes shape (netlog's version is in the key as well). */
const FORMAT = 3;

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

/**
 * A person's facts in one row: [interactions, lastTouch, balance] of their stats (interactions
 * null: no stats), then of their LastTouches the last one's date (null: none; 1: lastTouch's) and
 * kind, and the last note's date (null: no note; 1: the last interaction's own) and text.
 */
type Row = [number | null, Day | null, number, Day | 1 | null, Kind | null, Day | 1 | null, string | null];

function rowOf(s: DueStats | undefined, t: LastTouches | undefined): Row | null {
  if (!s && !t) return null;
  const last = t?.last;
  const noted = t?.noted;
  return [
    s ? s.interactions : null,
    s ? s.lastTouch : null,
    s ? s.balance : 0,
    last ? (s && last.date === s.lastTouch ? 1 : last.date) : null,
    last ? last.kind : null,
    noted ? (noted.same ? 1 : noted.date) : null,
    noted ? noted.note : null,
  ];
}

function touchesOf(r: Row): LastTouches | undefined {
  const [, lastTouch, , lastDate, kind, notedDate, note] = r;
  if (lastDate === null) return undefined;
  const date = lastDate === 1 ? lastTouch! : lastDate;
  const last = { date, kind: kind! };
  return note === null ? { last } : { last, noted: notedDate === 1 ? { date, note, same: true } : { date: notedDate!, note, same: false } };
}

/**
 * The fields of a person `due` reads (dueList, its context and suggestion, --tag): when they
 * were added only for someone never in touch (their rhythm counts from it), archived only when
 * they are, the matching fields only when someone has a want.
 */
function keptContact(c: Contact, touched: boolean, latest: Day | null, matching: boolean): Partial<Contact> {
  const out: Partial<Contact> = { id: c.id, name: c.name, tags: c.tags };
  if (!touched) out.createdAt = c.createdAt;
  if (c.archived) out.archived = true;
  if (c.cadenceDays !== undefined) out.cadenceDays = c.cadenceDays;
  if (c.snoozedUntil !== undefined) out.snoozedUntil = c.snoozedUntil;
  if (c.dates !== undefined) out.dates = c.dates;
  if (c.introducedBy !== undefined) out.introducedBy = c.introducedBy;
  const wants = c.wants && (latest === null ? c.wants : c.wants.filter((w) => w.metOn === null || w.metOn > latest));
  if (wants && wants.length > 0) out.wants = wants;
  if (matching && !c.archived) {
    if (c.role !== undefined) out.role = c.role;
    if (c.company !== undefined) out.company = c.company;
    if (c.notes !== undefined) out.notes = c.notes;
  }
  return out;
}

/** The summary of a journal; `facts` are its DueFacts over every interaction (dueFacts on or after `latest`). */
export function toSummary(journal: Journal, facts: DueFacts, latest: Day | null): unknown {
  // Wants met by the latest interaction's day are met on every day the summary answers for.
  const open = (w: Want) => latest === null || w.metOn === null || w.metOn > latest;
  // Someone to introduce is looked for (core/matching.ts) only for a person with an open want.
  const matching = journal.contacts.some((c) => !c.archived && c.wants?.some(open));
  return {
    format: FORMAT,
    latest,
    settings: journal.settings,
    contacts: journal.contacts.map((c) => keptContact(c, !!facts.stats.get(c.id)?.lastTouch, latest, matching)),
    facts: journal.contacts.map((c) => rowOf(facts.stats.get(c.id), facts.touches.get(c.id))),
    promises: (latest === null ? journal.promises : journal.promises.filter((p) => isOpen(p, latest))).map(keptPromise),
    linked: [...facts.linked],
  };
}

/** The fields of a promise `due` reads. */
function keptPromise(p: NetPromise): Partial<NetPromise> {
  const out: Partial<NetPromise> = { id: p.id, contactId: p.contactId, text: p.text, due: p.due, doneOn: p.doneOn };
  if (p.droppedOn !== undefined) out.droppedOn = p.droppedOn;
  if (p.owner !== undefined) out.owner = p.owner;
  return out;
}

/** A kept summary, or undefined when it is not one this netlog made (then `due` reads the journal). */
export function fromSummary(data: unknown): DueSummary | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const d = data as Record<string, unknown>;
  if (d.format !== FORMAT || !(d.latest === null || typeof d.latest === 'string')) return undefined;
  if (d.settings === null || typeof d.settings !== 'object') return undefined;
  if (![d.contacts, d.facts, d.promises, d.linked].every(Array.isArray)) return undefined;
  // The fields `due` reads, as keptContact and keptPromise wrote them (the rest is not read).
  const contacts = d.contacts as Contact[];
  const rows = d.facts as (Row | null)[];
  if (rows.length !== contacts.length) return undefined;
  const byId = new Map<string, Row>();
  for (let k = 0; k < contacts.length; k++) {
    const r = rows[k];
    if (r !== null && r !== undefined) byId.set(contacts[k]!.id, r);
  }
  const stats = new Map<string, DueStats>();
  for (const [id, r] of byId) if (r[0] !== null) stats.set(id, { interactions: r[0], lastTouch: r[1], balance: r[2] });
  return {
    journal: { settings: d.settings as Journal['settings'], contacts, promises: d.promises as NetPromise[] },
    facts: {
      stats,
      // Made into objects only for the people a list shows.
      touches: { get: (id: string) => (byId.has(id) ? touchesOf(byId.get(id)!) : undefined) },
      linked: new Set(d.linked as string[]),
    },
    latest: d.latest as Day | null,
  };
}
