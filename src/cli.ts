import { Command, CommanderError, type CommandUnknownOpts } from '@commander-js/extra-typings';
import type { Io } from './context.js';
import { processIo } from './process-io.js';
import { NetlogError, UsageError } from './errors.js';
import { safe } from './ui/sanitize.js';
import { didYouMean } from './core/names.js';
import { attachIo, examples, type Define } from './commands/define.js';
import { add } from './commands/add.js';
import { due } from './commands/due.js';
import { report } from './commands/report.js';
import { contact } from './commands/contact.js';
import { contactAdd } from './commands/contact-add.js';
import { contactShow } from './commands/contact-show.js';
import { contactEdit } from './commands/contact-edit.js';
import { contactMerge } from './commands/contact-merge.js';
import { contactArchive, contactUnarchive } from './commands/contact-archive.js';
import { contactRm } from './commands/contact-rm.js';
import { contacts } from './commands/contacts.js';
import { history } from './commands/history.js';
import { searchCommand } from './commands/search.js';
import { promises } from './commands/promises.js';
import { done } from './commands/done.js';
import { edit } from './commands/edit.js';
import { rm } from './commands/rm.js';
import { promise, promiseAdd, promiseDrop, promiseEdit } from './commands/promise.js';
import { snooze } from './commands/snooze.js';
import { tag } from './commands/tag.js';
import { tagCadence } from './commands/tag-cadence.js';
import { settings } from './commands/settings.js';
import { events } from './commands/events.js';
import { event, eventEdit, eventMerge } from './commands/event.js';
import { importCommand } from './commands/import.js';
import { exportCommand } from './commands/export.js';
import { completion, names } from './commands/completion.js';
import { undo } from './commands/undo.js';
import { check } from './commands/check.js';
import { mergeJournals } from './commands/merge.js';
import { sync } from './commands/sync.js';
import { syncInit } from './commands/sync-init.js';
import { want, wantDone } from './commands/want.js';
import { ideas } from './commands/ideas.js';
import { brief } from './commands/brief.js';
import { intros } from './commands/intros.js';
import { version } from './version.js';

// Commander wiring and the one top-level handler: every failure becomes `netlog: …` on stderr
// and an exit code (SPEC §5).

/** A command with subcommands: `contact add`, `tag cadence`. */
interface Group {
  define: Define;
  subcommands: Define[];
}

/**
 * Every command by its name, in the order `netlog --help` lists them. Each is defined in its own
 * file; a test checks that each key is the name its file gives the command.
 */
const COMMANDS: Record<string, Define | Group> = {
  add,
  due,
  report,
  ideas,
  brief,
  intros,
  want: { define: want, subcommands: [wantDone] },
  contact: { define: contact, subcommands: [contactAdd, contactShow, contactEdit, contactMerge, contactArchive, contactUnarchive, contactRm] },
  contacts,
  history,
  search: searchCommand,
  edit,
  rm,
  promises,
  promise: { define: promise, subcommands: [promiseAdd, promiseEdit, promiseDrop] },
  done,
  snooze,
  tag: { define: tag, subcommands: [tagCadence] },
  settings,
  events,
  event: { define: event, subcommands: [eventEdit, eventMerge] },
  import: importCommand,
  export: exportCommand,
  completion,
  __names: names,
  undo,
  check,
  sync: { define: sync, subcommands: [syncInit] },
  merge: mergeJournals,
};

/** The names of the top-level commands, in help order. */
export const commandNames = (): string[] => Object.keys(COMMANDS);

/** Global options that take a value: the word after them is not the command (a test checks this against the program's options). */
export const GLOBAL_VALUES = new Set(['--file']);

/**
 * The one command these arguments run, when they name it (`help due` too); otherwise (no
 * command, an alias, a mistyped word) undefined, and every command is defined: the help lists
 * them all and a mistyped word is matched against them all. `completion` describes them all.
 */
export function commandAsked(argv: readonly string[]): string | undefined {
  let i = 0;
  while (i < argv.length && argv[i]!.startsWith('-')) {
    // `netlog --help due` (or -qh) is netlog's own help, which lists every command.
    if (argv[i] === '--help' || /^-[^-]*h/.test(argv[i]!)) return undefined;
    i += GLOBAL_VALUES.has(argv[i]!) ? 2 : 1;
  }
  let word = argv[i];
  if (word === 'help') word = argv[i + 1];
  return word !== undefined && word !== 'completion' && Object.hasOwn(COMMANDS, word) ? word : undefined;
}

