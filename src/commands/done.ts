import type { Ctx } from '../context.js';
import { findPromise, madeOn, markDone } from '../core/promises.js';
import { UsageError } from '../errors.js';
import { whenOption } from './options.js';
import { renderDone } from '../ui/render/promises.js';
import { toJson } from '../ui/json.js';
import { safe } from '../ui/sanitize.js';

export interface DoneOptions {
  on?: string;
}

/**
 * `netlog done ID`: marks a promise kept (today, or --on). An already kept promise is reported
 * and left alone with exit 0, so running it twice is harmless.
 */
export async function doneCommand(ctx: Ctx, id: string, opts: DoneOptions): Promise<void> {
  const on = opts.on !== undefined ? whenOption('--on', opts.on, ctx.today) : ctx.today;
  if (on > ctx.today) throw new UsageError(`--on: ${on} is in the future`, 'mark a promise kept once you have kept it');

  const r = await ctx.store.update((journal) => {
    const found = findPromise(journal.promises, id);
    if (found.kind === 'none') throw new UsageError(`no promise with an id starting "${safe(id)}"`, 'see `netlog promises --all` for the ids');
    if (found.kind === 'ambiguous') {
      throw new UsageError(
        `"${safe(id)}" matches ${found.candidates.length} promises: ${found.candidates.map((p) => p.id).join(', ')}`,
        'type more of the id',
      );
    }
    const p = found.promise;
    const made = madeOn(journal, p, ctx.today);
    if (p.doneOn === null && on < made) {
      throw new UsageError(`--on: ${on} is before the promise was made (${made})`);
    }
    const marked = markDone(journal, p.id, on);
    const name = journal.contacts.find((c) => c.id === p.contactId)?.name ?? '(unknown contact)';
    return { journal: marked.journal, result: { ...marked, name } };
  });

  if (ctx.json) ctx.out(toJson({ ...r.promise, changed: r.changed, onTime: r.promise.doneOn! <= r.promise.due }));
  else if (!ctx.quiet) ctx.out(renderDone(r, r.name, ctx.today, ctx.theme));
}
