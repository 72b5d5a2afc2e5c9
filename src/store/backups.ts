import { nodeCrypto } from '../node-crypto.js';
import { basename, join } from 'node:path';
import * as fs from './fs.js';
import { ensureDir, keyOf, preserveCopy, readOwn, writeAtomicRaw, type FileKey } from './journal-file.js';
import { tempName } from './lock.js';
import type { Journal } from '../core/schema.js';

// Backups before every write, and the list of changes `netlog undo` walks back through.
// They live in a folder next to the journal, `<journal>.backups/` (0700, files 0600):
//   <stamp>.json          the journal as it was before a change (plain journal files)
//   undone-<stamp>.json   the journal as it was before an undo (so an undo loses nothing)
//   version-<n>-<stamp>.json  the file as it was before it was migrated from version n (never pruned)
//   changes.json          the undo list: what each change was, its backup, and a hash of the result
//   last.json             what netlog last wrote: a hard link to the journal it wrote (no space),
//                         so it survives a sync tool or an editor replacing the journal
//   written.json          last.json's hash, and the journal's identity and times right after
//                         netlog wrote it: while they match, the file is netlog's own output and
//                         the checks only hand-edited text needs are skipped (a cache: safe to delete)
// Backups are kept within a budget: BUDGET_FACTOR times the journal's size in all (or
// BUDGET_FLOOR for a small journal), dropping the oldest first, but always the newest change.

/** How many changes can be undone. */
export const KEEP_CHANGES = 10;
/** How many states replaced by undo are kept. */
const KEEP_UNDONE = 5;
/** The backups take at most this many times the journal's size... */
export const BUDGET_FACTOR = 3;
/** ...or this many bytes, whichever is more (ten levels of a small journal cost nothing). */
export const BUDGET_FLOOR = 4 * 1024 * 1024;

const CHANGES = 'changes.json';
const LAST = 'last.json';
const WRITTEN = 'written.json';

export interface Change {
  at: string;
  /** What the change did, in words: "add coffee with Dana Lee". */
  change: string;
  /** The backup holding the journal before the change; null when there was no journal yet. */
  before: string | null;
  /** sha256 of the journal the change wrote. */
  after: string;
}

export function backupDirFor(target: string): string {
  return `${target}.backups`;
}

export function sha256(text: string | Uint8Array): string {
  return sha256Sized(text).hash;
}

/** sha256 of text's UTF-8 bytes and how many there are, hashed a slice at a time (no copy of a large text as bytes). */
export function sha256Sized(text: string | Uint8Array): { hash: string; bytes: number } {
  const h = nodeCrypto().createHash('sha256');
  let bytes = 0;
  for (const slice of typeof text === 'string' ? fs.utf8Slices(text) : [text]) {
    h.update(slice);
    bytes += slice.length;
  }
  return { hash: h.digest('hex'), bytes };
}

/**
 * A backup's name stamp: the change's time (the context's clock, so NETLOG_TODAY gives one
 * today), then the wall clock in base 36 (what orders backups: the change's time may repeat, or
 * go back when NETLOG_TODAY does), then a random part.
 */
function stamp(at: Date): string {
  return `${timeStamp(at)}-${nodeCrypto().randomBytes(3).toString('hex')}`;
}

/** The time part of a name in the backups folder: the change's time `at`, then the wall clock in base 36 (see stamp). */
export function timeStamp(at: Date): string {
  return `${at.toISOString().replace(/[:.]/g, '-')}-${Date.now().toString(36)}`;
}

/** When a backup was made (wall clock, ms), from its name; names from before the wall-clock part order by their time stamp. */
function madeAt(name: string): number {
  const m = /(\d{4}-\d\d-\d\dT\d\d)-(\d\d)-(\d\d)-(\d{3})Z-(?:([0-9a-z]+)-)?[0-9a-f]{6}\.json$/.exec(name);
  if (!m) return 0;
  if (m[5] !== undefined) return parseInt(m[5], 36);
  return Date.parse(`${m[1]}:${m[2]}:${m[3]}.${m[4]}Z`) || 0;
}

