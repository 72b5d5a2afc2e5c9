import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { UsageError } from '../errors.js';
import { command, contactOption, examples, withContext } from './define.js';

/** `netlog promises`: open promises, overdue first; with --all, kept ones too. */
export const promises = (parent: CommandUnknownOpts) =>
  command(
    parent,
    'promises',
    'promises both ways, open ones overdue first: what you owe and what they owe you (--all adds kept and dropped ones)',
    examples('netlog promises', 'netlog promises --all --contact Dana', 'netlog promises --theirs', "netlog promises --json | jq -r '.promises[] | select(.owner == \"me\") | .id'"),
  )
    .option('--all', 'include kept and dropped promises, and whether they were kept on time')
    .addOption(contactOption('only promises to or from this person'))
    .option('--mine', 'only what you promised')
    .option('--theirs', 'only what they promised you')
    .action(
      withContext(async (ctx, opts) => {
        const [{ listPromises }, { contactFilter }, { renderPromises }, { toJson }] = await Promise.all([
          import('../reports/promises.js'),
          import('./resolve.js'),
          import('../ui/render/promises.js'),
          import('../ui/json.js'),
        ]);
        const journal = await ctx.store.read();
        const contact = await contactFilter(ctx, journal, opts.contact);
        if (opts.mine && opts.theirs) throw new UsageError('--mine and --theirs together are every promise: leave both out');
        const owner = opts.mine ? ('me' as const) : opts.theirs ? ('them' as const) : undefined;
        const list = listPromises(journal, ctx.today, { all: opts.all === true, ...(contact ? { contactId: contact.id } : {}), ...(owner ? { owner } : {}) });
        if (ctx.json) ctx.out(toJson(list));
        else {
          // No open promises is words for a person: on stderr when piped, where stdout is only rows.
          (list.promises.length > 0 ? ctx.out : ctx.footer)(renderPromises(list, ctx.theme, ctx.width));
          if (list.promises.some((p) => p.status === 'open' || p.status === 'overdue')) ctx.info(ctx.theme.dim('Mark one kept: netlog done ID (the first letters of the ID are enough)'));
        }
      }),
    );
