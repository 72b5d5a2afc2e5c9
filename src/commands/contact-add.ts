import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { CancelledError, UsageError } from '../errors.js';
import { safe } from '../ui/sanitize.js';
import { profileOptions } from './contact.js';
import { command, examples, withContext } from './define.js';

/** `netlog contact add NAME`: a person, before or without an interaction. */
export const contactAdd = (parent: CommandUnknownOpts) =>
  profileOptions(
    command(
      parent,
      'add',
      'add a person (refuses an existing name; a likely duplicate needs --new)',
      examples(
        'netlog contact add "Dana Lee" --email dana@acme.com --company Acme --role "Head of Ops" --tag client --every monthly',
        'netlog contact add "Sam Ortiz" --source "Chamber breakfast" --note "designer, likes cycling"',
        'netlog contact add "Sam" --new          # when "Sam Lee" exists and this is someone else',
      ),
    ).argument('<name>', 'their full name'),
    'add',
  )
    .option('--new', 'add them even when the name looks like someone already in the journal')
    .action(
      withContext(async (ctx, name, opts) => {
        const [{ addContact, nearNames, sameName }, { newContactInput }, { renderContactAdded }, { toJson }] = await Promise.all([
          import('../core/contacts.js'),
          import('./contact-options.js'),
          import('../ui/render/contacts.js'),
          import('../ui/json.js'),
        ]);
        const input = newContactInput(name, opts);
        const before = await ctx.store.read();
        // An exact duplicate is refused by addContact; a likely duplicate needs --new or a yes.
        if (!opts.new && sameName(before.contacts, name).length === 0) {
          const near = nearNames(before.contacts, name);
          if (near.length) {
            const list = near.map((c) => `"${safe(c.name)}"`).join(' or ');
            if (!ctx.interactive) throw new UsageError(`"${safe(name.trim())}" looks like ${list}, already in your journal`, 'add --new to create a separate contact anyway');
            const { yesNo } = await ctx.prompts();
            if (!(await yesNo(`"${safe(name.trim())}" looks like ${list}. Add a separate contact anyway?`, false))) throw new CancelledError('nothing added');
          }
        }
        const contact = await ctx.store.update((journal) => {
          const r = addContact(journal, input, ctx.editEnv());
          return { journal: r.journal, result: r.contact };
        });
        if (ctx.json) ctx.out(toJson(contact));
        else if (!ctx.quiet) ctx.out(renderContactAdded(contact, ctx.theme));
      }),
    );
