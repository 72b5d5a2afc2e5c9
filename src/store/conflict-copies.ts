import { readdirSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Journal } from '../core/schema.js';
import { JournalError } from '../errors.js';
import * as fs from './fs.js';
import { timeStamp } from './backups.js';
import { ensureDir, readOwn } from './journal-file.js';

// Copies of the journal that a file-sync tool left beside it when two devices changed it at
// once (SPEC §6.4). Every command says so (one readdir of the journal's folder); `netlog sync`
// merges them in.

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether a file name is a sync tool's conflict copy of the journal named `journal`:
 *   Syncthing  journal.sync-conflict-20261201-101010-ABCDEFG.json
 *   Dropbox    journal (conflicted copy 2026-12-01).json, journal (Dana's conflicted copy 2026-12-01).json
 *   Nextcloud  journal (conflicted copy 2026-12-01 101010).json, journal_conflict-20261201-101010.json
 *   OneDrive   journal-HOSTNAME.json (a Windows computer name: upper case, so journal-2025.json or
 *              journal-old.json, kept there on purpose, are not taken for copies)
 */
export function conflictCopyTest(journal: string): (name: string) => boolean {
  const ext = extname(journal);
  const stem = escape(ext ? journal.slice(0, -ext.length) : journal);
  const e = escape(ext);
  const re = new RegExp(
    `^${stem}(?:\\.sync-conflict-\\d{8}-\\d{6}-[A-Z0-9]{7}|\\s\\([^)]*conflicted copy[^)]*\\)|_conflict-[\\w-]+|-(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]*)${e}$`,
  );
  return (name) => name !== journal && re.test(name);
}

/** The conflict copies beside this journal file, as full paths in name order (none when the folder cannot be read). */
export async function findConflictCopies(journalFile: string): Promise<string[]> {
  const dir = dirname(journalFile);
  const test = conflictCopyTest(basename(journalFile));
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter(test).sort().map((n) => join(dir, n));
}

/** The one short line every command prints when there are copies. */
export function conflictNotice(journalFile: string, copies: readonly string[]): string {
  const n = copies.length;
  const names = copies.slice(0, 2).map((c) => basename(c)).join(', ') + (n > 2 ? `, … (${n} in all)` : '');
  return `${basename(journalFile)} has ${n === 1 ? 'a copy' : `${n} copies`} left by a sync tool beside it (${names}); run \`netlog sync\` to merge ${n === 1 ? 'it' : 'them'} in`;
}

/** A conflict copy's journal (validated; migrated when older); throws a JournalError naming the copy when it is not one. */
export async function readConflictCopy(copy: string): Promise<Journal> {
  const text = await readOwn(copy);
  if (text === undefined) throw new JournalError(`${copy}: no such file`);
  return (await import('./validate.js')).parseJournalText(text, copy).journal;
}

/**
 * Moves a merged conflict copy into the journal's backups folder `dir`; returns where it went.
 * Named by the change's time `at` (the context's clock) and the wall clock, so a copy of the
 * same name merged later on the same NETLOG_TODAY does not replace this one.
 */
export async function putAwayConflictCopy(dir: string, copy: string, at: Date): Promise<string> {
  await ensureDir(dir, copy);
  const to = join(dir, `conflict-${timeStamp(at)}-${basename(copy)}`);
  await fs.rename(copy, to);
  return to;
}
