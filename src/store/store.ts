import { basename, dirname, join } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import type { Journal } from '../core/schema.js';
import { emptyJournal, JOURNAL_VERSION } from '../core/journal.js';
import { JournalError, NetlogError } from '../errors.js';
import * as fs from './fs.js';
import { ensureDir, ioError, keyOf, NO_SPACE, NotAJournalFile, NotUtf8Error, readJournal, removeDeadTemps, sameKey, targetOf, writeAtomicRaw, type FileKey, type JournalBytes } from './journal-file.js';
import { lockPathFor, withLock, type Lock } from './lock.js';
import { serializeJournal } from './serialize.js';
import type { Inspection, ParsedJournal } from './validate.js';
import { checkerId } from './checker.js';
import { isTrusted, keep, recall, remember } from './trust.js';
import { conflictNotice, findConflictCopies, putAwayConflictCopy, readConflictCopy } from './conflict-copies.js';
import {
  backupDirFor, backupsSize, earlierJournals, keepLastWrite, keepOldVersion, keepUndone, lastWrite, planUndo, readChanges, readWritten, recordChange, saveChanges, sha256, sha256Sized,
  type Change,
} from './backups.js';
import { writeExportFile } from './files.js';

// The only way the rest of netlog reads or changes the journal file. The journal is a lowdb
// database whose adapter (JournalFile) reads and validates the file and whose write is the one
// durable write path: check, back up, record for undo, fsync, rename. Reads take no lock
// (writes replace the file atomically, so a reader sees the old or the new one). Every change
// runs under the journal lock: `db.read()` re-reads, the pure edit runs, `db.write()` writes.

export interface StoreOptions {
  /** Where to say things the user should know (a migration), like ctx.info. */
  notice?: (text: string) => void;
  /** What a change whose command gave no description is called in undo's list (the command line). */
  command?: string;
  /** How long a change waits for another writer's lock (default: lock.ts's). */
  lockTimeoutMs?: number;
  /** The time of a change, as createdAt has it (context.ts stampFor: noon UTC of NETLOG_TODAY when set); default the clock. */
  now?: () => Date;
}

export interface Undone {
  change: Change;
  /** Changes still on the undo list. */
  remaining: Change[];
  /** Where the state the undo replaced is kept. */
  keptAt: string | undefined;
}

/** The command line, as a description for changes whose command gave none. */
export function commandLine(argv: readonly string[]): string {
  const args = argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a)));
  return ['netlog', ...args].join(' ');
}

/** When the disk is full, the hint says how much of it netlog's backups take, and where. */
async function spaceHint(e: unknown, target: string): Promise<string | undefined> {
  if (!NO_SPACE.has((e as NodeJS.ErrnoException)?.code ?? '')) return undefined;
  const dir = backupDirFor(target);
  const mb = ((await backupsSize(dir).catch(() => 0)) / 1048576).toFixed(1);
  return `netlog's backups in ${dir} take ${mb} MB; free some space (old backups there may be deleted) and run the command again; the journal was not changed`;
}

function rethrow(action: string, file: string, target: string) {
  return async (e: unknown): Promise<never> => {
    if (e instanceof NetlogError || !(e as NodeJS.ErrnoException)?.code) throw e;
    throw ioError(action, file, e, await spaceHint(e, target));
  };
}

/** Parsed journals by text: `add` reads to resolve names, then re-reads under the lock (edits are pure, so the result can be shared). */
class ParseCache {
  private last: { text: string; parsed: ParsedJournal } | undefined;
  /** The file last found clean by the scan in this process: `add` reads twice, the second time needs no scan. */
  clean: FileKey | undefined;
  async parse(text: string, file: string, checked = false): Promise<{ text: string; parsed: ParsedJournal }> {
    // The same text again: its journal, and the text as first read, so one copy of it is kept.
    if (this.last?.text === text) return this.last;
    // readJournal has looked for what JSON.parse lets through, where the file needs it;
    // `checked`: a file a read already found valid (store/trust.ts) is only parsed.
    const parsed = (checked ? parseChecked(text) : undefined) ?? (await validation()).parseJournalText(text, file, { scan: false, checked });
    this.last = { text, parsed };
    return this.last;
  }
}

/** The checks (validate.ts, with the schema library): loaded only when a file needs them. */
const validation = () => import('./validate.js');

