import type { Item } from './schema.js';
import { ITEM_TYPES, KINDS, type ItemType, type Kind } from './journal.js';

// Gave / asked / received items are written TYPE[:NOTE] on the command line.

const TYPE_SYNONYMS: Record<string, ItemType> = { introduction: 'intro', favour: 'help', favor: 'help', information: 'info', ref: 'referral' };

export function parseItemType(text: string): ItemType | undefined {
  const t = text.trim().toLowerCase();
  if ((ITEM_TYPES as readonly string[]).includes(t)) return t as ItemType;
  return TYPE_SYNONYMS[t];
}

/** An item as typed: TYPE[@NAME][:NOTE], the name not yet resolved to a contact. */
export interface ItemSpec {
  type: ItemType;
  note?: string;
  /** Whom in a group the item was for (SPEC §6.1 `for`), as typed. */
  forName?: string;
}

/**
 * "intro@Dana:to Sam" → { type: "intro", forName: "Dana", note: "to Sam" }; undefined for an
 * unknown type or an empty name after @. The note starts at the first colon, so it may hold an @.
 */
export function parseItemSpec(text: string): ItemSpec | undefined {
  const colon = text.indexOf(':');
  const head = colon < 0 ? text : text.slice(0, colon);
  const at = head.indexOf('@');
  const type = parseItemType(at < 0 ? head : head.slice(0, at));
  if (!type) return undefined;
  const forName = at < 0 ? undefined : head.slice(at + 1).trim();
  if (forName === '') return undefined;
  const note = colon < 0 ? '' : text.slice(colon + 1).trim();
  return { type, ...(note ? { note } : {}), ...(forName ? { forName } : {}) };
}

/** "intro:to Sam, designer" → { type: "intro", note: "to Sam, designer" }; undefined for an unknown type (or one @NAME). */
export function parseItem(text: string): Item | undefined {
  const spec = parseItemSpec(text);
  if (!spec || spec.forName !== undefined) return undefined;
  return { type: spec.type, ...(spec.note ? { note: spec.note } : {}) };
}

export function parseKind(text: string): Kind | undefined {
  const t = text.trim().toLowerCase();
  return (KINDS as readonly string[]).includes(t) ? (t as Kind) : undefined;
}

/** Referrals and business are what move a relationship to profitability. */
export function isValueItem(item: Item): boolean {
  return item.type === 'referral' || item.type === 'business';
}
