import { spawnSync } from 'node:child_process';
import { afterEach, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// End-to-end helpers: spawn the built bin on a temp journal with a fixed today and environment.

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin', 'netlog.cjs');
export const SAMPLE = join(ROOT, 'fixtures', 'sample-journal.json');
export const SAMPLE_TODAY = '2026-11-20';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export interface Sandbox {
  dir: string;
  file: string;
  /** Runs netlog on this sandbox's journal. */
  run(args: string[], opts?: { env?: Record<string, string | undefined>; input?: string; today?: string }): Run;
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
  return {
    dir,
    file,
    run: (args, opts = {}) => runNetlog(args, { NETLOG_FILE: file, NETLOG_TODAY: opts.today ?? today, ...opts.env }, opts.input),
    text: () => (existsSync(file) ? readFileSync(file, 'utf8') : undefined),
    json: () => JSON.parse(readFileSync(file, 'utf8')),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A clean, fixed environment (no colour, UTC, no terminal) with these changes; undefined removes. */
export function baseEnv(env: Record<string, string | undefined> = {}): Record<string, string> {
  const base: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    TZ: 'UTC',
    NO_COLOR: '1',
    LANG: 'C.UTF-8',
  };
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete base[k];
    else base[k] = v;
  }
  return base;
}

/** Spawns the CLI and waits for it. */
export function runNetlog(args: string[], env: Record<string, string | undefined> = {}, input?: string): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: baseEnv(env), input: input ?? '', encoding: 'utf8', timeout: 30_000 });
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

/** Runs a command that must fail: exit code, `netlog: …` message, nothing on stdout, journal unchanged. */
export function expectRefused(s: Sandbox, args: string[], code: number, message: RegExp, env?: Record<string, string | undefined>): Run {
  const before = s.text();
  const r = s.run(args, env ? { env } : {});
  expect(r.code, r.stderr).toBe(code);
  expect(r.stderr).toMatch(/^netlog: /);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(r.stdout).toBe('');
  expect(s.text()).toBe(before);
  return r;
}
