import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { examples, withContext } from './define.js';

/** `netlog promises`: open promises, overdue first; with --all, kept ones too. */
export const promises = (parent: CommandUnknownOpts) =>
  parent
    .command('promises')
    .description('what you promised: open ones, overdue first (--all adds the kept ones)')
    .option('--all', 'include kept promises, and whether they were kept on time')
    .option('--contact <name>', 'only promises to this person')
    .addHelpText('after', examples('netlog promises', 'netlog promises --all --contact Dana', "netlog promises --json | jq -r '.promises[].id'"))
    .action(
      withContext(async (ctx, opts) => {
        const [{ listPromises }, { pickContact }, { renderPromises }, { toJson }] = await Promise.all([
          import('../reports/promises.js'),
          import('./resolve.js'),
          import('../ui/render/promises.js'),
          import('../ui/json.js'),
        ]);
        const journal = await ctx.store.read();
        const contact = opts.contact !== undefined ? await pickContact(ctx, journal, opts.contact, { announce: false }) : undefined;
        const list = listPromises(journal, ctx.today, { all: opts.all === true, ...(contact ? { contactId: contact.id } : {}) });
        if (ctx.json) ctx.out(toJson(list));
        else {
          ctx.out(renderPromises(list, ctx.theme, ctx.width));
          if (list.promises.some((p) => p.status !== 'kept')) ctx.info(ctx.theme.dim('Mark one kept: netlog done ID (the first letters of the ID are enough)'));
        }
      }),
    );
