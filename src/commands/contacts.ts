import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { UsageError } from '../errors.js';
import { command, examples, withContext } from './define.js';

/** `netlog contacts`: everyone with stage, balance, cadence and last touch. */
export const contacts = (parent: CommandUnknownOpts) =>
  command(
    parent,
    'contacts',
    'everyone, with stage, balance, cadence and last touch (archived people only with --archived/--all)',
    examples('netlog contacts', 'netlog contacts --tag investor --stage credibility', "netlog contacts --json | jq -r '.contacts[] | select(.balance < 0) | .name'"),
  )
    .option('-t, --tag <tag>', 'only people with this tag')
    .option('--stage <stage>', 'only people at this stage: visibility, credibility or profitability')
    .option('--archived', 'only archived people')
    .option('--all', 'active and archived people')
    .action(
      withContext(async (ctx, opts) => {
        const [{ contactList }, { isStage, STAGES }, { renderContactList, contactCount }, { toJson }] = await Promise.all([
          import('../reports/contacts.js'),
          import('../core/stage.js'),
          import('../ui/render/contacts.js'),
          import('../ui/json.js'),
        ]);
        const stage = opts.stage?.trim().toLowerCase();
        if (stage !== undefined && !isStage(stage)) throw new UsageError(`unknown stage "${opts.stage}"`, `stages: ${STAGES.join(', ')}`);
        if (opts.archived && opts.all) throw new UsageError('choose one of --archived and --all');
        const archived = opts.all ? 'all' : opts.archived ? 'archived' : 'active';
        const rows = contactList(await ctx.store.read(), ctx.today, {
          archived,
          ...(opts.tag !== undefined ? { tag: opts.tag } : {}),
          ...(stage !== undefined ? { stage } : {}),
        });
        if (ctx.json) ctx.out(toJson({ contacts: rows }));
        else {
          // Nobody to list is words for a person: on stderr when piped, where stdout is only rows.
          (rows.length > 0 ? ctx.out : ctx.footer)(renderContactList(rows, ctx.today, ctx.theme, ctx.width, opts.tag !== undefined || stage !== undefined || archived !== 'active'));
          if (rows.length > 0) ctx.footer(contactCount(rows, ctx.theme));
        }
      }),
    );
