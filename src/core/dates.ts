import dayjs from 'dayjs';
import { isDay } from './journal.js';

// Calendar dates are strings "YYYY-MM-DD" (they sort correctly as text); arithmetic goes
// through whole days since 1970-01-01 in UTC so time zones and DST never shift a date.

export type Day = string;
export type Direction = 'past' | 'future';

const MS_PER_DAY = 86_400_000;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const UNIT_DAYS: Record<string, number> = { d: 1, w: 7 };

/** The months' names, January first: the one list every label and reader uses (three letters: `.slice(0, 3)`). */
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** The name of a day's month: "November" (or "Nov" with short). */
export function monthName(day: Day, short = false): string {
  const name = MONTH_NAMES[Number(day.slice(5, 7)) - 1]!;
  return short ? name.slice(0, 3) : name;
}

export { isDay };

// Day numbers are worked out with whole-number arithmetic on the proleptic Gregorian calendar
// (H. Hinnant's days_from_civil / civil_from_days), not through Date objects: `due` and
// `history` turn thousands of days to numbers and back. Years outside 1000–9999 keep the Date
// path, which reads years 0–99 as 1900–1999 and writes other years in ISO's extended form.
const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

/** Days since 1970-01-01 for a valid Day. */
export function toEpochDay(day: Day): number {
  const y = digit(day, 0) * 1000 + digit(day, 1) * 100 + digit(day, 2) * 10 + digit(day, 3);
  if (y < 1000) return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / MS_PER_DAY;
  const m = digit(day, 5) * 10 + digit(day, 6);
  const d = digit(day, 8) * 10 + digit(day, 9);
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

export function fromEpochDay(n: number): Day {
  // 1000-01-01 and 9999-12-31.
  if (!(n >= -354285 && n <= 2932896) || !Number.isInteger(n)) return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${two(m)}-${two(d)}`;
}

export function addDays(day: Day, n: number): Day {
  return fromEpochDay(toEpochDay(day) + n);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: Day, to: Day): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Calendar months, clamping the day (Jan 31 + 1 month = Feb 28). */
export function addMonths(day: Day, n: number): Day {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 + n;
  const d = Number(day.slice(8, 10));
  const ty = y + Math.floor(m / 12);
  const tm = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return fromEpochDay(Date.UTC(ty, tm, Math.min(d, last)) / MS_PER_DAY);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: Day): number {
  return new Date(toEpochDay(day) * MS_PER_DAY).getUTCDay();
}

export function weekdayName(day: Day): string {
  return WEEKDAYS[weekday(day)]!;
}

/** The local calendar date of a clock reading (dayjs: the local time zone's date of an instant). */
export function localDay(date: Date): Day {
  return dayjs(date).format('YYYY-MM-DD');
}

function shift(day: Day, amount: number, unit: string): Day {
  if (unit === 'm') return addMonths(day, amount);
  if (unit === 'y') return addMonths(day, amount * 12);
  return addDays(day, amount * (UNIT_DAYS[unit] ?? 1));
}

/** "3d", "3 days", "2w", "1 month", "2y" → [3, 'd'] etc.; undefined when it is not a span. */
export function parseSpan(text: string): { amount: number; unit: 'd' | 'w' | 'm' | 'y' } | undefined {
  const m = /^(\d{1,5})\s*(d|days?|w|wks?|weeks?|m|mos?|months?|y|yrs?|years?)$/.exec(text.trim().toLowerCase());
  if (!m) return undefined;
  const unit = m[2]!.startsWith('mo') || m[2] === 'm' ? 'm' : (m[2]![0] as 'd' | 'w' | 'y');
  return { amount: Number(m[1]), unit };
}

const WEEKDAY_ABBREV = WEEKDAYS.map((w) => w.slice(0, 3));

/** A weekday's full name or its three-letter abbreviation ("fri"); -1 otherwise. */
function weekdayIndex(word: string): number {
  const full = WEEKDAYS.indexOf(word);
  return full >= 0 ? full : WEEKDAY_ABBREV.indexOf(word);
}

/** The compact spans of the `<when>` grammar: 3d, 2w, 1m, 1y. */
const SHORT_SPAN = /^(\d{1,5})([dwmy])$/;

/** "3d", "2w", "1m", "1y" (SPEC §3's spans, nothing looser); undefined otherwise. */
export function parseShortSpan(text: string): { amount: number; unit: 'd' | 'w' | 'm' | 'y' } | undefined {
  const m = SHORT_SPAN.exec(text.trim().toLowerCase());
  return m ? { amount: Number(m[1]), unit: m[2] as 'd' | 'w' | 'm' | 'y' } : undefined;
}

/**
 * Parses a `<when>` (SPEC §3) relative to `today`: today, yesterday, tomorrow, YYYY-MM-DD, 3d ago,
 * 2w ago, in 3d, a weekday name (friday or fri: the most recent, today included, for past dates;
 * the next one after today for due dates) and last friday. Nothing else: "next tuesday" (this
 * week's or next week's?) and "in 2 weeks" are refused with a suggestion (whenSuggestion) rather
 * than guessed. Returns undefined when the text is not a date.
 */
export function parseWhen(input: string, today: Day, direction: Direction = 'past'): Day | undefined {
  const day = parseWhenAnyYear(input, today, direction);
  // Dates far from any life ("99999d ago") are typos, and `netlog check` would reject them.
  return day !== undefined && plausibleDay(day) ? day : undefined;
}

/** Within the range of dates netlog accepts. */
export function plausibleDay(day: Day): boolean {
  return day >= EARLIEST && day <= LATEST;
}

/** The range of dates netlog accepts (and `netlog check` calls plausible). */
export const EARLIEST = '1900-01-01';
export const LATEST = '2199-12-31';

const clean = (input: string) => input.trim().toLowerCase().replace(/\s+/g, ' ');

function parseWhenAnyYear(input: string, today: Day, direction: Direction): Day | undefined {
  const text = clean(input);
  if (text === 'today') return today;
  if (text === 'yesterday') return addDays(today, -1);
  if (text === 'tomorrow') return addDays(today, 1);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return isDay(text) ? text : undefined;

  let m = /^(\S+) ago$/.exec(text);
  if (m) {
    const span = parseShortSpan(m[1]!);
    return span ? shift(today, -span.amount, span.unit) : undefined;
  }
  m = /^in (\S+)$/.exec(text);
  if (m) {
    const span = parseShortSpan(m[1]!);
    return span ? shift(today, span.amount, span.unit) : undefined;
  }
  m = /^(last )?([a-z]+)$/.exec(text);
  if (m) {
    const target = weekdayIndex(m[2]!);
    if (target < 0) return undefined;
    const now = weekday(today);
    const back = (now - target + 7) % 7; // 0 when today is that weekday
    const ahead = (target - now + 7) % 7 || 7;
    if (m[1]) return addDays(today, -(back || 7));
    return direction === 'past' ? addDays(today, -back) : addDays(today, ahead);
  }
  return undefined;
}

/**
 * What a refused `<when>` was probably meant as, in the grammar: "in 2 weeks" → "in 2w",
 * "3 days ago" → "3d ago", "next tuesday" / "this tuesday" → "tuesday"; undefined when nothing fits.
 */
export function whenSuggestion(input: string): string | undefined {
  const text = clean(input);
  if (text === 'now') return 'today';
  const loose = LOOSE_SPAN.exec(text);
  if (loose && (loose[1] === undefined) !== (loose[4] === undefined)) {
    const span = `${loose[2]}${shortUnit(loose[3]!)}`;
    return loose[1] ? `in ${span}` : `${span} ago`;
  }
  const wd = /^(next|this|last)? ?([a-z]+)$/.exec(text);
  if (wd) {
    const word = wd[2]!;
    const i = WEEKDAYS.findIndex((w) => word.length >= 2 && w.startsWith(word));
    if (i >= 0) return wd[1] === 'last' ? `last ${WEEKDAYS[i]}` : WEEKDAYS[i];
  }
  return undefined;
}

/** A span written out ("2 weeks", "3 days", "1 month") as netlog writes it ("2w"); else undefined. */
export function spanSuggestion(input: string): string | undefined {
  const loose = LOOSE_SPAN.exec(clean(input));
  if (!loose || loose[1] !== undefined || loose[4] !== undefined) return undefined;
  return `${loose[2]}${shortUnit(loose[3]!)}`;
}

/** A number and a unit, loosely written, with "in" before or "ago" after: "in 2 weeks", "3days ago". */
const LOOSE_SPAN = /^(in )?(\d{1,5}) ?(d|days?|w|wks?|weeks?|m|mos?|months?|y|yrs?|years?)( ago)?$/;
const shortUnit = (unit: string) => (unit.startsWith('mo') || unit === 'm' ? 'm' : unit[0]!);

/** The date `span` before or after `day` ("2w" → 14 days). */
export function applySpan(day: Day, span: { amount: number; unit: string }, sign: 1 | -1): Day {
  return shift(day, sign * span.amount, span.unit);
}

/** The calendar date part of a createdAt timestamp, in local time. */
export function localDayOfTimestamp(iso: string): Day {
  return localDay(new Date(iso));
}

/** The Monday of the calendar week `day` is in (weeks start on Monday, as `report --weekly` splits them). */
export function weekStart(day: Day): Day {
  return addDays(day, -((weekday(day) + 6) % 7));
}
