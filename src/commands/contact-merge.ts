import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { command, examples, withContext } from './define.js';

/** `netlog contact merge KEEP OTHER`: two records of one person become one. */
export const contactMerge = (parent: CommandUnknownOpts) =>
  command(
    parent,
    'merge',
    "fold OTHER into KEEP: interactions, promises, aliases (OTHER's name too), emails, phones, tags; OTHER is removed",
    examples('netlog contact merge "Dana Lee" "Dana L"', 'netlog contact merge "Tomás Reyes" "Tom Reyes" --json'),
  )
    .argument('<keep>', 'the contact to keep')
    .argument('<other>', 'the duplicate to fold in and remove')
    .action(
      withContext(async (ctx, keepName, otherName, _opts) => {
        const [{ mergeContacts }, { pickContact }, { renderMerged }, { toJson }] = await Promise.all([
          import('../core/contacts.js'),
          import('./resolve.js'),
          import('../ui/render/contacts.js'),
          import('../ui/json.js'),
        ]);
        const before = await ctx.store.read();
        const keep = await pickContact(ctx, before, keepName);
        const other = await pickContact(ctx, before, otherName);
        const r = await ctx.store.update((journal) => {
          const m = mergeContacts(journal, keep.id, other.id, ctx.editEnv().now);
          return { journal: m.journal, result: m };
        });
        if (ctx.json) {
          const { journal: _, ...rest } = r;
          ctx.out(toJson({ ...rest, removed: { contactId: other.id, name: other.name } }));
        } else if (!ctx.quiet) ctx.out(renderMerged(r, other.name, ctx.theme));
      }),
    );
