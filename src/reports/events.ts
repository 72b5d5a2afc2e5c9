import type { Interaction, Item, Journal } from '../core/schema.js';
import { countsFor } from '../core/counting.js';
import { seriesKey } from '../core/edits.js';
import type { Day } from '../core/dates.js';
import { isValueItem } from '../core/items.js';
import { contactStats, overduePromisesByContact, statsFor } from '../core/stats.js';
import { cleanName, compareDays, compareNames, nameKey } from '../core/names.js';
import { RELATIONSHIP_MEETINGS, stageOf, type Stage } from '../core/stage.js';

// `netlog events` (SPEC §4): judge an event, or any place you meet people, by what it led to.
// For each person met there: did you follow up (any interaction after the meeting), did it become
// a relationship (six or more interactions), and did referrals or business pass between you in
// the interactions after the meeting.

export interface ValueCount {
  gave: number;
  received: number;
}

export interface Outcome {
  /** People met there. */
  met: number;
  /** At least one interaction after the meeting. */
  followedUp: number;
  /** Six or more interactions in all (SPEC §1: no relationship before that). */
  relationships: number;
  stages: Record<Stage, number>;
  /** Referral items given to them / received from them after the meeting. */
  referrals: ValueCount;
  /** Business items given / received after the meeting. */
  business: ValueCount;
  people: PersonOutcome[];
}

export interface PersonOutcome {
  contactId: string;
  name: string;
  /** The day you met (null for a contact with nothing logged yet). */
  metOn: Day | null;
  /** Interactions after the meeting. */
  since: number;
  interactions: number;
  stage: Stage;
  /** Referrals or business after the meeting, either way. */
  value: number;
}

export interface EventOutcome extends Outcome {
  eventId: string;
  name: string;
  date: Day;
  /** This occurrence's place in its series (SPEC §6.1: the same name on another date), by date: 1 of `occurrences`. */
  occurrence: number;
  occurrences: number;
  location?: string;
  /** Days with an interaction logged at this event (a recurring breakfast is one event, many sessions). */
  sessions: number;
  /** Of the people met, how many you first met there. */
  new: number;
}

export interface SourceOutcome extends Outcome {
  /** The contact's `source` (an event's name for people added at an event); null: none recorded. */
  source: string | null;
}

/** A person who introduced you to others, credited with what came of those intros. */
export interface IntroducerOutcome extends Outcome {
  contactId: string;
  name: string;
}

export interface EventsReport {
  today: Day;
  events: EventOutcome[];
  sources: SourceOutcome[];
  /** People as sources: whom each introduced you to (introducedBy, or a received intro with a link). */
  introducers: IntroducerOutcome[];
}

/** A contact's interactions in order (by date, then when they were logged). */
function byContact(interactions: readonly Interaction[]): Map<string, Interaction[]> {
  const out = new Map<string, Interaction[]>();
  for (const i of interactions) {
    for (const id of i.contactIds) {
      let list = out.get(id);
      if (!list) out.set(id, (list = []));
      list.push(i);
    }
  }
  for (const list of out.values()) list.sort((a, b) => compareDays(a.date, b.date) || compareDays(a.createdAt, b.createdAt));
  return out;
}

function emptyOutcome(): Outcome {
  return {
    met: 0,
    followedUp: 0,
    relationships: 0,
    stages: { visibility: 0, credibility: 0, profitability: 0 },
    referrals: { gave: 0, received: 0 },
    business: { gave: 0, received: 0 },
    people: [],
  };
}

