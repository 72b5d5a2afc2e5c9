import { closeSync, copyFileSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { baseEnv, BIN, ROOT, runBin, runNetlog, SAMPLE, sandboxes } from '../helpers/cli.js';
import { start } from '../helpers/spawn.js';
import { generateJournal } from '../../bench/gen.js';

// The real bin (bin/netlog.cjs and the bundle in dist/) as a user's shell runs it. Everything
// else end to end runs in process (test/helpers/cli.ts); these are what need a process: its exit
// code and signals, the --version fast path, pipes, and the bundle itself.

const box = sandboxes();
const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;

describe('the bin', () => {
  it('answers --version from bin/netlog.cjs without loading the bundle', () => {
    // A copy of the bin with no dist/ next to it: --version still answers, anything else cannot load.
    const s = box();
    mkdirSync(join(s.dir, 'bin'));
    copyFileSync(BIN, join(s.dir, 'bin', 'netlog.cjs'));
    copyFileSync(join(ROOT, 'package.json'), join(s.dir, 'package.json'));
    const alone = (args: string[]) => runBin(args, { NETLOG_FILE: s.file }, undefined, join(s.dir, 'bin', 'netlog.cjs'));
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    for (const flag of ['--version', '-V']) expect(alone([flag])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    const broken = alone(['due']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/^netlog: cannot load the CLI \(.+\)\nhint: run 'npm install' \(it builds dist\/\) in /);
    // With other flags the bundle answers, from package.json too: test/build/version.test.ts.
  });

  it('sync init from the bundle registers this netlog as the merge driver', () => {
    // The bundle is CommonJS, where netlog finds its own bin another way than from the sources.
    const s = box({ fixture: SAMPLE });
    const env = { HOME: s.dir, GIT_CONFIG_NOSYSTEM: '1', GIT_CEILING_DIRECTORIES: s.dir, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com' };
    const r = s.runBin(['sync', 'init'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/merges with netlog's merge driver/);
    const config = readFileSync(join(s.dir, '.git', 'config'), 'utf8');
    expect(config).toContain(`${BIN} merge %O %A %B`);
  });

  it('exits 0, 1 and 2 with data on stdout and talk on stderr', () => {
    const s = box({ fixture: SAMPLE });
    const ok = s.runBin(['due', '--json']);
    expect([ok.code, ok.stderr]).toEqual([0, '']);
    expect(JSON.parse(ok.stdout).today).toBe('2026-11-20');
    const usage = s.runBin(['due', '--bogus']);
    expect(usage).toEqual({ code: 2, stdout: '', stderr: "netlog: unknown option '--bogus'\nhint: see 'netlog due --help'\n" });
    const bad = box({ text: '{' });
    const failed = bad.runBin(['due']);
    expect([failed.code, failed.stdout]).toEqual([1, '']);
    expect(failed.stderr).toMatch(/^netlog: .*journal\.json:1:2: not valid JSON/);
    expect(failed.stderr).not.toMatch(/\n\s+at /);
  });

  it('writes the same to a file and to /dev/null as to a pipe (stdout written straight to its descriptor)', () => {
    const s = box({ fixture: SAMPLE });
    const piped = s.runBin(['due']);
    expect(piped.code).toBe(0);
    const out = join(s.dir, 'out.txt');
    const env = { ...baseEnv({ NETLOG_FILE: s.file }) };
    const toFile = spawnSync('sh', ['-c', `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} due > ${JSON.stringify(out)}`], { env, encoding: 'utf8' });
    expect([toFile.status, toFile.stderr]).toEqual([0, piped.stderr]);
    expect(readFileSync(out, 'utf8')).toBe(piped.stdout);
    // Appended, as a shell's >> asks.
    spawnSync('sh', ['-c', `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} due >> ${JSON.stringify(out)}`], { env });
    expect(readFileSync(out, 'utf8')).toBe(piped.stdout + piped.stdout);
    const toNull = spawnSync(process.execPath, [BIN, 'due', '--bogus'], { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    expect([toNull.status, toNull.stderr]).toEqual([2, "netlog: unknown option '--bogus'\nhint: see 'netlog due --help'\n"]);
    expect(spawnSync(process.execPath, [BIN, 'due'], { env, stdio: ['ignore', 'ignore', 'pipe'] }).status).toBe(0);
  });

  it('with stdin not a terminal, asks nothing: a command that would prompt is a usage error', () => {
    const s = box({ fixture: SAMPLE });
    const r = s.runBin(['add'], { input: 'Dana Lee\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^netlog: whom did you meet\? name at least one person\nhint: .*run it in a terminal/);
    expect(s.text()).toBe(readFileSync(SAMPLE, 'utf8'));
  });

  it.each([[['history', '--json']], [['history']]])('stops quietly with exit 0 when the reader of its output goes away (EPIPE: `netlog %j | head`)', async (args) => {
    // Both are written out in chunks as they are made: the pipe closes between two of them.
    const s = box({ data: generateJournal({ interactions: 3000, contacts: 300 }) });
    const run = start(args, { NETLOG_FILE: s.file });
    let first = 0;
    // Read one chunk, then close the pipe: far more than a pipe holds is still to come.
    run.child.stdout!.once('data', (d: Buffer) => {
      first = d.length;
      run.child.stdout!.destroy();
    });
    const end = await run.done;
    expect(first).toBeGreaterThan(0);
    expect(end).toMatchObject({ code: 0, signal: null });
    // Piped, the count under the lines is talk on stderr (when netlog gets that far).
    expect(end.stderr).toMatch(args.includes('--json') ? /^$/ : /^(3000 interactions\n)?$/);
    expect(readFileSync(s.file, 'utf8').length).toBeGreaterThan(300_000);
  });

  it('an output it cannot write is a failure it says, not a netlog bug (exit 1)', () => {
    const s = box({ fixture: SAMPLE });
    // A file open only for reading, as stdout: every write fails (EBADF).
    const out = join(s.dir, 'out.txt');
    writeFileSync(out, '');
    const fd = openSync(out, 'r');
    try {
      const r = spawnSync(process.execPath, [BIN, 'history'], { env: baseEnv({ NETLOG_FILE: s.file }), stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^netlog: cannot write the output: EBADF/);
      expect(r.stderr).not.toMatch(/report it/);
    } finally {
      closeSync(fd);
    }
  });

  it('writes all of a long output to a pipe that would block (a non-blocking pipe, read late)', () => {
    const s = box({ data: generateJournal({ interactions: 3000, contacts: 300 }) });
    const whole = s.runBin(['history']);
    expect(whole.stdout.length).toBeGreaterThan(200_000);
    // Python holds the pipe: its write end made non-blocking, read only after netlog has filled it.
    const script = [
      'import os, subprocess, sys, time',
      'r, w = os.pipe()',
      'os.set_blocking(w, False)',
      'p = subprocess.Popen(sys.argv[1:], stdout=w)',
      'os.close(w)',
      'time.sleep(0.5)',
      'out = b""',
      'while True:',
      '    chunk = os.read(r, 65536)',
      '    if not chunk: break',
      '    out += chunk',
      'sys.stdout.buffer.write(out)',
      'sys.exit(p.wait())',
    ].join('\n');
    const r = spawnSync('python3', ['-c', script, process.execPath, BIN, 'history'], { env: baseEnv({ NETLOG_FILE: s.file }), encoding: 'utf8', maxBuffer: 64 << 20 });
    expect([r.status, r.stderr]).toEqual([0, whole.stderr]);
    expect(r.stdout).toBe(whole.stdout);
  });

  it('gives up with exit 1 after NETLOG_LOCK_TIMEOUT when another process holds the journal lock; killed by a signal while it waits, it changes nothing', async () => {
    const s = box({ fixture: SAMPLE });
    const lock = `${s.file}.lock`;
    // This test process holds the lock, as a running netlog would.
    writeFileSync(lock, `${JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString(), nonce: 'test' })}\n`);
    const before = s.text();
    const busy = s.runBin(['add', 'Miriam Okafor'], { env: { NETLOG_LOCK_TIMEOUT: '200' } });
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/^netlog: journal is busy: netlog \(pid \d+ on .+\) is changing it; waited 0\.2s\n/);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const run = start(['add', 'Miriam Okafor', '-q'], { NETLOG_FILE: s.file, NETLOG_LOCK_TIMEOUT: '30000' });
      let ended = false;
      void run.done.then(() => (ended = true));
      await new Promise((r) => setTimeout(r, 500));
      expect(ended, 'netlog ended before the signal').toBe(false);
      run.child.kill(signal);
      expect(await run.done).toMatchObject({ code: null, signal, stdout: '' });
      expect(s.text()).toBe(before);
      // At most the temp files its lock was being made from, which the next writer removes.
      const left = readdirSync(s.dir).filter((f) => f !== 'journal.json' && f !== 'journal.json.lock');
      expect(left.filter((f) => !/^\.journal\.json\.lock\.\d+\.[0-9a-f]{8}\.tmp$/.test(f))).toEqual([]);
    }
    rmSync(lock);
    expect((await s.run(['add', 'Miriam Okafor', '-q'])).code).toBe(0);
    expect(readdirSync(s.dir).sort()).toEqual(['journal.json', 'journal.json.backups']);
  });

  it('the bundle prints what the sources print', async () => {
    const s = box({ fixture: SAMPLE });
    const commands = [
      ['due'], ['due', '--explain'], ['report', '--since', '4w'], ['report', '--since', '3m', '--monthly'], ['contacts'],
      ['history', '--limit', '5'], ['export', '--format', 'csv'], ['check'], ['--help'], ['report', '--contact', 'Nobody Atall'],
    ];
    const bundled = await Promise.all(commands.map((args) => start(args, { NETLOG_FILE: s.file, COLUMNS: '90' }).done));
    for (const [n, args] of commands.entries()) {
      const sources = await runNetlog(args, { NETLOG_FILE: s.file, COLUMNS: '90' });
      const { code, stdout, stderr } = bundled[n]!;
      expect({ args, code, stdout, stderr }).toEqual({ args, ...sources });
    }
    expect(bundled.map((r) => r.code)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
    expect(s.text()).toBe(readFileSync(SAMPLE, 'utf8'));
  });
});
