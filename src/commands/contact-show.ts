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
  // What `brief` knows that the page adds: open wants, key dates coming up, intros, the stage plan.
  const { briefOf } = await import('../reports/brief.js');
  const b = briefOf(journal, ctx.today, contact.id);
  const intros = { made: b.intros.filter((i) => i.direction === 'made'), received: b.intros.filter((i) => i.direction === 'received') };
  const shown = { ...page, stage: { ...page.stage, plan: b.stage.plan } };
  if (ctx.json) {
    ctx.out(toJson({ ...shown, wants: contact.wants ?? [], dates: contact.dates ?? [], upcomingDates: b.dates, intros }));
    return;
  }
  const { contactExtras } = await import('../ui/render/act.js');
  ctx.out(renderContactPage(shown, ctx.today, ctx.theme, ctx.width, contactExtras(b, intros, ctx.theme, ctx.width)));
}
