import type { Command } from 'commander';
import type { Io } from '../context.js';
import { action, examples } from './shared.js';

/** want, ideas, brief, intros: turning the journal into advice (SPEC §6.3). */
export function registerAct(program: Command, io: Io): void {
  const want = program
    .command('want')
    .description("what people are looking for: mark one met (record them with add --wants)")
    .addHelpText('after', examples('netlog add Dana --wants "a brand designer"', 'netlog want done 7kq2'));
  want.action(() => want.outputHelp());
  want
    .command('done')
    .description('mark a want met (an already met one is left as it is)')
    .argument('<id>', "the want's id, or the first letters of it (see netlog ideas or contact show)")
    .option('--on <when>', 'when it was met (default: today)')
    .addHelpText('after', examples('netlog want done 7kq2', 'netlog want done 7kq2x9ab --on yesterday'))
    .action(
      action(io, async (ctx, id: string, opts) => {
        const { wantDoneCommand } = await import('../commands/want.js');
        await wantDoneCommand(ctx, id, opts as Parameters<typeof wantDoneCommand>[2]);
      }),
    );
}
