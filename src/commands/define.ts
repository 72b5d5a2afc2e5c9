import { Option, type CommandUnknownOpts } from '@commander-js/extra-typings';
import type { Ctx, GlobalOptions, Io } from '../context.js';
import { UsageError } from '../errors.js';
import { didYouMean } from '../core/names.js';
import { safe } from '../ui/sanitize.js';

// What every command file uses to define itself: a command is a function that adds it to its
// parent (`parent.command('due')…`, so it inherits the program's settings) with its flags, help,
// examples and action together; src/cli.ts lists each once.
// This module and the command files are loaded on every run, so they import nothing heavy at the
// top: an action imports what it needs when it runs.

/** Adds a command to its parent (the program, or a group such as `contact`) and returns it. */
export type Define = (parent: CommandUnknownOpts) => CommandUnknownOpts;

const streams = new WeakMap<CommandUnknownOpts, Io>();

/** The top of the command tree: the program src/cli.ts built. */
export function root(cmd: CommandUnknownOpts): CommandUnknownOpts {
  let c = cmd;
  while (c.parent) c = c.parent;
  return c;
}

/** Gives the program the streams its commands write to. */
export function attachIo(program: CommandUnknownOpts, io: Io): void {
  streams.set(program, io);
}

/** The context a command runs in, made from the global options and the program's streams. */
export async function contextOf(cmd: CommandUnknownOpts): Promise<Ctx> {
  const io = streams.get(root(cmd));
  if (!io) throw new Error(`netlog ${cmd.name()}: the program has no streams`);
  // Imported here, not at the top: the context pulls in the store (TypeBox, lowdb) and the theme
  // (chalk), which `--version`, `--help` and usage errors never need.
  const { makeContext } = await import('../context.js');
  return makeContext(cmd.optsWithGlobals() as GlobalOptions, io);
}

/**
 * An action that makes the context, then runs the command with the arguments and options
 * commander parsed, typed from the definition. `run` lists them all, the options last even when
 * it does not use them: `(ctx, name, when, _opts) => …`, `(ctx, _opts) => …` (that is how
 * TypeScript matches it to the definition). An action that needs the command itself takes
 * commander's `(…args, opts, cmd)` and calls contextOf(cmd).
 */
export function withContext<A extends unknown[]>(run: (ctx: Ctx, ...args: A) => Promise<void> | void) {
  return async (...args: [...A, CommandUnknownOpts]): Promise<void> => {
    const ctx = await contextOf(args[args.length - 1] as CommandUnknownOpts);
    await run(ctx, ...(args.slice(0, -1) as A));
  };
}

/**
 * A command: its name, one-line description and help after the options (examples(…), and any
 * more words) together, as group() takes them. Arguments, options and the action follow it.
 */
export function command<Name extends string>(parent: CommandUnknownOpts, name: Name, description: string, help: string) {
  return parent.command(name).description(description).addHelpText('after', help);
}

/**
 * An action written in another module (a command's `-action.ts`), loaded when it runs, typed from
 * the definition as withContext's `run` is: `.action(runs(() => import('./rm-action.js').then((m) => m.rmCommand)))`.
 */
export function runs<A extends unknown[]>(load: () => Promise<(ctx: Ctx, ...args: A) => Promise<void> | void>) {
  return withContext(async (ctx, ...args: A) => (await load())(ctx, ...args));
}

/** Collects a repeatable option's values. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Help text listing examples, shown after the options. */
export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/** `-c, --contact NAME` for the lists that narrow to one person; the action finds them with contactFilter in resolve.ts. */
export function contactOption(description: string) {
  return new Option('-c, --contact <name>', description);
}

/** `--tag TAG` for the lists that narrow to a tag (due, report); the action checks it with knownTag. */
export function tagFilter() {
  return new Option('--tag <tag>', 'only contacts with this tag');
}

/**
 * A command that only holds subcommands (`contact`, `event`, `promise`, `tag`, `want`). Alone it
 * shows its help on stdout (commander would list the subcommands on stderr); a mistyped
 * subcommand is a usage error with "did you mean" and the list of them.
 */
export function group(parent: CommandUnknownOpts, name: string, description: string, help: string): CommandUnknownOpts {
  const cmd = command(parent, name, description, help).usage('<command> [options]').argument('[command]').allowExcessArguments();
  return cmd.action((sub) => {
    if (sub === undefined) return cmd.outputHelp();
    const names = cmd.commands.map((c) => c.name());
    const near = didYouMean(String(sub), names);
    throw new UsageError(`unknown ${name} command "${safe(String(sub))}"${near ? ` (${near})` : ''}`, `commands: ${names.join(', ')}`);
  });
}