export function buildEventsReport(journal: Journal, today: Day): EventsReport {
  const timelines = byContact(journal.interactions);
  const stats = contactStats(journal);
  const overdue = overduePromisesByContact(journal.promises, today);
  const contacts = new Map(journal.contacts.map((c) => [c.id, c]));

  /** Adds one person to an outcome; `meeting` is the index in their timeline where you met. */
  const count = (o: Outcome, contactId: string, meeting: number | null): void => {
    const c = contacts.get(contactId);
    if (!c) return;
    const timeline = timelines.get(contactId) ?? [];
    const s = statsFor(stats, contactId);
    const stage = stageOf(s, overdue.get(contactId) ?? 0);
    const later = meeting === null ? [] : timeline.slice(meeting + 1);
    let value = 0;
    for (const i of later) {
      // The one counting rule (core/counting.ts): only what was for this person.
      const mine = (item: Item) => countsFor(item, contactId, i.contactIds);
      for (const item of i.gave) {
        if (!mine(item)) continue;
        if (item.type === 'referral') o.referrals.gave += 1;
        if (item.type === 'business') o.business.gave += 1;
        if (isValueItem(item)) value += 1;
      }
      for (const item of i.received) {
        if (!mine(item)) continue;
        if (item.type === 'referral') o.referrals.received += 1;
        if (item.type === 'business') o.business.received += 1;
        if (isValueItem(item)) value += 1;
      }
    }
    o.met += 1;
    if (later.length > 0) o.followedUp += 1;
    if (s.interactions >= RELATIONSHIP_MEETINGS) o.relationships += 1;
    o.stages[stage] += 1;
    o.people.push({
      contactId,
      name: c.name,
      metOn: meeting === null ? null : timeline[meeting]!.date,
      since: later.length,
      interactions: s.interactions,
      stage,
      value,
    });
  };

  // One pass over the interactions: each event's session days and attendees, in order met.
  const atEvent = new Map<string, { sessions: Set<Day>; attendees: Set<string> }>();
  for (const i of journal.interactions) {
    if (i.eventId === undefined) continue;
    let a = atEvent.get(i.eventId);
    if (!a) atEvent.set(i.eventId, (a = { sessions: new Set(), attendees: new Set() }));
    a.sessions.add(i.date);
    for (const id of i.contactIds) a.attendees.add(id);
  }

  // Occurrences of a series, in date order.
  const series = new Map<string, string[]>();
  for (const e of [...journal.events].sort((a, b) => compareDays(a.date, b.date) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const key = seriesKey(e.name);
    let list = series.get(key);
    if (!list) series.set(key, (list = []));
    list.push(e.id);
  }

  const events: EventOutcome[] = [];
  for (const e of journal.events) {
    const occurrences = series.get(seriesKey(e.name))!;
    const o: EventOutcome = {
      eventId: e.id,
      name: e.name,
      date: e.date,
      occurrence: occurrences.indexOf(e.id) + 1,
      occurrences: occurrences.length,
      ...(e.location !== undefined ? { location: e.location } : {}),
      sessions: 0,
      new: 0,
      ...emptyOutcome(),
    };
    const { sessions, attendees } = atEvent.get(e.id) ?? { sessions: new Set<Day>(), attendees: new Set<string>() };
    o.sessions = sessions.size;
    for (const id of attendees) {
      const timeline = timelines.get(id) ?? [];
      const meeting = timeline.findIndex((i) => i.eventId === e.id);
      if (meeting === 0) o.new += 1;
      count(o, id, meeting);
    }
    events.push(o);
  }
  events.sort((a, b) => compareDays(b.date, a.date) || compareNames(a.name, b.name));

  // Sources written with other capitals or accents are one source, named as first seen.
  const bySource = new Map<string | null, SourceOutcome>();
  for (const c of journal.contacts) {
    const source = c.source?.trim() ? cleanName(c.source) : null;
    const key = source === null ? null : nameKey(source);
    let o = bySource.get(key);
    if (!o) bySource.set(key, (o = { source, ...emptyOutcome() }));
    count(o, c.id, (timelines.get(c.id)?.length ?? 0) > 0 ? 0 : null);
  }
  // Most people first; "no source" last.
  const sources = [...bySource.values()].sort(
    (a, b) => Number(a.source === null) - Number(b.source === null) || b.met - a.met || compareNames(a.source ?? '', b.source ?? ''),
  );
  // People are sources too: whom each introduced you to, judged from your first meeting on.
  const introduced = new Map<string, Set<string>>();
  const credit = (by: string, to: string) => {
    if (by === to || !contacts.has(by)) return;
    let set = introduced.get(by);
    if (!set) introduced.set(by, (set = new Set()));
    set.add(to);
  };
  for (const c of journal.contacts) if (c.introducedBy) credit(c.introducedBy, c.id);
  for (const i of journal.interactions) {
    for (const item of i.received) {
      if (item.link === undefined || (item.type !== 'intro' && item.type !== 'referral')) continue;
      for (const by of item.for !== undefined ? [item.for] : i.contactIds) credit(by, item.link);
    }
  }
  const introducers: IntroducerOutcome[] = [];
  for (const [by, people] of introduced) {
    const o: IntroducerOutcome = { contactId: by, name: contacts.get(by)!.name, ...emptyOutcome() };
    for (const id of people) count(o, id, (timelines.get(id)?.length ?? 0) > 0 ? 0 : null);
    introducers.push(o);
  }
  introducers.sort((a, b) => b.met - a.met || compareNames(a.name, b.name));
  for (const o of [...events, ...sources, ...introducers]) o.people.sort((a, b) => b.interactions - a.interactions || compareNames(a.name, b.name));
  return { today, events, sources, introducers };
}
