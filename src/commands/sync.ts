import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { UsageError } from '../errors.js';
import { examples, withContext } from './define.js';

/** `netlog sync`: commit, pull through the merge driver, push; or merge the copies a sync tool left. `sync init` is its subcommand. */
export const sync = (parent: CommandUnknownOpts) => {
  const group = parent
    .command('sync')
    .description('commit the journal, pull (merging through netlog), push; or merge copies a sync tool left')
    .usage('[init [remote]] [options]')
    .argument('[command]')
    .allowExcessArguments()
    .addHelpText(
      'after',
      examples('netlog sync init git@example.com:me/netlog.git   # once per device', 'netlog sync', 'netlog sync init /media/usb/netlog.git') +
        '\nIn a folder kept by Syncthing, Dropbox, Nextcloud or OneDrive (no git), `netlog sync` merges\n' +
        'the conflict copies they leave beside the journal and moves them to the backups folder.\n',
    );
  return group.action(
    withContext(async (ctx, sub, _opts) => {
      if (sub !== undefined) throw new UsageError(`unknown sync command "${sub}"`, 'commands: init; or `netlog sync` alone');
      const [{ sync: run }, { syncLines }, { toJson }] = await Promise.all([import('../sync/sync.js'), import('../ui/render/sync.js'), import('../ui/json.js')]);
      const r = await run({ store: ctx.store, env: ctx.env });
      if (ctx.json) return ctx.out(toJson(r));
      for (const line of syncLines(r)) ctx.info(line);
    }),
  );
};