/**
 * A file netlog has checked (store/trust.ts), in the current version: only parsed. Anything
 * unexpected (undefined) goes the whole way through validate.ts, whose errors say where.
 */
function parseChecked(text: string): ParsedJournal | undefined {
  try {
    const doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as { version?: unknown } | null;
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc) || doc.version !== JOURNAL_VERSION) return undefined;
    return { journal: doc as Journal, version: JOURNAL_VERSION };
  } catch {
    return undefined;
  }
}

/** A change in progress: under the lock, on the real file. */
interface Transaction {
  target: string;
  lock: Lock;
  /** What the change did, for undo (asked when it is written). */
  what: () => string;
  /** When the change was made (its undo record and backups say so). */
  at: Date;
  notice: (text: string) => void;
}

/**
 * lowdb's adapter for the journal. `read` validates (refusing what is not a journal, with the
 * place); without a change in progress it only reads. `write` — what `db.write()` calls — is
 * the one way the journal is changed: it checks the new journal, keeps the old one as a
 * backup, records the change for undo, and replaces the file durably; `restore` is the same
 * path for undo, which puts back a backup's exact bytes rather than a re-serialised journal.
 */
export class JournalFile implements Adapter<Journal> {
  /** What the last read found: the text, its version, the unedited journal. */
  private state: { text: string | undefined; version: number; journal: Journal; ownWrite: boolean } | undefined;
  /** The file the last read found valid, as it was read (for what is derived from it: Store.keep). */
  seen: { target: string; key: FileKey; readAtNs: bigint; version: number } | undefined;

  constructor(
    readonly file: string,
    private readonly cache = new ParseCache(),
    private readonly change?: Transaction,
  ) {}

  /**
   * The journal's text, when it exists. Text netlog wrote itself (the file is exactly as netlog
   * left it) is not scanned for duplicate keys, deep nesting or huge numbers: netlog never
   * writes them. `scan: false`: not scanned at all (undo reads what it may replace).
   */
  async bytes(scan = true): Promise<(JournalBytes & { ownWrite: boolean; target: string; trusted: FileKey | undefined }) | undefined> {
    const target = this.change?.target ?? (await targetOf(this.file));
    let ownWrite = false;
    let trusted: FileKey | undefined;
    const needsScan = async (key: FileKey) => {
      if (await isTrusted(backupDirFor(target), target, key, await checkerId())) {
        trusted = key;
        return false;
      }
      ownWrite = sameKey((await readWritten(backupDirFor(target)))?.key, key);
      return !ownWrite && !sameKey(this.cache.clean, key);
    };
    const got = await readJournal(target, this.file, scan ? needsScan : undefined);
    return got && { ...got, ownWrite, target, trusted };
  }

  async read(): Promise<Journal> {
    const readAtNs = BigInt(Date.now()) * 1_000_000n;
    const got = await this.bytes();
    if (!got) {
      this.state = { text: undefined, version: JOURNAL_VERSION, journal: emptyJournal(), ownWrite: false };
      return this.state.journal;
    }
    // Trusted only when the file did not change while it was read.
    const checked = sameKey(got.trusted, got.key);
    const { text, parsed } = await this.cache.parse(got.text, this.file, checked);
    if (!checked) await remember(backupDirFor(got.target), got.target, got.key, await checkerId(), readAtNs);
    if (got.scanned) this.cache.clean = got.key;
    this.seen = { target: got.target, key: got.key, readAtNs, version: parsed.version };
    this.state = { text, version: parsed.version, journal: parsed.journal, ownWrite: got.ownWrite };
    return parsed.journal;
  }

