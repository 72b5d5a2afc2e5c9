import type { Ctx } from '../context.js';
import { mergeContacts } from '../core/contacts.js';
import { pickContact } from './resolve.js';
import { renderMerged } from '../ui/render/contacts.js';
import { toJson } from '../ui/json.js';

/** `netlog contact merge KEEP OTHER`: two records of one person become one. */
export async function contactMergeCommand(ctx: Ctx, keepName: string, otherName: string): Promise<void> {
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
}
