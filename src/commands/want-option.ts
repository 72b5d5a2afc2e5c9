import type { Journal } from '../core/schema.js';
import { findWant } from '../core/wants.js';
import { UsageError } from '../errors.js';
import { safe } from '../ui/sanitize.js';

/** The want an id (or a unique prefix of it) names; a usage error when none or several do (naming the flag, when it came from one). */
export function wantOption(flag: string | undefined, journal: Journal, id: string) {
  const found = findWant(journal, id);
  const from = flag ? `${flag}: ` : '';
  if (found.kind === 'none') throw new UsageError(`${from}no want with an id starting "${safe(id.trim())}"`, 'see the ids in `netlog ideas` or `netlog contact show NAME`');
  if (found.kind === 'ambiguous') {
    throw new UsageError(
      `${from}"${safe(id.trim())}" matches ${found.candidates.length} wants: ${found.candidates.map((c) => `${c.want.id} (${safe(c.contact.name)}: ${safe(c.want.text)})`).join(', ')}`,
      'type more of the id',
    );
  }
  return found;
}

