import { commandLine, Store } from './store/store.js';
import { lockTimeout } from './store/lock.js';
import { journalPath } from './store/paths.js';
import { isDay, localDay, type Day } from './core/dates.js';
import { UsageError } from './errors.js';
import { colorLevel, themeFor, type Theme } from './ui/theme.js';
import type { Prompts } from './ui/prompts.js';
import type { EditEnv } from './core/edits.js';
import { nodeCrypto } from './node-crypto.js';

// Everything a command needs from the outside world, made once per run.

export interface GlobalOptions {
  file?: string;
  json?: boolean;
  color?: boolean;
  quiet?: boolean;
}

// Commands reach the process only through this (the tests run `main` in process with their own).
export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(s: string): unknown };
  stdinIsTTY: boolean;
  /** All of standard input, for a command that reads it. */
  readStdin(): Promise<string>;
  /** The arguments netlog was run with (undo names a change by its command line). */
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  now: () => Date;
}

export interface Ctx {
  store: Store;
  today: Day;
  json: boolean;
  quiet: boolean;
  /** Both ends are a terminal: prompts are allowed. */
  interactive: boolean;
  theme: Theme;
  /** The width output fits on a terminal; Infinity for a pipe, where nothing is fitted or wrapped. */
  width: number;
  env: NodeJS.ProcessEnv;
  /** All of standard input (for a command that reads it, e.g. from `-`). */
  readStdin(): Promise<string>;
  /** Writes data to stdout. */
  out(text: string): void;
  /** Writes talk to stderr (silenced by --quiet). */
  info(text: string): void;
  /**
   * A count under a list ("32 matches"): on stdout for a person (a terminal, or colour forced),
   * as talk on stderr for a pipe, whose stdout is one record a line (STYLE.md §16).
   */
  footer(text: string): void;
  /** Words for a person under a list (what its columns mean, what to do next): as footer, after a blank line on a terminal. */
  aside(text: string): void;
  /** Loads the prompt module on first use. */
  prompts(): Promise<Prompts>;
  editEnv(): EditEnv;
}

const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** A random 8-character id (40 bits): short to type, unique across devices in practice. */
export function newId(): string {
  const bytes = nodeCrypto().randomBytes(8);
  let id = '';
  for (const b of bytes) id += ID_ALPHABET[b & 31];
  return id;
}

export function todayFrom(env: NodeJS.ProcessEnv, now: Date): Day {
  const fixed = env.NETLOG_TODAY;
  if (fixed === undefined || fixed === '') return localDay(now);
  if (!isDay(fixed)) throw new UsageError(`NETLOG_TODAY must be a date written YYYY-MM-DD, not "${fixed}"`);
  return fixed;
}

/** createdAt/updatedAt: the clock, or noon UTC of NETLOG_TODAY so scripts and tests see one today (SPEC §6.2). */
export function stampFor(env: NodeJS.ProcessEnv, now: Date): string {
  const fixed = env.NETLOG_TODAY;
  if (fixed === undefined || fixed === '') return now.toISOString();
  return `${todayFrom(env, now)}T12:00:00.000Z`;
}

export async function makeContext(opts: GlobalOptions, io: Io): Promise<Ctx> {
  const isTTY = io.stdout.isTTY === true;
  const columns = isTTY ? io.stdout.columns : Number(io.env.COLUMNS) || undefined;
  const quiet = opts.quiet === true;
  // Colour is on only for a terminal or when forced: either way a person reads it (STYLE.md §16).
  const level = await colorLevel(opts, io.env, isTTY);
  const layout = isTTY || level > 0 ? 'terminal' : 'pipe';
  const out = (text: string) => void io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  const info = (text: string) => {
    if (!quiet) io.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
  };
  return {
    store: new Store(journalPath(opts.file, io.env), {
      notice: (text) => void (quiet || io.stderr.write(`${text}\n`)),
      command: commandLine(io.argv),
      lockTimeoutMs: lockTimeout(io.env),
      now: () => new Date(stampFor(io.env, io.now())),
    }),
    today: todayFrom(io.env, io.now()),
    json: opts.json === true,
    quiet,
    interactive: isTTY && io.stdinIsTTY,
    theme: await themeFor(level, layout),
    width: layout === 'terminal' ? Math.max(20, columns ?? 100) : Infinity,
    env: io.env,
    readStdin: () => io.readStdin(),
    out,
    info,
    footer: (text) => (layout === 'terminal' ? out(text) : info(text)),
    aside: (text) => (layout === 'terminal' ? out(`\n${text}`) : info(text)),
    prompts: async () => {
      const m = await import('./ui/prompts.js');
      return { ask: m.ask, choose: m.choose, yesNo: m.yesNo };
    },
    editEnv: () => ({ newId, now: stampFor(io.env, io.now()) }),
  };
}
