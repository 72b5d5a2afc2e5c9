import type { Command } from 'commander';
import type { Io } from '../context.js';
import { action, collect, examples } from './shared.js';

// edit, rm, promise, event, search: correcting the record and finding things in it (SPEC §6.2).

const ITEM_HELP = 'TYPE[@NAME][:NOTE]; replaces the list ("" clears it; repeatable)';

export function registerCorrect(program: Command, io: Io): void {
  program
    .command('edit')
    .description('change one interaction: date, kind, note, what passed, who was there, event (prints old → new)')
    .argument('<id>', "the interaction's id, or its first letters (netlog history shows them)")
    .option('-d, --date <when>', 'when it happened')
    .option('-k, --kind <kind>', 'meeting, coffee, meal, call, video, email, message, event or other')
    .option('-n, --note <text>', 'the note ("" clears it)')
    .option('-g, --gave <item>', `what you gave: ${ITEM_HELP}`, collect)
    .option('-a, --asked <item>', `what you asked for: ${ITEM_HELP}`, collect)
    .option('-r, --received <item>', `what you received: ${ITEM_HELP}`, collect)
    .option('-w, --with <names...>', 'who was there, replacing the list (names resolved as add does)')
    .option('-e, --event <name>', 'the event ("" for none)')
    .option('--new', 'with --with: create new contacts even when a name looks like a typo of an existing one')
    .addHelpText(
      'after',
      examples(
        'netlog edit 3kx9 --note "hiring a designer, not a developer"',
        'netlog edit 3kx9 --date yesterday --kind call',
        'netlog edit 3kx9 --with "Dana Lee" "Sam Ortiz" --gave intro@Dana:"to Priya"',
        'netlog edit 3kx9 --asked ""        # nothing was asked after all',
      ),
    )
    .action(
      action(io, async (ctx, id: string, opts) => {
        const { editCommand } = await import('../commands/edit.js');
        await editCommand(ctx, id, opts as Parameters<typeof editCommand>[2]);
      }),
    );

  program
    .command('rm')
    .description('delete one interaction and the promises made in it (asks first; without a terminal needs --yes)')
    .argument('<id>', "the interaction's id, or its first letters (netlog history shows them)")
    .option('-y, --yes', 'do not ask')
    .addHelpText('after', examples('netlog rm 3kx9', 'netlog rm 3kx9 --yes     # in scripts', 'netlog undo              # brings it back'))
    .action(
      action(io, async (ctx, id: string, opts: { yes?: boolean }) => {
        const { rmCommand } = await import('../commands/rm.js');
        await rmCommand(ctx, id, opts);
      }),
    );

  const promise = program
    .command('promise')
    .description('promises both ways: add one without a meeting, change its text or date, drop it')
    .addHelpText('after', examples('netlog promise add Dana "send the case study" --by friday', 'netlog promise add Dana "intro to their CFO" --theirs', 'netlog promise edit 3dyv --by "in 1w"', 'netlog promise drop 3dyv'));
  promise.action(() => promise.outputHelp());
  promise
    .command('add')
    .description('a promise made outside a logged meeting: yours to them, or with --theirs theirs to you')
    .argument('<name>', 'who: name, alias or unique first name')
    .argument('<text>', 'what was promised')
    .option('--by <when>', 'when it is due (default: tomorrow)')
    .option('--theirs', 'they promised it to you')
    .addHelpText('after', examples('netlog promise add Dana "send the case study" --by friday', 'netlog promise add "Sam Ortiz" "the printer\'s contact" --theirs --by "in 1w"'))
    .action(
      action(io, async (ctx, name: string, text: string, opts) => {
        const { promiseAddCommand } = await import('../commands/promise.js');
        await promiseAddCommand(ctx, name, text, opts as Parameters<typeof promiseAddCommand>[3]);
      }),
    );
  promise
    .command('edit')
    .description("change a promise's text or due date")
    .argument('<id>', "the promise's id, or its first letters (netlog promises shows them)")
    .option('--text <text>', 'what was promised')
    .option('--by <when>', 'when it is due')
    .addHelpText('after', examples('netlog promise edit 3dyv --by monday', 'netlog promise edit 3dyv --text "send the case study and the price list"'))
    .action(
      action(io, async (ctx, id: string, opts) => {
        const { promiseEditCommand } = await import('../commands/promise.js');
        await promiseEditCommand(ctx, id, opts as Parameters<typeof promiseEditCommand>[2]);
      }),
    );
  promise
    .command('drop')
    .description('a promise no longer needed: neither kept nor broken, never due again')
    .argument('<id>', "the promise's id, or its first letters")
    .addHelpText('after', examples('netlog promise drop 3dyv', 'netlog done 3dyv     # kept it instead'))
    .action(
      action(io, async (ctx, id: string) => {
        const { promiseDropCommand } = await import('../commands/promise.js');
        await promiseDropCommand(ctx, id);
      }),
    );
}
