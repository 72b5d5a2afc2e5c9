import { localDay, type Day } from '../core/dates.js';
import type { CalendarOccurrence, CalendarPerson, CalendarSeries } from '../core/calendar-import.js';
import { cleanText } from './text.js';

// Reading a calendar export (Google Calendar, Outlook/Exchange, Apple Calendar: iCalendar,
// RFC 5545) into the events netlog can turn into interactions. ical.js does the parsing and the
// recurrence rules (RRULE, RDATE, EXDATE, and RECURRENCE-ID exceptions); it is loaded only when
// a calendar is imported.

type ICALModule = typeof import('ical.js').default;
type Component = InstanceType<ICALModule['Component']>;
type Time = InstanceType<ICALModule['Time']>;

/** At most this many occurrences of one recurring event are kept, the latest (a daily meeting for 3 years). */
export const MAX_OCCURRENCES = 1200;
const MAX_STEPS = 50_000;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The local calendar day an event starts on: an all-day event's own date; a timed one's
 * instant in the local time zone (TZ), as the user's calendar shows it.
 */
function dayOf(t: Time): Day {
  if (t.isDate) return `${t.year}-${pad(t.month)}-${pad(t.day)}`;
  return localDay(t.toJSDate());
}

/** "mailto:A@B.example" → "a@b.example"; undefined for other URIs (a room, a principal URL). */
function addressOf(value: unknown, emailParam?: unknown): string | undefined {
  const raw = typeof emailParam === 'string' && emailParam.includes('@') ? emailParam : String(value ?? '');
  const m = /^(?:mailto:)?([^\s:/]+@[^\s/]+)$/i.exec(raw.trim());
  return m ? m[1]!.toLowerCase() : undefined;
}

function people(c: Component): CalendarPerson[] {
  const out: CalendarPerson[] = [];
  for (const name of ['organizer', 'attendee'] as const) {
    for (const p of c.getAllProperties(name)) {
      // A room or a resource is not a person; neither is a group list.
      const cutype = String(p.getParameter('cutype') ?? '').toLowerCase();
      if (cutype === 'room' || cutype === 'resource' || cutype === 'group') continue;
      const email = addressOf(p.getFirstValue(), p.getParameter('email'));
      if (!email) continue;
      const cn = p.getParameter('cn');
      const displayName = typeof cn === 'string' ? cleanText(cn).trim() : '';
      // Said no, or sent someone else: not there.
      const declined = ['DECLINED', 'DELEGATED'].includes(String(p.getParameter('partstat') ?? '').toUpperCase());
      if (out.some((x) => x.email === email)) continue;
      out.push({ email, ...(displayName && displayName.toLowerCase() !== email ? { name: displayName } : {}), ...(declined ? { declined: true } : {}), role: name });
    }
  }
  return out;
}

const text = (c: Component, name: string): string | undefined => {
  const v = c.getFirstPropertyValue(name);
  const t = typeof v === 'string' ? cleanText(v).trim() : '';
  return t || undefined;
};

/** Links to an online meeting that programs put in their own properties. */
const CONFERENCE_PROPS = ['x-google-conference', 'x-microsoft-skypeteamsmeetingurl', 'x-microsoft-onlinemeetingconflink', 'x-microsoft-onlinemeetingexternallink', 'conference', 'url'];

