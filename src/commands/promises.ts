import type { Ctx } from '../context.js';
import { listPromises } from '../reports/promises.js';
import { existingContact } from './options.js';
import { renderPromises } from '../ui/render/promises.js';
import { toJson } from '../ui/json.js';

export interface PromisesOptions {
  all?: boolean;
  contact?: string;
}

/** `netlog promises`: open promises, overdue first; with --all, kept ones too. */
export async function promisesCommand(ctx: Ctx, opts: PromisesOptions): Promise<void> {
  const journal = await ctx.store.read();
  const contact = opts.contact !== undefined ? existingContact(journal, opts.contact) : undefined;
  const list = listPromises(journal, ctx.today, { all: opts.all === true, ...(contact ? { contactId: contact.id } : {}) });
  if (ctx.json) ctx.out(toJson(list));
  else {
    ctx.out(renderPromises(list, ctx.theme, ctx.width));
    if (list.promises.some((p) => p.status !== 'kept')) ctx.info(ctx.theme.dim('Mark one kept: netlog done ID (the first letters of the ID are enough)'));
  }
}
