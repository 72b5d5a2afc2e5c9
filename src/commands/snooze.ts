import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { UsageError } from '../errors.js';
import { safe } from '../ui/sanitize.js';
import type { Day } from '../core/dates.js';
import { command, examples, withContext } from './define.js';

const OFF = new Set(['off', 'none', 'clear', 'no']);

/** `netlog snooze NAME <when|2w|off>`: not due before then. */
export const snooze = (parent: CommandUnknownOpts) =>
  command(parent, 'snooze', 'not due before a date: snooze NAME 2w, or snooze NAME off', examples('netlog snooze Dana 2w', 'netlog snooze "Dana Lee" 2027-01-15', 'netlog snooze Dana off'))
    .argument('<name>', 'who')
    .argument('<when>', 'a date (friday, 2027-01-15, in 10d), a span from today (2w, 3m), or off')
    .action(
      withContext(async (ctx, name, when, _opts) => {
        const [{ applySpan, parseShortSpan, parseWhen, plausibleDay }, { setSnooze }, { pickContact }, { toJson }, { relativeDay, shortDate }] = await Promise.all([
          import('../core/dates.js'),
          import('../core/cadence-edits.js'),
          import('./resolve.js'),
          import('../ui/json.js'),
          import('../ui/format.js'),
        ]);
        // "2w" → two weeks from today, "friday" → the next Friday, "off" → null.
        const t = when.trim().toLowerCase();
        let until: Day | null = null;
        if (!OFF.has(t)) {
          const span = parseShortSpan(t);
          const day = span ? applySpan(ctx.today, span, 1) : parseWhen(t, ctx.today, 'future');
          if (!day || !plausibleDay(day)) throw new UsageError(`"${when}" is not a date or a span`, 'use 2w, 3m, in 10d, friday, 2027-01-15, or off to clear');
          if (day <= ctx.today) throw new UsageError(`cannot snooze until ${day}: it is not after today (${ctx.today})`, 'give a later date, or off to clear a snooze');
          until = day;
        }
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
      }),
    );