/**
 * The recorded changes, oldest first: none when the list is missing or not netlog's format. A
 * list that cannot be read (an I/O error) throws: writing after that would lose the list.
 */
export async function readChanges(dir: string): Promise<Change[]> {
  const text = await readOwn(join(dir, CHANGES));
  if (!text) return [];
  try {
    const doc = JSON.parse(text) as { changes?: unknown };
    return Array.isArray(doc.changes)
      ? (doc.changes as Change[]).filter((c) => c && typeof c.change === 'string' && typeof c.after === 'string' && (c.before === null || typeof c.before === 'string'))
      : [];
  } catch {
    return [];
  }
}

async function writeChanges(dir: string, changes: Change[]): Promise<void> {
  await writeAtomicRaw(join(dir, CHANGES), `${JSON.stringify({ changes }, null, 2)}\n`);
}

const isChangeBackup = (n: string) => /^\d{4}-.*\.json$/.test(n);
const isUndone = (n: string) => /^undone-.*\.json$/.test(n);
/** Orders backups of both kinds by age (oldest first). */
const byAge = (a: string, b: string) => madeAt(a) - madeAt(b) || a.localeCompare(b);

/** What the backups folder holds, in bytes of disk (hard links to one file count once; `except` is the journal's own file). */
export async function backupsSize(dir: string, except?: { dev: number; ino: number }): Promise<number> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const seen = new Set<string>();
  let total = 0;
  for (const n of names) {
    const st = await fs.stat(join(dir, n)).catch(() => undefined);
    if (!st?.isFile()) continue;
    const id = `${st.dev}:${st.ino}`;
    if (seen.has(id) || (except && st.dev === except.dev && st.ino === except.ino)) continue;
    seen.add(id);
    total += st.size;
  }
  return total;
}

/**
 * Deletes backups no change refers to and undone states beyond the newest few; then, while
 * the folder is over budget, the oldest backups (a change's backup takes that change and every
 * older one off the undo list). The newest change stays undoable whatever its size. Returns
 * the changes still listed.
 */
async function prune(dir: string, changes: Change[], journalBytes: number, except?: { dev: number; ino: number }, coming = 0): Promise<Change[]> {
  const used = new Set(changes.map((c) => c.before));
  const names = (await fs.readdir(dir).catch(() => [] as string[])).sort();
  const undone = names.filter(isUndone).sort(byAge);
  const doomed = [...names.filter((n) => isChangeBackup(n) && !used.has(n)), ...undone.slice(0, Math.max(0, undone.length - KEEP_UNDONE))];
  for (const n of doomed) await fs.unlink(join(dir, n)).catch(() => {});

  // `coming`: what the write about to happen adds (a copy of it as last.json).
  const budget = Math.max(BUDGET_FACTOR * journalBytes, BUDGET_FLOOR) - coming;
  const files = new Map<string, { id: string; size: number }>();
  const refs = new Map<string, number>();
  for (const n of names) {
    // Only netlog's own backups count (other tools may keep files here too: sync's conflict copies).
    if (doomed.includes(n) || !(isChangeBackup(n) || isUndone(n) || n.startsWith('version-') || n === LAST) || (coming > 0 && n === LAST)) continue;
    const st = await fs.stat(join(dir, n)).catch(() => undefined);
    if (!st?.isFile() || (except && st.dev === except.dev && st.ino === except.ino)) continue;
    const id = `${st.dev}:${st.ino}`;
    files.set(n, { id, size: st.size });
    refs.set(id, (refs.get(id) ?? 0) + 1);
  }
  const sizes = new Map([...files.values()].map((f) => [f.id, f.size]));
  let total = [...sizes.values()].reduce((a, b) => a + b, 0);
  if (total <= budget) return changes;

  let list = changes;
  const newest = changes.at(-1)?.before;
  const newestUndone = undone.filter((n) => !doomed.includes(n)).at(-1);
  const candidates = [...files.keys()].filter((n) => (isChangeBackup(n) && n !== newest) || (isUndone(n) && n !== newestUndone)).sort(byAge);
  for (const n of candidates) {
    if (total <= budget) break;
    if (isChangeBackup(n)) {
      const k = list.findIndex((c) => c.before === n);
      if (k >= 0) list = list.slice(k + 1);
    }
    await fs.unlink(join(dir, n)).catch(() => {});
    const f = files.get(n)!;
    const left = refs.get(f.id)! - 1;
    refs.set(f.id, left);
    if (left === 0) total -= f.size;
  }
  if (list !== changes) await writeChanges(dir, list);
  return list;
}

