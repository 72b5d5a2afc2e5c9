import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { examples, group, withContext } from './define.js';

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
  parent
    .command('add')
    .description('a promise made outside a logged meeting: yours to them, or with --theirs theirs to you')
    .argument('<name>', 'who: name, alias or unique first name')
    .argument('<text>', 'what was promised')
    .option('--by <when>', 'when it is due (default: tomorrow)')
    .option('--theirs', 'they promised it to you')
    .addHelpText('after', examples('netlog promise add Dana "send the case study" --by friday', 'netlog promise add "Sam Ortiz" "the printer\'s contact" --theirs --by "in 1w"'))
    .action(
      withContext(async (ctx, name, text, opts) => {
        const { promiseAddCommand } = await import('./promise-action.js');
        await promiseAddCommand(ctx, name, text, opts);
      }),
    );

/** `netlog promise edit ID`: a new text or due date. */
export const promiseEdit = (parent: CommandUnknownOpts) =>
  parent
    .command('edit')
    .description("change a promise's text or due date")
    .argument('<id>', "the promise's id, or its first letters (netlog promises shows them)")
    .option('--text <text>', 'what was promised')
    .option('--by <when>', 'when it is due')
    .addHelpText('after', examples('netlog promise edit 3dyv --by monday', 'netlog promise edit 3dyv --text "send the case study and the price list"'))
    .action(
      withContext(async (ctx, id, opts) => {
        const { promiseEditCommand } = await import('./promise-action.js');
        await promiseEditCommand(ctx, id, opts);
      }),
    );

/** `netlog promise drop ID`: no longer needed. */
export const promiseDrop = (parent: CommandUnknownOpts) =>
  parent
    .command('drop')
    .description('a promise no longer needed: neither kept nor broken, never due again')
    .argument('<id>', "the promise's id, or its first letters")
    .addHelpText('after', examples('netlog promise drop 3dyv', 'netlog done 3dyv     # kept it instead'))
    .action(
      withContext(async (ctx, id, _opts) => {
        const { promiseDropCommand } = await import('./promise-action.js');
        await promiseDropCommand(ctx, id);
      }),
    );
