import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { UsageError } from '../errors.js';
import { command, examples, group, withContext } from './define.js';

/** `netlog want`: the group of want subcommands (done; see src/cli.ts). Wants are recorded with add --wants. */
export const want = (parent: CommandUnknownOpts) =>
  group(
    parent,
    'want',
    'what people are looking for: mark one met (record them with add --wants)',
    examples('netlog add Dana --wants "a brand designer"', 'netlog ideas          # who could help, with the want ids', 'netlog want done 7kq2'),
  );

/** `netlog want done ID`: marks a want met (today, or --on). One already met is left as it is. */
export const wantDone = (parent: CommandUnknownOpts) =>
  command(
    parent,
    'done',
    'mark a want met (an already met one is left as it is)',
    examples('netlog want done 7kq2', 'netlog want done 7kq2x9ab --on yesterday', 'netlog add Dana --gave intro:"to Sam" --meets 7kq2   # or meet it with a give'),
  )
    .argument('<id>', "the want's id, or the first letters of it (see netlog ideas or contact show)")
    .option('--on <when>', 'when it was met (default: today)')
    .action(
      withContext(async (ctx, id, opts) => {
        const [{ markWantMet }, { wantById }, { whenOption }, { toJson }, { safe }] = await Promise.all([
          import('../core/wants.js'),
          import('./resolve.js'),
          import('./options.js'),
          import('../ui/json.js'),
          import('../ui/sanitize.js'),
        ]);
        const on = opts.on !== undefined ? whenOption('--on', opts.on, ctx.today) : ctx.today;
        if (on > ctx.today) throw new UsageError(`--on: ${on} is in the future`, 'mark a want met once it is');
        const r = await ctx.store.update((journal) => {
          const found = wantById(journal, id);
          if (found.want.metOn === null && on < found.want.since) throw new UsageError(`--on: ${on} is before the want was recorded (${found.want.since})`);
          const met = markWantMet(journal, found.want.id, on, ctx.editEnv());
          return { journal: met.journal, result: met };
        });
        if (ctx.json) ctx.out(toJson({ contactId: r.contact.id, name: r.contact.name, ...r.want, changed: r.changed }));
        else if (!ctx.quiet) {
          const who = ctx.theme.name(safe(r.contact.name));
          ctx.out(r.changed ? `Met ${who}'s want: ${safe(r.want.text)} (${r.want.metOn}).` : `${who}'s want "${safe(r.want.text)}" was already met on ${r.want.metOn}.`);
        }
      }),
    );
