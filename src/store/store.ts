import { Low } from 'lowdb';
import type { Journal } from '../core/schema.js';
import { JournalFile } from './journal-file.js';
import { ValidatedFiles } from './validated.js';
import { schemaKey } from './validate.js';

// The only way the rest of netlog reads or changes the journal file.

export class Store {
  readonly file: string;
  private readonly adapter: JournalFile;

  /** `validatedNote`: the file noting journals already validated (see ValidatedFiles); none: check every read. */
  constructor(file: string, validatedNote?: string) {
    this.file = file;
    this.adapter = new JournalFile(file, validatedNote ? new ValidatedFiles(validatedNote, schemaKey()) : undefined);
  }

  /** The journal as it is on disk (an empty journal when there is no file). */
  async read(): Promise<Journal> {
    const db = new Low<Journal>(this.adapter, null as unknown as Journal);
    await db.read();
    return db.data;
  }

  /**
   * Reads the journal, applies a pure edit, and writes the result once. When the edit throws,
   * nothing is written. A journal read earlier by this store is reused when the file has not
   * changed since (edits are pure, so it is still as on disk).
   */
  async update<T>(edit: (journal: Journal) => { journal: Journal; result: T } | Promise<{ journal: Journal; result: T }>): Promise<T> {
    const db = new Low<Journal>(this.adapter, null as unknown as Journal);
    const same = await this.adapter.unchanged();
    if (same) db.data = same;
    else await db.read();
    const { journal, result } = await edit(db.data);
    if (journal !== db.data) {
      db.data = journal;
      await db.write();
    }
    return result;
  }
}
