import { basename, dirname, join } from 'node:path';
import { Low } from 'lowdb';
import { emptyJournal, JOURNAL_VERSION, type Journal } from '../core/schema.js';
import { JournalError, NetlogError } from '../errors.js';
import { ensureDir, ioError, JournalFile, readJournalText, removeDeadTemps, targetOf, writeFileAtomic } from './journal-file.js';
import { lockPathFor, withLock, type Lock } from './lock.js';
import { serializeJournal } from './serialize.js';
import { checkJournal, inspectJournalText, parseJournalText, type Inspection } from './validate.js';
import { conflictNotice, findConflictCopies } from './conflict-copies.js';
import { backupDirFor, keepOldVersion, keepUndone, planUndo, readChanges, recordChange, saveChanges, sha256Off, type Change } from './backups.js';

// The only way the rest of netlog reads or changes the journal file. Reads take no lock (writes
// replace the file atomically, so a reader sees the old or the new one). Every change runs under
// the journal lock: re-read, edit, back up, write.

export interface StoreOptions {
  /** Where to say things the user should know (a migration), like ctx.info. */
  notice?: (text: string) => void;
  /** What a change whose command gave no description is called in undo's list (the command line). */
  command?: string;
  /** How long a change waits for another writer's lock (default: lock.ts's). */
  lockTimeoutMs?: number;
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

function rethrow(action: string, file: string) {
  return (e: unknown): never => {
    if (e instanceof NetlogError || !(e as NodeJS.ErrnoException)?.code) throw e;
    throw ioError(action, file, e);
  };
}

export class Store {
  readonly file: string;
  private readonly adapter: JournalFile;
  private readonly notice: (text: string) => void;
  private readonly command: string;
  private readonly lockTimeoutMs: number | undefined;
  /** Whether sync-tool copies beside the journal were looked for (once a run). */
  private copiesSeen = false;

  constructor(file: string, opts: StoreOptions = {}) {
    this.file = file;
    this.adapter = new JournalFile(file);
    this.notice = opts.notice ?? (() => {});
    this.command = opts.command ?? 'netlog';
    this.lockTimeoutMs = opts.lockTimeoutMs;
  }

  /** The journal as it is on disk (an empty journal when there is no file). */
  async read(): Promise<Journal> {
    await this.noticeCopies();
    const db = new Low<Journal>(this.adapter, null as unknown as Journal);
    await db.read().catch(async (e) => {
      throw await this.withRecoveryHint(e);
    });
    return db.data;
  }

  /** An invalid journal's error, pointing at the backups when netlog has some. */
  private async withRecoveryHint(e: unknown): Promise<unknown> {
    if (!(e instanceof JournalError) || e.message.startsWith('cannot ')) return e;
    const changes = await this.changes().catch(() => []);
    if (changes.length === 0) return e;
    return new JournalError(e.message, `netlog will not overwrite it; \`netlog undo --force\` puts back the journal as it was before netlog's last change (backups: ${await this.backupDir()})`);
  }

