import type { Journal, Settings } from './schema.js';

// What every part of netlog knows of the journal's format (SPEC §2) without the schema library:
// its version, the fixed words, the date forms and the defaults of its settings. core/schema.ts
// builds the validator and the types on these; a read of a file netlog has checked needs only
// this module, not TypeBox.

export const JOURNAL_VERSION = 1;

/** Cadences and other counts of days stop at a century: beyond that, date arithmetic stops making sense. */
export const MAX_DAYS = 36_500;

export const KINDS = ['meeting', 'coffee', 'meal', 'call', 'video', 'email', 'message', 'event', 'other'] as const;
export const ITEM_TYPES = ['intro', 'referral', 'advice', 'info', 'help', 'business', 'gift', 'other'] as const;
export type Kind = (typeof KINDS)[number];
export type ItemType = (typeof ITEM_TYPES)[number];

const digit = (s: string, i: number) => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};

/** The number made of the digits s[from, to), or -1 when one is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = digit(s, i);
    if (d < 0) return -1;
    n = n * 10 + d;
  }
  return n;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

// Every date in the journal is checked on every read (100k interactions → 200k checks), so these
// read characters instead of running a regex and building a Date.

/** True for a real calendar date written YYYY-MM-DD (rejects 2026-02-30). */
export function isDay(value: string): boolean {
  return value.length === 10 && isDayAt(value, 0);
}

/** A real YYYY-MM-DD date at s[at, at + 10). */
function isDayAt(s: string, at: number): boolean {
  if (s.charCodeAt(at + 4) !== 45 || s.charCodeAt(at + 7) !== 45) return false;
  const y = digits(s, at, at + 4);
  const mo = digits(s, at + 5, at + 7);
  const d = digits(s, at + 8, at + 10);
  return y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** The form netlog writes (toISOString): YYYY-MM-DDTHH:MM:SS.sssZ, checked without Date.parse. */
function isIsoStamp(v: string): boolean {
  if (v.length !== 24 || v.charCodeAt(10) !== 84 || v.charCodeAt(13) !== 58 || v.charCodeAt(16) !== 58 || v.charCodeAt(19) !== 46 || v.charCodeAt(23) !== 90) return false;
  const h = digits(v, 11, 13);
  const mi = digits(v, 14, 16);
  const sec = digits(v, 17, 19);
  return isDayAt(v, 0) && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && sec >= 0 && sec <= 59 && digits(v, 20, 23) >= 0;
}

/** A key date: YYYY-MM-DD, or --MM-DD when the year is unknown (as vCard writes it; --02-29 allowed). */
export function isKeyDay(value: string): boolean {
  // --MM-DD is 7 characters; it is checked as a day of 2000 (a leap year, so --02-29 passes).
  if (value.length === 7) return value.charCodeAt(0) === 45 && value.charCodeAt(1) === 45 && isDayAt(`2000${value.slice(1)}`, 0);
  return value.length === 10 && isDayAt(value, 0);
}

/** Any timestamp Date.parse accepts; the usual form is checked fast. */
export function isTimestamp(v: string): boolean {
  return isIsoStamp(v) || !Number.isNaN(Date.parse(v));
}

export const OWNERS = ['me', 'them'] as const;
export type Owner = (typeof OWNERS)[number];

/** Settings with every default filled in. */
export interface ResolvedSettings {
  defaultCadenceDays: number;
  followUpDays: number;
  tagCadences: Record<string, number | null>;
}

export function resolveSettings(s: Settings): ResolvedSettings {
  return {
    defaultCadenceDays: s.defaultCadenceDays ?? 90,
    followUpDays: s.followUpDays ?? 2,
    tagCadences: s.tagCadences ?? {},
  };
}

/** A journal with nothing in it: what a missing file means. */
export function emptyJournal(): Journal {
  return { version: JOURNAL_VERSION, settings: {}, contacts: [], interactions: [], promises: [], events: [] };
}
