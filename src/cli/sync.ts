import type { Command } from 'commander';
import type { Io } from '../context.js';
import { action, examples } from './shared.js';

/** merge, sync: carrying the journal between devices (SPEC §6.4). */
export function registerSync(program: Command, io: Io): void {
  program
    .command('merge')
    .description("three-way merge of journal files; git's merge driver (%O %A %B): writes the result over OURS")
    .argument('<base>', 'the common ancestor (an empty or missing file: none)')
    .argument('<ours>', 'our version; replaced by the result unless --out is given')
    .argument('<theirs>', 'their version')
    .option('-o, --out <file>', 'write the result here instead of over OURS')
    .addHelpText(
      'after',
      examples('netlog merge base.json laptop.json desktop.json -o merged.json', 'netlog merge old.json journal.json copy.json --json | jq .settled') +
        '\nNever writes conflict markers. A field changed on both sides keeps the later change\n' +
        '(updatedAt); a losing name becomes an alias, a losing note is appended. Exit 1, with\n' +
        'OURS untouched, when an input is not a valid journal. `netlog sync init` registers it with git.\n',
    )
    .action(
      action(io, async (ctx, base: string, ours: string, theirs: string, opts) => {
        const { mergeCommand } = await import('../commands/merge.js');
        await mergeCommand(ctx, base, ours, theirs, opts as Parameters<typeof mergeCommand>[4]);
      }),
    );

  const syncCmd = program
    .command('sync')
    .description('commit the journal, pull (merging through netlog), push; or merge copies a sync tool left')
    .addHelpText(
      'after',
      examples('netlog sync init git@example.com:me/netlog.git   # once per device', 'netlog sync', 'netlog sync init /media/usb/netlog.git') +
        '\nIn a folder kept by Syncthing, Dropbox, Nextcloud or OneDrive (no git), `netlog sync` merges\n' +
        'the conflict copies they leave beside the journal and moves them to the backups folder.\n',
    )
    .action(
      action(io, async (ctx) => {
        const { syncCommand } = await import('../commands/sync.js');
        await syncCommand(ctx);
      }),
    );
  syncCmd
    .command('init')
    .description("make the journal's folder a git repository (or use the one it is in) and register netlog's merge driver")
    .argument('[remote]', 'a git remote to sync with, as origin (a URL, or a bare repository path such as a USB stick)')
    .addHelpText('after', examples('netlog sync init', 'netlog sync init git@example.com:me/netlog.git', 'git init --bare /media/usb/netlog.git && netlog sync init /media/usb/netlog.git'))
    .action(
      action(io, async (ctx, remote: string | undefined) => {
        const { syncInitCommand } = await import('../commands/sync.js');
        await syncInitCommand(ctx, remote);
      }),
    );
}
