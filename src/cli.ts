import { Command, CommanderError } from 'commander';
import type { Io } from './context.js';
import { NetlogError, UsageError } from './errors.js';
import { safe } from './ui/sanitize.js';
import { examples, type Register } from './cli/shared.js';
import { registerEveryday } from './cli/everyday.js';
import { registerFollowup } from './cli/followup.js';
import { registerRelations } from './cli/relations.js';
import { registerIo } from './cli/io.js';
import { registerSafety } from './cli/safety.js';
import { registerCorrect } from './cli/correct.js';
import { VERSION } from './version.js';

// Commander wiring and the one top-level handler: every failure becomes `netlog: …` on stderr
// and an exit code (SPEC §5).

const REGISTER: Register[] = [registerEveryday, registerRelations, registerFollowup, registerCorrect, registerIo, registerSafety];

// The process streams are made on first use, and making them costs: `process.stdin` alone is
// ~5 ms of a ~50 ms start. So they are looked up only when a command needs them (stdin only when
// stdout is a terminal and a prompt might be shown), not on every run.
function defaultIo(): Io {
  let stdout: NodeJS.WriteStream | undefined;
  return {
    get stdout() {
      if (!stdout) {
        stdout = process.stdout;
        // `netlog due | head` closes the pipe early: that is not an error.
        stdout.on('error', (e: NodeJS.ErrnoException) => {
          if (e.code === 'EPIPE') process.exit(0);
        });
      }
      return stdout;
    },
    get stderr() {
      return process.stderr;
    },
    get stdinIsTTY() {
      return process.stdin.isTTY === true;
    },
    env: process.env,
    now: () => new Date(),
  };
}

export function buildProgram(io: Io): Command {
  const program = new Command('netlog')
    .description('A networking journal: log who you meet, see who is due for a touch, give more than you ask.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--file <path>', 'the journal file (default: $NETLOG_FILE, else ~/.local/share/netlog/journal.json)')
    .option('--json', 'print machine-readable JSON')
    .option('--no-color', 'no colour, even in a terminal')
    .option('-q, --quiet', 'say nothing that is not asked for')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: () => {},
    })
    .addHelpText('after', examples('netlog add "Dana Lee" --kind coffee --gave intro:"to Sam"', 'netlog due', 'netlog report --since 4w'));
  program.helpCommand('help [command]', 'show help for a command');
  for (const register of REGISTER) register(program, io);
  for (const cmd of program.commands) configure(cmd, io);
  return program;
}

/** A usage error from commander, with the command it came from, so the hint names the right help. */
class CommandUsage extends Error {
  constructor(
    readonly original: CommanderError,
    readonly path: string,
  ) {
    super(original.message);
  }
}

function configure(cmd: Command, io: Io, parent = 'netlog'): void {
  const path = `${parent} ${cmd.name()}`;
  cmd
    .exitOverride((err) => {
      throw err.exitCode === 0 ? err : new CommandUsage(err, path);
    })
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: () => {} });
  for (const sub of cmd.commands) configure(sub, io, path);
}

/** Runs netlog with these arguments and returns the exit code. */
export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  const program = buildProgram(io);
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return 0;
    }
    if (argv[0] === 'help' && argv[1] !== undefined && !program.commands.some((c) => c.name() === argv[1] || c.aliases().includes(argv[1]!))) {
      throw new UsageError(`unknown command '${argv[1]}'`, "see 'netlog --help' for the commands");
    }
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    return report(e, io);
  }
}

function report(e: unknown, io: Io): number {
  const debug = io.env.NETLOG_DEBUG === '1';
  if (e instanceof CommandUsage || e instanceof CommanderError) {
    const err = e instanceof CommandUsage ? e.original : e;
    if (err.exitCode === 0) return 0;
    // Commander puts its suggestion on a line of its own: "(Did you mean --date?)".
    const [first, ...rest] = err.message.replace(/^error: /, '').split('\n');
    const suggestion = /^\(Did you mean (.+)\?\)$/.exec(rest.join(' ').trim());
    const help = e instanceof CommandUsage ? e.path : 'netlog';
    const hint = suggestion ? `did you mean ${suggestion[1]}? (see '${help} --help')` : `see '${help} --help'`;
    io.stderr.write(`netlog: ${safeLines(first!)}\nhint: ${safe(hint)}\n`);
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
