import { MAX_DAYS } from '../core/schema.js';
import type { Ctx } from '../context.js';
import { dueList } from '../reports/due.js';
import { countOption, whenOption } from './options.js';
import { knownTag } from './tag-option.js';
import { renderDue } from '../ui/render/due.js';
import { toJson } from '../ui/json.js';

export interface DueOptions {
  on?: string;
  within?: string;
  tag?: string;
  limit?: string;
  explain?: boolean;
  all?: boolean;
}

/** `netlog due`: promises, follow-ups and touches, most urgent first. */
export async function dueCommand(ctx: Ctx, opts: DueOptions): Promise<void> {
  const spec = {
    on: opts.on ? whenOption('--on', opts.on, ctx.today, 'future') : ctx.today,
    ...(opts.within !== undefined ? { within: countOption('--within', opts.within, 0, MAX_DAYS) } : {}),
    ...(opts.tag !== undefined ? { tag: opts.tag } : {}),
    ...(opts.limit !== undefined ? { limit: countOption('--limit', opts.limit, 1) } : {}),
  };
  const journal = await ctx.store.read();
  if (spec.tag !== undefined) knownTag(journal, '--tag', spec.tag);
  const list = dueList(journal, ctx.today, spec);
  if (ctx.json) {
    ctx.out(
      toJson({
        today: list.today,
        on: list.on,
        until: list.until,
        total: list.total,
        items: list.items.map((item) => {
          const { why, ...rest } = item;
          return opts.explain ? { ...rest, why } : rest;
        }),
      }),
    );
    return;
  }
  if (!ctx.tty && list.items.length === 0) {
    ctx.info('Nobody is due. A good day to meet someone new.');
    return;
  }
  ctx.out(renderDue(list, ctx.theme, ctx.width, { explain: opts.explain === true, tty: ctx.tty, all: opts.all === true }));
}
