import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { command, examples, group, runs } from './define.js';

// `netlog promise add|edit|drop`: promises both ways, with or without a meeting (SPEC §6.2).

/** `netlog promise`: the group (see src/cli.ts). */
export const promise = (parent: CommandUnknownOpts) =>
  group(
    parent,
    'promise',
    'promises both ways: add one without a meeting, change its text or date, drop it',
    examples('netlog promise add Dana "send the case study" --by friday', 'netlog promise add Dana "intro to their CFO" --theirs', 'netlog promise edit 3dyv --by "in 1w"', 'netlog promise drop 3dyv'),
  );

/** `netlog promise add NAME TEXT`: yours to them, or with --theirs theirs to you. */
export const promiseAdd = (parent: CommandUnknownOpts) =>
  command(
    parent,
    'add',
    'a promise made outside a logged meeting: yours to them, or with --theirs theirs to you',
    examples('netlog promise add Dana "send the case study" --by friday', 'netlog promise add "Sam Ortiz" "the printer\'s contact" --theirs --by "in 1w"'),
  )
    .argument('<name>', 'who: name, alias or unique first name')
    .argument('<text>', 'what was promised')
    .option('--by <when>', 'when it is due (default: tomorrow)')
    .option('--theirs', 'they promised it to you')
    .action(runs(() => import('./promise-action.js').then((m) => m.promiseAddCommand)));

/** `netlog promise edit ID`: a new text or due date. */
export const promiseEdit = (parent: CommandUnknownOpts) =>
  command(parent, 'edit', "change a promise's text or due date", examples('netlog promise edit 3dyv --by monday', 'netlog promise edit 3dyv --text "send the case study and the price list"'))
    .argument('<id>', "the promise's id, or its first letters (netlog promises shows them)")
    .option('--text <text>', 'what was promised')
    .option('--by <when>', 'when it is due')
    .action(runs(() => import('./promise-action.js').then((m) => m.promiseEditCommand)));

/** `netlog promise drop ID`: no longer needed. */
export const promiseDrop = (parent: CommandUnknownOpts) =>
  command(parent, 'drop', 'a promise no longer needed: neither kept nor broken, never due again', examples('netlog promise drop 3dyv', 'netlog done 3dyv     # kept it instead'))
    .argument('<id>', "the promise's id, or its first letters")
    .action(runs(() => import('./promise-action.js').then((m) => m.promiseDropCommand)));
