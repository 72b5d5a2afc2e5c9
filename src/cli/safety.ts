import type { Command } from 'commander';
import type { Io } from '../context.js';
import { action, examples } from './shared.js';

/** undo, check: keeping the journal safe. */
export function registerSafety(program: Command, io: Io): void {
  program
    .command('undo')
    .description('restore the journal as it was before the last change (run again to go further back)')
    .option('--list', 'show the changes that can be undone, newest first')
    .option('--force', 'undo even though the file was changed outside netlog since (the current file is kept)')
    .addHelpText('after', examples('netlog undo', 'netlog undo --list', 'netlog undo --json'))
    .action(
      action(io, async (ctx, opts) => {
        const { undoCommand } = await import('../commands/undo.js');
        await undoCommand(ctx, opts as Parameters<typeof undoCommand>[1]);
      }),
    );

  program
    .command('check')
    .description('validate the journal and report problems (exit 1 when there are any)')
    .addHelpText('after', examples('netlog check', 'netlog check --json | jq .problems', 'netlog --file ~/Dropbox/journal.json check'))
    .action(
      action(io, async (ctx) => {
        const { checkCommand } = await import('../commands/check.js');
        await checkCommand(ctx);
      }),
    );
}
