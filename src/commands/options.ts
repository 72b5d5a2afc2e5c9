import { parseWhen, parseShortSpan, applySpan, plausibleDay, whenSuggestion, type Day, type Direction } from '../core/dates.js';
import { parseCadence } from '../core/cadence.js';
import { parseItemSpec, parseKind, type ItemSpec } from '../core/items.js';
import { ITEM_TYPES, KINDS, MAX_DAYS, type Kind } from '../core/journal.js';
import { didYouMean, resolveName } from '../core/names.js';
import type { Contact, Journal } from '../core/schema.js';
import { UsageError } from '../errors.js';
import { safe } from '../ui/sanitize.js';

// Turning option text into values, with one clear usage error per kind of mistake.

const WHEN_HINT = 'use today, yesterday, tomorrow, YYYY-MM-DD, 3d ago, in 2w, friday or last friday';

/**
 * A refused date's hint: what it probably meant, in the grammar, and the grammar itself. A first
 * word alone ("in", "3", "last") is a date of several words typed without quotes.
 */
function whenHint(flag: string, text: string, today: Day, direction: Direction): string {
  if (/^(in|next|last|this|\d{1,5})$/i.test(text.trim())) return `quote a date of several words, as one: ${flag} "in 2w", ${flag} "3d ago", ${flag} "last friday"`;
  const meant = whenSuggestion(text);
  const day = meant === undefined ? undefined : parseWhen(meant, today, direction);
  return day ? `did you mean "${meant}" (${day})? ${WHEN_HINT}` : WHEN_HINT;
}

export function whenOption(flag: string, text: string, today: Day, direction: Direction = 'past'): Day {
  if (!text.trim()) throw new UsageError(`${flag} needs a date`, WHEN_HINT);
  const day = parseWhen(text, today, direction);
  if (!day) throw new UsageError(`${flag}: "${safe(text)}" is not a date netlog reads`, whenHint(flag, text, today, direction));
  return day;
}

/** When an interaction happened: a `<when>` no later than today (netlog logs what happened). */
export function interactionDate(flag: string, text: string, today: Day): Day {
  const day = whenOption(flag, text, today);
  if (day > today) throw new UsageError(`${flag}: ${day} is after today (${today})`, 'netlog logs what happened; for something ahead, make a promise: --promise "…" --by WHEN');
  return day;
}

/** A period start: a date, or a span back from `end` ("7d" = the 7 days ending on `end`). */
export function sinceOption(flag: string, text: string, today: Day, end: Day = today): Day {
  if (!text.trim()) throw new UsageError(`${flag} needs a date or a span`, WHEN_HINT);
  const span = parseShortSpan(text);
  if (span) {
    const from = applySpan(applySpan(end, span, -1), { amount: 1, unit: 'd' }, 1);
    if (!plausibleDay(from)) throw new UsageError(`${flag}: "${text}" reaches back too far`, WHEN_HINT);
    return from;
  }
  const day = parseWhen(text, today, 'past');
  if (!day) throw new UsageError(`${flag}: "${safe(text)}" is not a date or a span like 7d, 4w, 3m`, whenHint(flag, text, today, 'past'));
  return day;
}

export function kindOption(text: string): Kind {
  const kind = parseKind(text);
  if (!kind) {
    const near = didYouMean(text.trim().toLowerCase(), KINDS);
    throw new UsageError(`unknown kind "${safe(text)}"${near ? ` (${near})` : ''}`, `kinds: ${KINDS.join(', ')}`);
  }
  return kind;
}

/**
 * Items as typed, TYPE[@NAME][:NOTE] (names resolved later, against the people there). A single
 * empty value is an empty list: `edit --gave ""` clears what was given.
 */
export function itemsOption(flag: string, values: string[] | undefined): ItemSpec[] {
  if (values === undefined || (values.length === 1 && values[0]!.trim() === '')) return [];
  return values.map((v) => {
    const item = parseItemSpec(v);
    if (!item) {
      const head = v.split(':')[0] ?? v;
      if (/@\s*$/.test(head)) throw new UsageError(`${flag}: "${safe(v)}" names no one after @`, 'write TYPE@NAME, e.g. intro@Dana:"to Sam"');
      const type = head.split('@')[0]!;
      const near = didYouMean(type.trim().toLowerCase(), ITEM_TYPES);
      throw new UsageError(`${flag}: unknown type "${safe(type)}"${near ? ` (${near})` : ''}`, `types: ${ITEM_TYPES.join(', ')} (write TYPE, TYPE:NOTE or TYPE@NAME:NOTE)`);
    }
    return item;
  });
}

export function cadenceOption(flag: string, text: string): number | null {
  const c = parseCadence(text);
  if (c === undefined) throw new UsageError(`${flag}: "${text}" is not a cadence`, 'use weekly, biweekly, monthly, quarterly, yearly, never, or 10d, 6w, 2m, 1y');
  return c;
}


/** A whole number of at least `min` (and at most `max`: pass MAX_DAYS for a count of days). */
export function countOption(flag: string, text: string, min = 0, max = Infinity): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < min || Number(text) > max) {
    const range = max === Infinity ? (min > 0 ? ` of at least ${min}` : '') : ` from ${min} to ${max}`;
    throw new UsageError(`${flag}: "${text}" is not a whole number${range}`);
  }
  return Number(text);
}

/** Finds exactly one existing contact by name, or fails with a usage error naming the candidates. */
export function existingContact(journal: Journal, name: string): Contact {
  const r = resolveName(journal.contacts, name);
  if (r.kind === 'exact' || r.kind === 'first') return r.contact;
  if (r.kind === 'ambiguous') {
    throw new UsageError(`"${safe(name)}" matches several contacts: ${r.candidates.map((c) => safe(c.name)).join(', ')}`, 'use the full name');
  }
  const hint = r.kind === 'near' ? `did you mean ${r.candidates.map((c) => `"${safe(c.name)}"`).join(' or ')}?` : 'see `netlog contacts`';
  throw new UsageError(`no contact named "${safe(name)}"`, hint);
}
