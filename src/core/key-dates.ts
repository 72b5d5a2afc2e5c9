import { compareNames } from './names.js';
import type { Contact, KeyDate } from './schema.js';
import { isKeyDay } from './journal.js';
import { addDays, parseWhen, plausibleDay, toEpochDay, type Day } from './dates.js';

// Key dates (SPEC §6.3): birthdays and other yearly days, stored YYYY-MM-DD, or --MM-DD when the
// year is unknown (as vCard writes it). A date that falls on Feb 29 is kept in non-leap years on
// Feb 28, so it stays in its month and is never skipped.

export const BIRTHDAY = 'birthday';

/** The forms a key date accepts, for usage errors. */
export const KEY_DATE_FORMS = 'YYYY-MM-DD, MM-DD or --MM-DD (year unknown), or a date word such as today or "3d ago"';

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Labels compare case-insensitively, with single spaces. */
export function labelKey(label: string): string {
  return label.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Reads a key date: YYYY-MM-DD (year known), MM-DD or --MM-DD (year unknown; 02-29 allowed), or a
 * `<when>` word. A relative word ("today", "friday") keeps only its month and day: the day it
 * names is this year's, not the year the person was born. Undefined when it is not a date.
 */
export function parseKeyDate(text: string, today: Day): string | undefined {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return isKeyDay(t) && plausibleDay(t) ? t : undefined;
  const md = /^(?:--)?(\d{2})-(\d{2})$/.exec(t);
  if (md) {
    const v = `--${md[1]}-${md[2]}`;
    return isKeyDay(v) ? v : undefined;
  }
  const day = parseWhen(t, today, 'past');
  return day ? `--${day.slice(5)}` : undefined;
}

/** The year part of a key date, or null when unknown. */
export function keyYear(date: string): number | null {
  return date.startsWith('--') ? null : Number(date.slice(0, 4));
}

/** "MM-DD" of a key date. */
export function monthDay(date: string): string {
  return date.slice(-5);
}

/** The day a key date falls on in `year` (Feb 29 on Feb 28 in a non-leap year). */
export function occurrenceIn(date: string, year: number): Day {
  const md = monthDay(date);
  const y = String(year).padStart(4, '0');
  if (md === '02-29' && !isLeap(year)) return `${y}-02-28`;
  return `${y}-${md}`;
}

export interface Occurrence {
  label: string;
  /** As stored: YYYY-MM-DD or --MM-DD. */
  date: string;
  /** The day it falls on. */
  on: Day;
  /** Whole years since the stored year on that day (null when the year is unknown). */
  years: number | null;
}

/** Each time a key date falls within [from, to] (inclusive), earliest first. */
export function occurrences(k: KeyDate, from: Day, to: Day): Occurrence[] {
  const out: Occurrence[] = [];
  const start = Number(from.slice(0, 4));
  const end = Number(to.slice(0, 4));
  const born = keyYear(k.date);
  for (let y = start; y <= end; y++) {
    const on = occurrenceIn(k.date, y);
    if (on < from || on > to) continue;
    if (born !== null && y < born) continue;
    out.push({ label: k.label, date: k.date, on, years: born === null ? null : y - born });
  }
  return out;
}

/** What an occurrence marks: for a birthday the age they turn, for another date the years; nothing when the year is unknown. */
export function yearsMarked(o: Occurrence): { age: number } | { years: number } | Record<string, never> {
  if (o.years === null || o.years <= 0) return {};
  return labelKey(o.label) === BIRTHDAY ? { age: o.years } : { years: o.years };
}

/** The next time each of a contact's key dates falls, on or after `from`, within `days` days; soonest first. */
export function upcomingDates(c: Contact, from: Day, days: number): Occurrence[] {
  const to = addDays(from, days);
  return (c.dates ?? [])
    .flatMap((k) => occurrences(k, from, to).slice(0, 1))
    .sort((a, b) => toEpochDay(a.on) - toEpochDay(b.on) || compareNames(a.label, b.label));
}

/** Sets (adds or replaces by label) key dates; returns the new list and what changed. */
export function setDates(list: readonly KeyDate[], set: readonly KeyDate[], remove: readonly string[]): { dates: KeyDate[]; changes: string[]; missing: string[] } {
  let dates = [...list];
  const changes: string[] = [];
  const missing: string[] = [];
  for (const label of remove) {
    const key = labelKey(label);
    const had = dates.find((d) => labelKey(d.label) === key);
    if (!had) {
      missing.push(label);
      continue;
    }
    dates = dates.filter((d) => labelKey(d.label) !== key);
    changes.push(`${had.label} removed`);
  }
  for (const k of set) {
    const key = labelKey(k.label);
    const at = dates.findIndex((d) => labelKey(d.label) === key);
    if (at >= 0) {
      if (dates[at]!.date === k.date) continue;
      dates[at] = { label: dates[at]!.label, date: k.date };
    } else dates.push({ label: k.label.trim(), date: k.date });
    changes.push(`${k.label.trim()} ${k.date}`);
  }
  return { dates, changes, missing };
}

/** A person's birthday, if recorded. */
export function birthdayOf(c: Contact): string | undefined {
  return c.dates?.find((d) => labelKey(d.label) === BIRTHDAY)?.date;
}

/**
 * A key date as address books write it: vCard's 19850314, 1985-03-14, --0314 and --03-14 (year
 * unknown), a date-time (its date part), Apple's 1604 for "no year", Google's YYYY-MM-DD and
 * --MM-DD, and M/D/YYYY from Outlook. Undefined when it is none of these, or not a real date.
 */
export function readKeyDate(value: string): string | undefined {
  const v = value.trim().replace(/T.*$/, '');
  let m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(v);
  if (m) {
    const year = m[1] === '1604' ? null : m[1];
    const out = year ? `${year}-${m[2]}-${m[3]}` : `--${m[2]}-${m[3]}`;
    return isKeyDay(out) && (year === null || plausibleDay(out)) ? out : undefined;
  }
  m = /^--(\d{2})-?(\d{2})$/.exec(v);
  if (m) return isKeyDay(`--${m[1]}-${m[2]}`) ? `--${m[1]}-${m[2]}` : undefined;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  if (m) {
    const out = `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
    return isKeyDay(out) && plausibleDay(out) ? out : undefined;
  }
  return undefined;
}

/** A key date as vCard 4.0 writes it (RFC 6350 date-and-or-time): 19850314, or --0314 without a year. */
export function vcardDate(date: string): string {
  return date.startsWith('--') ? `--${date.slice(2).replace('-', '')}` : date.replace(/-/g, '');
}

/** The vCard property for a label: BDAY, ANNIVERSARY, else undefined (netlog writes its own). */
export function vcardProperty(label: string): 'BDAY' | 'ANNIVERSARY' | undefined {
  const key = labelKey(label);
  return key === BIRTHDAY ? 'BDAY' : key === 'anniversary' ? 'ANNIVERSARY' : undefined;
}

/** Adds dates whose labels the list does not have yet (an import never overwrites what you wrote). */
export function addMissingDates(list: readonly KeyDate[], more: readonly KeyDate[]): KeyDate[] {
  const have = new Set(list.map((d) => labelKey(d.label)));
  return [...list, ...more.filter((d) => !have.has(labelKey(d.label)) && have.add(labelKey(d.label)))];
}
