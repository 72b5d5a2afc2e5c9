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

/** ideas, intros, brief. */
export function registerAdvice(program: Command, io: Io): void {
  program
    .command('ideas')
    .description('give-matching: for each open want, who in your journal fits it (and why); what to give the people you owe')
    .option('--explain', 'show the points each match scored and how the list is ranked')
    .addHelpText('after', examples('netlog ideas', 'netlog ideas --explain', "netlog ideas --json | jq -r '.ideas[] | .name + \" wants \" + .want + \": \" + (.candidates[0].name // \"nobody yet\")'"))
    .action(
      action(io, async (ctx, opts) => {
        const { ideasCommand } = await import('../commands/act.js');
        await ideasCommand(ctx, opts as Parameters<typeof ideasCommand>[1]);
      }),
    );

  program
    .command('brief')
    .description('one screen before you meet someone: how you met, stage, balance, last notes, promises, wants, dates, intros, a suggestion')
    .argument('<name>', 'name, alias or unique first name')
    .addHelpText('after', examples('netlog brief Dana', 'netlog brief "Dana Lee" --json | jq .suggestion'))
    .action(
      action(io, async (ctx, name: string) => {
        const { briefCommand } = await import('../commands/act.js');
        await briefCommand(ctx, name);
      }),
    );

  program
    .command('intros')
    .description('introductions both ways: the ones you made and the ones made for you, with what came of them')
    .addHelpText('after', examples('netlog intros', "netlog intros --json | jq '.made[] | {from: .from.name, to: .to.name, afterwards}'"))
    .action(
      action(io, async (ctx) => {
        const { introsCommand } = await import('../commands/act.js');
        await introsCommand(ctx);
      }),
    );
}
