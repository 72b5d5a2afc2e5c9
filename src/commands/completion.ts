import { Argument, type CommandUnknownOpts } from '@commander-js/extra-typings';
import type { Journal } from '../core/schema.js';
import { stripUnsafe } from '../ui/sanitize.js';
import { compareNames } from '../core/names.js';
import { command, contextOf, examples, root, withContext } from './define.js';

/** `netlog completion SHELL`: prints the completion script. */
export const completion = (parent: CommandUnknownOpts) =>
  command(
    parent,
    'completion',
    'print a shell completion script (commands, options, contact names)',
    examples(
      'netlog completion bash > ~/.local/share/bash-completion/completions/netlog',
      'netlog completion zsh > "${fpath[1]}/_netlog"',
      'netlog completion fish > ~/.config/fish/completions/netlog.fish',
      'eval "$(netlog completion bash)"            # just for this shell',
    ),
  )
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish'] as const))
    .action(
      // The script describes the whole program, so this action takes the command from commander.
      async (shell, _opts, cmd) => {
        const [ctx, { completionScript }, { describeProgram }] = await Promise.all([contextOf(cmd), import('../ui/completion.js'), import('./describe.js')]);
        ctx.out(completionScript(shell, describeProgram(root(cmd))));
      },
    );

/** Contact names for completion: active contacts, one a line, nothing that could break a shell line. */
export function completionNames(journal: Journal): string[] {
  const names = journal.contacts
    .filter((c) => !c.archived)
    .map((c) => stripUnsafe(c.name).trim())
    .filter(Boolean);
  return [...new Set(names)].sort(compareNames);
}

/** `netlog __names` (hidden): what the completion scripts offer where a name goes. */
export const names = (parent: CommandUnknownOpts) =>
  parent
    .command('__names', { hidden: true })
    .description('contact names, one a line, for shell completion')
    .action(
      withContext(async (ctx, _opts) => {
        const names = completionNames(await ctx.store.read());
        if (names.length) ctx.out(names.join('\n'));
      }),
    );
