import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { acquireLock, pidAlive, staleReason, withLock } from '../../src/store/lock.js';
import { JournalError } from '../../src/errors.js';
import { ROOT } from '../helpers/cli.js';
import { start } from '../helpers/spawn.js';

const ROUNDS = Number(process.env.LOCK_RACE_ROUNDS ?? 3);
let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'netlog-lock-'));
  file = join(dir, 'journal.json.lock');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A pid that certainly belonged to a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

const holder = (pid: number, host = hostname()) => JSON.stringify({ pid, host, at: '2026-11-20T10:00:00.000Z', nonce: 'x' });

describe('lock', () => {
  it('creates a lock file naming its holder and removes it on release', async () => {
    const lock = await acquireLock(file, { timeoutMs: 0 });
    const h = JSON.parse(readFileSync(file, 'utf8'));
    expect(h).toMatchObject({ pid: process.pid, host: hostname() });
    expect(await lock.held()).toBe(true);
    await lock.release();
    expect(existsSync(file)).toBe(false);
  });

  it('fails with "journal is busy" (exit 1) when a live holder keeps it past the timeout', async () => {
    const lock = await acquireLock(file);
    const err = await acquireLock(file, { timeoutMs: 100 }).catch((e) => e);
    expect(err).toBeInstanceOf(JournalError);
    expect(err.exitCode).toBe(1);
    expect(err.message).toMatch(/^journal is busy: netlog \(pid \d+ on .+\) is changing it/);
    expect(err.hint).toContain(file);
    await lock.release();
  });

  it('waits for the holder and then proceeds', async () => {
    const first = await acquireLock(file);
    const order: string[] = [];
    const second = withLock(file, async () => void order.push('second'), { timeoutMs: 10_000 });
    setTimeout(() => {
      order.push('first released');
      void first.release();
    }, 100);
    await second;
    expect(order).toEqual(['first released', 'second']);
    expect(existsSync(file)).toBe(false);
  });

  it('breaks a lock whose holder on this host is gone, at once', async () => {
    writeFileSync(file, holder(deadPid()));
    const lock = await acquireLock(file, { timeoutMs: 0 });
    expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it.each([
    ['a live holder on this host', () => holder(process.pid), 0, false],
    ['a dead holder on this host', () => holder(deadPid()), 0, true],
    ['a live pid on this host holding for over 10 minutes (a reused pid)', () => holder(process.pid), 700_000, true],
    ['a fresh lock from another host', () => holder(1, 'elsewhere.example'), 0, false],
    ['an abandoned lock from another host', () => holder(1, 'elsewhere.example'), 600_000, true],
    ['a fresh unreadable lock file', () => 'garbage', 0, false],
    ['an old unreadable lock file', () => 'garbage', 60_000, true],
  ])('judges %s stale: %s', (_, content, age, stale) => {
    writeFileSync(file, content());
    const now = Date.now();
    utimesSync(file, (now - age) / 1000, (now - age) / 1000);
    const raw = readFileSync(file, 'utf8');
    let h;
    try {
      h = JSON.parse(raw);
    } catch {
      h = undefined;
    }
    expect(staleReason({ holder: h, mtimeMs: now - age }, now) !== undefined).toBe(stale);
  });

  it.each([
    ['the same start time: the holder itself', '12345', (): string | undefined => '12345', false],
    ['another start time: the pid was reused', '12345', (): string | undefined => '99999', true],
    ['no /proc to compare with', '12345', (): string | undefined => undefined, false],
    ['a holder that recorded no start time', undefined, (): string | undefined => '99999', false],
  ])('a live pid on this host with %s: stale %s', (_, start, startOf, stale) => {
    const h = { pid: process.pid, host: hostname(), at: new Date().toISOString(), nonce: 'n', ...(start ? { start } : {}) };
    const now = Date.now();
    expect(staleReason({ holder: h, mtimeMs: now }, now, undefined, startOf) !== undefined).toBe(stale);
  });

  it("records this process's start time from /proc, which a reused pid would not have", async () => {
    const lock = await acquireLock(file);
    const stat = readFileSync(`/proc/${process.pid}/stat`, 'utf8');
    expect(lock.holder.start).toBe(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    expect(JSON.parse(readFileSync(file, 'utf8')).start).toBe(lock.holder.start);
    await lock.release();
  });

  it('does not release a lock that is no longer its own', async () => {
    const lock = await acquireLock(file);
    writeFileSync(file, holder(process.pid));
    await lock.release();
    expect(existsSync(file)).toBe(true);
  });

  it('pidAlive knows this process and a finished one', () => {
    expect(pidAlive(process.pid)).toBe(true);
    expect(pidAlive(deadPid())).toBe(false);
    expect(pidAlive(0)).toBe(false);
  });

  it('keeps mutual exclusion when many processes race to break the same stale lock', async () => {
    // Each process increments a counter under the lock, with a pause between read and write so
    // that two holders at once would lose an increment.
    const counter = join(dir, 'counter');
    writeFileSync(counter, '0');
    // The CLI is one bundle, so the lock module is bundled on its own for these processes.
    const lockJs = join(dir, 'lock.mjs');
    await build({ entryPoints: [join(ROOT, 'src/store/lock.ts')], outfile: lockJs, bundle: true, format: 'esm', platform: 'node', logLevel: 'silent' });
    const script = `
      import { withLock } from ${JSON.stringify(lockJs)};
      import { readFileSync, writeFileSync } from 'node:fs';
      for (let i = 0; i < 3; i++) {
        await withLock(process.argv[1], async () => {
          const n = Number(readFileSync(process.argv[2], 'utf8'));
          await new Promise((r) => setTimeout(r, 5));
          writeFileSync(process.argv[2], String(n + 1));
        }, { timeoutMs: 60000 });
      }`;
    for (let round = 0; round < ROUNDS; round++) {
      writeFileSync(file, holder(deadPid()));
      const runs = Array.from({ length: 8 }, () => start(['--input-type=module', '-e', script, file, counter], {}, [process.execPath]));
      const results = await Promise.all(runs.map((r) => r.done));
      for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0 });
    }
    expect(readFileSync(counter, 'utf8')).toBe(String(ROUNDS * 8 * 3));
    expect(existsSync(file)).toBe(false);
  }, 60_000);
});