function details(c: Component): Pick<CalendarOccurrence, 'summary' | 'description' | 'location' | 'links' | 'people' | 'cancelled'> {
  const links = CONFERENCE_PROPS.flatMap((n) => c.getAllProperties(n).map((p) => String(p.getFirstValue() ?? ''))).filter(Boolean);
  const description = text(c, 'description');
  const location = text(c, 'location');
  return {
    summary: text(c, 'summary') ?? '',
    ...(description ? { description } : {}),
    ...(location ? { location } : {}),
    links,
    people: people(c),
    cancelled: String(c.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED',
  };
}

/** Parses the calendar text; throws an Error saying why when it is not one. */
export async function readCalendar(textIn: string): Promise<{ series: CalendarSeries[]; owner?: string; producer?: string }> {
  const ICAL = (await import('ical.js')).default;
  let root: Component;
  try {
    root = new ICAL.Component(ICAL.parse(textIn) as unknown[]);
  } catch (e) {
    throw new Error(`not a readable calendar (${(e as Error).message.split('\n')[0]})`);
  }
  // Several VCALENDARs in one file come back as a list.
  const calendars = root.name === 'vcalendar' ? [root] : root.getAllSubcomponents('vcalendar');
  if (calendars.length === 0) throw new Error('no calendar in it (no BEGIN:VCALENDAR)');
  for (const cal of calendars) for (const tz of cal.getAllSubcomponents('vtimezone')) {
    try {
      if (tz.getFirstPropertyValue('tzid')) ICAL.TimezoneService.register(tz);
    } catch {
      // An unusable VTIMEZONE: times in it are read as floating (local), which is what a user means.
    }
  }
  const vevents = calendars.flatMap((cal) => cal.getAllSubcomponents('vevent'));
  // Exceptions (RECURRENCE-ID) belong with their series; one without a series in the file is an event of its own.
  const masters = new Map<string, Component>();
  for (const v of vevents) if (!v.hasProperty('recurrence-id')) masters.set(String(v.getFirstPropertyValue('uid') ?? ''), v);
  const exceptions = new Map<string, Component[]>();
  const series: CalendarSeries[] = [];
  for (const v of vevents) {
    const uid = String(v.getFirstPropertyValue('uid') ?? '');
    if (v.hasProperty('recurrence-id') && masters.has(uid)) exceptions.set(uid, [...(exceptions.get(uid) ?? []), v]);
  }
  for (const v of vevents) {
    const uid = String(v.getFirstPropertyValue('uid') ?? '');
    if (!uid || !v.hasProperty('dtstart')) continue;
    if (v.hasProperty('recurrence-id') && masters.has(uid)) continue;
    const own = exceptions.get(uid) ?? [];
    const base = details(v);
    // Everyone the series or any of its exceptions names: a person added to one meeting counts.
    const allPeople = [...base.people];
    for (const x of own) for (const p of people(x)) if (!allPeople.some((q) => q.email === p.email)) allPeople.push(p);
    series.push({
      uid,
      start: dayOf(v.getFirstPropertyValue('dtstart') as Time),
      ...((v.getFirstPropertyValue('rrule') as { freq?: string } | null)?.freq === 'YEARLY' ? { yearly: true } : {}),
      ...base,
      people: allPeople,
      occurrences: (since, until) => occurrencesOf(ICAL, v, own, uid, since, until),
    });
  }
  const calname = calendars[0] ? text(calendars[0], 'x-wr-calname') : undefined;
  const producer = calendars[0] ? text(calendars[0], 'prodid') : undefined;
  return { series, ...(calname && calname.includes('@') ? { owner: calname.toLowerCase() } : {}), ...(producer ? { producer } : {}) };
}

function occurrencesOf(ICAL: ICALModule, master: Component, own: Component[], uid: string, since: Day | undefined, until: Day): { items: CalendarOccurrence[]; truncated: boolean } {
  const event = new ICAL.Event(master, { exceptions: own, strictExceptions: false });
  const items: CalendarOccurrence[] = [];
  if (!event.isRecurring()) {
    const standalone = master.hasProperty('recurrence-id');
    const rid = standalone ? (master.getFirstPropertyValue('recurrence-id') as Time | null) : null;
    items.push({ uid, ...(rid ? { recurrenceId: rid.toICALString() } : {}), date: dayOf(event.startDate), ...details(master) });
    return { items: items.filter((o) => o.date <= until && (!since || o.date >= since)), truncated: false };
  }
  // Outlook writes the EXDATE of an all-day series as a date-time at midnight, which RFC 5545
  // readers (ical.js too) do not match against the series' dates; compared by day, it does.
  const excludedDays = event.startDate.isDate
    ? new Set(master.getAllProperties('exdate').flatMap((p) => p.getValues() as Time[]).filter((t) => t && typeof t === 'object' && 'year' in t).map((t) => `${t.year}-${pad(t.month)}-${pad(t.day)}`))
    : new Set<string>();
  const it = event.iterator();
  let truncated = false;
  let steps = 0;
  for (let step = it.next(); step; step = it.next()) {
    // An RDATE may be a period (start/end); its start is the occurrence.
    const next = (step instanceof ICAL.Period ? step.start : step) as Time;
    // Occurrences come in the order of their original time, so the first one after today ends it.
    if (dayOf(next) > until) break;
    // A rule with no end (FREQ=MINUTELY, say) cannot keep netlog busy for ever.
    if (++steps > MAX_STEPS) {
      truncated = true;
      break;
    }
    const occ = event.getOccurrenceDetails(next);
    const date = dayOf(occ.startDate);
    if (date > until || (since && date < since) || excludedDays.has(dayOf(next))) continue;
    const item = occ.item.component;
    items.push({ uid, recurrenceId: occ.recurrenceId.toICALString(), date, ...details(item) });
  }
  // The latest ones are the ones worth having when there are too many.
  if (items.length > MAX_OCCURRENCES) return { items: items.slice(-MAX_OCCURRENCES), truncated: true };
  return { items, truncated };
}
