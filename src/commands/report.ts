import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { UsageError } from '../errors.js';
import { command, contactOption, examples, tagFilter, withContext } from './define.js';

/** `netlog report`: the weekly review of giving and asking. */
export const report = (parent: CommandUnknownOpts) =>
  command(
    parent,
    'report',
    'the weekly review: what you gave and asked, person by person',
    examples('netlog report', 'netlog report --since 3m --monthly', 'netlog report --contact Dana --since 2026-01-01 --json'),
  )
    .option('--since <when|span>', 'start of the period: a date, or 7d, 4w, 3m back from --until (default: 7d)')
    .option('--until <when>', 'end of the period, inclusive (default: today)')
    .addOption(contactOption('only this person'))
    .addOption(tagFilter())
    .option('--weekly', 'add one column per week')
    .option('--monthly', 'add one column per month')
    .action(
      withContext(async (ctx, opts) => {
        const [{ buildReport }, { sinceOption, whenOption }, { knownTag }, { contactFilter }, { renderReport }, { toJson }] = await Promise.all([
          import('../reports/report.js'),
          import('./options.js'),
          import('./tag-option.js'),
          import('./resolve.js'),
          import('../ui/render/report.js'),
          import('../ui/json.js'),
        ]);
        if (opts.weekly && opts.monthly) throw new UsageError('choose one of --weekly and --monthly');
        const to = opts.until ? whenOption('--until', opts.until, ctx.today) : ctx.today;
        const from = sinceOption('--since', opts.since ?? '7d', ctx.today, to);
        if (from > to) throw new UsageError(`--since (${from}) is after --until (${to})`);
        const interval = opts.weekly ? 'week' : opts.monthly ? 'month' : undefined;

        const journal = await ctx.store.read();
        const contact = await contactFilter(ctx, journal, opts.contact);
        if (opts.tag !== undefined) knownTag(journal, '--tag', opts.tag);
        const report = buildReport(journal, ctx.today, {
          from,
          to,
          ...(contact ? { contactIds: [contact.id] } : {}),
          ...(opts.tag !== undefined ? { tag: opts.tag } : {}),
          ...(interval ? { interval } : {}),
        });
        if (ctx.json) ctx.out(toJson(report));
        else ctx.out(renderReport(report, ctx.today, ctx.theme, ctx.width));
      }),
    );
