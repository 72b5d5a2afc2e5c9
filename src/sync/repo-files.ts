import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// The files of the git repository around the journal that are not the journal: the folder
// itself, `.gitattributes` (the merge driver) and `.gitignore` (netlog's own files beside the
// journal). The journal and its backups folder belong to the store (src/store/); sync.ts only
// orchestrates.

/** A file name as a git pattern that matches only it: glob characters and a leading # or ! escaped. */
function literal(name: string): string {
  return name.replace(/[\\*?[\]]/g, '\\$&').replace(/^[#!]/, '\\$&');
}

/** Gitignore patterns for what netlog keeps beside the journal: backups, the lock, temp and cache files. */
export function ignoreLines(name: string): string[] {
  const n = literal(name);
  return [`/${n}.backups/`, `/${n}.lock`, `/.${n}.*.tmp`, `/.${n}.*.tmp.stale`, `/${n}.cache*`];
}

/** The `.gitattributes` line that has git merge the journal with netlog; a name with spaces or quotes is quoted as git reads it (C-style). */
export function attributesLine(name: string): string {
  const n = literal(name);
  const pattern = /[\s"]/.test(n) ? `"${n.replace(/[\\"]/g, '\\$&')}"` : n;
  return `${pattern} merge=netlog`;
}

/** Appends the lines `file` lacks (creating it); true when it changed. */
export async function addLines(file: string, lines: string[]): Promise<boolean> {
  const text = existsSync(file) ? await readFile(file, 'utf8') : '';
  const have = new Set(text.split('\n').map((l) => l.trim()));
  const missing = lines.filter((l) => !have.has(l));
  if (missing.length === 0) return false;
  await writeFile(file, `${text}${text && !text.endsWith('\n') ? '\n' : ''}${missing.join('\n')}\n`);
  return true;
}

/** The journal's `.gitattributes` line (merge=netlog) and `.gitignore` lines, added where missing, in the journal's folder `dir`. */
export async function addRepoLines(dir: string, name: string): Promise<void> {
  await addLines(join(dir, '.gitattributes'), [attributesLine(name)]);
  await addLines(join(dir, '.gitignore'), ignoreLines(name));
}

/** The paths netlog commits for the journal named `name` in `dir`: it and the two repository files. */
export function repoPaths(dir: string, name: string): string[] {
  return [join(dir, name), join(dir, '.gitattributes'), join(dir, '.gitignore')];
}

/** Which of these paths (relative to `top`) exist. */
export function existing(top: string, rels: readonly string[]): string[] {
  return rels.filter((f) => existsSync(join(top, f)));
}

/** Whether a folder (or file) is there. */
export const exists = (path: string): boolean => existsSync(path);

/** Creates the repository's folder (0700) when it is missing. */
export async function ensureFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
}

/** A conflicted line file (`.gitattributes`, `.gitignore`) settled by `git merge`: written with both sides' lines. */
export async function writeLines(top: string, rel: string, lines: Iterable<string>): Promise<void> {
  await writeFile(join(top, rel), `${[...lines].join('\n')}\n`);
}
