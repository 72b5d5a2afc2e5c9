import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setFsHook } from '../../src/store/fs.js';
import { Store } from '../../src/store/store.js';
import { expectRefused, ROOT, sandboxes, SAMPLE } from '../helpers/cli.js';

// SPEC §5: a failed command writes nothing, also when the journal is an older version that a
// change would migrate. The migration rides on the change's own write.

const V0 = join(ROOT, 'fixtures', 'journal-v0.json');
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const versionBackups = (file: string) => (existsSync(`${file}.backups`) ? readdirSync(`${file}.backups`).filter((n) => n.startsWith('version-')) : []);

describe('an older journal and a command that fails', () => {
  const sandbox = sandboxes();

  it.each([
    [['done', 'zzzz'], 2, /no promise with an id starting "zzzz"/],
    [['add', 'Dana Lee', '--kind', 'bogus'], 2, /unknown kind "bogus"/],
    [['contact', 'edit', 'Nobody Here', '--company', 'X'], 2, /Nobody Here/],
  ])('%j is refused and leaves the version-0 file byte-identical: no backup, no notice', async (args, code, message) => {
    const s = sandbox({ fixture: V0 });
    const before = sha(s.file);
    const r = await expectRefused(s, args, code, message);
    expect(r.stderr).not.toMatch(/migrated/);
    expect(sha(s.file)).toBe(before);
    expect(versionBackups(s.file)).toEqual([]);
  });

  it('a change whose write fails (the undo list cannot be written) leaves the version-0 file as it was, without its version backup', async () => {
    const s = sandbox({ fixture: V0 });
    const before = sha(s.file);
    // A folder where the undo list goes: the change cannot be recorded, so it must not be made.
    mkdirSync(join(`${s.file}.backups`, 'changes.json'), { recursive: true });
    const r = await s.run(['add', 'Dana Lee', '--kind', 'call']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^netlog: /);
    expect(r.stderr).not.toMatch(/migrated/);
    expect(r.stdout).toBe('');
    expect(sha(s.file)).toBe(before);
    expect(versionBackups(s.file)).toEqual([]);
  });

  it('an edit the store refuses as invalid (checkEdit) writes nothing to a version-0 file', async () => {
    const s = sandbox({ fixture: V0 });
    const before = sha(s.file);
    const notices: string[] = [];
    const store = new Store(s.file, { notice: (t) => notices.push(t) });
    await expect(
      store.update((j) => ({ journal: { ...j, contacts: [...j.contacts, { ...j.contacts[0]!, id: 'bad', name: 42 as unknown as string }] }, result: null })),
    ).rejects.toThrow(/invalid change/);
    expect(sha(s.file)).toBe(before);
    expect(notices).toEqual([]);
    expect(versionBackups(s.file)).toEqual([]);
  });

  it('reading commands read a version-0 file without writing it', async () => {
    const s = sandbox({ fixture: V0 });
    const before = sha(s.file);
    for (const args of [['due', '--json'], ['contacts', '--json'], ['history', '--json'], ['check']]) {
      const r = await s.run(args);
      expect([args, r.code]).toEqual([args, 0]);
      expect(r.stderr).not.toMatch(/migrated/);
    }
    expect(sha(s.file)).toBe(before);
    expect(versionBackups(s.file)).toEqual([]);
  });

  it('a successful change migrates in one write, keeps the old file, says so, and undo puts the old bytes back', async () => {
    const s = sandbox({ fixture: V0 });
    const original = readFileSync(s.file);
    const r = await s.run(['add', 'Dana Lee', '--kind', 'call']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^migrated .*journal\.json from journal version 0 to 1; the old file is kept at /);
    const kept = versionBackups(s.file);
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(`${s.file}.backups`, kept[0]!)).equals(original)).toBe(true);
    expect(s.json()).toMatchObject({ version: 1 });
    expect(s.json().interactions).toHaveLength(2);
    // One change on the undo list (the migration is part of it, not a change of its own).
    const list = JSON.parse((await s.run(['undo', '--list', '--json'])).stdout);
    expect(list.changes ?? list).toHaveLength(1);
    expect((await s.run(['undo', '-q'])).code).toBe(0);
    expect(readFileSync(s.file).equals(original)).toBe(true);
    // The old-version backup stays (never pruned).
    expect(versionBackups(s.file)).toEqual(kept);
  });
});

