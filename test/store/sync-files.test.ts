import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { ROOT, sandboxes } from '../helpers/cli.js';

// netlog sync reaches the journal's folder only through the store (STYLE.md: the store is the
// only code that touches the journal and its files); the repository's own files are git's.

const make = sandboxes();
const COPY = 'journal (conflicted copy 2026-11-20).json';
const env = (s: { dir: string }) => ({ HOME: s.dir, GIT_CEILING_DIRECTORIES: s.dir });

describe('conflict copies and backups behind the store', () => {
  it('sync.ts itself reads and writes no files: no fs module beyond finding its own bin, no backups folder', () => {
    const src = readFileSync(join(ROOT, 'src', 'sync', 'sync.ts'), 'utf8');
    expect(src).not.toMatch(/from 'node:fs\/promises'/);
    expect(src).not.toMatch(/backupDirFor|\.backups/);
    expect([...src.matchAll(/\bexistsSync\(/g)]).toHaveLength(1); // ownBin
  });

  it('a copy of the same name merged twice on one NETLOG_TODAY is kept twice, named by that day', async () => {
    const s = make();
    expect((await s.run(['add', 'Dana Lee', '-q'])).code).toBe(0);
    const other = make({ text: s.text()! });
    expect((await other.run(['add', 'Bo Chen', '-q'])).code).toBe(0);
    writeFileSync(join(s.dir, COPY), other.text()!);
    const first = await s.run(['sync', '--json'], { env: env(s) });
    expect(first.code, first.stderr).toBe(0);
    expect((await other.run(['add', 'Kim Wu', '-q'])).code).toBe(0);
    writeFileSync(join(s.dir, COPY), other.text()!);
    const second = await s.run(['sync', '--json'], { env: env(s) });
    expect(second.code, second.stderr).toBe(0);
    const moved = [JSON.parse(first.stdout).copies[0].movedTo, JSON.parse(second.stdout).copies[0].movedTo];
    expect(moved[0]).not.toBe(moved[1]);
    const kept = readdirSync(`${s.file}.backups`).filter((n) => n.startsWith('conflict-')).sort();
    expect(kept).toHaveLength(2);
    for (const n of kept) expect(n).toMatch(/^conflict-2026-11-20T12-00-00-000Z-[0-9a-z]+-journal \(conflicted copy 2026-11-20\)\.json$/);
    expect(kept.map((n) => join(`${s.file}.backups`, n)).sort()).toEqual([...moved].sort());
    expect(s.json().contacts.map((c: { name: string }) => c.name).sort()).toEqual(['Bo Chen', 'Dana Lee', 'Kim Wu']);
  });

  it('earlierJournals lists the backups once each by content, without merged copies or the undo list', async () => {
    const s = make();
    for (const n of ['Dana Lee', 'Sam Ortiz']) expect((await s.run(['add', n, '-q'])).code).toBe(0);
    const store = new Store(s.file);
    const earlier = await store.earlierJournals();
    // last.json (what netlog wrote: both people) and the one backup before the second change (Dana).
    // The first change had no journal before it, so it has no backup.
    expect(earlier.map((j) => j.contacts.map((c) => c.name).sort())).toEqual([['Dana Lee', 'Sam Ortiz'], ['Dana Lee']]);
    writeFileSync(join(`${s.file}.backups`, 'conflict-x.json'), s.text()!.replace('Sam Ortiz', 'Zed'));
    expect(await store.earlierJournals()).toHaveLength(2);
  });

  it('readConflictCopy refuses what is not a journal, naming the copy', async () => {
    const s = make();
    const copy = join(s.dir, COPY);
    writeFileSync(copy, '{ not json');
    await expect(new Store(s.file).readConflictCopy(copy)).rejects.toThrow(/conflicted copy 2026-11-20\)\.json.*not valid JSON/);
  });
});