/**
 * Before a write: keeps the journal as it is now (when there is one) and records the change.
 * Called under the lock, before the journal is replaced. `isLastWrite`: the journal is exactly
 * what netlog last wrote, so the backup can be a link to last.json (no copy even when the
 * journal is not 0600). Returns a function that takes the record back, for when the write then
 * fails (best effort: undo also skips such records).
 */
export async function recordChange(
  target: string,
  exists: boolean,
  after: string | Promise<string>,
  change: string,
  journalBytes: number,
  isLastWrite = false,
  now = new Date(),
): Promise<() => Promise<void>> {
  const dir = backupDirFor(target);
  await ensureDir(dir, target);
  let before: string | null = null;
  if (exists) {
    before = `${stamp(now)}.json`;
    if (!isLastWrite || !(await fs.link(join(dir, LAST), join(dir, before)).then(() => true, () => false))) await preserveCopy(target, join(dir, before));
  }
  const previous = await readChanges(dir);
  const changes = [...previous, { at: now.toISOString(), change, before, after: await after }].slice(-KEEP_CHANGES);
  await writeChanges(dir, changes);
  // A journal that is not 0600 gets its last write kept as a copy (a link would share its mode).
  const mode = (await fs.stat(target).catch(() => undefined))?.mode ?? 0o600;
  const kept = await prune(dir, changes, journalBytes, undefined, (mode & 0o777) === 0o600 ? 0 : journalBytes);
  return async () => {
    await writeChanges(dir, kept.slice(0, -1)).catch(() => {});
    if (before) await fs.unlink(join(dir, before)).catch(() => {});
  };
}

/** Keeps the file as it was before a migration; returns where. */
export async function keepOldVersion(target: string, version: number, now = new Date()): Promise<string> {
  const dir = backupDirFor(target);
  await ensureDir(dir, target);
  const to = join(dir, `version-${version}-${stamp(now)}.json`);
  await preserveCopy(target, to);
  return to;
}

/** Keeps the journal as it is before an undo replaces it. */
export async function keepUndone(target: string, now = new Date()): Promise<string> {
  const dir = backupDirFor(target);
  await ensureDir(dir, target);
  const to = join(dir, `undone-${stamp(now)}.json`);
  await preserveCopy(target, to);
  return to;
}

export interface Written {
  /** sha256 of what netlog last wrote (last.json's content). */
  sha256: string;
  /** The journal right after that write. */
  key: FileKey;
}

/**
 * After a write: keeps what netlog wrote as last.json (a hard link to the journal, or a copy
 * when the journal is not 0600) and notes its hash and the journal's identity. Best effort:
 * when it fails, reads are checked in full and `undo --force` falls back to the last backup.
 */
export async function keepLastWrite(target: string, hash: string): Promise<boolean> {
  const dir = backupDirFor(target);
  try {
    const tmp = tempName(join(dir, LAST));
    await preserveCopy(target, tmp);
    await fs.rename(tmp, join(dir, LAST));
    // Taken after the link, which changes the journal's ctime.
    const key = keyOf(await fs.statBig(target));
    const written: Written = { sha256: hash, key };
    await writeAtomicRaw(join(dir, WRITTEN), `${JSON.stringify(written)}\n`, { sync: false });
    return true;
  } catch {
    await fs.unlink(join(dir, WRITTEN)).catch(() => {});
    return false;
  }
}

