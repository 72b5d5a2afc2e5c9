import type { Ctx } from '../context.js';
import { history } from '../reports/history.js';
import type { Kind } from '../core/schema.js';
import { UsageError } from '../errors.js';
import { countOption, kindOption, sinceOption, whenOption } from './options.js';
import { pickContact } from './resolve.js';
import { renderHistory } from '../ui/render/history.js';
import { toJson } from '../ui/json.js';

export interface HistoryOptions {
  contact?: string;
  since?: string;
  until?: string;
  kind?: string[];
  limit?: string;
}

/** `netlog history` (alias `log`): interactions newest first. */
export async function historyCommand(ctx: Ctx, opts: HistoryOptions): Promise<void> {
  const to = opts.until ? whenOption('--until', opts.until, ctx.today) : undefined;
  const from = opts.since ? sinceOption('--since', opts.since, ctx.today, to ?? ctx.today) : undefined;
  if (from && to && from > to) throw new UsageError(`--since (${from}) is after --until (${to})`);
  const kinds: Kind[] | undefined = opts.kind?.flatMap((k) => k.split(',')).map((k) => kindOption(k));
  const limit = opts.limit !== undefined ? countOption('--limit', opts.limit, 1) : undefined;
  const journal = await ctx.store.read();
  const contact = opts.contact !== undefined ? await pickContact(ctx, journal, opts.contact, { announce: false }) : undefined;
  const h = history(journal, {
    ...(contact ? { contactId: contact.id } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(kinds ? { kinds } : {}),
    ...(limit !== undefined ? { limit } : {}),
  });
  if (ctx.json) ctx.out(toJson(h));
  else ctx.out(renderHistory(h, ctx.today, ctx.theme, ctx.width, Boolean(contact || from || to || kinds)));
}