/** The program, with the command `argv` asks for, or with every command (commandAsked). */
export function buildProgram(io: Io, argv: readonly string[] = []): CommandUnknownOpts {
  const program = new Command('netlog')
    .description('A networking journal: log who you meet, see who is due for a touch, give more than you ask.')
    .option('-V, --version', 'print the version')
    .on('option:version', () => {
      io.stdout.write(`${version()}\n`);
      throw new CommanderError(0, 'commander.version', 'version printed');
    })
    .option('--file <path>', 'the journal file (default: $NETLOG_FILE, else ~/.local/share/netlog/journal.json)')
    .option('--json', 'print machine-readable JSON')
    .option('--no-color', 'no colour, even in a terminal')
    .option('-q, --quiet', 'say nothing that is not asked for')
    .helpOption('-h, --help', 'show help')
    // Descriptions wrap in a column of 20 or more (commander's 40 leaves netlog's help, whose
    // commands take half of 80 columns, to be cut by the terminal mid-word).
    .configureHelp({ minWidthToWrap: 20 })
    // Suggestions are ours (reportFailure), made as for every other mistyped word.
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput(output(io))
    .addHelpText('after', examples('netlog add "Dana Lee" --kind coffee --gave intro:"to Sam"', 'netlog due', 'netlog report --since 4w'));
  program.helpCommand('help [command]', 'show help for a command');
  attachIo(program, io);
  // Defining all forty commands is a noticeable part of a short run; a run needs one.
  const asked = commandAsked(argv);
  for (const entry of asked !== undefined ? [COMMANDS[asked]!] : Object.values(COMMANDS)) {
    const { define, subcommands } = typeof entry === 'function' ? { define: entry, subcommands: [] } : entry;
    const cmd = define(program);
    for (const sub of subcommands) sub(cmd);
    configure(cmd, io);
  }
  return program;
}

/** Help goes to io's stdout, wrapped to its width (commander's default looks at process.stdout). */
const output = (io: Io) => ({
  writeOut: (s: string) => void io.stdout.write(s),
  writeErr: () => {},
  getOutHelpWidth: () => helpWidth(io),
});

const helpWidth = (io: Io) => (io.stdout.isTTY && io.stdout.columns) || 80;

/** A file the bin keeps beside the bundles for this very build (bin/netlog.cjs kept): derived data, safe to lose. */
export interface Kept {
  read(): Uint8Array | undefined;
  write(data: string): void;
}

/** What the bin hands main: files kept for this build, by name. */
export interface Bin {
  kept(name: string): Kept;
}

/** The forms that ask for the help of netlog itself (besides no arguments at all). */
const TOP_HELP = new Map([
  ['--help', 'long'],
  ['-h', 'short'],
  ['help', 'word'],
]);

/** A usage error from commander, with the command it came from, so the hint names the right help. */
class CommandUsage extends Error {
  constructor(
    readonly original: CommanderError,
    readonly cmd: CommandUnknownOpts,
    readonly path: string,
  ) {
    super(original.message);
  }
}

function configure(cmd: CommandUnknownOpts, io: Io, parent = 'netlog'): void {
  const path = `${parent} ${cmd.name()}`;
  cmd
    .exitOverride((err) => {
      throw err.exitCode === 0 ? err : new CommandUsage(err, cmd, path);
    })
    .configureOutput(output(io));
  for (const sub of cmd.commands) configure(sub, io, path);
}

/**
 * Runs netlog with these arguments and returns the exit code. Run by the bin, netlog's own help
 * is kept once laid out (for this build and width), as a list of forty commands takes a while to
 * define and lay out, and printed from there after.
 */
export async function main(argv: string[], io: Io = processIo(argv), bin?: Bin): Promise<number> {
  const form = argv.length === 0 ? 'none' : argv.length === 1 ? TOP_HELP.get(argv[0]!) : undefined;
  const keptHelp = form !== undefined && bin ? bin.kept(`help-${helpWidth(io)}-${form}`) : undefined;
  const text = keptHelp?.read();
  if (text !== undefined) {
    io.stdout.write(Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('utf8'));
    return 0;
  }
  let written = '';
  // The same streams, with what goes to stdout also written down (not a spread: that would make
  // every stream, stdin too, by reading its getter).
  const out = io.stdout;
  const seen: Io = keptHelp
    ? Object.create(io, { stdout: { value: { isTTY: out.isTTY, columns: out.columns, write: (s: string) => ((written += s), out.write(s)) } } })
    : io;
  const code = await run(argv, seen);
  if (keptHelp && code === 0 && written !== '') keptHelp.write(written);
  return code;
}