/** What written.json says, when it can be read. */
export async function readWritten(dir: string): Promise<Written | undefined> {
  try {
    const w = JSON.parse((await readOwn(join(dir, WRITTEN))) ?? 'null') as Written | null;
    return w && typeof w.sha256 === 'string' && w.key && typeof w.key.ino === 'string' ? w : undefined;
  } catch {
    return undefined;
  }
}

/** What netlog last wrote, when last.json still holds exactly that (not when the journal was overwritten in place: last.json is then the same file). */
export async function lastWrite(dir: string): Promise<{ text: string; sha256: string } | undefined> {
  const w = await readWritten(dir);
  if (!w) return undefined;
  const text = await readOwn(join(dir, LAST)).catch(() => undefined);
  if (text === undefined || sha256(text) !== w.sha256) return undefined;
  return { text, sha256: w.sha256 };
}

export type UndoPlan =
  | { kind: 'nothing' }
  | { kind: 'changed-outside'; change: Change; beforeText: string | undefined; remaining: Change[] }
  | { kind: 'ok'; change: Change; beforeText: string | undefined; remaining: Change[] };

/**
 * Which change an undo would reverse. A change whose write never happened (its result is not
 * on disk and its backup equals the journal) is dropped; a journal changed by something other
 * than netlog since the last change is reported, not overwritten.
 */
export async function planUndo(target: string, currentText: string | undefined): Promise<UndoPlan> {
  const dir = backupDirFor(target);
  const changes = await readChanges(dir);
  const current = currentText === undefined ? undefined : sha256(currentText);
  while (changes.length > 0) {
    const last = changes[changes.length - 1]!;
    const beforeText = last.before === null ? undefined : await readOwn(join(dir, last.before));
    if (last.before !== null && beforeText === undefined) return { kind: 'nothing' };
    if (current === last.after) return { kind: 'ok', change: last, beforeText, remaining: changes.slice(0, -1) };
    if (beforeText === currentText) {
      changes.pop(); // a write that failed (or a crash) after its backup was made
      continue;
    }
    return { kind: 'changed-outside', change: last, beforeText, remaining: changes.slice(0, -1) };
  }
  return { kind: 'nothing' };
}

/** After an undo has replaced the journal: the shorter undo list, and the backups pruned to budget. */
export async function saveChanges(target: string, changes: Change[], journalBytes: number): Promise<void> {
  const dir = backupDirFor(target);
  await writeChanges(dir, changes);
  const st = await fs.stat(target).catch(() => undefined);
  await prune(dir, changes, journalBytes, st && { dev: st.dev, ino: st.ino });
}

export const backupName = (target: string) => basename(backupDirFor(target));

/**
 * Earlier versions of the journal kept in its backups folder (change backups, undone states,
 * old versions, netlog's last write), newest name first, once each by content: the candidate
 * common ancestors when `netlog sync` merges a conflict copy. Merged copies (conflict-*) and
 * files that are not journals are left out.
 */
export async function earlierJournals(dir: string): Promise<Journal[]> {
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json') && n !== CHANGES && !n.startsWith('conflict-'));
  const seen = new Set<string>();
  const out: Journal[] = [];
  for (const n of names.sort().reverse()) {
    const text = await readOwn(join(dir, n)).catch(() => undefined);
    if (text === undefined) continue;
    const hash = sha256(text);
    if (seen.has(hash)) continue;
    seen.add(hash);
    try {
      out.push((await import('./validate.js')).parseJournalText(text, n).journal);
    } catch {
      // not a journal netlog can read: no help as a base
    }
  }
  return out;
}
