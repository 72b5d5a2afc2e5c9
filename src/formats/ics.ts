import type { DueItem } from '../reports/due.js';
import { addDays, type Day } from '../core/dates.js';
import { cleanText, foldLine } from './text.js';

// The due list as an iCalendar file (RFC 5545) a calendar can import or subscribe to: one
// all-day event per item on the day it falls due (overdue ones on today, so they are seen).
// Hand-written: it is a few lines of a simple format, and the tests check it with ical.js.

/** Escapes TEXT (RFC 5545 §3.3.11): backslash, semicolon, comma, newline. */
export function escapeIcsText(value: string): string {
  return cleanText(value).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
}

const compact = (day: Day) => day.replace(/-/g, '');
const compactLabel = (label: string) => label.toLowerCase().replace(/[^a-z0-9]+/g, '-');

export interface IcsOptions {
  today: Day;
  /** DTSTAMP as UTC "YYYYMMDDTHHMMSSZ". */
  stamp: string;
  /** Key dates, written as yearly events (RRULE:FREQ=YEARLY) rather than one-off due items. */
  yearly?: readonly YearlyDate[];
}

export interface YearlyDate {
  contactId: string;
  name: string;
  label: string;
  /** YYYY-MM-DD, or --MM-DD when the year is unknown. */
  date: string;
}

function summary(item: DueItem): string {
  switch (item.type) {
    case 'promise':
      return `Promised ${item.name}: ${item.text}`;
    case 'check-in':
      return `Check in with ${item.name}: ${item.text}`;
    case 'date':
      return `${item.name}: ${item.label}`;
    case 'follow-up':
      return `Follow up with ${item.name}`;
    case 'touch':
      return `Coffee with ${item.name}?`;
  }
}

function description(item: DueItem, today: Day): string {
  const late = item.dueOn < today ? `Due since ${item.dueOn}. ` : '';
  switch (item.type) {
    case 'promise':
      return `${late}You promised ${item.name}: ${item.text}`;
    case 'check-in':
      return `${late}${item.name} promised you: ${item.text}`;
    case 'date':
      return `${item.name}'s ${item.label}.`;
    case 'follow-up':
      return `${late}You met ${item.name} on ${item.lastTouch}; follow up while it is fresh.`;
    case 'touch':
      return `${late}${item.lastTouch ? `Last touch ${item.lastTouch}` : 'No touch since added'}; ${item.suggestion}.`;
  }
}

/** A stable UID per item, so importing the file again updates events instead of doubling them. */
function uid(item: DueItem): string {
  if (item.type === 'promise' || item.type === 'check-in') return `promise-${item.promiseId}@netlog`;
  if (item.type === 'date') return `date-${item.contactId}-${compactLabel(item.label)}@netlog`;
  return `${item.type}-${item.contactId}@netlog`;
}

/** The items as a VCALENDAR: CRLF line ends, lines folded at 75 octets. */
export function writeIcs(items: readonly DueItem[], opts: IcsOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//netlog//netlog//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:netlog: who is due',
  ];
  for (const item of items) {
    // Key dates come as yearly events below, when given.
    if (item.type === 'date' && opts.yearly) continue;
    const day = item.dueOn < opts.today ? opts.today : item.dueOn;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid(item)}`,
      `DTSTAMP:${opts.stamp}`,
      `DTSTART;VALUE=DATE:${compact(day)}`,
      `DTEND;VALUE=DATE:${compact(addDays(day, 1))}`,
      `SUMMARY:${escapeIcsText(summary(item))}`,
      `DESCRIPTION:${escapeIcsText(description(item, opts.today))}`,
      `CATEGORIES:${item.type}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  for (const k of opts.yearly ?? []) {
    // A date with no year starts in 2000 (a leap year, so Feb 29 exists); RRULE repeats it.
    const start = k.date.startsWith('--') ? `2000${k.date.slice(1)}` : k.date;
    const feb29 = start.endsWith('-02-29');
    lines.push(
      'BEGIN:VEVENT',
      `UID:date-${k.contactId}-${compactLabel(k.label)}@netlog`,
      `DTSTAMP:${opts.stamp}`,
      `DTSTART;VALUE=DATE:${compact(start)}`,
      `DTEND;VALUE=DATE:${compact(addDays(start, 1))}`,
      // Feb 29 is kept on the last day of February in other years (RFC 5545 BYMONTHDAY=-1).
      feb29 ? 'RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1' : 'RRULE:FREQ=YEARLY',
      `SUMMARY:${escapeIcsText(`${k.name}: ${k.label}`)}`,
      `CATEGORIES:${escapeIcsText(k.label)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map((l) => foldLine(l)).join('\r\n') + '\r\n';
}

/** A Date or ISO timestamp as an iCalendar UTC date-time. */
export function icsStamp(iso: string): string {
  return iso.replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
}
