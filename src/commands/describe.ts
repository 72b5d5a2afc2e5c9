import type { CommandUnknownOpts as Command, Option } from '@commander-js/extra-typings';
import { ITEM_TYPES, KINDS } from '../core/journal.js';
import type { CommandSpec, CompletionSpec, OptionSpec, Values } from '../ui/completion.js';

// The commander program as a plain description for the completion scripts. What a value is
// comes from commander's declared choices, else from the option's or argument's name.

const NONE: Values = { kind: 'none' };

function valuesFor(name: string, choices: readonly string[] | undefined): Values {
  if (choices?.length) return { kind: 'words', words: [...choices] };
  const n = name.toLowerCase();
  if (n === 'file' || n === 'out' || n === 'path') return { kind: 'file' };
  if (n === 'contact' || n === 'keep' || n === 'other' || /names?$/.test(n)) return { kind: 'names' };
  if (n === 'kind') return { kind: 'words', words: [...KINDS] };
  if (n === 'gave' || n === 'asked' || n === 'received') return { kind: 'words', words: [...ITEM_TYPES] };
  return NONE;
}

function optionSpec(o: Option): OptionSpec {
  const flags = [o.short, o.long].filter((f): f is string => f !== undefined);
  const takesValue = o.required || o.optional;
  return {
    flags,
    description: o.description,
    ...(takesValue ? { values: valuesFor(o.attributeName(), o.argChoices) } : {}),
  };
}

function visible(cmd: Command): Command[] {
  // commander keeps `_hidden` private; hidden commands (like __names) are not offered.
  return cmd.commands.filter((c) => !(c as unknown as { _hidden?: boolean })._hidden && c.name() !== 'help');
}

function commandSpec(cmd: Command, prefix: string): CommandSpec[] {
  const path = prefix ? `${prefix} ${cmd.name()}` : cmd.name();
  const subs = visible(cmd);
  const arg = cmd.registeredArguments[0];
  const self: CommandSpec = {
    path,
    description: cmd.description(),
    options: cmd.options.filter((o) => !o.hidden && o.long !== '--help').map(optionSpec),
    args: arg ? valuesFor(arg.name(), arg.argChoices) : NONE,
    subcommands: subs.map((s) => s.name()),
  };
  return [self, ...(prefix ? [] : subs.flatMap((s) => commandSpec(s, path)))];
}

/** Every visible command (and one level of subcommands), with its options and arguments. */
export function describeProgram(program: Command): CompletionSpec {
  return {
    globals: program.options.filter((o) => !o.hidden).map(optionSpec),
    commands: visible(program).flatMap((c) => commandSpec(c, '')),
  };
}
