import { ITEM_TYPES, KINDS, type Item, type ItemType, type Kind } from './schema.js';

// Gave / asked / received items are written TYPE[:NOTE] on the command line.

const TYPE_SYNONYMS: Record<string, ItemType> = { introduction: 'intro', favour: 'help', favor: 'help', information: 'info', ref: 'referral' };

export function parseItemType(text: string): ItemType | undefined {
  const t = text.trim().toLowerCase();
  if ((ITEM_TYPES as readonly string[]).includes(t)) return t as ItemType;
  return TYPE_SYNONYMS[t];
}

/** "intro:to Sam, designer" → { type: "intro", note: "to Sam, designer" }; undefined for an unknown type. */
export function parseItem(text: string): Item | undefined {
  const colon = text.indexOf(':');
  const type = parseItemType(colon < 0 ? text : text.slice(0, colon));
  if (!type) return undefined;
  const note = colon < 0 ? '' : text.slice(colon + 1).trim();
  return note ? { type, note } : { type };
}

export function parseKind(text: string): Kind | undefined {
  const t = text.trim().toLowerCase();
  return (KINDS as readonly string[]).includes(t) ? (t as Kind) : undefined;
}

/** Referrals and business are what move a relationship to profitability. */
export function isValueItem(item: Item): boolean {
  return item.type === 'referral' || item.type === 'business';
}
