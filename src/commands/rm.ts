import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { examples, withContext } from './define.js';

/** `netlog rm ID`: deletes one interaction and the promises made in it. */
export const rm = (parent: CommandUnknownOpts) =>
  parent
    .command('rm')
    .description('delete one interaction and the promises made in it (asks first; without a terminal needs --yes)')
    .argument('<id>', "the interaction's id, or its first letters (netlog history shows them)")
    .option('-y, --yes', 'do not ask')
    .addHelpText('after', examples('netlog rm 3kx9', 'netlog rm 3kx9 --yes     # in scripts', 'netlog undo              # brings it back'))
    .action(
      withContext(async (ctx, id, opts) => {
        const { rmCommand } = await import('./rm-action.js');
        await rmCommand(ctx, id, opts);
      }),
    );
