import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { collect, command, examples, runs } from './define.js';

const ITEM_HELP = 'TYPE[@NAME][:NOTE]; replaces the list ("" clears it; repeatable)';

/** `netlog edit ID`: changes one interaction, saying what changed (old → new). */
export const edit = (parent: CommandUnknownOpts) =>
  command(
    parent,
    'edit',
    'change one interaction: date, kind, note, what passed, who was there, event (prints old → new)',
    examples(
      'netlog edit 3kx9 --note "hiring a designer, not a developer"',
      'netlog edit 3kx9 --date yesterday --kind call',
      'netlog edit 3kx9 --with "Dana Lee" "Sam Ortiz" --gave intro@Dana:"to Priya"',
      'netlog edit 3kx9 --asked ""        # nothing was asked after all',
    ),
  )
    .argument('<id>', "the interaction's id, or its first letters (netlog history shows them)")
    .option('-d, --date <when>', 'when it happened')
    .option('-k, --kind <kind>', 'meeting, coffee, meal, call, video, email, message, event or other')
    .option('-n, --note <text>', 'the note ("" clears it)')
    .option('-g, --gave <item>', `what you gave: ${ITEM_HELP}`, collect)
    .option('-a, --asked <item>', `what you asked for: ${ITEM_HELP}`, collect)
    .option('-r, --received <item>', `what you received: ${ITEM_HELP}`, collect)
    .option('-w, --with <names...>', 'who was there, replacing the list (names resolved as add does)')
    .option('-e, --event <name>', 'the event ("" for none)')
    .option('--new', 'with --with or --event: create new contacts, or a new event, even when a name looks like a typo of one in the journal')
    .action(runs(() => import('./edit-action.js').then((m) => m.editCommand)));
