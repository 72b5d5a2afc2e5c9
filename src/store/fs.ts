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
    write: async (data) => (at('write', path), h.writeFile(data)),
    chmod: async (mode) => (at('fchmod', path), h.chmod(mode)),
    chown: async (uid, gid) => (at('fchown', path), h.chown(uid, gid)),
    sync: async () => (at('fsync', path), h.sync()),
    // Closing is not counted: a crash closes every file anyway.
    close: () => h.close(),
  };
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

export async function readFile(path: string): Promise<Buffer> {
  at('read', path);
  return fsp.readFile(path);
}

export async function readText(path: string): Promise<string> {
  at('read', path);
  return fsp.readFile(path, 'utf8');
}

export async function writeNew(path: string, data: string | Uint8Array, mode: number): Promise<void> {
  at('write', path);
  return fsp.writeFile(path, data, { mode, flag: 'wx' });
}

export async function rename(from: string, to: string): Promise<void> {
  at('rename', to);
  return fsp.rename(from, to);
}

export async function link(from: string, to: string): Promise<void> {
  at('link', to);
  return fsp.link(from, to);
}

export async function unlink(path: string): Promise<void> {
  at('unlink', path);
  return fsp.unlink(path);
}

export async function copyFile(from: string, to: string): Promise<void> {
  at('copy', to);
  return fsp.copyFile(from, to, constants.COPYFILE_FICLONE);
}

export async function mkdir(path: string, mode: number): Promise<void> {
  at('mkdir', path);
  await fsp.mkdir(path, { recursive: true, mode });
}

export async function readdir(path: string): Promise<string[]> {
  at('readdir', path);
  return fsp.readdir(path);
}

export async function stat(path: string): Promise<Stats> {
  at('stat', path);
  return fsp.stat(path);
}

export async function statBig(path: string): Promise<BigIntStats> {
  at('stat', path);
  return fsp.stat(path, { bigint: true });
}

export async function lstat(path: string): Promise<Stats> {
  at('lstat', path);
  return fsp.lstat(path);
}

export async function realpath(path: string): Promise<string> {
  at('realpath', path);
  return fsp.realpath(path);
}

export async function readlink(path: string): Promise<string> {
  at('readlink', path);
  return fsp.readlink(path);
}
