import type { Ctx } from '../context.js';
import { editContact } from '../core/contacts.js';
import { contactPatch, type EditOptions } from './contact-options.js';
import { pickContact } from './resolve.js';
import { renderContactEdited } from '../ui/render/contacts.js';
import { toJson } from '../ui/json.js';

/** `netlog contact edit NAME`: change a profile; list flags add, --untag/--remove-* take away. */
export async function contactEditCommand(ctx: Ctx, name: string, opts: EditOptions): Promise<void> {
  const patch = contactPatch(opts);
  const contact = await pickContact(ctx, await ctx.store.read(), name);
  const r = await ctx.store.update((journal) => {
    const e = editContact(journal, contact.id, patch, ctx.editEnv().now);
    return { journal: e.journal, result: e };
  });
  if (ctx.json) ctx.out(toJson({ contact: r.contact, changes: r.changes }));
  else if (!ctx.quiet || r.changes.length === 0) ctx.out(renderContactEdited(r.contact, r.changes, ctx.theme));
}
