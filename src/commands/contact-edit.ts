import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { profileOptions } from './contact.js';
import { collect, command, examples, withContext } from './define.js';

/** `netlog contact edit NAME`: change a profile; list flags add, --untag/--remove-* take away. */
export const contactEdit = (parent: CommandUnknownOpts) =>
  profileOptions(
    command(
      parent,
      'edit',
      'change a profile: list flags add values, --untag/--remove-* take them away, "" clears a text field',
      examples(
        'netlog contact edit Dana --role CTO --tag investor --untag client',
        'netlog contact edit Dana --birthday 03-14 --date "work anniversary=2019-06-01"',
        'netlog contact edit Dana --remove-date birthday',
        'netlog contact edit "Dana Lee" --rename "Dana Lee-Park" --alias "Dana Lee"',
        'netlog contact edit Dana --remove-email old@acme.com --email dana@new.io',
        'netlog contact edit Dana --every inherit --company ""   # tag/default cadence; no company',
      ),
    ).argument('<name>', 'name, alias or unique first name'),
    'edit',
  )
    .option('--rename <new>', 'change their name')
    .option('--untag <tag>', 'remove a tag (repeatable)', collect)
    .option('--remove-email <address>', 'remove an email address (repeatable)', collect)
    .option('--remove-phone <number>', 'remove a phone number (repeatable)', collect)
    .option('--remove-alias <name>', 'remove an alias (repeatable)', collect)
    .option('--birthday <when>', 'their birthday: YYYY-MM-DD, or MM-DD when you do not know the year (a Feb 29 birthday shows on Feb 28 in other years)')
    .option('--date <label=when>', 'another key date, yearly: --date "work anniversary=2019-06-01" (repeatable; same label replaces)', collect)
    .option('--remove-date <label>', 'remove a key date (birthday for the birthday; repeatable)', collect)
    .action(
      withContext(async (ctx, name, opts) => {
        const [{ editContact }, { contactPatch }, { pickContact }, { renderContactEdited }, { toJson }] = await Promise.all([
          import('../core/contacts.js'),
          import('./contact-options.js'),
          import('./resolve.js'),
          import('../ui/render/contacts.js'),
          import('../ui/json.js'),
        ]);
        const patch = contactPatch(opts, ctx.today);
        const contact = await pickContact(ctx, await ctx.store.read(), name);
        const r = await ctx.store.update((journal) => {
          const e = editContact(journal, contact.id, patch, ctx.editEnv().now);
          return { journal: e.journal, result: e };
        });
        if (ctx.json) ctx.out(toJson({ contact: r.contact, changes: r.changes }));
        else if (!ctx.quiet || r.changes.length === 0) ctx.out(renderContactEdited(r.contact, r.changes, ctx.theme));
      }),
    );
