import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { UsageError } from '../errors.js';
import { collect, command, contactOption, examples, withContext } from './define.js';

/** `netlog history` (alias `log`): interactions newest first. */
export const history = (parent: CommandUnknownOpts) =>
  command(
    parent,
    'history',
    'the log of interactions, newest first',
    examples('netlog history --limit 10', 'netlog log --contact Dana --since 3m', 'netlog history --kind coffee,meal --since 2026-01-01 --json'),
  )
    .alias('log')
    .addOption(contactOption('only interactions with this person'))
    .option('--since <when|span>', 'from this date, or 7d, 4w, 3m back from --until')
    .option('--until <when>', 'up to this date, inclusive')
    .option('-k, --kind <kind>', 'only this kind: meeting, coffee, meal, call, video, email, message, event, other (repeatable, or a,b)', collect)
    .option('--limit <n>', 'show at most N interactions')
    .action(
      withContext(async (ctx, opts) => {
        const [{ historyView }, { countOption, kindOption, sinceOption, whenOption }, { contactFilter }, render] = await Promise.all([
          import('../reports/history.js'),
          import('./options.js'),
          import('./resolve.js'),
          import('../ui/render/history.js'),
        ]);
        const to = opts.until ? whenOption('--until', opts.until, ctx.today) : undefined;
        const from = opts.since ? sinceOption('--since', opts.since, ctx.today, to ?? ctx.today) : undefined;
        if (from && to && from > to) throw new UsageError(`--since (${from}) is after --until (${to})`);
        const kinds = opts.kind?.flatMap((k) => k.split(',')).map((k) => kindOption(k));
        const limit = opts.limit !== undefined ? countOption('--limit', opts.limit, 1) : undefined;
        const journal = await ctx.store.read();
        const contact = await contactFilter(ctx, journal, opts.contact);
        const h = historyView(journal, {
          ...(contact ? { contactId: contact.id } : {}),
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          ...(kinds ? { kinds } : {}),
          ...(limit !== undefined ? { limit } : {}),
        });
        const filtered = Boolean(contact || from || to || kinds);
        // A long log is written out as it is made (chunks of whole lines), the same text.
        if (ctx.json) render.writeHistoryJson(h, ctx.out);
        else {
          // Nothing to list is words for a person: on stderr when piped, where stdout is only rows.
          if (h.total === 0) ctx.footer(render.renderHistory(h, ctx.today, ctx.theme, ctx.width, filtered));
          else if (ctx.theme.layout === 'pipe') render.writeHistoryLines(h, ctx.today, ctx.theme, filtered, ctx.out);
          else ctx.out(render.renderHistory(h, ctx.today, ctx.theme, ctx.width, filtered));
          if (h.total > 0) ctx.footer(render.historyCount(h, ctx.theme));
        }
      }),
    );
