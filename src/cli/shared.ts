import type { Command } from 'commander';
import type { Ctx, GlobalOptions, Io } from '../context.js';

// Glue between commander and the commands: each action gets a context made from the global
// options, and its implementation module is imported only when that command runs.

export type Register = (program: Command, io: Io) => void;

/** An action that builds the context, then runs the command. */
export function action<A extends unknown[]>(io: Io, run: (ctx: Ctx, ...args: A) => Promise<void>) {
  return async (...args: unknown[]): Promise<void> => {
    const cmd = args[args.length - 1] as Command;
    // Imported here, not at the top: the context pulls in the store (TypeBox, lowdb) and the theme
    // (chalk), which `--version`, `--help` and usage errors never need.
    const { makeContext } = await import('../context.js');
    const ctx = makeContext(cmd.optsWithGlobals<GlobalOptions>(), io);
    await run(ctx, ...(args.slice(0, -1) as A));
  };
}

/** Collects a repeatable option's values. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Help text listing examples, shown after the options. */
export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}
