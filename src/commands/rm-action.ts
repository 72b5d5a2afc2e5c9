import type { Ctx } from '../context.js';
import { removeInteraction } from '../core/edits.js';
import { shortIds } from '../core/ids.js';
import type { Interaction, Journal } from '../core/schema.js';
import { CancelledError, UsageError } from '../errors.js';
import { interactionById } from './resolve.js';
import { renderRemovedInteraction } from '../ui/render/correct.js';
import { plural } from '../ui/format.js';
import { toJson } from '../ui/json.js';
import { safe } from '../ui/sanitize.js';
import { contactNamer } from '../core/names.js';

/** "coffee with Dana Lee on 2026-11-10 (tg4j)". */
function describe(journal: Journal, i: Interaction): string {
  const name = contactNamer(journal.contacts);
  const who = i.contactIds.map((id) => safe(name(id))).join(', ');
  const short = shortIds(journal.interactions.map((x) => x.id)).get(i.id) ?? i.id;
  return `the ${i.kind} with ${who} on ${i.date} (${short})`;
}

/** `netlog rm ID`: deletes one interaction and the promises made in it (asks first; --yes without a terminal). */
export async function rmCommand(ctx: Ctx, id: string, opts: { yes?: boolean }): Promise<void> {
  const before = await ctx.store.read();
  const target = interactionById(before, id);
  const what = describe(before, target);
  const promises = before.promises.filter((p) => p.interactionId === target.id).length;
  const also = promises ? ` and ${plural(promises, 'promise')} made in it` : '';
  if (!opts.yes) {
    if (!ctx.interactive) throw new UsageError(`deleting ${what}${also}: add --yes to confirm`, 'to change it instead: netlog edit ID --note … (see netlog edit --help)');
    const { yesNo } = await ctx.prompts();
    if (!(await yesNo(`Delete ${what}${also}?`, false))) throw new CancelledError('nothing deleted');
  }
  const r = await ctx.store.update((journal) => {
    const x = removeInteraction(journal, interactionById(journal, target.id).id);
    return { journal: x.journal, result: x };
  }, (x) => `rm interaction ${x.interaction.id} (${x.interaction.kind} on ${x.interaction.date})`);
  if (ctx.json) ctx.out(toJson({ removed: r.interaction, promisesDeleted: r.promises.length, promises: r.promises }));
  else if (!ctx.quiet) ctx.out(renderRemovedInteraction(what, r.promises.length));
}