  /** Says once a run when a sync tool left copies of the journal beside it (one readdir); `skip` when the caller deals with them. */
  async noticeCopies(skip = false): Promise<void> {
    if (this.copiesSeen) return;
    this.copiesSeen = true;
    if (skip) return;
    const copies = await findConflictCopies(await targetOf(this.file));
    if (copies.length > 0) this.notice(conflictNotice(this.file, copies));
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
    }, this.lockTimeoutMs === undefined ? undefined : { timeoutMs: this.lockTimeoutMs }).catch(rethrow('change', this.file));
  }

  /**
   * Reads the journal under the lock, applies a pure edit, backs up the old file and writes the
   * result once. When the edit throws, nothing is written. `description` says what the change
   * did, for `netlog undo` (default: the command line).
   */
  async update<T>(
    edit: (journal: Journal) => { journal: Journal; result: T } | Promise<{ journal: Journal; result: T }>,
    description?: string | ((result: T) => string),
  ): Promise<T> {
    await this.noticeCopies();
    return this.locked(async (target, lock) => {
      let text = await readJournalText(target);
      let parsed;
      try {
        parsed = text === undefined ? { journal: emptyJournal(), version: JOURNAL_VERSION } : this.adapter.parse(text);
      } catch (e) {
        throw await this.withRecoveryHint(e);
      }
      if (text !== undefined && parsed.version < JOURNAL_VERSION) {
        const kept = await keepOldVersion(target, parsed.version);
        const migrated = serializeJournal(parsed.journal);
        await writeFileAtomic(target, migrated, { label: this.file });
        this.notice(`migrated ${this.file} from journal version ${parsed.version} to ${JOURNAL_VERSION}; the old file is kept at ${kept}`);
        text = migrated;
      }
      const { journal, result } = await edit(parsed.journal);
      if (journal === parsed.journal) return result;
      const out = serializeJournal(journal);
      if (out === text) return result;
      const bytes = Buffer.from(out, 'utf8');
      // Undo's record of what was written, hashed on a worker thread while the check runs.
      const written = sha256Off(bytes);
      written.catch(() => {});
      // An edit must never leave a file that netlog would then refuse to read.
      checkJournal(journal, this.file);
      const what = typeof description === 'function' ? description(result) : (description ?? this.command);
      const takeBack = await recordChange(target, text !== undefined, written, what).catch(rethrow('back up', this.file));
      try {
        if (!(await lock.held())) throw new JournalError('another process took the journal lock; nothing was written', 'run the command again');
        await writeFileAtomic(target, bytes, { label: this.file });
      } catch (e) {
        await takeBack();
        throw e;
      }
      return result;
    });
  }

  /** The changes `undo` can reverse, oldest first. */
  async changes(): Promise<Change[]> {
    return readChanges(await this.backupDir());
  }

  /**
   * Restores the journal as it was before the last change. Repeating it walks further back.
   * Refuses when the file was changed outside netlog since (unless forced); the state it
   * replaces is kept in the backups folder either way.
   */
  async undo(force = false): Promise<Undone> {
    await this.noticeCopies();
    return this.locked(async (target) => {
      const current = await readJournalText(target);
      const plan = await planUndo(target, current);
      if (current !== undefined && !force) {
        try {
          parseJournalText(current, this.file);
        } catch (e) {
          if (!(e instanceof JournalError) || plan.kind === 'nothing') throw e;
          throw new JournalError(e.message, `run \`netlog undo --force\` to restore the journal as it was before the last change ("${plan.change.change}"); the current file is kept`);
        }
      }
      if (plan.kind === 'nothing') {
        throw new JournalError(`nothing to undo: no change to ${this.file} is recorded`, `netlog keeps the last few changes in ${backupDirFor(target)}`);
      }
      if (plan.kind === 'changed-outside' && !force) {
        throw new JournalError(
          `${this.file} was changed outside netlog after the last change ("${plan.change.change}"); undo would lose those edits`,
          'run `netlog undo --force` to restore it anyway (the current file is kept in the backups folder)',
        );
      }
      if (plan.beforeText !== undefined) parseJournalText(plan.beforeText, join(backupDirFor(target), plan.change.before ?? ''));
      const keptAt = current === undefined ? undefined : await keepUndone(target);
      await saveChanges(target, plan.remaining);
      await writeFileAtomic(target, plan.beforeText ?? serializeJournal(emptyJournal()), { label: this.file });
      return { change: plan.change, remaining: plan.remaining, keptAt };
    });
  }

  /** Everything wrong with the journal, without refusing (for `netlog check`). */
  async inspect(): Promise<Inspection & { exists: boolean }> {
    await this.noticeCopies();
    const text = await readJournalText(this.file);
    if (text === undefined) return { exists: false, version: JOURNAL_VERSION, journal: emptyJournal(), problems: [] };
    return { exists: true, ...inspectJournalText(text, this.file) };
  }
}
