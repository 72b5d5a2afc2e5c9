import * as fs from 'node:fs';
import { constants, type BigIntStats, type Stats } from 'node:fs';

// Every file operation the store makes on the journal, its lock and its backups goes through
// this module, so that a test can make the Nth one fail (an I/O error) or be the point where
// the process dies (nothing after it reaches the disk). Production code never sets the hook.
// The calls are node:fs's synchronous ones behind promises: a command does one thing at a time,
// and node:fs/promises would load readline and the stream modules on every start.

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

function wrap(fd: number, path: string): File {
  return {
    path,
    stat: async () => (at('fstat', path), fs.fstatSync(fd)),
    statBig: async () => (at('fstat', path), fs.fstatSync(fd, { bigint: true })),
    readAll: async () => (at('read', path), fs.readFileSync(fd)),
    readAt: async (buf, offset, length, position) => (at('read', path), fs.readSync(fd, buf, offset, length, position)),
    write: async (data) => (at('write', path), typeof data === 'string' ? writeText(fd, data) : writeAll(fd, data)),
    chmod: async (mode) => (at('fchmod', path), fs.fchmodSync(fd, mode)),
    chown: async (uid, gid) => (at('fchown', path), fs.fchownSync(fd, uid, gid)),
    sync: async () => (at('fsync', path), fs.fsyncSync(fd)),
    // Closing is not counted: a crash closes every file anyway.
    close: async () => fs.closeSync(fd),
  };
}

/** Writes all of `bytes` at the file's position (writeSync may write less than asked). */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += fs.writeSync(fd, bytes, done, bytes.length - done);
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

function writeText(fd: number, text: string): void {
  for (const slice of utf8Slices(text)) writeAll(fd, slice);
}

/** Opens for reading without blocking on a FIFO or a device that has no writer. */
export async function openRead(path: string): Promise<File> {
  at('open', path);
  return wrap(fs.openSync(path, constants.O_RDONLY | constants.O_NONBLOCK), path);
}

export async function open(path: string, flags: string, mode?: number): Promise<File> {
  at('open', path);
  return wrap(fs.openSync(path, flags, mode), path);
}

/** `f`, with the hook told first (the path is the first argument unless `pathOf` says otherwise). */
function counted<A extends unknown[], R>(op: string, f: (...args: A) => R, pathOf: (...args: A) => string = (...args) => args[0] as string) {
  return async (...args: A): Promise<R> => {
    at(op, pathOf(...args));
    return f(...args);
  };
}

const target = (_from: string, to: string) => to;

export const readFile = counted('read', (path: string) => fs.readFileSync(path));
export const readText = counted('read', (path: string) => fs.readFileSync(path, 'utf8'));
export const writeNew = counted('write', (path: string, data: string | Uint8Array, mode: number) => fs.writeFileSync(path, data, { mode, flag: 'wx' }));
export const rename = counted('rename', (from: string, to: string) => fs.renameSync(from, to), target);
export const link = counted('link', (from: string, to: string) => fs.linkSync(from, to), target);
export const unlink = counted('unlink', (path: string) => fs.unlinkSync(path));
export const copyFile = counted('copy', (from: string, to: string) => fs.copyFileSync(from, to, constants.COPYFILE_FICLONE), target);
export const mkdir = counted('mkdir', (path: string, mode: number) => void fs.mkdirSync(path, { recursive: true, mode }));
export const readdir = counted('readdir', (path: string) => fs.readdirSync(path));
export const stat = counted('stat', (path: string): Stats => fs.statSync(path));
export const statBig = counted('stat', (path: string): BigIntStats => fs.statSync(path, { bigint: true }));
export const lstat = counted('lstat', (path: string): Stats => fs.lstatSync(path));
export const realpath = counted('realpath', (path: string) => fs.realpathSync(path));
export const readlink = counted('readlink', (path: string) => fs.readlinkSync(path));
