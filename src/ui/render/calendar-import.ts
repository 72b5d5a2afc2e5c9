import type { CalendarImportResult } from '../../core/calendar-import.js';
import type { Contact } from '../../core/schema.js';
import type { Theme } from '../theme.js';
import { safe } from '../sanitize.js';

/** The program that wrote the calendar, from its PRODID, in words. */
export function calendarProducer(prodid: string | undefined): string {
  const p = prodid ?? '';
  if (/google/i.test(p)) return 'Google Calendar';
  if (/microsoft|outlook|exchange/i.test(p)) return 'Outlook';
  if (/apple/i.test(p)) return 'Apple Calendar';
  if (/mozilla|thunderbird/i.test(p)) return 'Thunderbird';
  return 'iCalendar';
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The summary, the interactions added (or that would be), and the people the calendar has that netlog does not. */
export function renderCalendarImport(file: string, producer: string, r: CalendarImportResult, opts: { dryRun: boolean; contacts: readonly Contact[] }, theme: Theme): string {
  const counts = opts.dryRun
    ? `would add ${plural(r.added.length, 'interaction')}${r.already ? `, ${r.already} already imported` : ''}`
    : `${plural(r.added.length, 'interaction')} added${r.already ? `, ${r.already} already imported` : ''}`;
  const lines = [theme.heading(`${opts.dryRun ? 'Dry run, nothing written: ' : 'Imported '}${safe(file)} (${producer}): ${counts}`)];
  for (const a of r.added) lines.push(`  ${a.date}  ${a.kind.padEnd(7)}  ${a.names.map((n) => theme.name(safe(n))).join(', ')}${a.note ? `  ${safe(a.note)}` : ''}`);
  if (r.unknown.length > 0) {
    const shown = r.unknown.slice(0, 20);
    lines.push('', `${plural(r.unknown.length, 'person', 'people')} in the calendar ${r.unknown.length === 1 ? 'is' : 'are'} not in netlog (not added):`);
    for (const u of shown) lines.push(`  ${u.name ? `${safe(u.name)} <${safe(u.email)}>` : safe(u.email)}  (${plural(u.events, 'event')})`);
    if (r.unknown.length > shown.length) lines.push(`  … and ${r.unknown.length - shown.length} more (--json lists everyone)`);
    const first = shown[0]!;
    const name = first.name ?? first.email.split('@')[0]!;
    lines.push(`To count their meetings, add them and import again: netlog contact add "${safe(name).replace(/["\\$`]/g, '\\$&')}" --email ${safe(first.email)}`);
  }
  if (r.added.length === 0 && r.already === 0 && opts.contacts.length === 0) lines.push('No contacts yet: events are matched to contacts by email or by name in the title.');
  return lines.join('\n');
}
