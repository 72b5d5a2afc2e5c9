import type { Day } from './dates.js';
import type { EditEnv } from './edits.js';
import type { Contact, Interaction, Journal } from './schema.js';
import type { Kind } from './journal.js';
import { nameKey } from './names.js';

// Calendar in (SPEC §6.5): the meetings in someone's calendar are the richest record of whom
// they met. Past events whose organiser or attendees are contacts (by email), or whose title
// names a contact exactly, become interactions; the event's UID (plus the recurrence id of an
// occurrence) is kept as the interaction's `source`, so importing the same file again adds
// nothing. People in the calendar that netlog does not know are listed, never added.

export interface CalendarPerson {
  email: string;
  /** The name the calendar gives (CN). */
  name?: string;
  /** Said no: they were not there. */
  declined?: boolean;
  role: 'organizer' | 'attendee';
}

/** One meeting on one day. */
export interface CalendarOccurrence {
  uid: string;
  /** For an occurrence of a recurring event: which one (its original start, iCalendar form). */
  recurrenceId?: string;
  date: Day;
  summary: string;
  description?: string;
  location?: string;
  /** Online-meeting links the event carries in its own properties (X-GOOGLE-CONFERENCE, URL…). */
  links: string[];
  people: CalendarPerson[];
  cancelled: boolean;
}

/** An event as the calendar holds it: once, or a rule for many occurrences. */
export interface CalendarSeries extends Omit<CalendarOccurrence, 'date' | 'recurrenceId'> {
  /** The day it (first) takes place. */
  start: Day;
  /** It repeats every year (RRULE FREQ=YEARLY): a birthday or an anniversary, not a meeting. */
  yearly?: boolean;
  /** Its occurrences from `since` (if given) to `until`, both included. */
  occurrences(since: Day | undefined, until: Day): { items: CalendarOccurrence[]; truncated: boolean };
}

export interface CalendarImportOptions {
  today: Day;
  since?: Day;
  /** The calendar owner's address (Google's X-WR-CALNAME): never an unknown attendee. */
  owner?: string;
}

export interface CalendarAdded {
  id: string;
  date: Day;
  kind: Kind;
  note?: string;
  contactIds: string[];
  names: string[];
  source: string;
  /** How the people were recognised. */
  matchedBy: ('email' | 'title')[];
}

export interface UnknownAttendee {
  email: string;
  name?: string;
  /** In how many of the calendar's events they are. */
  events: number;
}

export interface CalendarImportResult {
  journal: Journal;
  added: CalendarAdded[];
  /** Occurrences with known people that an earlier import already brought in. */
  already: number;
  unknown: UnknownAttendee[];
  warnings: string[];
}

// Where online meetings happen: a link to one makes the event a video call.
const MEETING_LINK = /\b(zoom\.us|zoom\.com|meet\.google\.com|hangouts\.google\.com|teams\.microsoft\.com|teams\.live\.com|webex\.com|whereby\.com|gotomeeting\.com|meet\.jit\.si|skype\.com|join\.skype|chime\.aws|around\.co|bluejeans\.com|facetime\.apple\.com)\b/i;
const CALL = /\b(call|phone call|phone|anruf|telefonat|telefonieren|appel|llamada)\b/i;
const MEAL = /\b(lunch|dinner|breakfast|brunch|supper|mittagessen|abendessen|fr(ü|ue)hst(ü|ue)ck|d(é|e)jeuner|d(î|i)ner|almuerzo|cena|desayuno)\b/i;

/**
 * The kind of interaction an event was: `video` with a meeting link, `call` when it says so or
 * its place is a phone number, `meal` for lunch/dinner/breakfast, else `meeting` — or `event`
 * when several contacts were there (a group, not a one-to-one).
 */
export function calendarKind(o: Pick<CalendarOccurrence, 'summary' | 'description' | 'location' | 'links'>, contacts: number): Kind {
  const where = [o.location ?? '', ...o.links].join(' ');
  if (MEETING_LINK.test(where) || MEETING_LINK.test(o.description ?? '') || o.links.some((l) => /^https?:/i.test(l) && MEETING_LINK.test(l))) return 'video';
  if (CALL.test(o.summary) || /^(tel:|\+?[\d\s().-]{7,}$)/i.test((o.location ?? '').trim())) return 'call';
  if (MEAL.test(o.summary)) return 'meal';
  return contacts > 1 ? 'event' : 'meeting';
}

