import { describeCadence, parseCadence, type EffectiveCadence } from '../core/cadence.js';

// The fields only netlog's own exports carry (a person's cadence, archived), written and read
// here so that CSV and vCard agree and an export imports back unchanged.

/**
 * The Cadence cell: "every 6 weeks", or for one the contact inherits, where it comes from
 * ("monthly (default)", "every 2 weeks (tag investor)"), so a spreadsheet shows what applies
 * while an import does not pin an inherited cadence on the contact.
 */
export function writeCadenceCell(c: EffectiveCadence): string {
  const text = describeCadence(c.days);
  if (c.from === 'contact') return text;
  return `${text} (${c.from === 'tag' ? `tag ${c.tag}` : 'default'})`;
}

const INHERITED = /\((default|tag \S+)\)\s*$/i;

/**
 * A cadence cell or property read back: the contact's own cadence, nothing (empty or
 * inherited), or a warning for text that is not a cadence. A bare number is days.
 */
export function readCadenceText(text: string | undefined): { cadenceDays?: number | null; warning?: string } {
  const t = (text ?? '').trim();
  if (!t || INHERITED.test(t)) return {};
  const days = /^\d{1,5}$/.test(t) ? (Number(t) >= 1 ? Number(t) : undefined) : parseCadence(t);
  if (days === undefined) return { warning: `left out cadence "${t}": not a cadence (say "monthly", "every 6 weeks", "never" or a number of days)` };
  return { cadenceDays: days };
}

/** The Archived cell / X-NETLOG-ARCHIVED value: "yes" for archived, empty otherwise. */
export function writeArchived(archived: boolean): string {
  return archived ? 'yes' : '';
}

/** Reads "yes", "true", "1", "x" as archived; anything else (empty, "no") as not. */
export function readArchived(text: string | undefined): boolean {
  return /^(yes|y|true|1|x|archived)$/i.test((text ?? '').trim());
}
