import type { Ctx } from '../context.js';
import { addContact, nearNames, sameName } from '../core/contacts.js';
import { CancelledError, UsageError } from '../errors.js';
import { newContactInput, type ProfileOptions } from './contact-options.js';
import { renderContactAdded } from '../ui/render/contacts.js';
import { toJson } from '../ui/json.js';
import { safe } from '../ui/sanitize.js';

export interface ContactAddOptions extends ProfileOptions {
  new?: boolean;
}

/** `netlog contact add NAME`: a person, before or without an interaction. */
export async function contactAddCommand(ctx: Ctx, name: string, opts: ContactAddOptions): Promise<void> {
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
}