/** A name or a title as words: "Lunch w/ Dana Lee!" → "lunch w dana lee". */
const words = (s: string) => nameKey(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

type Matched = { contact: Contact; by: 'email' | 'title' }[];

/**
 * Who an event is with, for many events: by the organiser's and attendees' emails (an active
 * contact before an archived one with the same address), then by a contact's exact name in the
 * title, as whole words. The contacts' keys are worked out once.
 */
export function contactMatcher(contacts: readonly Contact[], owner?: string): (e: Pick<CalendarOccurrence, 'summary' | 'people'>) => Matched {
  const byEmail = new Map<string, Contact>();
  for (const c of contacts) {
    for (const m of c.emails) {
      const k = m.toLowerCase();
      const had = byEmail.get(k);
      if (!had || (had.archived && !c.archived)) byEmail.set(k, c);
    }
  }
  const names = contacts.map((c) => ({ contact: c, words: ` ${words(c.name)} ` })).filter((n) => n.words.trim() !== '');
  return (e) => {
    const out: Matched = [];
    for (const p of e.people) {
      if (p.declined || p.email === owner) continue;
      const c = byEmail.get(p.email);
      if (c && !out.some((o) => o.contact.id === c.id)) out.push({ contact: c, by: 'email' });
    }
    const title = ` ${words(e.summary)} `;
    if (title.trim()) {
      for (const n of names) if (title.includes(n.words) && !out.some((o) => o.contact.id === n.contact.id)) out.push({ contact: n.contact, by: 'title' });
    }
    return out;
  };
}

/** The contacts one event is with (see contactMatcher). */
export function eventContacts(contacts: readonly Contact[], e: Pick<CalendarOccurrence, 'summary' | 'people'>, owner?: string): Matched {
  return contactMatcher(contacts, owner)(e);
}

/** The source key of an occurrence: the UID, and for one of a recurring event its recurrence id. */
export const calendarSource = (o: Pick<CalendarOccurrence, 'uid' | 'recurrenceId'>) => (o.recurrenceId ? `${o.uid}#${o.recurrenceId}` : o.uid);

/** Turns a calendar's past events with known people into interactions; returns the same journal object when nothing is added. */
export function importCalendar(journal: Journal, series: readonly CalendarSeries[], opts: CalendarImportOptions, env: EditEnv): CalendarImportResult {
  const owner = opts.owner ?? likelyOwner(series);
  const seen = new Set(journal.interactions.map((i) => i.source).filter((s): s is string => s !== undefined));
  const added: CalendarAdded[] = [];
  const interactions: Interaction[] = [];
  const warnings: string[] = [];
  const unknown = new Map<string, UnknownAttendee>();
  let already = 0;
  const match = contactMatcher(journal.contacts, owner);
  let yearly = 0;
  for (const s of series) {
    // A birthday in a calendar (or netlog's own export of key dates) is a date, not a meeting.
    if (s.yearly) {
      yearly += 1;
      continue;
    }
    const known = match(s);
    const knownEmails = new Set(known.flatMap((k) => k.contact.emails.map((m) => m.toLowerCase())));
    if (known.length === 0) {
      // Someone in a meeting that has happened (since --since, when given): worth knowing about;
      // a future one is not yet, and one before --since would not be imported anyway.
      const happened = opts.since === undefined ? s.start <= opts.today : s.occurrences(opts.since, opts.today).items.some((o) => !o.cancelled && o.date >= opts.since! && o.date <= opts.today);
      if (happened && !s.cancelled) noteUnknown(unknown, s, owner, knownEmails);
      continue;
    }
    const { items, truncated } = s.occurrences(opts.since, opts.today);
    if (truncated) warnings.push(`"${s.summary}" repeats more often than netlog reads; only its latest ${items.length} occurrences were imported (--since reads a shorter stretch)`);
    let past = false;
    for (const o of items) {
      if (o.cancelled || o.date > opts.today || (opts.since && o.date < opts.since)) continue;
      past = true;
      // An occurrence may differ from its series (someone added, the title changed).
      const who = match(o);
      if (who.length === 0) continue;
      const source = calendarSource(o);
      if (seen.has(source)) {
        already += 1;
        continue;
      }
      seen.add(source);
      const kind = calendarKind(o, who.length);
      const note = o.summary.trim();
      const interaction: Interaction = {
        id: env.newId(),
        date: o.date,
        contactIds: who.map((w) => w.contact.id),
        kind,
        ...(note ? { note } : {}),
        gave: [],
        asked: [],
        received: [],
        source,
        createdAt: env.now,
      };
      interactions.push(interaction);
      added.push({ id: interaction.id, date: o.date, kind, ...(note ? { note } : {}), contactIds: interaction.contactIds, names: who.map((w) => w.contact.name), source, matchedBy: who.map((w) => w.by) });
    }
    if (past) noteUnknown(unknown, s, owner, knownEmails);
  }
  if (yearly) warnings.push(`${yearly} yearly ${yearly === 1 ? 'event' : 'events'} (birthdays, anniversaries) left out: they are dates, not meetings (netlog contact edit NAME --birthday …)`);
  added.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const list = [...unknown.values()].sort((a, b) => b.events - a.events || (a.email < b.email ? -1 : 1));
  return {
    journal: interactions.length ? { ...journal, interactions: [...journal.interactions, ...interactions] } : journal,
    added,
    already,
    unknown: list,
    warnings,
  };
}

function noteUnknown(unknown: Map<string, UnknownAttendee>, s: CalendarSeries, owner: string | undefined, known: Set<string>): void {
  for (const p of s.people) {
    if (p.declined || p.email === owner || known.has(p.email)) continue;
    const u = unknown.get(p.email) ?? { email: p.email, events: 0 };
    u.events += 1;
    if (!u.name && p.name) u.name = p.name;
    unknown.set(p.email, u);
  }
}

/**
 * Whose calendar it is, when the file does not say: the one address that is in most of the
 * events with people in them (the owner is in all of their own meetings).
 */
function likelyOwner(series: readonly CalendarSeries[]): string | undefined {
  const withPeople = series.filter((s) => s.people.length > 1);
  if (withPeople.length < 3) return undefined;
  const counts = new Map<string, number>();
  for (const s of withPeople) for (const p of s.people) counts.set(p.email, (counts.get(p.email) ?? 0) + 1);
  const [email, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  return n > withPeople.length / 2 ? email : undefined;
}
