import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import type { DueList } from '../reports/due.js';
import type { DueView, Shown } from '../reports/due-answer.js';
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
      '\nItems: your promises, their promises falling due (check-in), key dates\n' +
      '(birthdays), follow-ups after a first meeting, then touches by how far past\n' +
      'their rhythm they are.\n',
  )
    .option('--on <when>', 'the day to look at (default: today)')
    .option('--within <days>', 'also show what falls due in the next N days')
    .addOption(tagFilter())
    .option('--limit <n>', 'show at most N items')
    .option('--explain', 'say why each item is listed and how it ranked')
    .option('--all', 'on a terminal, list everything (not just one screenful of 20)')
    .action(
      withContext(async (ctx, opts) => {
        // What a kept answer needs; the rest only when the list is shown or worked out.
        const [{ MAX_DAYS }, { DUE_ANSWER, DUE_SHOWN, addedDays, fromAnswer, fromShown, toAnswer, toShown }, { addDays }, { countOption, whenOption }] = await Promise.all([
          import('../core/journal.js'),
          import('../reports/due-answer.js'),
          import('../core/dates.js'),
          import('./options.js'),
        ]);
        const spec = {
          on: opts.on ? whenOption('--on', opts.on, ctx.today, 'future') : ctx.today,
          ...(opts.within !== undefined ? { within: countOption('--within', opts.within, 0, MAX_DAYS) } : {}),
          ...(opts.tag !== undefined ? { tag: opts.tag } : {}),
        };
        const limit = opts.limit !== undefined ? countOption('--limit', opts.limit, 1) : undefined;
        const print = (s: Shown) => {
          if (s.info !== undefined) ctx.info(s.info);
          if (s.out !== undefined) ctx.out(s.out);
        };
        const question = { today: ctx.today, on: spec.on, until: addDays(spec.on, spec.within ?? 0), tag: spec.tag ?? null };
        const asked = { ...spec, ...(limit !== undefined ? { limit } : {}) };
        const view: DueView = {
          json: ctx.json,
          explain: opts.explain === true,
          all: opts.all === true,
          limit: limit ?? null,
          level: ctx.theme.level,
          layout: ctx.theme.layout,
          width: ctx.width === Infinity ? null : ctx.width,
        };
        // The question asked last, on an unchanged journal, the same day (reports/due-answer.ts):
        // in the same view its text is printed again; in another, its list is shown (one this
        // netlog cannot show, a damaged record, is worked out again).
        const again = fromShown(await ctx.store.recall(DUE_SHOWN), question, view);
        if (again) return print(again);
        const [{ dueFacts, dueList }, { DUE_SUMMARY, fromSummary, latestInteraction, toSummary }, { knownTag }, { dueHeading, renderDue }, { toJson }] = await Promise.all([
          import('../reports/due.js'),
          import('../reports/due-summary.js'),
          import('./tag-option.js'),
          import('../ui/render/due.js'),
          import('../ui/json.js'),
        ]);
        // What the list prints: on stdout, and piped its heading (or, empty, a word) on stderr.
        const show = (whole: DueList): Shown => {
          const list = limit !== undefined && whole.items.length > limit ? { ...whole, items: whole.items.slice(0, limit) } : whole;
          if (ctx.json) {
            return {
              out: toJson({
                today: list.today,
                on: list.on,
                until: list.until,
                total: list.total,
                items: list.items.map((item) => {
                  const { why, ...rest } = item;
                  return opts.explain ? { ...rest, why } : rest;
                }),
              }),
            };
          }
          if (ctx.theme.layout === 'pipe' && list.items.length === 0) return { info: 'Nobody is due. A good day to meet someone new.' };
          const out = renderDue(list, ctx.theme, ctx.width, { explain: opts.explain === true, all: opts.all === true });
          // Piped, stdout is the table's header and rows; the heading is talk.
          return ctx.theme.layout === 'pipe' ? { info: dueHeading(list, ctx.theme), out } : { out };
        };
        type Worked = { list: DueList; whole: boolean; added: [string, string][]; shown: Shown; kept?: boolean };

        const fromAnswered = async (): Promise<Worked | undefined> => {
          const answer = fromAnswer(await ctx.store.recall(DUE_ANSWER), question);
          if (!answer) return undefined;
          try {
            return { ...answer, whole: true, kept: true, shown: show(answer.list) };
          } catch {
            return undefined;
          }
        };
        // An unchanged journal answers from its summary (reports/due-summary.ts), for a day on or
        // after its latest interaction; anything else — no summary, another file, an earlier
        // day, a summary that does not work — reads the journal, and keeps a new summary.
        const fromKept = async (): Promise<Worked | undefined> => {
          const kept = fromSummary(await ctx.store.recall(DUE_SUMMARY));
          if (!kept || (kept.latest !== null && spec.on < kept.latest)) return undefined;
          if (spec.tag !== undefined) knownTag(kept.journal, '--tag', spec.tag);
          let list: DueList;
          try {
            list = dueList(kept.journal, ctx.today, asked, kept.facts);
          } catch {
            return undefined;
          }
          return { list, whole: limit === undefined, added: addedDays(kept.journal, kept.facts), shown: show(list) };
        };
        const fromJournal = async (): Promise<Worked> => {
          const journal = await ctx.store.read();
          if (spec.tag !== undefined) knownTag(journal, '--tag', spec.tag);
          const facts = dueFacts(journal, spec.on);
          const list = dueList(journal, ctx.today, asked, facts);
          const latest = latestInteraction(journal);
          if (latest === null || spec.on >= latest) await ctx.store.keep(DUE_SUMMARY, toSummary(journal, facts, latest));
          return { list, whole: limit === undefined, added: addedDays(journal, facts), shown: show(list) };
        };
        const worked = (await fromAnswered()) ?? (await fromKept()) ?? (await fromJournal());
        print(worked.shown);
        // The whole list is kept (a list cut by --limit is not: only its text).
        if (worked.whole && !worked.kept) await ctx.store.keep(DUE_ANSWER, toAnswer(question, worked.added, worked.list));
        await ctx.store.keep(DUE_SHOWN, toShown(question, worked.added, view, worked.shown));
      }),
    );
