import { dirname, resolve, sep } from 'node:path';
import { JournalError, UsageError } from '../errors.js';
import * as fs from './fs.js';
import { specialKind, WHY, writeAtomicRaw } from './journal-file.js';

// The files netlog reads or writes besides the journal: a file to import, an export's --out.

function why(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return WHY[err.code ?? ''] ?? err.message;
}

/** The bytes of a file to import; an unreadable file is a JournalError (exit 1). */
export async function readImportFile(file: string): Promise<Uint8Array> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    throw new JournalError(`cannot read ${file}: ${why(e)}`);
  }
}

/** The journal's own files, which an export must never replace. */
export interface Protected {
  journal: string;
  backups: string;
  lock: string;
}

/**
 * Where an export to `path` really goes (through symlinks), refusing a special file and the
 * journal's own files: compared by real path and by device and inode (a hard link to the
 * journal or a backup is the same file).
 */
async function exportTarget(path: string, guard: Protected): Promise<{ real: string; exists: boolean }> {
  const file = resolve(path);
  let real: string;
  try {
    real = await fs.realpath(file);
  } catch {
    // Missing (or a dangling link): its folder must be real, and it must not be a journal file by name.
    let dir: string;
    try {
      dir = await fs.realpath(dirname(file));
    } catch (e) {
      throw new JournalError(`cannot write ${file}: ${why(e)}`);
    }
    real = resolve(dir, file.slice(dirname(file).length + 1));
    const st = await fs.lstat(file).catch(() => undefined);
    if (st?.isSymbolicLink()) throw new UsageError(`${file} is a symbolic link to a file that does not exist`, 'give the path of a regular file');
    refuseOwn(file, real, guard);
    return { real, exists: false };
  }
  refuseOwn(file, real, guard);
  const st = await fs.stat(real);
  const special = specialKind(st);
  if (special) throw new UsageError(`${file} is ${special}, not a regular file; netlog writes exports only to regular files`);
  for (const own of [guard.journal, guard.lock]) {
    const o = await fs.stat(own).catch(() => undefined);
    if (o && o.dev === st.dev && o.ino === st.ino) throw ownError(file);
  }
  const names = await fs.readdir(guard.backups).catch(() => [] as string[]);
  for (const n of names) {
    const o = await fs.stat(`${guard.backups}${sep}${n}`).catch(() => undefined);
    if (o && o.dev === st.dev && o.ino === st.ino) throw ownError(file);
  }
  return { real, exists: true };
}

const ownError = (file: string) => new UsageError(`${file} is the journal or one of its backups; an export never replaces it`, 'choose another --out file');

function refuseOwn(file: string, real: string, guard: Protected): void {
  if (real === guard.journal || real === guard.lock || real === guard.backups || real.startsWith(guard.backups + sep)) throw ownError(file);
}

/**
 * Writes an export; an existing file is replaced only with `force` (atomically, through a
 * symlink to the file it points to), never half-written, and never the journal's own files.
 */
export async function writeExportFile(path: string, text: string, force: boolean, guard: Protected): Promise<void> {
  const file = resolve(path);
  const { real, exists } = await exportTarget(file, guard);
  if (exists && !force) throw new UsageError(`${file} already exists`, 'add --force to replace it');
  if (exists) {
    try {
      return await writeAtomicRaw(real, text);
    } catch (e) {
      throw new JournalError(`cannot write ${file}: ${why(e)}`);
    }
  }
  let handle;
  try {
    handle = await fs.open(real, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${file} already exists`, 'add --force to replace it');
    throw new JournalError(`cannot write ${file}: ${why(e)}`);
  }
  try {
    await handle.write(text);
    await handle.close();
  } catch (e) {
    // Leave no half-written export behind.
    await handle.close().catch(() => {});
    await fs.unlink(real).catch(() => {});
    throw new JournalError(`cannot write ${file}: ${why(e)}`);
  }
}
