import { resolve } from 'node:path';
import type { Journal } from '../core/schema.js';
import { emptyJournal } from '../core/journal.js';
import { JournalError } from '../errors.js';
import { readJournalText, targetOf, writeFileAtomic } from './journal-file.js';
import { serializeJournal } from './serialize.js';
import { checkJournal, parseJournalText } from './validate.js';

// The journal files `netlog merge` reads and writes (git hands it temp files, not the journal):
// read with the store's own validation, written atomically.

/** A journal file, validated as every read is; `emptyIsNew`: a missing or empty file is an empty journal (a merge base). */
export async function readJournalFile(path: string, opts: { emptyIsNew?: boolean } = {}): Promise<Journal> {
  const text = await readJournalText(resolve(path));
  if (text === undefined || text.trim() === '') {
    if (opts.emptyIsNew) return emptyJournal();
    throw new JournalError(text === undefined ? `cannot read ${path}: no such file` : `${path}: the file is empty, not a journal`, 'nothing was merged; the files are unchanged');
  }
  try {
    return parseJournalText(text, path).journal;
  } catch (e) {
    if (e instanceof JournalError) throw new JournalError(e.message, 'nothing was merged; the files are unchanged');
    throw e;
  }
}

/** Writes a merge result over `path` (through a symlink to its target): temp file, fsync, rename. Returns the full path. */
export async function writeMerged(path: string, journal: Journal): Promise<string> {
  const file = resolve(path);
  checkJournal(journal, file);
  await writeFileAtomic(await targetOf(file), serializeJournal(journal), { label: file });
  return file;
}
