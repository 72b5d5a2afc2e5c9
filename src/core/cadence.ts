import type { Contact } from './schema.js';
import type { ResolvedSettings } from './journal.js';
import { addDays, localDayOfTimestamp, parseSpan, type Day } from './dates.js';

// A cadence is how often a person should hear from you, in days; null means never due.

const NAMED: Record<string, number | null> = {
  daily: 1,
  weekly: 7,
  biweekly: 14,
  fortnightly: 14,
  monthly: 30,
  quarterly: 91,
  yearly: 365,
  annually: 365,
  never: null,
};

const UNIT_DAYS = { d: 1, w: 7, m: 30, y: 365 } as const;

/**
 * "monthly" → 30, "6w" → 42, "never" → null; undefined when the text is not a cadence. Whatever
 * describeCadence writes ("every 6 weeks") reads back, so an exported CSV imports unchanged.
 */
export function parseCadence(text: string): number | null | undefined {
  let t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (Object.hasOwn(NAMED, t)) return NAMED[t];
  const every = /^every (.+)$/.exec(t);
  if (every) t = /^(day|week|month|year)$/.test(every[1]!) ? `1 ${every[1]}` : every[1]!;
  const span = parseSpan(t);
  if (!span || span.amount < 1) return undefined;
  return span.amount * UNIT_DAYS[span.unit];
}

/** The name for a number of days (the first name listed wins: "biweekly", not "fortnightly"). */
const NAME_OF = new Map<number, string>();
for (const [name, n] of Object.entries(NAMED)) if (n !== null && !NAME_OF.has(n)) NAME_OF.set(n, name);

/** Names a cadence for people: 7 → "weekly", 42 → "every 6 weeks", null → "never". */
export function describeCadence(days: number | null): string {
  if (days === null) return 'never';
  const name = NAME_OF.get(days);
  if (name) return name;
  if (days % 365 === 0) return `every ${days / 365} years`;
  if (days % 30 === 0) return `every ${days / 30} months`;
  if (days % 7 === 0) return `every ${days / 7} weeks`;
  return `every ${days} days`;
}

export interface EffectiveCadence {
  days: number | null;
  /** Where it comes from: the contact, one of its tags, or the default. */
  from: 'contact' | 'tag' | 'default';
  tag?: string;
}

/** Tags compare case-insensitively: "Investor" on a contact and "investor" in settings are one tier. */
export function tagKey(tag: string): string {
  return tag.trim().toLowerCase();
}

/** The key in `tagCadences` that stands for `tag`, if any. */
export function tagCadenceKey(tagCadences: Record<string, number | null>, tag: string): string | undefined {
  if (Object.hasOwn(tagCadences, tag)) return tag;
  const key = tagKey(tag);
  return Object.keys(tagCadences).find((k) => tagKey(k) === key);
}

/** The contact's own cadence, else the shortest of its tags' cadences, else the default (SPEC §2). */
export function effectiveCadence(contact: Contact, settings: ResolvedSettings): EffectiveCadence {
  if (contact.cadenceDays !== undefined) return { days: contact.cadenceDays, from: 'contact' };
  let best: EffectiveCadence | undefined;
  for (const tag of contact.tags) {
    const k = tagCadenceKey(settings.tagCadences, tag);
    if (k === undefined) continue;
    const days = settings.tagCadences[k]!;
    // A tier set to "never" only wins when no other tag gives a real cadence.
    if (!best || (days !== null && (best.days === null || days < best.days))) best = { days, from: 'tag', tag };
  }
  return best ?? { days: settings.defaultCadenceDays, from: 'default' };
}

export interface NextDue {
  /** A follow-up after a first and only meeting, or a touch when the cadence comes round. */
  type: 'follow-up' | 'touch';
  /** The day it falls due, a snooze included. */
  dueOn: Day;
  /** The day it would fall due without the snooze. */
  natural: Day;
  /** What the rhythm counts from: the last touch, else the day they were added. */
  since: Day;
}

/**
 * When a contact is next due (SPEC §4 `due`): a follow-up `followUpDays` after a first and only
 * meeting, else the last touch (or when they were added) plus the cadence; a snooze pushes it
 * later. Null when their cadence is never. `due`, `contacts` and `contact show` all ask this.
 */
export function nextDue(
  contact: Contact,
  cadenceDays: number | null,
  touches: { interactions: number; lastTouch: Day | null },
  followUpDays: number,
): NextDue | null {
  if (cadenceDays === null) return null;
  const last = touches.lastTouch;
  const followUp = touches.interactions === 1 && last !== null;
  const since = last ?? localDayOfTimestamp(contact.createdAt);
  const natural = followUp ? addDays(last, followUpDays) : addDays(since, cadenceDays);
  const snooze = contact.snoozedUntil;
  return { type: followUp ? 'follow-up' : 'touch', dueOn: snooze && snooze > natural ? snooze : natural, natural, since };
}
