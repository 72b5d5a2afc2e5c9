import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { command, examples, tagFilter, withContext } from './define.js';

/** `netlog due`: promises, follow-ups and touches, most urgent first. */
export const due = (parent: CommandUnknownOpts) =>
  command(
    parent,
    'due',
    'who needs a touch: open promises, follow-ups, then people past their cadence',
    examples(
      'netlog due',
      'netlog due --all --within 7 --tag investor',
      'netlog due | cut -f2,3          # piped: every item, one a line, tab-separated',
      "netlog due --json | jq -r '.items[] | .name + \": \" + (.context.wants | join(\", \"))'",
    ) +
      '\nItems: your promises, their promises falling due (check-in), key dates (birthdays),\n' +
      'follow-ups after a first meeting, then touches by how far past their rhythm they are.\n',
  )
    .option('--on <when>', 'the day to look at (default: today)')
    .option('--within <days>', 'also show what falls due in the next N days')
    .addOption(tagFilter())
    .option('--limit <n>', 'show at most N items')
    .option('--explain', 'say why each item is listed and how it ranked')
    .option('--all', 'on a terminal, list everything (not just one screenful of 20)')
    .action(
      withContext(async (ctx, opts) => {
        const [{ MAX_DAYS }, { dueFacts, dueList }, { DUE_SUMMARY, fromSummary, latestInteraction, toSummary }, { countOption, whenOption }, { knownTag }, { renderDue }, { toJson }] =
          await Promise.all([
            import('../core/journal.js'),
            import('../reports/due.js'),
            import('../reports/due-summary.js'),
            import('./options.js'),
            import('./tag-option.js'),
            import('../ui/render/due.js'),
            import('../ui/json.js'),
          ]);
        const spec = {
          on: opts.on ? whenOption('--on', opts.on, ctx.today, 'future') : ctx.today,
          ...(opts.within !== undefined ? { within: countOption('--within', opts.within, 0, MAX_DAYS) } : {}),
          ...(opts.tag !== undefined ? { tag: opts.tag } : {}),
          ...(opts.limit !== undefined ? { limit: countOption('--limit', opts.limit, 1) } : {}),
        };
        // An unchanged journal answers from its summary (reports/due-summary.ts), for a day on or
        // after its latest interaction; anything else — no summary, another file, an earlier
        // day, a summary that does not work — reads the journal, and keeps a new summary.
        const fromKept = async () => {
          const kept = fromSummary(await ctx.store.recall(DUE_SUMMARY));
          if (!kept || (kept.latest !== null && spec.on < kept.latest)) return undefined;
          if (spec.tag !== undefined) knownTag(kept.journal, '--tag', spec.tag);
          try {
            return dueList(kept.journal, ctx.today, spec, kept.facts);
          } catch {
            return undefined;
          }
        };
        const fromJournal = async () => {
          const journal = await ctx.store.read();
          if (spec.tag !== undefined) knownTag(journal, '--tag', spec.tag);
          const facts = dueFacts(journal, spec.on);
          const list = dueList(journal, ctx.today, spec, facts);
          const latest = latestInteraction(journal);
          if (latest === null || spec.on >= latest) await ctx.store.keep(DUE_SUMMARY, toSummary(journal, facts, latest));
          return list;
        };
        const list = (await fromKept()) ?? (await fromJournal());
        if (ctx.json) {
          ctx.out(
            toJson({
              today: list.today,
              on: list.on,
              until: list.until,
              total: list.total,
              items: list.items.map((item) => {
                const { why, ...rest } = item;
                return opts.explain ? { ...rest, why } : rest;
              }),
            }),
          );
          return;
        }
        if (ctx.theme.layout === 'pipe' && list.items.length === 0) {
          ctx.info('Nobody is due. A good day to meet someone new.');
          return;
        }
        ctx.out(renderDue(list, ctx.theme, ctx.width, { explain: opts.explain === true, all: opts.all === true }));
      }),
    );
