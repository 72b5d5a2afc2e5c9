import type { Journal } from '../core/schema.js';
import { compareDays, compareNames } from '../core/names.js';
import { resolveSettings } from '../core/journal.js';
import { addDays, toEpochDay, type Day } from '../core/dates.js';
import { effectiveCadence, nextDue, tagKey, type EffectiveCadence } from '../core/cadence.js';
import { contactStats, type ContactStats } from '../core/stats.js';
import { linkedPairs } from '../core/matching.js';
import { occurrences, yearsMarked } from '../core/key-dates.js';
import { dueContexts, lastTouches, suggestTouch, type DueContext, type LastTouches } from './due-context.js';
import { isMine, isOpen } from '../core/promises.js';

// Who needs a touch (SPEC §4 `due`): open promises first, then follow-ups after a first meeting,
// then contacts past their cadence, most neglected relative to their rhythm first.

export interface DueSpec {
  /** The day the list is for (`--on`, default today). */
  on: Day;
  /** Also list what falls due in the next N days. */
  within?: number;
  tag?: string;
  limit?: number;
}

interface BaseItem {
  contactId: string;
  name: string;
  dueOn: Day;
  /** Days past dueOn on the day asked about (negative: not yet due). */
  overdueDays: number;
  /** Why the item is on the list and how it ranked, for `--explain`. */
  why: string;
  /** What to talk about: the last interaction, their open wants, what they owe you (SPEC §6.3). */
  context: DueContext;
}

export interface PromiseItem extends BaseItem {
  type: 'promise';
  promiseId: string;
  text: string;
}

/** A promise they made you, falling due: time to check in. */
export interface CheckInItem extends BaseItem {
  type: 'check-in';
  promiseId: string;
  text: string;
}

/** A key date (a birthday, an anniversary) on the day asked about or within `--within`. */
export interface DateItem extends BaseItem {
  type: 'date';
  label: string;
  /** As stored: YYYY-MM-DD, or --MM-DD when the year is unknown. */
  date: string;
  /** For a birthday whose year is known: the age they turn. */
  age?: number;
  /** For another key date whose year is known: how many years it marks. */
  years?: number;
}

export interface FollowUpItem extends BaseItem {
  type: 'follow-up';
  lastTouch: Day;
}

export interface TouchItem extends BaseItem {
  type: 'touch';
  lastTouch: Day | null;
  cadenceDays: number;
  cadenceFrom: EffectiveCadence['from'];
  daysSince: number;
  /** daysSince ÷ cadenceDays: how far past their rhythm this person is. */
  score: number;
  balance: number;
  suggestion: string;
}

export type DueItem = PromiseItem | CheckInItem | DateItem | FollowUpItem | TouchItem;

export interface DueList {
  today: Day;
  on: Day;
  until: Day;
  items: DueItem[];
  /** How many items there are before `limit`. */
  total: number;
}

/** What `due` reads of a person's stats (core/stats.ts). */
export type DueStats = Pick<ContactStats, 'interactions' | 'lastTouch' | 'balance'>;

const NO_STATS: DueStats = { interactions: 0, lastTouch: null, balance: 0 };

/** What `due` reads of a journal besides its interactions. */
export type DueJournal = Pick<Journal, 'contacts' | 'promises' | 'settings'>;

/**
 * All `due` takes from the interactions, per person, as the journal stood on a day: their stats
 * (core/stats.ts), their last interaction and last note (due-context.ts), and the pairs already
 * introduced (core/matching.ts). Worked out from the journal (dueFacts), or kept beside it for a
 * journal that has not changed (reports/due-summary.ts): both paths run the same dueList.
 */
export interface DueFacts {
  /** Of the stats, what `due` reads. */
  stats: Map<string, DueStats>;
  /** Looked up by person (a kept summary makes each on the way). */
  touches: Pick<ReadonlyMap<string, LastTouches>, 'get'>;
  linked: Set<string>;
}

/** The DueFacts of the journal as it stood on `on` (every interaction when `on` is not given). */
export function dueFacts(journal: Journal, on?: Day): DueFacts {
  const to = on ?? '9999-12-31';
  return { stats: contactStats(journal, { to }), touches: lastTouches(journal, to), linked: linkedPairs(journal.interactions) };
}

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/**
 * The due list for the day asked about. `facts`: the journal's DueFacts as it stood on that day
 * (later interactions and promises kept later do not count: they matter for `--on` in the
 * past); worked out from the journal when not given.
 */
