import type { Ctx } from '../context.js';
import { buildReport, type Interval } from '../reports/report.js';
import { UsageError } from '../errors.js';
import { sinceOption, whenOption } from './options.js';
import { knownTag } from './tag-option.js';
import { pickContact } from './resolve.js';
import { renderReport } from '../ui/render/report.js';
import { toJson } from '../ui/json.js';

export interface ReportOptions {
  since?: string;
  until?: string;
  contact?: string;
  tag?: string;
  weekly?: boolean;
  monthly?: boolean;
}

/** `netlog report`: the weekly review of giving and asking. */
export async function reportCommand(ctx: Ctx, opts: ReportOptions): Promise<void> {
  if (opts.weekly && opts.monthly) throw new UsageError('choose one of --weekly and --monthly');
  const to = opts.until ? whenOption('--until', opts.until, ctx.today) : ctx.today;
  const from = sinceOption('--since', opts.since ?? '7d', ctx.today, to);
  if (from > to) throw new UsageError(`--since (${from}) is after --until (${to})`);
  const interval: Interval | undefined = opts.weekly ? 'week' : opts.monthly ? 'month' : undefined;

  const journal = await ctx.store.read();
  const contact = opts.contact ? await pickContact(ctx, journal, opts.contact, { announce: false }) : undefined;
  if (opts.tag !== undefined) knownTag(journal, '--tag', opts.tag);
  const report = buildReport(journal, ctx.today, {
    from,
    to,
    ...(contact ? { contactIds: [contact.id] } : {}),
    ...(opts.tag !== undefined ? { tag: opts.tag } : {}),
    ...(interval ? { interval } : {}),
  });
  if (ctx.json) ctx.out(toJson(report));
  else ctx.out(renderReport(report, ctx.today, ctx.theme, ctx.width));
}
