import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

// A note of the journal files netlog has validated (or written itself), so that reading one that
// has not changed since skips the full schema check: on a 100,000-interaction journal that check
// costs a fifth of the read, and `due` runs every morning on a file only netlog has touched.
//
// A file is known by a fingerprint: its identity and times (device, inode, size, modification
// and change time) and a hash of its first and last 64 KB. Any change by another program gives
// it a new change time (and usually a new size or inode), so the next read validates it again.
// The note lives in the cache folder (deleting it only costs one full check), keyed by the
// journal's path, and names the schema it was checked against: another schema checks again.

const MAX_FILES = 16;
const SAMPLE = 65536;

/** $XDG_CACHE_HOME/netlog/validated.json, else ~/.cache/netlog/validated.json. */
export function validatedNotePath(env: NodeJS.ProcessEnv): string {
  const cacheHome = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(cacheHome, 'netlog', 'validated.json');
}

/** The fingerprint of a file whose stat stamp and text these are. */
export function fingerprint(stamp: string, text: string): string {
  const h = createHash('sha256').update(stamp).update(text.slice(0, SAMPLE));
  if (text.length > SAMPLE) h.update(text.slice(-SAMPLE));
  return h.digest('base64url').slice(0, 32);
}

interface Note {
  schema: string;
  files: Record<string, string>;
}

export class ValidatedFiles {
  private note: Note | undefined;

  /** `schema` names the validator (a hash of the schema): notes made under another are ignored. */
  constructor(
    readonly noteFile: string,
    readonly schema: string,
  ) {}

  private async load(): Promise<Note> {
    if (this.note) return this.note;
    try {
      const n = JSON.parse(await readFile(this.noteFile, 'utf8')) as Note;
      if (n.schema === this.schema && typeof n.files === 'object' && n.files !== null) return (this.note = n);
    } catch {
      // No note yet, or an unreadable one: start afresh.
    }
    return (this.note = { schema: this.schema, files: {} });
  }

  /** True when the file at `path` with this fingerprint was validated before. */
  async has(path: string, print: string): Promise<boolean> {
    return (await this.load()).files[path] === print;
  }

  /** Notes that the file at `path` with this fingerprint is valid. Best effort: a cache. */
  async remember(path: string, print: string): Promise<void> {
    const note = await this.load();
    if (note.files[path] === print) return;
    delete note.files[path];
    note.files[path] = print;
    const paths = Object.keys(note.files);
    for (const old of paths.slice(0, Math.max(0, paths.length - MAX_FILES))) delete note.files[old];
    const tmp = `${this.noteFile}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await mkdir(dirname(this.noteFile), { recursive: true, mode: 0o700 });
      await writeFile(tmp, JSON.stringify(note) + '\n', { mode: 0o600 });
      await rename(tmp, this.noteFile);
    } catch {
      await unlink(tmp).catch(() => {});
    }
  }
}
