import type { Ctx } from '../context.js';
import { toJson } from '../ui/json.js';
import { renderChanges, renderUndone } from '../ui/render/safety.js';

export interface UndoOptions {
  list?: boolean;
  force?: boolean;
}

/** `netlog undo`: restore the journal as it was before the last change (again: the one before). */
export async function undoCommand(ctx: Ctx, opts: UndoOptions): Promise<void> {
  if (opts.list) {
    const changes = (await ctx.store.changes()).reverse();
    if (ctx.json) ctx.out(toJson({ changes: changes.map(({ at, change }) => ({ at, change })) }));
    else ctx.out(renderChanges(changes, ctx.theme));
    return;
  }
  const undone = await ctx.store.undo(opts.force === true);
  if (ctx.json) {
    ctx.out(toJson({ undone: { at: undone.change.at, change: undone.change.change }, remaining: undone.remaining.length, keptAt: undone.keptAt ?? null }));
  } else if (!ctx.quiet) {
    ctx.out(renderUndone(undone, ctx.theme));
  }
}
