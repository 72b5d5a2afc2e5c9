import type { Journal } from '../core/schema.js';
import { resolveSettings } from '../core/journal.js';
import { tagCadenceKey, tagKey } from '../core/cadence.js';
import { compareNames } from '../core/names.js';

// Tiers: each tag in use or with a cadence set, its cadence and how many people carry it.

export interface TagCadenceRow {
  tag: string;
  /** The tier's cadence in days (null: never due); the default when none is set. */
  cadenceDays: number | null;
  /** A cadence is set for this tag (otherwise its people follow the default). */
  set: boolean;
  /** Active (not archived) contacts with the tag. */
  contacts: number;
}

export function tagCadenceRow(journal: Journal, tag: string): TagCadenceRow {
  const settings = resolveSettings(journal.settings);
  const key = tagCadenceKey(settings.tagCadences, tag);
  const k = tagKey(tag);
  return {
    tag: key ?? tag,
    cadenceDays: key !== undefined ? settings.tagCadences[key]! : settings.defaultCadenceDays,
    set: key !== undefined,
    contacts: journal.contacts.filter((c) => !c.archived && c.tags.some((t) => tagKey(t) === k)).length,
  };
}

/** Every tag with a cadence, then every other tag in use; alphabetical within each. */
export function tagCadenceList(journal: Journal): TagCadenceRow[] {
  const names = new Map<string, string>();
  for (const t of Object.keys(journal.settings.tagCadences ?? {})) names.set(tagKey(t), t);
  for (const c of journal.contacts) for (const t of c.tags) if (!names.has(tagKey(t))) names.set(tagKey(t), t);
  return [...names.values()]
    .map((t) => tagCadenceRow(journal, t))
    .sort((a, b) => Number(b.set) - Number(a.set) || compareNames(a.tag, b.tag));
}