async function run(argv: string[], io: Io): Promise<number> {
  const program = buildProgram(io, argv);
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return 0;
    }
    const topic = argv[0] === 'help' ? argv[1] : undefined;
    if (topic !== undefined && !commandWords(program).includes(topic)) {
      const near = topic.startsWith('-') ? undefined : didYouMean(topic, commandWords(program));
      throw new UsageError(`unknown command '${topic}'`, near ? `${near} (see 'netlog --help')` : "see 'netlog --help' for the commands");
    }
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    return reportFailure(e, program, io, await excessHint(e));
  }
}

/**
 * For "too many arguments": the words from the last argument on, when they read as a date or a
 * span written out in words (`snooze Dana 2 weeks`, `snooze Dana in 2 weeks`), as one argument (quoted when it is several words);
 * for a command without arguments, a date option given the first word of several (`due --on in 2w`).
 */
async function excessHint(e: unknown): Promise<string | undefined> {
  if (!(e instanceof CommandUsage) || e.original.code !== 'commander.excessArguments') return undefined;
  const declared = e.cmd.registeredArguments.length;
  // Imported here: dates.js brings the schema (TypeBox), which a start-up without a mistake never needs.
  const { spanSuggestion, whenSuggestion } = await import('./core/dates.js');
  if (declared === 0) {
    // `due --on in 2w`: the option took the first word, the rest are extra (options.ts whenHint's case).
    for (const o of e.cmd.options) {
      const value = e.cmd.getOptionValue(o.attributeName());
      if (typeof value !== 'string' || !o.long || !/^(in|next|last|this|\d{1,5})$/i.test(value.trim())) continue;
      const meant = whenSuggestion(`${value} ${e.cmd.args.join(' ')}`);
      if (meant !== undefined) return `quote a date of several words, as one: ${o.long} "${meant}"`;
    }
    return undefined;
  }
  const text = e.cmd.args.slice(declared - 1).join(' ');
  const meant = whenSuggestion(text) ?? spanSuggestion(text);
  // Several words go in quotes: unquoted, "in 2w" is two arguments again.
  return meant === undefined ? undefined : `write it as ${meant.includes(' ') ? `"${meant}"` : meant}`;
}

/** The names and aliases of a command's visible subcommands. */
function commandWords(cmd: CommandUnknownOpts): string[] {
  return cmd.createHelp().visibleCommands(cmd).flatMap((c) => [c.name(), ...c.aliases()]);
}

/** The long flags a command accepts: its own and those of the commands above it. */
function optionWords(cmd: CommandUnknownOpts): string[] {
  const out: string[] = [];
  for (let c: CommandUnknownOpts | null = cmd; c; c = c.parent) for (const o of c.createHelp().visibleOptions(c)) if (o.long) out.push(o.long);
  return out;
}

/** What a mistyped command or option was likely meant to be, for commander's usage errors. */
function suggestionFor(err: CommanderError, cmd: CommandUnknownOpts): string | undefined {
  const word = /'([^']+)'/.exec(err.message)?.[1];
  if (word === undefined) return undefined;
  if (err.code === 'commander.unknownOption' && word.startsWith('--')) return didYouMean(word, optionWords(cmd));
  if (err.code === 'commander.unknownCommand') return didYouMean(word, commandWords(cmd));
  return undefined;
}

function reportFailure(e: unknown, program: CommandUnknownOpts, io: Io, excess?: string): number {
  const debug = io.env.NETLOG_DEBUG === '1';
  if (e instanceof CommandUsage || e instanceof CommanderError) {
    const err = e instanceof CommandUsage ? e.original : e;
    if (err.exitCode === 0) return 0;
    const first = err.message.replace(/^error: /, '').split('\n')[0]!;
    const help = e instanceof CommandUsage ? e.path : 'netlog';
    const near = excess ?? suggestionFor(err, e instanceof CommandUsage ? e.cmd : program);
    const hint = near ? `${near} (see '${help} --help')` : `see '${help} --help'`;
    io.stderr.write(`netlog: ${safeLines(first)}\nhint: ${safe(hint)}\n`);
    return 2;
  }
  if (e instanceof NetlogError) {
    // Messages may quote names from the journal: they must not drive the terminal either.
    io.stderr.write(`netlog: ${safeLines(e.message)}\n${e.hint ? `hint: ${safeLines(e.hint)}\n` : ''}`);
    if (debug && e.stack) io.stderr.write(`${e.stack}\n`);
    return e.exitCode;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  io.stderr.write(`netlog: unexpected error: ${safeLines(err.message)}\n${debug ? `${err.stack}\n` : "hint: run again with NETLOG_DEBUG=1 to see where, and report it\n"}`);
  return 1;
}

const safeLines = (text: string) => text.split('\n').map(safe).join('\n');
