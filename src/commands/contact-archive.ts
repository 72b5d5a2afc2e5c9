import type { Ctx } from '../context.js';
import { setArchived } from '../core/contacts.js';
import { pickContact } from './resolve.js';
import { renderArchived } from '../ui/render/contacts.js';
import { toJson } from '../ui/json.js';

/** `netlog contact archive NAME` (or unarchive): hide a person from due and contacts, keeping history. */
export async function contactArchiveCommand(ctx: Ctx, name: string, archived: boolean): Promise<void> {
  const contact = await pickContact(ctx, await ctx.store.read(), name);
  const r = await ctx.store.update((journal) => {
    const a = setArchived(journal, contact.id, archived, ctx.editEnv().now);
    return { journal: a.journal, result: a };
  });
  if (ctx.json) ctx.out(toJson({ contact: r.contact, changed: r.changed }));
  else if (!ctx.quiet || !r.changed) ctx.out(renderArchived(r.contact, r.changed, ctx.theme));
}
