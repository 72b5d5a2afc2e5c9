import type { Ctx } from '../context.js';
import { madeOn, markDone } from '../core/promises.js';
import { promiseById } from './resolve.js';
import { UsageError } from '../errors.js';
import { whenOption } from './options.js';
import { renderDone } from '../ui/render/promises.js';
import { toJson } from '../ui/json.js';

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
    const p = promiseById(journal, id);
    const made = madeOn(journal, p, ctx.today);
    if (p.doneOn === null && on < made) {
      throw new UsageError(`--on: ${on} is before the promise was made (${made})`);
    }
    const marked = markDone(journal, p.id, on, ctx.editEnv().now);
    const name = journal.contacts.find((c) => c.id === p.contactId)?.name ?? '(unknown contact)';
    return { journal: marked.journal, result: { ...marked, name } };
  });

  if (ctx.json) ctx.out(toJson({ ...r.promise, changed: r.changed, onTime: r.promise.doneOn! <= r.promise.due }));
  else if (!ctx.quiet) ctx.out(renderDone(r, r.name, ctx.today, ctx.theme));
}
