import type { Journal } from '../core/schema.js';
import { tagKey } from '../core/cadence.js';
import { UsageError } from '../errors.js';
import { safe } from '../ui/sanitize.js';

/**
 * A `--tag` filter must name a tag someone has: a typo would otherwise print an empty list that
 * reads as "nobody is due".
 */
export function knownTag(journal: Pick<Journal, 'contacts'>, flag: string, tag: string): string {
  const key = tagKey(tag);
  const all = new Set<string>();
  for (const c of journal.contacts) for (const t of c.tags) all.add(tagKey(t));
  if (key && all.has(key)) return tag;
  const list = [...all].sort();
  throw new UsageError(`${flag}: no contact has the tag "${safe(tag)}"`, list.length ? `tags in use: ${list.map(safe).join(', ')}` : 'no contact has a tag yet');
}
