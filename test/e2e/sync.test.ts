import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandboxes, type Sandbox } from '../helpers/cli.js';

// Two devices through real git: a bare remote (a USB stick would do), two journals, each
// adding and editing (the same person too), syncing in turn. git gets a temp HOME and an
// identity from the environment, so this runs in CI as root with no git config.

const make = sandboxes();

function git(cwd: string, env: Record<string, string>, ...args: string[]) {
  const r = spawnSync('git', args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim();
}

function setup() {
  const home = make();
  const env = {
    HOME: home.dir,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
  };
  const remote = join(home.dir, 'usb', 'netlog.git');
  mkdirSync(remote, { recursive: true });
  git(remote, env, 'init', '-q', '--bare');
  const device = (today: string) => {
    const s = make();
    return { s, run: (...args: string[]) => s.run(args, { env, today }) };
  };
  return { env, remote, a: device('2026-11-20'), b: device('2026-11-21') };
}

const ok = async (p: Promise<{ code: number; stderr: string; stdout: string }> | { code: number; stderr: string; stdout: string }) => {
  const r = await p;
  expect(r.code, r.stderr).toBe(0);
  return r;
};
const names = (s: Sandbox) => s.json().contacts.map((c: { name: string }) => c.name).sort();

describe('netlog sync through git', () => {
  it('two devices add and edit (the same person too), sync in turn, and end identical with everything', async () => {
    const { remote, a, b, env } = setup();
    await ok(a.run('add', 'Dana Lee', '--kind', 'coffee', '--gave', 'intro'));
    const init = await ok(a.run('sync', 'init', remote));
    expect(init.stderr).toMatch(/made the git repository/);
    expect(readFileSync(join(a.s.dir, '.gitattributes'), 'utf8')).toMatch(/^journal\.json merge=netlog$/m);
    expect(readFileSync(join(a.s.dir, '.gitignore'), 'utf8')).toMatch(/journal\.json\.backups/);
    expect(git(a.s.dir, env, 'config', 'merge.netlog.driver')).toMatch(/bin\/netlog\.cjs merge %O %A %B$/);
    const first = await ok(a.run('sync'));
    expect(first.stderr).toMatch(/committed: netlog: 1 interaction, 1 contact added/);
    expect(first.stderr).toMatch(/out to .*: 1 interaction, 1 contact added/);

    // A second device, empty: its first sync brings everything in.
    await ok(b.run('sync', 'init', remote));
    const fresh = await ok(b.run('sync'));
    expect(fresh.stderr).toMatch(/in from .*: 1 interaction, 1 contact added/);
    expect(names(b.s)).toEqual(['Dana Lee']);

    // Both work offline: new people, and the same person edited on each, plus one person added on both.
    await ok(a.run('add', 'Sam Ortiz', '--kind', 'call'));
    await ok(a.run('contact', 'edit', 'Dana Lee', '--company', 'Acme', '--tag', 'client'));
    await ok(a.run('contact', 'add', 'Bo Chen', '--email', 'bo@x.io'));
    await ok(b.run('add', 'Lin Park', '--kind', 'meal'));
    await ok(b.run('contact', 'edit', 'Dana Lee', '--role', 'CTO', '--tag', 'investor'));
    await ok(b.run('add', 'Bo Chen', '--kind', 'video'));

    await ok(a.run('sync'));
    const merged = await ok(b.run('sync', '--json'));
    const r = JSON.parse(merged.stdout);
    expect(r).toMatchObject({ mode: 'git', pushed: true });
    expect(r.incoming.interactions.added).toBe(1);
    expect(r.settled).toEqual(['folded: Bo Chen was added on both sides; kept as one contact']);
    await ok(a.run('sync'));

    expect(a.s.text()).toBe(b.s.text());
    expect(names(a.s)).toEqual(['Bo Chen', 'Dana Lee', 'Lin Park', 'Sam Ortiz']);
    const dana = a.s.json().contacts.find((c: { name: string }) => c.name === 'Dana Lee');
    expect(dana).toMatchObject({ company: 'Acme', role: 'CTO' });
    expect([...dana.tags].sort()).toEqual(['client', 'investor']);
    expect(a.s.json().interactions).toHaveLength(4);
    const bo = a.s.json().contacts.find((c: { name: string }) => c.name === 'Bo Chen');
    expect(bo.emails).toEqual(['bo@x.io']);
    expect(a.s.json().interactions.filter((i: { contactIds: string[] }) => i.contactIds.includes(bo.id))).toHaveLength(1);
    await ok(a.run('check'));
    expect(git(a.s.dir, env, 'status', '--porcelain')).toBe('');
    expect(git(b.s.dir, env, 'log', '-1', '--format=%H')).toBe(git(a.s.dir, env, 'log', '-1', '--format=%H'));

    // A third device clones with plain git; its first `netlog sync` registers the driver and is in step.
    const c = make();
    git(c.dir, env, 'clone', '-q', remote, 'netlog');
    const third = await ok(c.run(['--file', join(c.dir, 'netlog', 'journal.json'), 'sync'], { env }));
    expect(third.stderr).toMatch(/nothing new to commit/);
    expect(git(join(c.dir, 'netlog'), env, 'config', 'merge.netlog.driver')).toMatch(/merge %O %A %B$/);
    expect(readFileSync(join(c.dir, 'netlog', 'journal.json'), 'utf8')).toBe(a.s.text());
  });

  it('never merges a journal that fails validation: exit 1, journal and history unchanged', async () => {
    const { remote, a, b, env } = setup();
    await ok(a.run('add', 'Dana Lee'));
    await ok(a.run('sync', 'init', remote));
    await ok(a.run('sync'));
    // Device A's journal is broken by hand and pushed with plain git.
    writeFileSync(a.s.file, '{"version": 1, "contacts": [{"id": "x"}]}\n');
    git(a.s.dir, env, 'commit', '-qam', 'broken');
    git(a.s.dir, env, 'push', '-q', 'origin', 'HEAD');
    await ok(b.run('sync', 'init', remote));
    await ok(b.run('add', 'Sam Ortiz'));
    const before = b.s.text();
    const r = await b.run('sync');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^netlog: the journal on origin\/\w+ could not be merged/);
    expect(b.s.text()).toBe(before);
    expect(git(b.s.dir, env, 'status', '--porcelain')).toBe('');
    expect(git(b.s.dir, env, 'log', '-1', '--format=%s')).toMatch(/^netlog: 1 interaction, 1 contact added$/);
  });

  it('a journal inside an existing repository uses it, and sync commits only netlog\'s files', async () => {
    const { env } = setup();
    const repo = make();
    git(repo.dir, env, 'init', '-q');
    writeFileSync(join(repo.dir, '.gitignore'), '*.json\n');
    writeFileSync(join(repo.dir, 'notes.md'), 'mine\n');
    const file = join(repo.dir, 'data', 'journal.json');
    const run = (...args: string[]) => repo.run(['--file', file, ...args], { env });
    await ok(run('add', 'Dana Lee'));
    const init = await ok(run('sync', 'init'));
    expect(init.stderr).toMatch(/using the git repository/);
    expect(readFileSync(join(repo.dir, 'data', '.gitattributes'), 'utf8')).toBe('journal.json merge=netlog\n');
    const r = await ok(run('sync'));
    expect(r.stderr).toMatch(/committed: netlog: 1 interaction, 1 contact added\n.*no remote/);
    expect(git(repo.dir, env, 'show', '--name-only', '--format=', 'HEAD').split('\n').sort()).toEqual(['data/.gitattributes', 'data/.gitignore', 'data/journal.json']);
    expect(git(repo.dir, env, 'status', '--porcelain')).toMatch(/\?\? notes\.md/);
  });

  it('says so clearly when git is missing or the remote refuses', async () => {
    const { a, env } = setup();
    await ok(a.run('add', 'Dana Lee'));
    const before = a.s.text();
    const nogit = await a.s.run(['sync', 'init'], { env: { PATH: join(a.s.dir, 'empty') } });
    expect(nogit.code).toBe(1);
    expect(nogit.stderr).toMatch(/^netlog: git is not installed/);
    await ok(a.run('sync', 'init', join(a.s.dir, 'no-such-remote.git')));
    const refused = await a.run('sync');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^netlog: cannot fetch from .*no-such-remote\.git/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(a.s.text()).toBe(before);

    // A remote that refuses pushes (a server hook): the journal stays committed locally.
    const strict = join(a.s.dir, 'strict.git');
    mkdirSync(strict);
    git(strict, env, 'init', '-q', '--bare');
    writeFileSync(join(strict, 'hooks', 'pre-receive'), '#!/bin/sh\necho "read-only mirror" >&2\nexit 1\n', { mode: 0o755 });
    git(a.s.dir, env, 'remote', 'set-url', 'origin', strict);
    const push = await a.run('sync');
    expect(push.code).toBe(1);
    expect(push.stderr).toMatch(/^netlog: .*strict\.git refused the push: .*read-only mirror/);
    expect(push.stderr).toMatch(/hint: your changes are committed locally/);
    expect(a.s.text()).toBe(before);
  });
});

