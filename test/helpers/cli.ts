import { spawnSync } from 'node:child_process';
import { afterEach, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Io } from '../../src/context.js';

// End-to-end helpers: netlog on a temp journal with a fixed today and environment. `run` calls
// `main(argv, io)` from src/cli.ts in this process with a fake Io (as npm-check-updates tests
// its CLI); `runBin` spawns the built bin (bin/netlog.cjs and the bundle in dist/) for what
// needs a real process: exit codes and signals, the --version fast path, pipes, many processes.

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin', 'netlog.cjs');
export const SAMPLE = join(ROOT, 'fixtures', 'sample-journal.json');
export const SAMPLE_TODAY = '2026-11-20';

export type Env = Record<string, string | undefined>;

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Changes to the base environment; undefined removes a variable. */
  env?: Env;
  /** Standard input. */
  input?: string;
  /** NETLOG_TODAY (default: the sandbox's, SAMPLE_TODAY). */
  today?: string;
  /** stdout is a terminal (in process only): layouts and colour decisions as people see them. */
  tty?: boolean;
  /** The terminal's width with `tty`; without it, COLUMNS. */
  columns?: number;
}

export interface Sandbox {
  dir: string;
  file: string;
  /** Runs netlog in process on this sandbox's journal. */
  run(args: string[], opts?: RunOptions): Promise<Run>;
  /** Spawns the built bin on this sandbox's journal (for the few tests that need a real process). */
  runBin(args: string[], opts?: Omit<RunOptions, 'tty' | 'columns'>): Run;
  /** The journal file's bytes now (undefined when there is no file). */
  text(): string | undefined;
  json(): any;
  cleanup(): void;
}

/** A temp folder with a journal: empty, a copy of a fixture, or the given object or text. */
export function sandbox(from?: { fixture?: string; data?: unknown; text?: string }, today = SAMPLE_TODAY): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'netlog-test-'));
  const file = join(dir, 'journal.json');
  if (from?.fixture) copyFileSync(from.fixture, file);
  if (from?.data !== undefined) writeFileSync(file, JSON.stringify(from.data, null, 2) + '\n');
  if (from?.text !== undefined) writeFileSync(file, from.text);
  const envFor = (opts: RunOptions): Env => ({ NETLOG_FILE: file, NETLOG_TODAY: opts.today ?? today, ...opts.env });
  return {
    dir,
    file,
    run: (args, opts = {}) => runNetlog(args, envFor(opts), opts),
    runBin: (args, opts = {}) => runBin(args, envFor(opts), opts.input),
    text: () => (existsSync(file) ? readFileSync(file, 'utf8') : undefined),
    json: () => JSON.parse(readFileSync(file, 'utf8')),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * The one test environment: no colour, UTC, English, no terminal, today fixed to the sample
 * journal's, with these changes (undefined removes a variable).
 */
export function baseEnv(env: Env = {}): Record<string, string> {
  const base: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    TZ: 'UTC',
    NO_COLOR: '1',
    LANG: 'C.UTF-8',
    NETLOG_TODAY: SAMPLE_TODAY,
  };
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete base[k];
    else base[k] = v;
  }
  return base;
}

/**
 * Runs netlog in this process: `main(args, io)` from the sources, with the base environment,
 * stdout and stderr captured, and no terminal unless `tty` asks for one.
 */
export async function runNetlog(args: string[], env: Env = {}, opts: Omit<RunOptions, 'env' | 'today'> | string = {}): Promise<Run> {
  const { input, tty, columns } = typeof opts === 'string' ? { input: opts } : opts;
  // Dates use the process's time zone: vitest.config.ts sets TZ=UTC for the workers; make sure.
  if (process.env.TZ !== 'UTC') throw new Error('in-process runs need TZ=UTC in this process (vitest.config.ts sets it)');
  const { main } = await import('../../src/cli.js');
  let stdout = '';
  let stderr = '';
  const text = (s: string | Uint8Array) => (typeof s === 'string' ? s : Buffer.from(s).toString('utf8'));
  const io: Io = {
    stdout: {
      write: (s: string) => ((stdout += text(s)), true),
      ...(tty ? { isTTY: true, columns: columns ?? 100 } : {}),
    },
    stderr: { write: (s: string) => ((stderr += text(s)), true) },
    stdinIsTTY: false,
    readStdin: async () => input ?? '',
    argv: [...args],
    env: baseEnv(!tty && columns !== undefined ? { COLUMNS: String(columns), ...env } : env),
    now: () => new Date(),
  };
  const code = await main([...args], io);
  return { code, stdout, stderr };
}

/** Spawns the built bin (or another copy of it) and waits for it; stdin is a pipe with `input`, or empty. */
export function runBin(args: string[], env: Env = {}, input?: string, bin = BIN): Run {
  const r = spawnSync(process.execPath, [bin, ...args], { env: baseEnv(env), input: input ?? '', encoding: 'utf8', timeout: 30_000, maxBuffer: 256 << 20 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A sandbox maker whose sandboxes are removed after each test. */
export function sandboxes(): (from?: Parameters<typeof sandbox>[0]) => Sandbox {
  let made: Sandbox[] = [];
  afterEach(() => {
    for (const s of made) s.cleanup();
    made = [];
  });
  return (from) => {
    const s = sandbox(from);
    made.push(s);
    return s;
  };
}

/** Runs a command with --json that must succeed and returns what it printed, parsed. */
export async function runJson(s: Sandbox, args: string[], env?: Env): Promise<any> {
  const r = await s.run([...args, '--json'], env ? { env } : {});
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

/** `netlog check` finds nothing wrong with the journal. */
export async function expectClean(s: Sandbox): Promise<void> {
  const r = await s.run(['check']);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  expect(r.stdout).toContain('No problems');
}

/** Runs a command that must fail: exit code, `netlog: …` message, nothing on stdout, journal unchanged. */
export async function expectRefused(s: Sandbox, args: string[], code: number, message: RegExp, env?: Env): Promise<Run> {
  const before = s.text();
  const r = await s.run(args, env ? { env } : {});
  expect(r.code, r.stderr).toBe(code);
  expect(r.stderr).toMatch(/^netlog: /);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(r.stdout).toBe('');
  expect(s.text()).toBe(before);
  return r;
}