  async write(journal: Journal): Promise<void> {
    const { change, state } = this;
    if (!change || !state) throw new Error('JournalFile.write: read the journal under the lock first');
    const { target } = change;
    const out = serializeJournal(journal);
    if (out === state.text) return;
    // Undo's record of what is written, hashed (and written, in commit) a slice at a time: the
    // new text is never also held whole as bytes.
    const { hash: written, bytes } = sha256Sized(out);
    // An edit must never leave a file that netlog would then refuse to read. Edits are pure and
    // keep the records they do not change, so only what the edit made is checked.
    (await validation()).checkEdit(state.journal, journal, this.file);
    // An older file is migrated by this same write (SPEC §5: a failed command writes nothing):
    // the file as it is is kept as a version backup first, and the notice waits for the write.
    const from = state.text !== undefined && state.version < JOURNAL_VERSION ? state.version : undefined;
    const oldKept = from === undefined ? undefined : await keepOldVersion(target, from, change.at).catch(rethrow('back up', this.file, target));
    const dropOld = async () => {
      if (oldKept !== undefined) await fs.unlink(oldKept).catch(() => {});
    };
    let takeBack: () => Promise<void>;
    try {
      takeBack = await recordChange(target, state.text !== undefined, written, change.what(), bytes, state.ownWrite, change.at);
    } catch (e) {
      await dropOld();
      return rethrow('back up', this.file, target)(e);
    }
    let kept: boolean;
    try {
      kept = await this.commit(out, written);
    } catch (e) {
      await takeBack();
      await dropOld();
      throw e;
    }
    state.text = out;
    state.journal = journal;
    state.ownWrite = kept;
    if (from !== undefined) {
      state.version = JOURNAL_VERSION;
      change.notice(`migrated ${this.file} from journal version ${from} to ${JOURNAL_VERSION}; the old file is kept at ${oldKept}`);
    }
  }

  /** Puts back exact bytes (undo). */
  async restore(text: string): Promise<void> {
    await this.commit(text, sha256(text));
  }

  /** The durable write itself, while the lock is still ours; then what was written is kept as netlog's last write (true when that worked). */
  private async commit(text: string, hash: string): Promise<boolean> {
    const { target, lock } = this.change!;
    if (!(await lock.held())) throw new JournalError('another process took the journal lock; nothing was written', 'run the command again');
    try {
      await writeAtomicRaw(target, text);
    } catch (e) {
      throw ioError('write', this.file, e, await spaceHint(e, target));
    }
    return keepLastWrite(target, hash);
  }
}

/** Stands for a journal whose bytes are not UTF-8: no hash of netlog's writes can match it. */
const NOT_UTF8 = '\u0000(not UTF-8)\u0000';

export class Store {
  readonly file: string;
  private readonly cache = new ParseCache();
  private readonly notice: (text: string) => void;
  private readonly command: string;
  private readonly lockTimeoutMs: number | undefined;
  private readonly now: () => Date;
  /** Whether sync-tool copies beside the journal were looked for (once a run). */
  private copiesSeen = false;
  /** The file the last read() found valid, as it was read (or the last recall() recognised). */
  private seen: JournalFile['seen'];

  constructor(file: string, opts: StoreOptions = {}) {
    this.file = file;
    this.notice = opts.notice ?? (() => {});
    this.command = opts.command ?? 'netlog';
    this.lockTimeoutMs = opts.lockTimeoutMs;
    this.now = opts.now ?? (() => new Date());
  }

  /** The journal as it is on disk (an empty journal when there is no file). */
  async read(): Promise<Journal> {
    await this.noticeCopies();
    const adapter = new JournalFile(this.file, this.cache);
    const db = new Low<Journal>(adapter, emptyJournal());
    await db.read().catch(async (e) => {
      throw await this.withRecoveryHint(e);
    });
    this.seen = adapter.seen;
    return db.data;
  }

  /**
   * What was derived from the journal and kept as `name` (keep), when the journal is now exactly
   * the file it was derived from (store/trust.ts: the same identity and checker); otherwise — no
   * record, a damaged one, any difference — undefined, and the caller reads the journal.
   */
  async recall(name: string): Promise<unknown> {
    await this.noticeCopies();
    try {
      const readAtNs = BigInt(Date.now()) * 1_000_000n;
      const target = await targetOf(this.file);
      const st = await fs.statBig(target);
      if (!st.isFile()) return undefined;
      const key = keyOf(st);
      const got = await recall(backupDirFor(target), name, target, key, await checkerId());
      // What is derived from a recalled record derives from that very file: keep() may file it under the same identity.
      if (got) this.seen = { target, key, readAtNs, version: JOURNAL_VERSION };
      return got?.data;
    } catch {
      return undefined;
    }
  }

  /**
   * Keeps `data`, derived from the journal the last read() returned (or from the record the last
   * recall() returned), as `name` in the backups folder, under that file's identity — not for a
   * file modified within the racy window (store/trust.ts) or of an older journal version. Never
   * fails; deleting it is always safe.
   */
  async keep(name: string, data: unknown): Promise<void> {
    const seen = this.seen;
    if (!seen || seen.version !== JOURNAL_VERSION || name === 'validated.json') return;
    await keep(backupDirFor(seen.target), name, seen.target, seen.key, await checkerId(), seen.readAtNs, data);
  }

