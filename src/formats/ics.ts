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

export interface IcsOptions {
  today: Day;
  /** DTSTAMP as UTC "YYYYMMDDTHHMMSSZ". */
  stamp: string;
}

function summary(item: DueItem): string {
  switch (item.type) {
    case 'promise':
      return `Promised ${item.name}: ${item.text}`;
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
    case 'follow-up':
      return `${late}You met ${item.name} on ${item.lastTouch}; follow up while it is fresh.`;
    case 'touch':
      return `${late}${item.lastTouch ? `Last touch ${item.lastTouch}` : 'No touch since added'}; ${item.suggestion}.`;
  }
}

/** A stable UID per item, so importing the file again updates events instead of doubling them. */
function uid(item: DueItem): string {
  return item.type === 'promise' ? `promise-${item.promiseId}@netlog` : `${item.type}-${item.contactId}@netlog`;
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
  lines.push('END:VCALENDAR');
  return lines.map((l) => foldLine(l)).join('\r\n') + '\r\n';
}

/** A Date or ISO timestamp as an iCalendar UTC date-time. */
export function icsStamp(iso: string): string {
  return iso.replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
}
