import * as fsp from 'node:fs/promises';
import { constants, type BigIntStats, type Stats } from 'node:fs';

// Every file operation the store makes on the journal, its lock and its backups goes through
// this module, so that a test can make the Nth one fail (an I/O error) or be the point where
// the process dies (nothing after it reaches the disk). Production code never sets the hook.

/** Called before each operation with its name and path; throwing stops the operation. */
export type FsHook = (op: string, path: string) => void;

let hook: FsHook | undefined;

/** For tests: run `fn` before every file operation (undefined removes it). */
export function setFsHook(h: FsHook | undefined): void {
  hook = h;
}

const at = (op: string, path: string) => hook?.(op, path);

/** An open file: the handle operations the store uses, each one counted. */
export interface File {
  readonly path: string;
  stat(): Promise<Stats>;
  statBig(): Promise<BigIntStats>;
  readAll(): Promise<Buffer>;
  /** Reads up to `length` bytes at file position `position` into `buf` at `offset`; the number read. */
  readAt(buf: Buffer, offset: number, length: number, position: number): Promise<number>;
  write(data: string | Uint8Array): Promise<void>;
  chmod(mode: number): Promise<void>;
  chown(uid: number, gid: number): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

function wrap(h: fsp.FileHandle, path: string): File {
  return {
    path,
    stat: async () => (at('fstat', path), h.stat()),
    statBig: async () => (at('fstat', path), h.stat({ bigint: true })),
    readAll: async () => (at('read', path), h.readFile()),
    readAt: async (buf, offset, length, position) => (at('read', path), (await h.read(buf, offset, length, position)).bytesRead),
    write: async (data) => (at('write', path), typeof data === 'string' ? writeText(h, data) : h.writeFile(data)),
    chmod: async (mode) => (at('fchmod', path), h.chmod(mode)),
    chown: async (uid, gid) => (at('fchown', path), h.chown(uid, gid)),
    sync: async () => (at('fsync', path), h.sync()),
    // Closing is not counted: a crash closes every file anyway.
    close: () => h.close(),
  };
}

// Text is encoded and written a slice at a time (one operation for the hook): a journal's text
// is never also held whole as bytes.
const SLICE = 1 << 20;

/** The UTF-8 bytes of `text`, a slice at a time, in one buffer used again for each (use a slice before asking for the next). */
export function* utf8Slices(text: string): Generator<Uint8Array> {
  if (text.length <= SLICE / 3) {
    yield Buffer.from(text, 'utf8');
    return;
  }
  const buf = new Uint8Array(SLICE);
  const encoder = new TextEncoder();
  // encodeInto stops before a character that does not fit: never half a character.
  for (let at = 0; at < text.length; ) {
    const { read, written } = encoder.encodeInto(at === 0 ? text : text.slice(at), buf);
    at += read;
    yield buf.subarray(0, written);
  }
}

async function writeText(h: fsp.FileHandle, text: string): Promise<void> {
  for (const slice of utf8Slices(text)) {
    for (let done = 0; done < slice.length; ) done += (await h.write(slice, done, slice.length - done)).bytesWritten;
  }
}

/** Opens for reading without blocking on a FIFO or a device that has no writer. */
export async function openRead(path: string): Promise<File> {
  at('open', path);
  return wrap(await fsp.open(path, constants.O_RDONLY | constants.O_NONBLOCK), path);
}

export async function open(path: string, flags: string, mode?: number): Promise<File> {
  at('open', path);
  return wrap(await fsp.open(path, flags, mode), path);
}

/** `f`, with the hook told first (the path is the first argument unless `pathOf` says otherwise). */
function counted<A extends unknown[], R>(op: string, f: (...args: A) => Promise<R>, pathOf: (...args: A) => string = (...args) => args[0] as string) {
  return async (...args: A): Promise<R> => {
    at(op, pathOf(...args));
    return f(...args);
  };
}

const target = (_from: string, to: string) => to;

export const readFile = counted('read', (path: string) => fsp.readFile(path));
export const readText = counted('read', (path: string) => fsp.readFile(path, 'utf8'));
export const writeNew = counted('write', (path: string, data: string | Uint8Array, mode: number) => fsp.writeFile(path, data, { mode, flag: 'wx' }));
export const rename = counted('rename', (from: string, to: string) => fsp.rename(from, to), target);
export const link = counted('link', (from: string, to: string) => fsp.link(from, to), target);
export const unlink = counted('unlink', (path: string) => fsp.unlink(path));
export const copyFile = counted('copy', (from: string, to: string) => fsp.copyFile(from, to, constants.COPYFILE_FICLONE), target);
export const mkdir = counted('mkdir', async (path: string, mode: number) => void (await fsp.mkdir(path, { recursive: true, mode })));
export const readdir = counted('readdir', (path: string) => fsp.readdir(path));
export const stat = counted('stat', (path: string): Promise<Stats> => fsp.stat(path));
export const statBig = counted('stat', (path: string): Promise<BigIntStats> => fsp.stat(path, { bigint: true }));
export const lstat = counted('lstat', (path: string): Promise<Stats> => fsp.lstat(path));
export const realpath = counted('realpath', (path: string) => fsp.realpath(path));
export const readlink = counted('readlink', (path: string) => fsp.readlink(path));
