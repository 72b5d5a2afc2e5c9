import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { command, examples, runs } from './define.js';

/** `netlog rm ID`: deletes one interaction and the promises made in it. */
export const rm = (parent: CommandUnknownOpts) =>
  command(
    parent,
    'rm',
    'delete one interaction and the promises made in it (asks first; without a terminal needs --yes)',
    examples('netlog rm 3kx9', 'netlog rm 3kx9 --yes     # in scripts', 'netlog undo              # brings it back'),
  )
    .argument('<id>', "the interaction's id, or its first letters (netlog history shows them)")
    .option('-y, --yes', 'do not ask')
    .action(runs(() => import('./rm-action.js').then((m) => m.rmCommand)));
