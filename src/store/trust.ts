import { join } from 'node:path';
import * as fs from './fs.js';
import { readOwn, writeAtomicRaw } from './journal-file.js';

// The journal netlog last checked, recognised without checking it again (SPEC §2, STYLE §15), as
// git trusts its index: `validated.json` in the journal's backups folder records the file's
// identity and times (device, inode, size, modification and change time in nanoseconds) when a
// read found it valid, and what checked it (netlog's version and a fingerprint of its schema). A
// read of a file with exactly that identity skips the checks (it is still parsed, and its
// version still read); any difference — a hand edit, a sync tool, another netlog, a restored
// backup — means the full check, and a new record when it passes. Deleting the record only
// costs one full check.
//
// The racy case (git's racy-git): a file written twice within one tick of the file system's
// clock keeps its modification time. So a read records only a file last modified at least
// RACY_NS before the read began: any later write then has a later time, and a different
// identity. The margin covers file systems with coarse times (FAT keeps two seconds). (A tool
// that puts an old modification time back, as `cp -p` does, changes the change time instead.)

const NAME = 'validated.json';
const RACY_NS = 3_000_000_000n;

/** A file's identity and times as fstat gave them (bigint stats, or the store's FileKey). */
export interface Stamp {
  dev: bigint | string;
  ino: bigint | string;
  size: bigint | string;
  mtimeNs: bigint | string;
  ctimeNs: bigint | string;
}

/** The identity of one version of a file, as the record keeps it. */
function identity(st: Stamp): string {
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
}

interface Record_ {
  file: string;
  identity: string;
  checker: string;
  /** What was derived from that file (a record of another name than validated.json). */
  data?: unknown;
}

/**
 * What the record `name` in `dir` holds for the file with these stats (taken as it is now),
 * when it was made from that very file by `checker`: `{ data }`; undefined otherwise (no record,
 * a damaged one, any part of the identity or the checker different).
 */
export async function recall(dir: string, name: string, file: string, st: Stamp, checker: string): Promise<{ data: unknown } | undefined> {
  let text: string | undefined;
  try {
    text = await readOwn(join(dir, name));
  } catch {
    return undefined;
  }
  if (text === undefined) return undefined;
  try {
    const r = JSON.parse(text) as Partial<Record_> | null;
    if (r === null || typeof r !== 'object' || r.file !== file || r.identity !== identity(st) || r.checker !== checker) return undefined;
    return { data: r.data };
  } catch {
    return undefined;
  }
}

/**
 * Keeps `data`, derived from the file with these stats, as the record `name` in `dir`. `readAtNs`
 * is the wall clock just before the stats were taken: a file modified within RACY_NS of it gets
 * no record (the racy case above). Never fails: without a record the next read works it out again.
 */
export async function keep(dir: string, name: string, file: string, st: Stamp, checker: string, readAtNs: bigint, data?: unknown): Promise<void> {
  if (readAtNs - BigInt(st.mtimeNs) < RACY_NS) return;
  const record: Record_ = { file, identity: identity(st), checker, ...(data !== undefined ? { data } : {}) };
  try {
    await fs.mkdir(dir, 0o700);
    // A temp file renamed into place (no fsync: a record lost in a crash only costs a full read).
    await writeAtomicRaw(join(dir, name), `${JSON.stringify(record)}\n`, { sync: false });
  } catch {
    // without a record the next read works it out again
  }
}

/** Whether the file with these stats (taken as it was read) is the one the record says was checked by `checker`. */
export async function isTrusted(dir: string, file: string, st: Stamp, checker: string): Promise<boolean> {
  return (await recall(dir, NAME, file, st, checker)) !== undefined;
}

/**
 * Records that the file with these stats was checked and found valid by `checker`. `readAtNs`
 * is the wall clock just before the stats were taken. Never fails: without a record the next
 * read checks again.
 */
export async function remember(dir: string, file: string, st: Stamp, checker: string, readAtNs: bigint): Promise<void> {
  await keep(dir, NAME, file, st, checker, readAtNs);
}