describe('an older journal and a write that fails at any file operation', () => {
  const sandbox = sandboxes();
  afterEach(() => setFsHook(undefined));

  /** `add` on a fresh version-0 journal with its Nth store file operation failing (EIO); undefined: none fails, just count. */
  async function addFailingAt(at: number | undefined) {
    const s = sandbox({ fixture: V0 });
    const original = readFileSync(s.file);
    let n = 0;
    setFsHook((op, path) => {
      if (++n === at) throw Object.assign(new Error(`EIO: i/o error, ${op} '${path}'`), { code: 'EIO' });
    });
    const r = await s.run(['add', 'Dana Lee', '--kind', 'call', '--note', 'after the migration']);
    setFsHook(undefined);
    return { s, r, original, count: n };
  }

  it('leaves the old file or the migrated and changed one, never the migrated file without the change', async () => {
    const { count } = await addFailingAt(undefined);
    expect(count).toBeGreaterThan(10);
    let failed = 0;
    for (let at = 1; at <= count; at++) {
      const { s, r, original } = await addFailingAt(at);
      const now = readFileSync(s.file);
      if (now.equals(original)) {
        // Nothing was written: no notice, and no version backup left behind by a change that did not happen.
        expect([at, r.stderr]).not.toEqual([at, expect.stringMatching(/migrated/)]);
        expect([at, r.code === 0, versionBackups(s.file)]).toEqual([at, false, []]);
        failed++;
        continue;
      }
      const j = s.json();
      expect([at, j.version, j.interactions.length, j.interactions.at(-1).note]).toEqual([at, 1, 2, 'after the migration']);
      expect([at, r.code, versionBackups(s.file).length]).toEqual([at, 0, 1]);
      expect(r.stderr).toMatch(/migrated/);
    }
    expect(failed).toBeGreaterThan(0);
  });
});

describe("a change's time is the context's clock", () => {
  const sandbox = sandboxes();

  it('with NETLOG_TODAY set, undo, the undo list and the backups all say that day (noon UTC, as createdAt)', async () => {
    const s = sandbox({ fixture: SAMPLE });
    const add = await s.run(['add', 'Dana Lee', '--kind', 'call', '--json'], { today: '2026-11-20' });
    expect(add.code, add.stderr).toBe(0);
    const createdAt = JSON.parse(add.stdout).createdAt ?? s.json().interactions.at(-1).createdAt;
    expect(createdAt).toBe('2026-11-20T12:00:00.000Z');
    const changes = JSON.parse(readFileSync(join(`${s.file}.backups`, 'changes.json'), 'utf8')).changes;
    expect(changes.at(-1).at).toBe(createdAt);
    expect(changes.at(-1).before).toMatch(/^2026-11-20T12-00-00-000Z-/);
    const u = await s.run(['undo'], { today: '2026-11-20' });
    expect(u.code, u.stderr).toBe(0);
    expect(u.stdout).toMatch(/\(made 2026-11-20 12:00 UTC\)/);
    const undone = readdirSync(`${s.file}.backups`).filter((n) => n.startsWith('undone-'));
    expect(undone).toEqual([expect.stringMatching(/^undone-2026-11-20T12-00-00-000Z-/)]);
  });

  it('changes made on a NETLOG_TODAY earlier than the one before still undo newest first', async () => {
    const s = sandbox({ fixture: SAMPLE });
    expect((await s.run(['add', 'Dana Lee', '--kind', 'call', '-q'], { today: '2026-11-20' })).code).toBe(0);
    const middle = s.text();
    expect((await s.run(['add', 'Dana Lee', '--kind', 'email', '-q'], { today: '2026-11-10' })).code).toBe(0);
    const u = await s.run(['undo', '--json'], { today: '2026-11-10' });
    expect(JSON.parse(u.stdout)).toMatchObject({ undone: { change: expect.stringMatching(/^add email/), at: '2026-11-10T12:00:00.000Z' } });
    expect(s.text()).toBe(middle);
  });

  it('the states undo replaced are kept newest by when they were made, not by NETLOG_TODAY (which may go back)', async () => {
    const s = sandbox({ fixture: SAMPLE });
    const days = ['2026-11-20', '2026-11-19', '2026-11-18', '2026-11-17', '2026-11-16', '2026-11-15', '2026-11-14'];
    for (const today of days) {
      expect((await s.run(['add', 'Dana Lee', '--kind', 'call', '-q'], { today })).code).toBe(0);
      expect((await s.run(['undo', '-q'], { today })).code).toBe(0);
    }
    const undone = readdirSync(`${s.file}.backups`).filter((n) => n.startsWith('undone-'));
    // Five are kept (backups.ts KEEP_UNDONE): the last five made, whose days are the earliest.
    expect(undone.map((n) => n.slice('undone-'.length, 'undone-'.length + 10)).sort()).toEqual(days.slice(2).sort());
  });
});
