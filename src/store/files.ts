import { resolve } from 'node:path';
import { open, readFile, unlink } from 'node:fs/promises';
import { JournalError, UsageError } from '../errors.js';
import { writeFileAtomic } from './journal-file.js';

// The files netlog reads or writes besides the journal: a file to import, an export's --out.

function why(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'it is a folder',
    ENOTDIR: 'a part of the path is not a folder',
    ENOSPC: 'the disk is full',
    EROFS: 'the file system is read-only',
  };
  return reasons[err.code ?? ''] ?? err.message;
}

/** The bytes of a file to import; an unreadable file is a JournalError (exit 1). */
export async function readImportFile(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (e) {
    throw new JournalError(`cannot read ${file}: ${why(e)}`);
  }
}

/** Writes an export; an existing file is replaced only with `force` (atomically), never half-written. */
export async function writeExportFile(path: string, text: string, force: boolean): Promise<void> {
  const file = resolve(path);
  if (force) return writeFileAtomic(file, text);
  let handle;
  try {
    handle = await open(file, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${file} already exists`, 'add --force to replace it');
    throw new JournalError(`cannot write ${file}: ${why(e)}`);
  }
  try {
    await handle.writeFile(text, 'utf8');
    await handle.close();
  } catch (e) {
    // Leave no half-written export behind.
    await handle.close().catch(() => {});
    await unlink(file).catch(() => {});
    throw new JournalError(`cannot write ${file}: ${why(e)}`);
  }
}
