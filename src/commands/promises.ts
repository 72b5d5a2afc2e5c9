import type { Ctx } from '../context.js';
import { UsageError } from '../errors.js';
import { listPromises } from '../reports/promises.js';
import { pickContact } from './resolve.js';
import { renderPromises } from '../ui/render/promises.js';
import { toJson } from '../ui/json.js';

export interface PromisesOptions {
  all?: boolean;
  contact?: string;
  mine?: boolean;
  theirs?: boolean;
}

/** `netlog promises`: open promises, overdue first; with --all, kept ones too. */
export async function promisesCommand(ctx: Ctx, opts: PromisesOptions): Promise<void> {
  const journal = await ctx.store.read();
  const contact = opts.contact !== undefined ? await pickContact(ctx, journal, opts.contact, { announce: false }) : undefined;
  if (opts.mine && opts.theirs) throw new UsageError('--mine and --theirs together are every promise: leave both out');
  const owner = opts.mine ? ('me' as const) : opts.theirs ? ('them' as const) : undefined;
  const list = listPromises(journal, ctx.today, { all: opts.all === true, ...(contact ? { contactId: contact.id } : {}), ...(owner ? { owner } : {}) });
  if (ctx.json) ctx.out(toJson(list));
  else {
    ctx.out(renderPromises(list, ctx.theme, ctx.width));
    if (list.promises.some((p) => p.status !== 'kept')) ctx.info(ctx.theme.dim('Mark one kept: netlog done ID (the first letters of the ID are enough)'));
  }
}