describe('sync usage', () => {
  it('an unknown sync command is a usage error; outside git with no copies, sync says how to start', async () => {
    const s = make();
    const bad = await s.run(['sync', 'pull']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^netlog: unknown sync command "pull"/);
    const none = await ok(s.run(['sync'], { env: { HOME: s.dir, GIT_CEILING_DIRECTORIES: s.dir } }));
    expect(none.stderr).toMatch(/nothing to sync.*\n.*netlog sync init REMOTE/);
  });
});

describe('synced folders (no git)', () => {
  const COPY = 'journal.sync-conflict-20261201-101010-ABCDEFG.json';

  it('every command notices a conflict copy; sync merges it in three-way and moves it to the backups', async () => {
    const s = make();
    await ok(s.run(['add', 'Dana Lee', '--kind', 'coffee']));
    await ok(s.run(['add', 'Sam Ortiz', '--kind', 'call']));
    await ok(s.run(['add', 'Kim Wu', '--kind', 'email']));
    const common = s.text()!;
    // This device goes on; the other device, from the same journal, adds someone and edits Dana.
    await ok(s.run(['add', 'Lin Park', '--kind', 'call']));
    const other = make({ text: common });
    await ok(other.run(['add', 'Bo Chen', '--kind', 'meal']));
    await ok(other.run(['contact', 'edit', 'Dana Lee', '--company', 'Acme']));
    await ok(other.run(['contact', 'rm', 'Sam Ortiz', '--yes']));
    writeFileSync(join(s.dir, COPY), other.text()!);

    const due = await ok(s.run(['due']));
    expect(due.stderr.match(/sync tool/g)).toHaveLength(1);
    expect(due.stderr).toMatch(new RegExp(`${COPY.replace(/\./g, '\\.')}.*netlog sync`));
    for (const quiet of [['--help'], ['--version'], ['due', '--help']]) expect((await s.run(quiet)).stderr).toBe('');

    const r = await ok(s.run(['sync', '--json']));
    const out = JSON.parse(r.stdout);
    expect(out.mode).toBe('folder');
    expect(out.copies).toHaveLength(1);
    expect(out.copies[0]).toMatchObject({ base: 'backup' });
    // Sam, removed on the other device and untouched here, is removed: the base was found.
    expect(names(s)).toEqual(['Bo Chen', 'Dana Lee', 'Kim Wu', 'Lin Park']);
    expect(s.json().interactions).toHaveLength(4);
    expect(s.json().contacts.find((c: { name: string }) => c.name === 'Dana Lee').company).toBe('Acme');
    expect(existsSync(join(s.dir, COPY))).toBe(false);
    expect(readdirSync(`${s.file}.backups`).some((n) => n.endsWith(COPY))).toBe(true);
    expect((await ok(s.run(['due']))).stderr).not.toMatch(/sync tool/);
    // The merge is one change: undo takes it back.
    expect((await ok(s.run(['undo', '--list']))).stdout).toMatch(/sync: merged/);
  });

  it('a copy that is not a valid journal is left where it is, and the journal is unchanged', async () => {
    const s = make();
    await ok(s.run(['add', 'Dana Lee']));
    const copy = join(s.dir, 'journal (conflicted copy 2026-12-01).json');
    writeFileSync(copy, '{ not json');
    const before = s.text();
    const r = await ok(s.run(['sync']));
    expect(r.stderr).toMatch(/left journal \(conflicted copy 2026-12-01\)\.json where it is: .*not valid JSON/);
    expect(s.text()).toBe(before);
    expect(existsSync(copy)).toBe(true);
  });
});
