import type { Ctx } from '../context.js';
import type { Journal } from '../core/schema.js';
import { findWant, markWantMet } from '../core/wants.js';
import { UsageError } from '../errors.js';
import { whenOption } from './options.js';
import { toJson } from '../ui/json.js';
import { safe } from '../ui/sanitize.js';

/** The want an id (or a unique prefix of it) names; a usage error when none or several do. */
export function wantOption(flag: string, journal: Journal, id: string) {
  const found = findWant(journal, id);
  if (found.kind === 'none') throw new UsageError(`${flag}: no want with an id starting "${safe(id.trim())}"`, 'see the ids in `netlog ideas` or `netlog contact show NAME`');
  if (found.kind === 'ambiguous') {
    throw new UsageError(
      `${flag}: "${safe(id.trim())}" matches ${found.candidates.length} wants: ${found.candidates.map((c) => `${c.want.id} (${safe(c.contact.name)}: ${safe(c.want.text)})`).join(', ')}`,
      'type more of the id',
    );
  }
  return found;
}

export interface WantDoneOptions {
  on?: string;
}

/** `netlog want done ID`: marks a want met (today, or --on). One already met is left as it is. */
export async function wantDoneCommand(ctx: Ctx, id: string, opts: WantDoneOptions): Promise<void> {
  const on = opts.on !== undefined ? whenOption('--on', opts.on, ctx.today) : ctx.today;
  if (on > ctx.today) throw new UsageError(`--on: ${on} is in the future`, 'mark a want met once it is');
  const r = await ctx.store.update((journal) => {
    const found = wantOption('ID', journal, id);
    if (found.want.metOn === null && on < found.want.since) throw new UsageError(`--on: ${on} is before the want was recorded (${found.want.since})`);
    const met = markWantMet(journal, found.want.id, on, ctx.editEnv());
    return { journal: met.journal, result: met };
  });
  if (ctx.json) ctx.out(toJson({ contactId: r.contact.id, name: r.contact.name, ...r.want, changed: r.changed }));
  else if (!ctx.quiet) {
    const who = ctx.theme.name(safe(r.contact.name));
    ctx.out(r.changed ? `Met ${who}'s want: ${safe(r.want.text)} (${r.want.metOn}).` : `${who}'s want "${safe(r.want.text)}" was already met on ${r.want.metOn}.`);
  }
}
