import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addRepoLines } from '../../src/sync/repo-files.js';

// The lines netlog adds to .gitattributes and .gitignore, read by git itself: for any journal
// name they match that journal's files and nothing else.

const dir = mkdtempSync(join(tmpdir(), 'netlog-repo-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir } });

describe('the journal’s lines in .gitattributes and .gitignore', () => {
  it.each(['journal.json', 'my journal.json', 'j[1].json', '#notes.json', '!work.json', 'a*b?.json', 'quote".json'])('%s: git merges it with netlog and ignores only its backups, lock and temp files', async (name) => {
    rmSync(join(dir, '.git'), { recursive: true, force: true });
    rmSync(join(dir, '.gitattributes'), { force: true });
    rmSync(join(dir, '.gitignore'), { force: true });
    expect(git('init', '-q', '.').status).toBe(0);
    await addRepoLines(dir, name);
    const attr = git('check-attr', 'merge', '--', name, 'other.json', `x${name}`);
    expect(attr.stdout.trim().split('\n').map((l) => l.split(': ').pop())).toEqual(['netlog', 'unspecified', 'unspecified']);
    mkdirSync(join(dir, `${name}.backups`), { recursive: true });
    writeFileSync(join(dir, `${name}.backups`, 'last.json'), '{}');
    const ignored = (path: string) => git('check-ignore', '-q', '--no-index', '--', path).status === 0;
    expect(ignored(`${name}.backups/last.json`)).toBe(true);
    expect(ignored(`${name}.lock`)).toBe(true);
    expect(ignored(`.${name}.123.tmp`)).toBe(true);
    expect(ignored(name)).toBe(false);
    expect(ignored('other.json.lock')).toBe(false);
  });
});