  /** An invalid journal's error, pointing at the backups when netlog has some. */
  private async withRecoveryHint(e: unknown): Promise<unknown> {
    if (!(e instanceof JournalError) || e instanceof NotAJournalFile || e.message.startsWith('cannot ')) return e;
    const changes = await this.changes().catch(() => []);
    if (changes.length === 0) return e;
    const dir = await this.backupDir();
    const what = (await lastWrite(dir).catch(() => undefined)) ? 'as netlog last wrote it' : "as it was before netlog's last change";
    return new JournalError(e.message, `netlog will not overwrite it; \`netlog undo --force\` puts back the journal ${what} (backups: ${dir})`);
  }

  /** Says once a run when a sync tool left copies of the journal beside it (one readdir); `skip` when the caller deals with them. */
  async noticeCopies(skip = false): Promise<void> {
    if (this.copiesSeen) return;
    this.copiesSeen = true;
    if (skip) return;
    const copies = await findConflictCopies(await targetOf(this.file));
    if (copies.length > 0) this.notice(conflictNotice(this.file, copies));
  }

  /** The sync-tool copies beside the journal (full paths, name order). */
  async conflictCopies(): Promise<string[]> {
    return findConflictCopies(await targetOf(this.file));
  }

  /** One conflict copy's journal; a JournalError when it is not a valid journal. */
  readConflictCopy(copy: string): Promise<Journal> {
    return readConflictCopy(copy);
  }

  /** Moves a conflict copy that was merged in into the backups folder; returns where. */
  async putAwayConflictCopy(copy: string): Promise<string> {
    return putAwayConflictCopy(await this.backupDir(), copy, this.now());
  }

  /** Earlier versions of the journal its backups folder keeps, once each by content (common-ancestor candidates for a merge). */
  async earlierJournals(): Promise<Journal[]> {
    return earlierJournals(await this.backupDir());
  }

  /** Where backups and the undo list are kept. */
  async backupDir(): Promise<string> {
    return backupDirFor(await targetOf(this.file));
  }

  /** Runs `fn` under the journal lock, with stray temp files of killed writers cleaned up. */
  private async locked<T>(fn: (target: string, lock: Lock) => Promise<T>): Promise<T> {
    const target = await targetOf(this.file);
    await ensureDir(dirname(target), this.file);
    return withLock(lockPathFor(target), async (lock) => {
      await removeDeadTemps(dirname(target), basename(target));
      await removeDeadTemps(backupDirFor(target));
      return fn(target, lock);
    }, this.lockTimeoutMs === undefined ? undefined : { timeoutMs: this.lockTimeoutMs }).catch(rethrow('change', this.file, target));
  }

  /**
   * Reads the journal under the lock, applies a pure edit, backs up the old file and writes the
   * result once (lowdb's `db.read()` and `db.write()` on the journal adapter). When the edit
   * throws, nothing is written. `description` says what the change did, for `netlog undo`
   * (default: the command line).
   */
  async update<T>(
    edit: (journal: Journal) => { journal: Journal; result: T } | Promise<{ journal: Journal; result: T }>,
    description?: string | ((result: T) => string),
  ): Promise<T> {
    await this.noticeCopies();
    return this.locked(async (target, lock) => {
      let result: T | undefined;
      const change: Transaction = {
        target,
        lock,
        at: this.now(),
        notice: this.notice,
        what: () => (typeof description === 'function' ? description(result as T) : (description ?? this.command)),
      };
      const db = new Low<Journal>(new JournalFile(this.file, this.cache, change), emptyJournal());
      await db.read().catch(async (e) => {
        throw await this.withRecoveryHint(e);
      });
      const edited = await edit(db.data);
      result = edited.result;
      if (edited.journal === db.data) return result;
      db.data = edited.journal;
      await db.write();
      return result;
    });
  }

  /** The changes `undo` can reverse, oldest first. */
  async changes(): Promise<Change[]> {
    return readChanges(await this.backupDir());
  }

