import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { nodeCrypto } from '../node-crypto.js';
import { basename, dirname, join } from 'node:path';
import { JournalError } from '../errors.js';
import * as fs from './fs.js';

// A cross-process lock for the journal: a lock file created atomically (link of a fully written
// temp file, like git's index.lock) that names its holder (pid, host, the process's start time,
// time, nonce). A second writer waits, bounded; a lock whose holder is gone (same host, pid not
// alive, or alive but started at another time: the number was reused) is broken at once, one
// from another host only once it is clearly abandoned (see staleReason).
// Set NETLOG_LOCK_TIMEOUT (ms) to wait longer in scripts. We do not use
// proper-lockfile: it judges staleness by an mtime heartbeat, so a killed holder blocks others
// for the whole stale period, and a long synchronous JSON.stringify can miss heartbeats and
// have a live lock stolen.

export interface Holder {
  pid: number;
  host: string;
  at: string;
  nonce: string;
  /** When the process started (Linux: /proc/PID/stat field 22, clock ticks since boot); absent where there is no /proc. */
  start?: string;
}

export interface LockOptions {
  /** How long to wait for another writer, in ms (default 5000; the store passes $NETLOG_LOCK_TIMEOUT's). */
  timeoutMs?: number;
  /** After how long a lock held on another host counts as abandoned (default 2 minutes). */
  foreignStaleMs?: number;
}

export interface Lock {
  readonly file: string;
  readonly holder: Holder;
  /** True while the lock file still names this holder. */
  held(): Promise<boolean>;
  release(): Promise<void>;
}

const DEFAULT_TIMEOUT = 5000;
const FOREIGN_STALE = 120_000;
/** Longer than any write holds the lock. */
const MAX_HOLD = 600_000;
/** A lock file that cannot be read as a holder (hand-made, or a disk error) is broken after this. */
const GARBAGE_STALE = 10_000;
/** A break takes microseconds; a guard older than this was left by a killed breaker. */
const GUARD_STALE = 10_000;

/** True when a process with this pid exists (EPERM: it exists but belongs to someone else). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * When process `pid` started, as the kernel counts it (field 22 of /proc/PID/stat), or
 * undefined where that cannot be read (no /proc, another OS, the process is gone).
 */
export function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces or parentheses itself.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = fields[19];
    return start && /^\d+$/.test(start) ? start : undefined;
  } catch {
    return undefined;
  }
}

/** The lock file guarding a journal (next to the real file, so every symlink shares it). */
export function lockPathFor(target: string): string {
  return `${target}.lock`;
}

function parseHolder(raw: string): Holder | undefined {
  try {
    const h = JSON.parse(raw) as Partial<Holder>;
    if (typeof h.pid === 'number' && typeof h.host === 'string' && typeof h.nonce === 'string' && typeof h.at === 'string' && (h.start === undefined || typeof h.start === 'string')) {
      return h as Holder;
    }
  } catch {
    // not a holder
  }
  return undefined;
}

interface Seen {
  raw: string;
  holder: Holder | undefined;
  mtimeMs: number;
}

