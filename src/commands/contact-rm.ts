import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { CancelledError, UsageError } from '../errors.js';
import { safe } from '../ui/sanitize.js';
import { command, examples, withContext } from './define.js';

/** `netlog contact rm NAME`: remove a person for good (asks first; --yes without a terminal). */
export const contactRm = (parent: CommandUnknownOpts) =>
  command(
    parent,
    'rm',
    'remove a person for good: deletes their one-to-one interactions and promises, takes them out of group ones. Asks first; without a terminal needs --yes. To keep the history, archive instead',
    examples('netlog contact rm "Test Person"', 'netlog contact rm "Test Person" --yes    # in scripts', 'netlog contact archive "Jasper Quinn"   # hide instead, keeping history'),
  )
    .alias('remove')
    .argument('<name>', 'name, alias or unique first name')
    .option('-y, --yes', 'do not ask')
    .action(
      withContext(async (ctx, name, opts) => {
        const [{ footprint, removeContact }, { pickContact }, { footprintText, renderRemoved }, { toJson }] = await Promise.all([
          import('../core/contacts.js'),
          import('./resolve.js'),
          import('../ui/render/contacts.js'),
          import('../ui/json.js'),
        ]);
        const before = await ctx.store.read();
        const contact = await pickContact(ctx, before, name);
        const what = footprintText(footprint(before, contact.id));
        if (!opts.yes) {
          if (!ctx.interactive) {
            throw new UsageError(
              `removing ${safe(contact.name)} ${what}; add --yes to confirm`,
              `to hide them but keep the history: netlog contact archive "${safe(contact.name)}"`,
            );
          }
          const { yesNo } = await ctx.prompts();
          if (!(await yesNo(`Remove ${safe(contact.name)} for good? This ${what}.`, false))) throw new CancelledError('nothing removed');
        }
        const r = await ctx.store.update((journal) => {
          const x = removeContact(journal, contact.id, ctx.editEnv().now);
          return { journal: x.journal, result: x };
        });
        if (ctx.json) ctx.out(toJson({ removed: r.contact, interactionsDeleted: r.removed.alone, groupInteractionsLeft: r.removed.shared, promisesDeleted: r.removed.promises }));
        else if (!ctx.quiet) ctx.out(renderRemoved(r.contact, r.removed, ctx.theme));
      }),
    );
