import { copyFile, link, mkdir, open, readFile, readdir, readlink, realpath, rename, stat, unlink } from 'node:fs/promises';
import type { BigIntStats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { emptyJournal, type Journal } from '../core/schema.js';
import { JournalError } from '../errors.js';
import { checkerId, parseJournalText, type ParsedJournal } from './validate.js';
import { isTrusted, remember } from './trust.js';
import { backupDirFor } from './backups.js';
import { serializeJournal } from './serialize.js';
import { pidAlive, tempName } from './lock.js';

// The journal file on disk: validated reads, and writes that are atomic and durable (unique
// temp file in the same folder, fsync, rename over the target, fsync the folder) so a crash
// or kill -9 leaves the old or the new file, never half of one.

const WHY: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is larger than this system allows',
  EROFS: 'the file system is read-only',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  EIO: 'the disk reported an I/O error',
};

export function ioError(action: string, file: string, e: unknown): JournalError {
  if (e instanceof JournalError) return e;
  const err = e as NodeJS.ErrnoException;
  return new JournalError(`cannot ${action} ${file}: ${WHY[err.code ?? ''] ?? err.message}`, action === 'read' ? undefined : 'the journal was not changed');
}

/** Reads the journal text, or undefined when there is no file yet. */
export async function readJournalText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw ioError('read', file, e);
  }
}

/** The real file behind a symlinked journal (also when the link's target does not exist yet), so writing keeps the link. */
export async function targetOf(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch {
    try {
      // A dangling link: write where it points.
      const to = await readlink(file);
      return to.startsWith('/') ? to : join(dirname(file), to);
    } catch {
      return file;
    }
  }
}

/** Creates the journal's folder (0700) when it is missing. */
export async function ensureDir(dir: string, file: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 }).catch((e) => {
    throw ioError('create the folder for', file, e);
  });
}

async function fsyncDir(dir: string): Promise<void> {
  try {
    const d = await open(dir, 'r');
    await d.sync().finally(() => d.close());
  } catch {
    // Some file systems cannot fsync a folder; the rename has still happened.
  }
}

/**
 * Writes text durably and atomically to `target` (a real path, not a symlink): temp file in
 * the same folder, created 0600 and then given the old file's mode (umask cannot widen it) and
 * owner, fsync, rename, fsync the folder.
 */
export async function writeFileAtomic(target: string, text: string | Uint8Array, opts: { newMode?: number; label?: string } = {}): Promise<void> {
  const label = opts.label ?? target;
  const dir = dirname(target);
  let mode = opts.newMode ?? 0o600;
  let owner: { uid: number; gid: number } | undefined;
  try {
    const st = await stat(target);
    mode = st.mode & 0o777;
    owner = { uid: st.uid, gid: st.gid };
  } catch {
    // a new file
  }
  const tmp = tempName(target);
  let handle;
  try {
    handle = await open(tmp, 'wx', 0o600);
    await handle.chmod(mode);
    if (owner && process.getuid?.() === 0 && (owner.uid !== 0 || owner.gid !== 0)) await handle.chown(owner.uid, owner.gid);
    await handle.writeFile(text);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(tmp, target);
  } catch (e) {
    await handle?.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw ioError('write', label, e);
  }
  await fsyncDir(dir);
}

/** Keeps a copy of `from` at `to` (mode 0600): a hard link when the file is already 0600 (instant, no space), else a copy. */
export async function preserveCopy(from: string, to: string): Promise<void> {
  const st = await stat(from);
  if ((st.mode & 0o777) === 0o600) {
    try {
      await link(from, to);
      return;
    } catch {
      // no hard links here: copy
    }
  }
  const tmp = tempName(to);
  try {
    await copyFile(from, tmp);
    const h = await open(tmp, 'r+');
    try {
      await h.chmod(0o600);
      await h.sync();
    } finally {
      await h.close();
    }
    await rename(tmp, to);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
}

/**
 * Removes temp files (named by tempName) left by netlog processes killed mid-write: in the
 * journal's folder only those of this journal, in netlog's own folders all of them.
 */
export async function removeDeadTemps(dir: string, only?: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (only !== undefined && !name.startsWith(`.${only}.`)) continue;
    const m = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp(?:\.stale)?$/.exec(name);
    if (m && !pidAlive(Number(m[1]))) await unlink(join(dir, name)).catch(() => {});
  }
}

export class JournalFile implements Adapter<Journal> {
  /** The text last read and what it parsed to: `add` reads to resolve names, then re-reads under the lock. */
  private last: { text: string; parsed: ParsedJournal } | undefined;

  constructor(readonly file: string) {}

  async read(): Promise<Journal | null> {
    const target = await targetOf(this.file);
    const readAtNs = BigInt(Date.now()) * 1_000_000n;
    let handle;
    try {
      handle = await open(target, 'r');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return emptyJournal();
      throw ioError('read', this.file, e);
    }
    let text: string;
    let st: BigIntStats;
    try {
      // The identity is taken from the file as it is read (store/trust.ts).
      st = await handle.stat({ bigint: true });
      text = await handle.readFile('utf8');
    } catch (e) {
      throw ioError('read', this.file, e);
    } finally {
      await handle.close().catch(() => {});
    }
    if (this.last?.text === text) return this.last.parsed.journal;
    const dir = backupDirFor(target);
    const checker = checkerId();
    const checked = await isTrusted(dir, target, st, checker);
    const parsed = this.parse(text, checked);
    if (!checked) await remember(dir, target, st, checker, readAtNs);
    return parsed.journal;
  }

  /** Parses and validates text, reusing the last result when the bytes are the same (edits are pure). */
  parse(text: string, checked = false): ParsedJournal {
    if (this.last?.text === text) return this.last.parsed;
    const parsed = parseJournalText(text, this.file, { checked });
    this.last = { text, parsed };
    return parsed;
  }

  async write(journal: Journal): Promise<void> {
    await writeFileAtomic(await targetOf(this.file), serializeJournal(journal), { label: this.file });
  }
}