async function inspect(file: string): Promise<Seen | undefined> {
  try {
    const [raw, st] = await Promise.all([fs.readText(file), fs.stat(file)]);
    return { raw, holder: parseHolder(raw), mtimeMs: st.mtimeMs };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Why a lock is abandoned, or undefined while its holder may still be working. */
export function staleReason(
  seen: { holder: Holder | undefined; mtimeMs: number },
  now: number,
  foreignStaleMs = FOREIGN_STALE,
  startOf: (pid: number) => string | undefined = processStart,
): string | undefined {
  const h = seen.holder;
  if (!h) return now - seen.mtimeMs > GARBAGE_STALE ? 'an unreadable lock file' : undefined;
  if (h.host === hostname()) {
    if (!pidAlive(h.pid)) return `process ${h.pid} is gone`;
    if (h.start !== undefined) {
      const start = startOf(h.pid);
      if (start !== undefined && start !== h.start) return `process ${h.pid} is gone (another process has its number now)`;
    }
    // Where the start time cannot be compared: no write holds the lock for minutes, so a live
    // pid this old is another process that reused the number (after a reboot, say).
    return now - seen.mtimeMs > MAX_HOLD ? `held since ${h.at}` : undefined;
  }
  return now - seen.mtimeMs > foreignStaleMs ? `held on ${h.host} since ${h.at}` : undefined;
}

/**
 * The temp-file name pattern shared with journal writes, so leftovers of killed processes can be
 * found. The random part only keeps names apart (every temp file is created with 'wx', which
 * refuses an existing one), so Math.random does: a read that keeps a record (validated.json,
 * due-summary.json) need not load node:crypto (test/build/startup-imports.test.ts).
 */
export function tempName(target: string): string {
  const rand = Math.floor(Math.random() * 0x1_0000_0000).toString(16).padStart(8, '0');
  return join(dirname(target), `.${basename(target)}.${process.pid}.${rand}.tmp`);
}

/** Creates the lock file with its full content in one step; false when it already exists. */
async function tryCreate(file: string, content: string): Promise<boolean> {
  const tmp = tempName(file);
  await fs.writeNew(tmp, content, 0o600);
  try {
    await fs.link(tmp, file);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') {
      // No hard links here (some FUSE and FAT file systems): O_EXCL create, then write.
      try {
        const h = await fs.open(file, 'wx', 0o600);
        await h.write(content).finally(() => h.close());
        return true;
      } catch (e2) {
        if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw e2;
      }
    }
    throw e;
  } finally {
    await fs.unlink(tmp).catch(() => {});
  }
}

/**
 * Removes an abandoned lock without racing another breaker. Only the process that creates the
 * guard file for this exact lock content may remove it, and it removes it only if the lock
 * still has that content; as the holder is gone, nothing else can change the lock meanwhile.
 * A slower breaker finds either no guard and a different lock, or the guard, and leaves it be.
 */
async function breakLock(file: string, staleRaw: string): Promise<void> {
  const guard = `${file}.break-${nodeCrypto().createHash('sha256').update(staleRaw).digest('hex').slice(0, 16)}`;
  try {
    await fs.writeNew(guard, `${process.pid}\n`, 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    // Another breaker is at work; its guard outlives it only if it was killed right then.
    const st = await fs.stat(guard).catch(() => undefined);
    if (st && Date.now() - st.mtimeMs > GUARD_STALE) await fs.unlink(guard).catch(() => {});
    return;
  }
  try {
    const now = await fs.readText(file).catch(() => undefined);
    if (now === staleRaw) await fs.unlink(file).catch(() => {});
  } finally {
    await fs.unlink(guard).catch(() => {});
  }
}

/** Removes break guards left by breakers killed mid-break. */
async function sweepGuards(file: string): Promise<void> {
  const prefix = `${basename(file)}.break-`;
  const names = await fs.readdir(dirname(file)).catch(() => [] as string[]);
  for (const n of names) {
    if (!n.startsWith(prefix)) continue;
    const p = join(dirname(file), n);
    const st = await fs.stat(p).catch(() => undefined);
    if (st && Date.now() - st.mtimeMs > GUARD_STALE) await fs.unlink(p).catch(() => {});
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** NETLOG_LOCK_TIMEOUT (milliseconds) from this environment, else the default. */
export function lockTimeout(env: NodeJS.ProcessEnv): number {
  const n = Number(env.NETLOG_LOCK_TIMEOUT);
  return env.NETLOG_LOCK_TIMEOUT !== undefined && env.NETLOG_LOCK_TIMEOUT !== '' && Number.isFinite(n) && n >= 0 ? n : DEFAULT_TIMEOUT;
}

/** Takes the lock, waiting up to the timeout for another writer; throws JournalError("busy") after that. */
export async function acquireLock(file: string, opts: LockOptions = {}): Promise<Lock> {
  const timeout = opts.timeoutMs ?? DEFAULT_TIMEOUT;
  const start = processStart(process.pid);
  const holder: Holder = { pid: process.pid, host: hostname(), at: new Date().toISOString(), nonce: nodeCrypto().randomBytes(8).toString('hex'), ...(start ? { start } : {}) };
  const content = `${JSON.stringify(holder)}\n`;
  const deadline = Date.now() + timeout;
  let delay = 5;
  for (;;) {
    if (await tryCreate(file, content)) {
      await sweepGuards(file);
      break;
    }
    const seen = await inspect(file);
    if (!seen) continue;
    if (staleReason(seen, Date.now(), opts.foreignStaleMs)) {
      await breakLock(file, seen.raw);
      continue;
    }
    if (Date.now() >= deadline) {
      const who = seen.holder ? `netlog (pid ${seen.holder.pid} on ${seen.holder.host}, since ${seen.holder.at})` : 'something';
      throw new JournalError(
        `journal is busy: ${who} is changing it; waited ${(timeout / 1000).toFixed(1)}s`,
        `try again in a moment; if no netlog is running, delete ${file}`,
      );
    }
    await sleep(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 100);
  }
  const held = async () => (await inspect(file).catch(() => undefined))?.raw === content;
  return {
    file,
    holder,
    held,
    release: async () => {
      // Never remove a lock that is no longer ours.
      if (await held()) await fs.unlink(file).catch(() => {});
    },
  };
}

/** Runs `fn` holding the lock, and releases it whatever happens. */
export async function withLock<T>(file: string, fn: (lock: Lock) => Promise<T>, opts?: LockOptions): Promise<T> {
  const lock = await acquireLock(file, opts);
  try {
    return await fn(lock);
  } finally {
    await lock.release();
  }
}
