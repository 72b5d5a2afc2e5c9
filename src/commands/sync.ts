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
      const [{ basename }, { sync: run }, { changesText, mergeSummary }, { toJson }, { safe }] = await Promise.all([
        import('node:path'),
        import('../sync/sync.js'),
        import('../ui/render/merge.js'),
        import('../ui/json.js'),
        import('../ui/sanitize.js'),
      ]);
      const r = await run({ store: ctx.store, env: ctx.env });
      if (ctx.json) return ctx.out(toJson(r));
      if (r.mode === 'folder' && r.copies.length === 0) {
        ctx.info('nothing to sync: the journal is not in a git repository and no sync-tool copies sit beside it');
        ctx.info('to sync through git: netlog sync init REMOTE');
      }
      for (const c of r.copies) {
        if (c.skipped) {
          ctx.info(`left ${safe(basename(c.copy))} where it is: ${safe(c.skipped)}`);
          continue;
        }
        ctx.info(`merged ${safe(basename(c.copy))} (${c.base === 'backup' ? 'three-way, from a backup both share' : 'two-way: no common backup'}); moved it to ${safe(c.movedTo ?? '')}`);
        for (const line of mergeSummary(c.report!, { ours: 'this journal', theirs: 'the copy' })) ctx.info(`  ${line}`);
      }
      if (r.mode === 'folder') return;
      ctx.info(r.committed ? `committed: ${safe(r.committed)}` : 'nothing new to commit');
      if (!r.remote) return ctx.info('no remote: the journal is committed locally; add one with `netlog sync init REMOTE`');
      const incoming = r.incoming && changesText(r.incoming);
      const outgoing = r.outgoing && changesText(r.outgoing);
      ctx.info(`in from ${safe(r.remote)}: ${incoming || 'nothing new'}`);
      for (const line of r.settled ?? []) ctx.info(`  ${safe(line)}`);
      ctx.info(`out to ${safe(r.remote)}: ${r.pushed ? outgoing || 'commits, no journal changes' : 'nothing to send'}`);
    }),
  );
};
