import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { profileOptions } from './contact.js';
import { collect, examples, withContext } from './define.js';

/** `netlog contact edit NAME`: change a profile; list flags add, --untag/--remove-* take away. */
export const contactEdit = (parent: CommandUnknownOpts) =>
  profileOptions(
    parent
      .command('edit')
      .description('change a profile: list flags add values, --untag/--remove-* take them away, "" clears a text field')
      .argument('<name>', 'name, alias or unique first name'),
    'edit',
  )
    .option('--rename <new>', 'change their name')
    .option('--untag <tag>', 'remove a tag (repeatable)', collect)
    .option('--remove-email <address>', 'remove an email address (repeatable)', collect)
    .option('--remove-phone <number>', 'remove a phone number (repeatable)', collect)
    .option('--remove-alias <name>', 'remove an alias (repeatable)', collect)
    .addHelpText(
      'after',
      examples(
        'netlog contact edit Dana --role CTO --tag investor --untag client',
        'netlog contact edit "Dana Lee" --rename "Dana Lee-Park" --alias "Dana Lee"',
        'netlog contact edit Dana --remove-email old@acme.com --email dana@new.io',
        'netlog contact edit Dana --every inherit --company ""   # tag/default cadence; no company',
      ),
    )
    .action(
      withContext(async (ctx, name, opts) => {
        const [{ editContact }, { contactPatch }, { pickContact }, { renderContactEdited }, { toJson }] = await Promise.all([
          import('../core/contacts.js'),
          import('./contact-options.js'),
          import('./resolve.js'),
          import('../ui/render/contacts.js'),
          import('../ui/json.js'),
        ]);
        const patch = contactPatch(opts);
        const contact = await pickContact(ctx, await ctx.store.read(), name);
        const r = await ctx.store.update((journal) => {
          const e = editContact(journal, contact.id, patch);
          return { journal: e.journal, result: e };
        });
        if (ctx.json) ctx.out(toJson({ contact: r.contact, changes: r.changes }));
        else if (!ctx.quiet || r.changes.length === 0) ctx.out(renderContactEdited(r.contact, r.changes, ctx.theme));
      }),
    );
