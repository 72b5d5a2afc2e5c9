import type { Ctx } from '../context.js';
import { contactList, type ArchivedFilter } from '../reports/contacts.js';
import { isStage, STAGES } from '../core/stage.js';
import { UsageError } from '../errors.js';
import { renderContactList } from '../ui/render/contacts.js';
import { toJson } from '../ui/json.js';

export interface ContactsOptions {
  tag?: string;
  stage?: string;
  archived?: boolean;
  all?: boolean;
}

/** `netlog contacts`: everyone with stage, balance, cadence and last touch. */
export async function contactsCommand(ctx: Ctx, opts: ContactsOptions): Promise<void> {
  const stage = opts.stage?.trim().toLowerCase();
  if (stage !== undefined && !isStage(stage)) throw new UsageError(`unknown stage "${opts.stage}"`, `stages: ${STAGES.join(', ')}`);
  if (opts.archived && opts.all) throw new UsageError('choose one of --archived and --all');
  const archived: ArchivedFilter = opts.all ? 'all' : opts.archived ? 'archived' : 'active';
  const rows = contactList(await ctx.store.read(), ctx.today, {
    archived,
    ...(opts.tag !== undefined ? { tag: opts.tag } : {}),
    ...(stage !== undefined ? { stage } : {}),
  });
  if (ctx.json) ctx.out(toJson({ contacts: rows }));
  else ctx.out(renderContactList(rows, ctx.today, ctx.theme, ctx.width, opts.tag !== undefined || stage !== undefined || archived !== 'active'));
}
