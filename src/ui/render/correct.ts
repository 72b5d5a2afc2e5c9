import type { EditedInteraction, FieldChange } from '../../core/edits.js';
import type { Theme } from '../theme.js';
import { plural } from '../format.js';
import { safe } from '../sanitize.js';

// What `edit`, `rm`, `promise` and `event` did, in a line or a few.

/** "  date: 2026-11-10 → 2026-11-12", one line per field. */
export function changeLines(changes: readonly FieldChange[], theme: Theme): string[] {
  return changes.map((c) => `  ${c.field}: ${theme.dim(oneLine(c.old))} → ${oneLine(c.new)}`);
}

const oneLine = (text: string) => safe(text.replace(/\r?\n/g, ' / '));

export function renderEdited(r: EditedInteraction, shortId: string, theme: Theme): string {
  if (r.changes.length === 0) return `Nothing changed: interaction ${shortId} already had all of that.`;
  const lines = [`Edited interaction ${shortId}:`, ...changeLines(r.changes, theme)];
  if (r.createdContacts.length) lines.push(`New contact${r.createdContacts.length > 1 ? 's' : ''}: ${r.createdContacts.map((c) => theme.name(safe(c.name))).join(', ')}.`);
  if (r.createdEvent) lines.push(`New event: ${safe(r.createdEvent.name)} on ${r.createdEvent.date}.`);
  return lines.join('\n');
}

export function renderRemovedInteraction(what: string, promises: number): string {
  return `Deleted ${what}${promises ? ` and ${plural(promises, 'promise')} made in it` : ''}.`;
}
