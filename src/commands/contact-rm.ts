import type { Ctx } from '../context.js';
import { footprint, removeContact } from '../core/contacts.js';
import { CancelledError, UsageError } from '../errors.js';
import { pickContact } from './resolve.js';
import { footprintText, renderRemoved } from '../ui/render/contacts.js';
import { toJson } from '../ui/json.js';
import { safe } from '../ui/sanitize.js';

/** `netlog contact rm NAME`: remove a person for good (asks first; --yes without a terminal). */
export async function contactRmCommand(ctx: Ctx, name: string, opts: { yes?: boolean }): Promise<void> {
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
    const x = removeContact(journal, contact.id);
    return { journal: x.journal, result: x };
  });
  if (ctx.json) ctx.out(toJson({ removed: r.contact, interactionsDeleted: r.removed.alone, groupInteractionsLeft: r.removed.shared, promisesDeleted: r.removed.promises }));
  else if (!ctx.quiet) ctx.out(renderRemoved(r.contact, r.removed, ctx.theme));
}
