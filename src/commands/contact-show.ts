import type { Ctx } from '../context.js';
import { contactPage } from '../reports/contacts.js';
import { countOption } from './options.js';
import { pickContact } from './resolve.js';
import { renderContactPage } from '../ui/render/contacts.js';
import { toJson } from '../ui/json.js';

export interface ContactShowOptions {
  limit?: string;
  all?: boolean;
}

/** `netlog contact show NAME`: a person's page. */
export async function contactShowCommand(ctx: Ctx, name: string, opts: ContactShowOptions): Promise<void> {
  const limit = opts.all ? undefined : opts.limit !== undefined ? countOption('--limit', opts.limit, 1) : 10;
  const journal = await ctx.store.read();
  const contact = await pickContact(ctx, journal, name, { announce: false });
  const page = contactPage(journal, ctx.today, contact.id, limit === undefined ? {} : { limit });
  if (ctx.json) ctx.out(toJson(page));
  else ctx.out(renderContactPage(page, ctx.today, ctx.theme, ctx.width));
}
