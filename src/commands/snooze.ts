import type { Ctx } from '../context.js';
import { applySpan, parseShortSpan, parseWhen, plausibleDay, type Day } from '../core/dates.js';
import { setSnooze } from '../core/cadence-edits.js';
import { UsageError } from '../errors.js';
import { pickContact } from './resolve.js';
import { toJson } from '../ui/json.js';
import { relativeDay, shortDate } from '../ui/format.js';
import { safe } from '../ui/sanitize.js';

const OFF = new Set(['off', 'none', 'clear', 'no']);

/** "2w" → two weeks from today, "friday" → the next Friday, "off" → null. */
export function snoozeUntil(text: string, today: Day): Day | null {
  const t = text.trim().toLowerCase();
  if (OFF.has(t)) return null;
  const span = parseShortSpan(t);
  const day = span ? applySpan(today, span, 1) : parseWhen(t, today, 'future');
  if (!day || !plausibleDay(day)) throw new UsageError(`"${text}" is not a date or a span`, 'use 2w, 3m, in 10d, friday, 2027-01-15, or off to clear');
  if (day <= today) throw new UsageError(`cannot snooze until ${day}: it is not after today (${today})`, 'give a later date, or off to clear a snooze');
  return day;
}

/** `netlog snooze NAME <when|2w|off>`: not due before then. */
export async function snoozeCommand(ctx: Ctx, name: string, when: string): Promise<void> {
  const until = snoozeUntil(when, ctx.today);
  // Pick the person (asking in a terminal when the name is ambiguous) before the write starts.
  const contact = await pickContact(ctx, await ctx.store.read(), name);
  const r = await ctx.store.update((journal) => {
    const edit = setSnooze(journal, contact.id, until, ctx.editEnv().now);
    return { journal: edit.journal, result: edit };
  });
  const c = r.contact;
  if (ctx.json) {
    ctx.out(toJson({ contactId: c.id, name: c.name, snoozedUntil: c.snoozedUntil ?? null, changed: r.changed }));
    return;
  }
  if (ctx.quiet) return;
  const who = ctx.theme.name(safe(c.name));
  if (until === null) ctx.out(r.changed ? `${who} is no longer snoozed.` : `${who} was not snoozed. Nothing changed.`);
  else ctx.out(`Snoozed ${who} until ${shortDate(until, ctx.today)} (${relativeDay(until, ctx.today)}): not due before then.`);
}
