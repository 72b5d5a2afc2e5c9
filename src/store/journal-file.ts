import { isUtf8 } from 'node:buffer';
import type { BigIntStats } from 'node:fs';
import { dirname, join } from 'node:path';
import { JournalError } from '../errors.js';
import * as fs from './fs.js';
import { pidAlive, tempName } from './lock.js';

// The journal file on disk: reads that refuse what is not a journal file (a FIFO, a device, a
// file too large, bytes that are not UTF-8) before parsing, and writes that are atomic and
// durable (unique temp file in the same folder, fsync, rename over the target, fsync the
// folder) so a crash or kill -9 leaves the old or the new file, never half of one.

/** netlog refuses larger journals: V8 cannot hold a string much longer, and reading one would take seconds. */
export const MAX_JOURNAL_BYTES = 512 * 1024 * 1024;

/** Error codes in words. */
export const WHY: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is larger than this system allows',
  EROFS: 'the file system is read-only',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  EIO: 'the disk reported an I/O error',
  ENXIO: 'it is a socket or a device, not a journal file',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'the path is too long',
};

/** Error codes that mean there is no room: the message then names the backups folder. */
export const NO_SPACE = new Set(['ENOSPC', 'EDQUOT']);

export function ioError(action: string, file: string, e: unknown, hint?: string): JournalError {
  if (e instanceof JournalError) return e;
  const err = e as NodeJS.ErrnoException;
  return new JournalError(`cannot ${action} ${file}: ${WHY[err.code ?? ''] ?? err.message}`, hint ?? (action === 'read' ? undefined : 'the journal was not changed'));
}

/** What identifies one version of a file without reading it (as git's index does): if any part differs, the file may have changed. */
export interface FileKey {
  dev: string;
  ino: string;
  size: string;
  mtimeNs: string;
  ctimeNs: string;
}

export function keyOf(st: BigIntStats): FileKey {
  return { dev: String(st.dev), ino: String(st.ino), size: String(st.size), mtimeNs: String(st.mtimeNs), ctimeNs: String(st.ctimeNs) };
}

export function sameKey(a: FileKey | undefined, b: FileKey | undefined): boolean {
  return !!a && !!b && a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;
}

type Kind = Pick<BigIntStats, 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice' | 'isSocket' | 'isDirectory'>;

/** What a file that is not a regular file is, in words ("a named pipe (FIFO)"); undefined for a regular file. */
export function specialKind(st: Kind): string | undefined {
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  if (st.isDirectory()) return 'a folder';
  return undefined;
}

