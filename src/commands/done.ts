import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { UsageError } from '../errors.js';
import { command, examples, withContext } from './define.js';
import { contactNamer } from '../core/names.js';

/**
 * `netlog done ID`: marks a promise kept (today, or --on). An already kept promise is reported
 * and left alone with exit 0, so running it twice is harmless.
 */
export const done = (parent: CommandUnknownOpts) =>
  command(parent, 'done', 'mark a promise kept, yours or theirs (an already kept one is left as it is)', examples('netlog done 3dyv', 'netlog done 3dyvr0c9 --on yesterday'))
    .argument('<id>', "the promise's id, or the first letters of it")
    .option('--on <when>', 'when you kept it (default: today)')
    .action(
      withContext(async (ctx, id, opts) => {
        const [{ keptOnTime, madeOn, markDone }, { promiseById }, { whenOption }, { renderDone }, { toJson }] = await Promise.all([
          import('../core/promises.js'),
          import('./resolve.js'),
          import('./options.js'),
          import('../ui/render/promises.js'),
          import('../ui/json.js'),
        ]);
        const on = opts.on !== undefined ? whenOption('--on', opts.on, ctx.today) : ctx.today;
        if (on > ctx.today) throw new UsageError(`--on: ${on} is in the future`, 'mark a promise kept once you have kept it');

        const r = await ctx.store.update((journal) => {
          const p = promiseById(journal, id);
          const made = madeOn(journal, p, ctx.today);
          if (p.doneOn === null && on < made) {
            throw new UsageError(`--on: ${on} is before the promise was made (${made})`);
          }
          const marked = markDone(journal, p.id, on, ctx.editEnv().now);
          const name = contactNamer(journal.contacts)(p.contactId);
          return { journal: marked.journal, result: { ...marked, name } };
        });

        if (ctx.json) ctx.out(toJson({ ...r.promise, changed: r.changed, onTime: keptOnTime(r.promise) }));
        else if (!ctx.quiet) ctx.out(renderDone(r, r.name, ctx.today, ctx.theme));
      }),
    );