  /**
   * Restores the journal as it was before the last change. Repeating it walks further back.
   * Refuses when the file was changed outside netlog since (unless forced); forced, it first
   * puts back what netlog last wrote, when that is still kept. The state it replaces is kept in
   * the backups folder either way. The journal is replaced before the undo list is shortened,
   * so a crash between the two leaves a list whose last change undo recognises as not on disk.
   */
  async undo(force = false): Promise<Undone> {
    await this.noticeCopies();
    return this.locked(async (target, lock) => {
      const at = this.now();
      const file = new JournalFile(this.file, this.cache, { target, lock, at, notice: this.notice, what: () => 'undo' });
      let current: string | undefined;
      try {
        current = (await file.bytes(false))?.text;
      } catch (e) {
        // Bytes that are not UTF-8 cannot be what netlog wrote: forced, undo replaces them (and keeps them).
        if (!(e instanceof NotUtf8Error)) throw e;
        if (!force) throw new JournalError(e.message, 'run `netlog undo --force` to put back the journal as netlog last wrote it; the current file is kept');
        current = NOT_UTF8;
      }
      const plan = await planUndo(target, current);
      const { parseJournalText } = await validation();
      if (current !== undefined && !force) {
        try {
          parseJournalText(current, this.file);
        } catch (e) {
          if (!(e instanceof JournalError) || plan.kind === 'nothing') throw e;
          throw new JournalError(e.message, `run \`netlog undo --force\` to restore the journal as netlog last wrote it (or, failing that, as it was before the last change, "${plan.change.change}"); the current file is kept`);
        }
      }
      if (plan.kind === 'nothing') {
        throw new JournalError(`nothing to undo: no change to ${this.file} is recorded`, `netlog keeps the last few changes in ${backupDirFor(target)}`);
      }
      if (plan.kind === 'changed-outside' && !force) {
        throw new JournalError(
          `${this.file} was changed outside netlog after the last change ("${plan.change.change}"); undo would lose those edits`,
          'run `netlog undo --force` to put back what netlog last wrote (the current file is kept in the backups folder)',
        );
      }
      const dir = backupDirFor(target);
      if (plan.kind === 'changed-outside') {
        // Forced over an outside change: first undo that change, back to netlog's last write.
        const last = await lastWrite(dir);
        if (last && current !== undefined && last.sha256 !== sha256(current)) {
          parseJournalText(last.text, join(dir, 'last.json'));
          const keptAt = await keepUndone(target, at);
          await file.restore(last.text);
          const st = await fs.stat(target).catch(() => undefined);
          const changes = [...plan.remaining, plan.change];
          return {
            change: { at: (st ? st.mtime : at).toISOString(), change: `the changes made outside netlog since it last wrote ${basename(this.file)}`, before: null, after: last.sha256 },
            remaining: changes,
            keptAt,
          };
        }
      }
      if (plan.beforeText !== undefined) parseJournalText(plan.beforeText, join(dir, plan.change.before ?? ''));
      const keptAt = current === undefined ? undefined : await keepUndone(target, at);
      const restored = plan.beforeText ?? serializeJournal(emptyJournal());
      await file.restore(restored);
      await saveChanges(target, plan.remaining, Buffer.byteLength(restored)).catch(() => {
        // The journal is restored; the list still names the undone change, which the next
        // undo skips (its result is no longer on disk and its backup is the journal).
      });
      return { change: plan.change, remaining: plan.remaining, keptAt };
    });
  }

  /** Everything wrong with the journal, without refusing (for `netlog check`). */
  async inspect(): Promise<Inspection & { exists: boolean }> {
    await this.noticeCopies();
    let got;
    try {
      got = await readJournal(this.file);
    } catch (e) {
      if (e instanceof NotUtf8Error) return { exists: true, problems: [{ path: e.place, message: e.reason }] };
      throw e;
    }
    if (got === undefined) return { exists: false, version: JOURNAL_VERSION, journal: emptyJournal(), problems: [] };
    return { exists: true, ...(await validation()).inspectJournalText(got.text, this.file) };
  }

  /**
   * Writes an export to `path` (replacing a regular file only with `force`, through symlinks);
   * never to the journal, its backups or its lock, nor to a FIFO or device.
   */
  async writeExport(path: string, text: string, force: boolean): Promise<void> {
    const target = await targetOf(this.file);
    await writeExportFile(path, text, force, { journal: target, backups: backupDirFor(target), lock: lockPathFor(target) });
  }
}