/** The offset of the first byte that does not belong to a valid UTF-8 sequence (-1 when there is none). */
export function firstBadUtf8(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f; // no surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    if (i + need >= n) return i;
    const second = b[i + 1]!;
    if (second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
      const x = b[i + k]!;
      if (x < 0x80 || x > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** A FIFO, a device, a file too large: netlog neither reads nor writes it, and undo cannot help. */
export class NotAJournalFile extends JournalError {}

/** Bytes that are not UTF-8: `check` lists it as a problem; everything else refuses. */
export class NotUtf8Error extends JournalError {
  constructor(
    file: string,
    readonly place: string,
    readonly reason: string,
  ) {
    super(`${file}: ${place}: ${reason}`, 'a journal is UTF-8 text: fix that byte by hand or restore the file from a backup; netlog will not overwrite it');
  }
}

const CHUNK = 512 * 1024;

async function readBytes(h: fs.File, size: number): Promise<Buffer> {
  const bytes = Buffer.allocUnsafe(size);
  let got = 0;
  while (got < size) {
    const n = await h.readAt(bytes, got, size - got, got);
    if (n === 0) break;
    got += n;
  }
  return bytes.subarray(0, got);
}

/**
 * Reads and decodes the file in slices, checking each is UTF-8 (a sequence cut by a slice's end
 * waits for the next): one small buffer, never the whole file as bytes and as text at once, and
 * as fast as fs.readFile's own decoding.
 */
async function readUtf8(h: fs.File, file: string): Promise<string> {
  const buf = Buffer.allocUnsafe(CHUNK + 4);
  let text = '';
  let carry = 0;
  let consumed = 0;
  for (;;) {
    const n = await h.readAt(buf, carry, CHUNK, consumed + carry);
    const total = carry + n;
    let end = total;
    if (n > 0) {
      // Hold back an incomplete sequence at the end of the slice.
      for (let k = 1; k <= Math.min(3, total); k++) {
        const c = buf[total - k]!;
        if ((c & 0xc0) === 0x80) continue;
        const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
        if (k < need) end = total - k;
        break;
      }
    }
    const slice = buf.subarray(0, end);
    if (!isUtf8(slice)) {
      const at = firstBadUtf8(slice);
      let line = 1;
      for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) line++;
      for (let k = slice.indexOf(10); k !== -1 && k < at; k = slice.indexOf(10, k + 1)) line++;
      throw new NotUtf8Error(file, `byte ${consumed + at} (line ${line})`, `not valid UTF-8 (0x${slice[at]!.toString(16).padStart(2, '0')})`);
    }
    text += slice.toString('utf8');
    if (n === 0) return text;
    carry = total - end;
    buf.copyWithin(0, end, total);
    consumed += end;
  }
}

export interface JournalBytes {
  text: string;
  /** Whether json-scan looked at it (see readJournal's `scan`). */
  scanned: boolean;
  /** The file's identity and times when it was read. */
  key: FileKey;
}

/** validate.ts's scan, loaded (with the schema library) only for a file that needs it. */
const scanner = async () => (await import('./validate.js')).scanError;

/**
 * Reads the journal, or undefined when there is no file yet. Refuses, before reading a byte,
 * anything that is not a regular file (opening does not block on a FIFO), or is larger than
 * MAX_JOURNAL_BYTES; refuses bytes that are not UTF-8, with their offset. `scan(key)` says
 * whether to look for what JSON.parse lets through (validate.ts scanError) — done here, on the
 * bytes, so they can be let go before the text is parsed.
 */
export async function readJournal(path: string, file = path, scan?: (key: FileKey) => Promise<boolean>): Promise<JournalBytes | undefined> {
  let h: fs.File;
  try {
    h = await fs.openRead(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw ioError('read', file, e);
  }
  try {
    const st = await h.statBig();
    if (st.isDirectory()) throw new JournalError(`cannot read ${file}: it is a folder`);
    if (!st.isFile()) throw new NotAJournalFile(`${file} is ${specialKind(st) ?? 'not a regular file'}, not a journal file`, 'point --file or NETLOG_FILE at a regular file; netlog will not read or write it');
    if (st.size > BigInt(MAX_JOURNAL_BYTES)) {
      throw new NotAJournalFile(
        `${file} is too large for a journal (${Number(st.size / 1048576n)} MB; netlog reads journals of up to ${MAX_JOURNAL_BYTES / 1048576} MB)`,
        'is it the right file? netlog will not read or write it',
      );
    }
    const before = keyOf(st);
    let scanned = scan !== undefined && (await scan(before));
    if (scanned) {
      // Over the bytes, before the text is decoded (the bytes are let go first; decoding reads
      // the page cache again): never the bytes, the text and the parsed journal at once.
      const problem = (await scanner())(await readBytes(h, Number(st.size)), file);
      if (problem) throw problem;
    }
    const text = await readUtf8(h, file);
    // A change made in place while it was read shows in its times: then it is scanned as text.
    const key = keyOf(await h.statBig());
    if (scan !== undefined && !scanned && !sameKey(before, key)) {
      const problem = (await scanner())(text, file);
      if (problem) throw problem;
      scanned = true;
    }
    return { text, scanned, key };
  } catch (e) {
    throw ioError('read', file, e);
  } finally {
    await h.close().catch(() => {});
  }
}

/** Reads the journal's text, or undefined when there is no file yet (see readJournal; kept for other modules reading journal-like files). */
export async function readJournalText(file: string): Promise<string | undefined> {
  return (await readJournal(file))?.text;
}

/** One of netlog's own files (the undo list, a backup), or undefined when it is missing; never blocks on a FIFO put there. */
export async function readOwn(path: string): Promise<string | undefined> {
  let h: fs.File;
  try {
    h = await fs.openRead(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  try {
    const st = await h.stat();
    if (!st.isFile()) throw new JournalError(`${path} is ${specialKind(st) ?? 'not a regular file'}, not one of netlog's files`, 'remove it');
    return (await h.readAll()).toString('utf8');
  } finally {
    await h.close().catch(() => {});
  }
}

/** The real file behind a symlinked journal (also when the link's target does not exist yet), so writing keeps the link. */
export async function targetOf(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch {
    try {
      // A dangling link: write where it points.
      const to = await fs.readlink(file);
      return to.startsWith('/') ? to : join(dirname(file), to);
    } catch {
      return file;
    }
  }
}

/** Creates the journal's folder (0700) when it is missing. */
export async function ensureDir(dir: string, file: string): Promise<void> {
  await fs.mkdir(dir, 0o700).catch((e) => {
    throw ioError('create the folder for', file, e);
  });
}

async function fsyncDir(dir: string): Promise<void> {
  let d: fs.File | undefined;
  try {
    d = await fs.open(dir, 'r');
    await d.sync();
  } catch {
    // Some file systems cannot fsync a folder; the rename has still happened.
  } finally {
    await d?.close().catch(() => {});
  }
}

/**
 * Writes text durably and atomically to `target` (a real path, not a symlink): temp file in
 * the same folder, created 0600 and then given the old file's mode (umask cannot widen it) and
 * owner, fsync, rename, fsync the folder. Throws the raw error (callers say what failed).
 */
export async function writeAtomicRaw(target: string, text: string | Uint8Array, opts: { newMode?: number; sync?: boolean } = {}): Promise<void> {
  const dir = dirname(target);
  let mode = opts.newMode ?? 0o600;
  let owner: { uid: number; gid: number } | undefined;
  try {
    const st = await fs.stat(target);
    mode = st.mode & 0o777;
    owner = { uid: st.uid, gid: st.gid };
  } catch {
    // a new file
  }
  const tmp = tempName(target);
  let handle: fs.File | undefined;
  try {
    handle = await fs.open(tmp, 'wx', 0o600);
    await handle.chmod(mode);
    if (owner && process.getuid?.() === 0 && (owner.uid !== 0 || owner.gid !== 0)) await handle.chown(owner.uid, owner.gid);
    await handle.write(text);
    if (opts.sync !== false) await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(tmp, target);
  } catch (e) {
    await handle?.close().catch(() => {});
    await fs.unlink(tmp).catch(() => {});
    throw e;
  }
  if (opts.sync !== false) await fsyncDir(dir);
}

/** writeAtomicRaw, with the failure said in words naming `label`. */
export async function writeFileAtomic(target: string, text: string | Uint8Array, opts: { newMode?: number; label?: string; hint?: string } = {}): Promise<void> {
  try {
    await writeAtomicRaw(target, text, opts);
  } catch (e) {
    throw ioError('write', opts.label ?? target, e, opts.hint);
  }
}

/** Keeps a copy of `from` at `to` (mode 0600): a hard link when the file is already 0600 (instant, no space), else a copy. */
export async function preserveCopy(from: string, to: string): Promise<void> {
  const st = await fs.stat(from);
  if ((st.mode & 0o777) === 0o600) {
    try {
      await fs.link(from, to);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw e;
      // no hard links here: copy
    }
  }
  const tmp = tempName(to);
  try {
    await fs.copyFile(from, tmp);
    const h = await fs.open(tmp, 'r+');
    try {
      await h.chmod(0o600);
      await h.sync();
    } finally {
      await h.close();
    }
    await fs.rename(tmp, to);
  } catch (e) {
    await fs.unlink(tmp).catch(() => {});
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
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (only !== undefined && !name.startsWith(`.${only}.`)) continue;
    const m = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp(?:\.stale)?$/.exec(name);
    if (m && !pidAlive(Number(m[1]))) await fs.unlink(join(dir, name)).catch(() => {});
  }
}
