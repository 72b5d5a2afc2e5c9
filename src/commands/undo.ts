import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { command, examples, withContext } from './define.js';

/** `netlog undo`: restore the journal as it was before the last change (again: the one before). */
export const undo = (parent: CommandUnknownOpts) =>
  command(parent, 'undo', 'restore the journal as it was before the last change (run again to go further back)', examples('netlog undo', 'netlog undo --list', 'netlog undo --json'))
    .option('--list', 'show the changes that can be undone, newest first')
    .option('--force', 'undo even though the file was changed outside netlog since (the current file is kept)')
    .action(
      withContext(async (ctx, opts) => {
        const [{ toJson }, { renderChanges, renderUndone }, { fitLines }] = await Promise.all([import('../ui/json.js'), import('../ui/render/safety.js'), import('../ui/wrap.js')]);
        if (opts.list) {
          const changes = (await ctx.store.changes()).reverse();
          if (ctx.json) ctx.out(toJson({ changes: changes.map(({ at, change }) => ({ at, change })) }));
          else ctx.out(fitLines(renderChanges(changes, ctx.theme), ctx.width));
          return;
        }
        const undone = await ctx.store.undo(opts.force === true);
        if (ctx.json) {
          ctx.out(toJson({ undone: { at: undone.change.at, change: undone.change.change }, remaining: undone.remaining.length, keptAt: undone.keptAt ?? null }));
        } else if (!ctx.quiet) {
          ctx.out(fitLines(renderUndone(undone, ctx.theme), ctx.width));
        }
      }),
    );
