import type { Contact, Interaction, Item, Journal } from '../core/schema.js';
import type { Kind } from '../core/journal.js';
import { resolveSettings } from '../core/journal.js';
import { daysBetween, type Day } from '../core/dates.js';
import { describeCadence, effectiveCadence, nextDue, tagKey, type EffectiveCadence } from '../core/cadence.js';
import { contactStats, overduePromisesByContact, statsFor, type ContactStats } from '../core/stats.js';
import { RELATIONSHIP_MEETINGS, stageOf, type Stage } from '../core/stage.js';
import { shortIds } from '../core/ids.js';
import { itemNames } from '../core/counting.js';
import { isMine, isOpen, promiseStats } from '../core/promises.js';
import { compareDays, compareNames, REMOVED_NAME } from '../core/names.js';

// The people views: `contacts` (everyone, one row each) and `contact show` (one person's page).

export interface CadenceInfo extends EffectiveCadence {
  /** "monthly", "every 6 weeks", "never". */
  description: string;
}

export interface StageInfo {
  stage: Stage;
  interactions: number;
  /** Interactions a relationship needs (six). */
  needed: number;
  overduePromises: number;
  valueExchanged: boolean;
  /** "4/6 meetings", "6 meetings; held back by 1 overdue promise", … */
  progress: string;
  /** In visibility: when credibility comes at their rhythm ("3/6 meetings; at your monthly rhythm, credibility by March"). */
  plan?: string | null;
}

export interface ContactRow {
  contactId: string;
  name: string;
  company: string | null;
  tags: string[];
  archived: boolean;
  stage: Stage;
  interactions: number;
  gave: number;
  asked: number;
  received: number;
  balance: number;
  cadenceDays: number | null;
  cadenceFrom: EffectiveCadence['from'];
  lastTouch: Day | null;
  /** When the next touch is due (null: never due). */
  nextTouch: Day | null;
}

export type ArchivedFilter = 'active' | 'archived' | 'all';

export interface ContactListSpec {
  tag?: string;
  stage?: Stage;
  archived?: ArchivedFilter;
}

function cadenceInfo(c: Contact, journal: Journal): CadenceInfo {
  const e = effectiveCadence(c, resolveSettings(journal.settings));
  return { ...e, description: describeCadence(e.days) };
}

export function stageInfo(stats: ContactStats, overduePromises: number): StageInfo {
  const stage = stageOf(stats, overduePromises);
  const n = stats.interactions;
  let progress: string;
  if (n < RELATIONSHIP_MEETINGS) progress = `${n}/${RELATIONSHIP_MEETINGS} meetings`;
  else if (overduePromises > 0) progress = `${n} meetings; held back by ${overduePromises} overdue promise${overduePromises === 1 ? '' : 's'}`;
  else if (stage === 'credibility') progress = `${n} meetings; no referral or business yet`;
  else progress = `${n} meetings; referrals or business exchanged`;
  return { stage, interactions: n, needed: RELATIONSHIP_MEETINGS, overduePromises, valueExchanged: stats.valueExchanged, progress };
}

/** Everyone (by default those not archived), sorted by name, with stage, balance and cadence. */
export function contactList(journal: Journal, today: Day, spec: ContactListSpec = {}): ContactRow[] {
  const stats = contactStats(journal);
  const overdue = overduePromisesByContact(journal.promises, today);
  const which = spec.archived ?? 'active';
  const settings = resolveSettings(journal.settings);
  const tag = spec.tag === undefined ? undefined : tagKey(spec.tag);
  const rows: ContactRow[] = [];
  for (const c of journal.contacts) {
    if ((which === 'active' && c.archived) || (which === 'archived' && !c.archived)) continue;
    if (tag !== undefined && !c.tags.some((t) => tagKey(t) === tag)) continue;
    const s = statsFor(stats, c.id);
    const stage = stageOf(s, overdue.get(c.id) ?? 0);
    if (spec.stage && stage !== spec.stage) continue;
    const cad = effectiveCadence(c, settings);
    rows.push({
      contactId: c.id,
      name: c.name,
      company: c.company ?? null,
      tags: c.tags,
      archived: c.archived,
      stage,
      interactions: s.interactions,
      gave: s.gave,
      asked: s.asked,
      received: s.received,
      balance: s.balance,
      cadenceDays: cad.days,
      cadenceFrom: cad.from,
      lastTouch: s.lastTouch,
      nextTouch: nextDue(c, cad.days, s, settings.followUpDays)?.dueOn ?? null,
    });
  }
  rows.sort((a, b) => compareNames(a.name, b.name));
  return rows;
}

export interface TimelineEntry {
  interactionId: string;
  /** The shortest unique prefix of the id, as `history` shows it. */
  shortId: string;
  date: Day;
  kind: Kind;
  note: string | null;
  /** The other people there. */
  with: { contactId: string; name: string }[];
  gave: Item[];
  asked: Item[];
  received: Item[];
  event: string | null;
  /** Names of the people items are for or link to, by id. */
  itemNames: Record<string, string>;
}

export interface OpenPromise {
  promiseId: string;
  text: string;
  due: Day;
  overdueDays: number;
}

export interface ContactPage {
  contact: Contact;
  cadence: CadenceInfo;
  nextTouch: Day | null;
  stage: StageInfo;
  balance: { interactions: number; gave: number; asked: number; received: number; balance: number };
  firstTouch: Day | null;
  lastTouch: Day | null;
  promises: { open: OpenPromise[]; made: number; kept: number; keptOnTime: number; overdue: number };
  /** What they promised you and have not done yet. */
  theirPromises: OpenPromise[];
  /** Newest first; at most `limit` entries. */
  timeline: TimelineEntry[];
  /** How many interactions there are in all. */
  timelineTotal: number;
}