export function dueList(journal: Journal, today: Day, spec: DueSpec): DueList;
export function dueList(journal: DueJournal, today: Day, spec: DueSpec, facts: DueFacts): DueList;
export function dueList(journal: DueJournal, today: Day, spec: DueSpec, facts = dueFacts(journal as Journal, spec.on)): DueList {
  const settings = resolveSettings(journal.settings);
  const on = spec.on;
  const until = addDays(on, Math.max(0, spec.within ?? 0));
  // Days from a day to the day asked about (daysBetween(day, on), with `on` worked out once).
  const onDay = toEpochDay(on);
  const toOn = (day: Day) => onDay - toEpochDay(day);
  const stats = facts.stats;
  const wantTag = spec.tag === undefined ? undefined : tagKey(spec.tag);
  const inTag = (tags: string[]) => wantTag === undefined || tags.some((t) => tagKey(t) === wantTag);
  const contactsById = new Map(journal.contacts.map((c) => [c.id, c]));

  const promises: Omit<PromiseItem, 'context'>[] = [];
  const checkIns: Omit<CheckInItem, 'context'>[] = [];
  for (const p of journal.promises) {
    // Open on the day (core/promises.ts isOpen: a dropped promise is never due); theirs become check-ins.
    if (!isOpen(p, on) || p.due > until) continue;
    const c = contactsById.get(p.contactId);
    if (!c || !inTag(c.tags)) continue;
    const overdueDays = toOn(p.due);
    const item = { contactId: c.id, name: c.name, dueOn: p.due, overdueDays, promiseId: p.id, text: p.text };
    const late = (word: string) => (overdueDays > 0 ? `, ${days(overdueDays)} ${word}` : '');
    if (isMine(p)) promises.push({ type: 'promise', ...item, why: `promised by ${p.due}${late('overdue')}` });
    else checkIns.push({ type: 'check-in', ...item, why: `they promised it by ${p.due}${late('ago')}` });
  }
  promises.sort((a, b) => compareDays(a.dueOn, b.dueOn) || compareNames(a.name, b.name));
  checkIns.sort((a, b) => compareDays(a.dueOn, b.dueOn) || compareNames(a.name, b.name));

  const dates: Omit<DateItem, 'context'>[] = [];
  const followUps: Omit<FollowUpItem, 'context'>[] = [];
  const touches: Omit<TouchItem, 'context' | 'suggestion'>[] = [];
  for (const c of journal.contacts) {
    if (c.archived || !inTag(c.tags)) continue;
    for (const k of c.dates ?? []) {
      for (const o of occurrences(k, on, until)) {
        // Snoozed means not due before then: their key dates wait too.
        if (c.snoozedUntil && c.snoozedUntil > o.on) continue;
        dates.push({
          type: 'date',
          contactId: c.id,
          name: c.name,
          dueOn: o.on,
          overdueDays: toOn(o.on),
          label: k.label,
          date: k.date,
          ...yearsMarked(o),
          why: `${k.label} ${k.date.startsWith('--') ? k.date.slice(2) : k.date}, every year${o.on.slice(5) !== k.date.slice(-5) ? ' (Feb 29: Feb 28 this year)' : ''}`,
        });
      }
    }
    const cadence = effectiveCadence(c, settings);
    if (cadence.days === null) continue;
    const s = stats.get(c.id) ?? NO_STATS;
    const next = nextDue(c, cadence.days, s, settings.followUpDays);
    if (!next || next.dueOn > until) continue;
    const { dueOn, natural, since } = next;
    const snoozed = dueOn !== natural ? `; snoozed until ${dueOn}` : '';

    if (next.type === 'follow-up') {
      followUps.push({
        type: 'follow-up',
        contactId: c.id,
        name: c.name,
        dueOn,
        overdueDays: toOn(dueOn),
        lastTouch: since,
        why: `only one interaction (${since}); follow up ${days(settings.followUpDays)} after a first meeting${snoozed}`,
      });
      continue;
    }

    const daysSince = toOn(since);
    const score = daysSince / cadence.days;
    const from = cadence.from === 'tag' ? `tag ${cadence.tag}` : cadence.from;
    touches.push({
      type: 'touch',
      contactId: c.id,
      name: c.name,
      dueOn,
      overdueDays: toOn(dueOn),
      lastTouch: s.lastTouch,
      cadenceDays: cadence.days,
      cadenceFrom: cadence.from,
      daysSince,
      score: Math.round(score * 100) / 100,
      balance: s.balance,
      why:
        `${days(daysSince)} since ${s.lastTouch ? 'last touch' : 'added'} ÷ ${cadence.days}-day cadence (${from}) = ` +
        `${score.toFixed(2)}` +
        snoozed,
    });
  }
  followUps.sort((a, b) => compareDays(a.dueOn, b.dueOn) || compareNames(a.name, b.name));
  touches.sort((a, b) => b.daysSince / b.cadenceDays - a.daysSince / a.cadenceDays || compareNames(a.name, b.name));
  dates.sort((a, b) => compareDays(a.dueOn, b.dueOn) || compareNames(a.name, b.name));

  const bare = [...promises, ...checkIns, ...dates, ...followUps, ...touches];
  const shown = spec.limit !== undefined ? bare.slice(0, spec.limit) : bare;
  // Context only for the items listed (their last touches are in the facts).
  const contexts = dueContexts(journal, on, new Set(shown.map((i) => i.contactId)), facts.touches);
  // The items are this call's own objects: completed in place (a spread copy of each is slow on
  // the many shapes they have), their keys in the same order as a copy would have them.
  const items = shown.map((i): DueItem => {
    const context = contexts.get(i.contactId)!;
    const item = i as DueItem;
    if (item.type === 'touch') item.suggestion = suggestTouch(journal, contactsById.get(i.contactId)!, item.balance, context, on, facts.linked);
    item.context = context;
    return item;
  });
  return { today, on, until, items, total: bare.length };
}
