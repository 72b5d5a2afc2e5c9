import type { AddedInteraction } from '../../core/edits.js';
import { itemNames } from '../../core/counting.js';
import { itemsText } from './contacts.js';
import type { Day } from '../../core/dates.js';
import type { Theme } from '../theme.js';
import { relativeDay, shortDate } from '../format.js';
import { safe } from '../sanitize.js';

function names(list: string[]): string {
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/** One line saying what `add` recorded. */
export function renderAdded(r: AddedInteraction, today: Day, theme: Theme): string {
  const i = r.interaction;
  const who = names(r.contacts.map((c) => theme.name(safe(c.name))));
  const when = i.date === today ? 'today' : `${shortDate(i.date, today)} (${relativeDay(i.date, today)})`;
  const parts = [`Logged ${i.kind} with ${who} ${i.date === today ? 'today' : `on ${when}`}`];
  if (r.event) parts[0] += ` at ${safe(r.event.name)}${r.createdEvent ? ' (new event)' : ''}`;
  const byId = new Map(r.journal.contacts.map((c) => [c.id, c.name]));
  const named = itemNames(i, (id) => byId.get(id));
  const traded = [
    i.gave.length ? `gave ${itemsText(i.gave, named)}` : '',
    i.asked.length ? `asked ${itemsText(i.asked, named, 'from')}` : '',
    i.received.length ? `received ${itemsText(i.received, named, 'from')}` : '',
  ].filter(Boolean);
  if (traded.length) parts.push(traded.join('; '));
  // With several people, say whom the promise is to (the first one named).
  const to = r.contacts.length > 1 ? ` to ${theme.name(safe(r.contacts[0]!.name))}` : '';
  for (const p of r.promises) {
    if (p.owner === 'them') parts.push(`${theme.name(safe(r.contacts[0]!.name))} promised you "${safe(p.text)}" by ${shortDate(p.due, today)}`);
    else parts.push(`promised${to} "${safe(p.text)}" by ${shortDate(p.due, today)}`);
  }
  if (r.createdContacts.length) parts.push(`new contact${r.createdContacts.length > 1 ? 's' : ''}: ${r.createdContacts.map((c) => safe(c.name)).join(', ')}`);
  return `${parts.map((p) => p[0]!.toUpperCase() + p.slice(1)).join('. ')}.`;
}
