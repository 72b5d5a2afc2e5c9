import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { command, examples, withContext } from './define.js';

/** `netlog sync init [REMOTE]`: the journal's folder becomes (or joins) a git repository with netlog's merge driver. */
export const syncInit = (parent: CommandUnknownOpts) =>
  command(
    parent,
    'init',
    "make the journal's folder a git repository (or use the one it is in) and register netlog's merge driver",
    examples('netlog sync init', 'netlog sync init git@example.com:me/netlog.git', 'git init --bare /media/usb/netlog.git && netlog sync init /media/usb/netlog.git'),
  )
    .argument('[remote]', 'a git remote to sync with, as origin (a URL, or a bare repository path such as a USB stick)')
    .action(
      withContext(async (ctx, remote, _opts) => {
        const [{ syncInit: init }, { syncInitLines }, { toJson }] = await Promise.all([import('../sync/sync.js'), import('../ui/render/sync.js'), import('../ui/json.js')]);
        const r = await init({ store: ctx.store, env: ctx.env }, remote);
        if (ctx.json) return ctx.out(toJson(r));
        for (const line of syncInitLines(r)) ctx.info(line);
      }),
    );