/** Newest first: by date, then by when it was logged. */
export function newestFirst(a: Interaction, b: Interaction): number {
  return compareDays(b.date, a.date) || compareDays(b.createdAt, a.createdAt);
}

/**
 * Newest first, in place: by newestFirst, and of entries that tie the one later in the journal
 * first (logged last). Without sorting the whole list when it is already in that order (a journal
 * kept as it was logged) or oldest day first (entries logged later for an earlier day, or
 * imported, leave a day's entries in any order): then day by day from the last, each day's
 * entries by when they were logged.
 */
export function sortNewestFirst(list: Interaction[]): Interaction[] {
  // Later in the journal first: what a stable sort then keeps for entries that tie (the same day
  // and time of logging, as under NETLOG_TODAY), so the one logged last comes first.
  list.reverse();
  let k = 1;
  while (k < list.length && newestFirst(list[k - 1]!, list[k]!) <= 0) k++;
  if (k === list.length) return list;
  k = 1;
  while (k < list.length && list[k - 1]!.date >= list[k]!.date) k++;
  if (k < list.length) return list.sort(newestFirst);
  const out: Interaction[] = new Array(list.length);
  let w = 0;
  for (let start = 0; start < list.length; ) {
    let end = start + 1;
    const day = list[start]!.date;
    while (end < list.length && list[end]!.date === day) end++;
    if (end - start === 1) out[w++] = list[start]!;
    else for (const i of list.slice(start, end).sort(loggedLater)) out[w++] = i;
    start = end;
  }
  for (let n = 0; n < out.length; n++) list[n] = out[n]!;
  return list;
}

const loggedLater = (a: Interaction, b: Interaction) => compareDays(b.createdAt, a.createdAt);

/** One person's page: profile, cadence, stage, balance, promises and timeline. */
export function contactPage(journal: Journal, today: Day, id: string, opts: { limit?: number } = {}): ContactPage {
  const c = journal.contacts.find((x) => x.id === id);
  if (!c) throw new Error(`no contact with id ${id}`);
  const s = statsFor(contactStats(journal), id);
  const cadence = cadenceInfo(c, journal);
  const names = new Map(journal.contacts.map((x) => [x.id, x.name]));
  const events = new Map(journal.events.map((e) => [e.id, e.name]));

  const all = journal.promises.filter((p) => p.contactId === id);
  const yours = all.filter(isMine);
  const tally = promiseStats(yours, today);
  const promises: ContactPage['promises'] = {
    open: yours
      .filter((p) => isOpen(p))
      .map((p) => ({ promiseId: p.id, text: p.text, due: p.due, overdueDays: Math.max(0, daysBetween(p.due, today)) }))
      .sort((a, b) => compareDays(a.due, b.due)),
    made: tally.made,
    kept: tally.kept,
    keptOnTime: tally.keptOnTime,
    overdue: tally.overdue,
  };
  const theirs = all
    .filter((p) => !isMine(p) && isOpen(p))
    .map((p) => ({ promiseId: p.id, text: p.text, due: p.due, overdueDays: Math.max(0, daysBetween(p.due, today)) }))
    .sort((a, b) => compareDays(a.due, b.due));

  const mine = journal.interactions.filter((i) => i.contactIds.includes(id));
  sortNewestFirst(mine);
  const shown = opts.limit === undefined ? mine : mine.slice(0, opts.limit);
  const short = shortIds(journal.interactions.map((i) => i.id));
  return {
    contact: c,
    cadence,
    nextTouch: nextDue(c, cadence.days, s, resolveSettings(journal.settings).followUpDays)?.dueOn ?? null,
    stage: stageInfo(s, promises.overdue),
    balance: { interactions: s.interactions, gave: s.gave, asked: s.asked, received: s.received, balance: s.balance },
    firstTouch: s.firstTouch,
    lastTouch: s.lastTouch,
    promises,
    theirPromises: theirs,
    timeline: shown.map((i) => ({
      interactionId: i.id,
      shortId: short.get(i.id) ?? i.id,
      date: i.date,
      kind: i.kind,
      note: i.note ?? null,
      with: i.contactIds.filter((x) => x !== id).map((x) => ({ contactId: x, name: names.get(x) ?? REMOVED_NAME })),
      gave: i.gave,
      asked: i.asked,
      received: i.received,
      event: i.eventId ? (events.get(i.eventId) ?? null) : null,
      itemNames: itemNames(i, (x) => names.get(x)),
    })),
    timelineTotal: mine.length,
  };
}

/** Per-contact figures for an export, in the order given: stage, balance, last touch, cadence. */
export function exportRows(journal: Journal, today: Day, contacts: readonly Contact[]): ExportRow[] {
  const settings = resolveSettings(journal.settings);
  const stats = contactStats(journal);
  const overdue = overduePromisesByContact(journal.promises, today);
  return contacts.map((contact) => {
    const s = statsFor(stats, contact.id);
    return { contact, stage: stageOf(s, overdue.get(contact.id) ?? 0), balance: s.balance, lastTouch: s.lastTouch, cadence: effectiveCadence(contact, settings) };
  });
}

export interface ExportRow {
  contact: Contact;
  stage: Stage;
  balance: number;
  lastTouch: Day | null;
  cadence: EffectiveCadence;
}
