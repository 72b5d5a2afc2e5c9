import { nodeCrypto } from '../node-crypto.js';
import { readdir, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ensureDir, preserveCopy, readJournalText, writeFileAtomic } from './journal-file.js';

// Backups before every write, and the list of changes `netlog undo` walks back through.
// They live in a folder next to the journal, `<journal>.backups/` (0700, files 0600):
//   <stamp>.json          the journal as it was before a change (plain journal files)
//   undone-<stamp>.json   the journal as it was before an undo (so an undo loses nothing)
//   version-<n>-<stamp>.json  the file as it was before it was migrated from version n (never pruned)
//   changes.json          the undo list: what each change was, its backup, and a hash of the result

/** How many changes can be undone. */
export const KEEP_CHANGES = 10;
/** How many states replaced by undo are kept. */
const KEEP_UNDONE = 5;

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

export function sha256(text: string): string {
  return nodeCrypto().createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * sha256 of bytes, computed on a worker thread (WebCrypto): hashing a large journal takes a
 * while, which `add` overlaps with checking the new journal instead of waiting for it.
 */
export async function sha256Off(bytes: Uint8Array): Promise<string> {
  return Buffer.from(await nodeCrypto().webcrypto.subtle.digest('SHA-256', bytes)).toString('hex');
}

function stamp(now: Date): string {
  return `${now.toISOString().replace(/[:.]/g, '-')}-${nodeCrypto().randomBytes(3).toString('hex')}`;
}

/** The recorded changes, oldest first (none when the list is missing or unreadable). */
export async function readChanges(dir: string): Promise<Change[]> {
  const text = await readJournalText(join(dir, 'changes.json')).catch(() => undefined);
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
  await writeFileAtomic(join(dir, 'changes.json'), `${JSON.stringify({ changes }, null, 2)}\n`);
}

/** Deletes backups no change refers to, keeping the newest few undone states and every version backup. */
async function prune(dir: string, changes: Change[]): Promise<void> {
  const used = new Set(changes.map((c) => c.before));
  const names = (await readdir(dir).catch(() => [] as string[])).sort();
  const undone = names.filter((n) => /^undone-.*\.json$/.test(n));
  const doomed = [
    ...names.filter((n) => /^\d{4}-.*\.json$/.test(n) && !used.has(n)),
    ...undone.slice(0, Math.max(0, undone.length - KEEP_UNDONE)),
  ];
  for (const n of doomed) await unlink(join(dir, n)).catch(() => {});
}

/**
 * Before a write: keeps the journal as it is now (when there is one) and records the change.
 * Called under the lock, before the journal is replaced. Returns a function that takes the
 * record back, for when the write then fails (best effort: undo also skips such records).
 */
export async function recordChange(target: string, exists: boolean, after: string | Promise<string>, change: string, now = new Date()): Promise<() => Promise<void>> {
  const dir = backupDirFor(target);
  await ensureDir(dir, target);
  let before: string | null = null;
  if (exists) {
    before = `${stamp(now)}.json`;
    await preserveCopy(target, join(dir, before));
  }
  const previous = await readChanges(dir);
  const changes = [...previous, { at: now.toISOString(), change, before, after: await after }].slice(-KEEP_CHANGES);
  await writeChanges(dir, changes);
  await prune(dir, changes);
  return async () => {
    await writeChanges(dir, changes.slice(0, -1)).catch(() => {});
    if (before) await unlink(join(dir, before)).catch(() => {});
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
    const beforeText = last.before === null ? undefined : await readJournalText(join(dir, last.before));
    if (last.before !== null && beforeText === undefined) return { kind: 'nothing' };
    if (current === last.after) return { kind: 'ok', change: last, beforeText, remaining: changes.slice(0, -1) };
    if (beforeText === currentText) {
      changes.pop(); // a write that failed after its backup was made
      continue;
    }
    return { kind: 'changed-outside', change: last, beforeText, remaining: changes.slice(0, -1) };
  }
  return { kind: 'nothing' };
}

export async function saveChanges(target: string, changes: Change[]): Promise<void> {
  const dir = backupDirFor(target);
  await writeChanges(dir, changes);
  await prune(dir, changes);
}

export const backupName = (target: string) => basename(backupDirFor(target));
