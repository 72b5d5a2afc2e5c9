import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, truncateSync, writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE, sandboxes, type Run, type Sandbox } from '../helpers/cli.js';
import { generateJournal } from '../../bench/gen.js';
import { processStart } from '../../src/store/lock.js';
import { BUDGET_FACTOR, BUDGET_FLOOR } from '../../src/store/backups.js';
import { KINDS } from '../../src/core/journal.js';

// Issue 14's hard edges, each through the CLI: files that parse but lie, special files, --out
// through links, recovery after an outside overwrite, reused pids, the backups' size. Every
// refusal leaves the journal's bytes (sha256) as they were, says `netlog: …` with the file and
// the place, and prints no stack trace.

const make = sandboxes();
const sample = readFileSync(SAMPLE, 'utf8');
/** The file's sha256 (a FIFO or device is never read: reading would block or never end). */
function hash(file: string): string {
  if (!existsSync(file)) return 'missing';
  const st = statSync(file);
  if (!st.isFile()) return `special ${st.mode} ${st.ino}`;
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}
const lineOf = (text: string, needle: string, from = 0) => text.slice(0, text.indexOf(needle, from)).split('\n').length;

/** A command that must be refused: exit code, message, no stack trace, nothing on stdout, the journal's bytes unchanged. */
async function refused(s: Sandbox, args: string[], code: number, message: RegExp, env: Record<string, string> = {}, file = s.file): Promise<Run> {
  const before = hash(file);
  const r = await s.run(args, { env });
  expect(r.code, r.stderr).toBe(code);
  expect(r.stderr).toMatch(/^netlog: /);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at |Maximum call stack|unexpected error/);
  expect(r.stdout).toBe('');
  expect(hash(file)).toBe(before);
  return r;
}

const EVERY = [['due'], ['report'], ['add', 'Dana Lee', '--kind', 'call'], ['check']];

describe('1. duplicate JSON keys', () => {
  it('a second "contacts" key (a merge leftover) is refused with both places, by reads, writes and check', async () => {
    const text = sample.replace(/\n\}\n$/, ',\n  "contacts": []\n}\n');
    const s = make({ text });
    const line = text.split('\n').length - 2;
    const first = lineOf(text, '"contacts"');
    for (const args of EVERY.slice(0, 3)) {
      await refused(s, args, 1, new RegExp(`journal\\.json:${line}:3: contacts: duplicate key "contacts" \\(first at line ${first}, column 3\\)`));
    }
    const c = await s.run(['check']);
    expect(c.code).toBe(1);
    expect(c.stdout).toMatch(new RegExp(`line ${line}, column 3: contacts: duplicate key "contacts"`));
    expect(existsSync(`${s.file}.backups`)).toBe(false);
    // The same place in a hand-edited file with a BOM, CRLF line ends and non-ASCII names.
    const crlf = make({ text: `\uFEFF${text.replace(/\n/g, '\r\n')}` });
    await refused(crlf, ['due'], 1, new RegExp(`journal\\.json:${line}:3: contacts: duplicate key "contacts" \\(first at line ${first}, column 3\\)`));
  });

  it('at any depth, and spelled with escapes', async () => {
    const j = JSON.parse(sample);
    const id = j.contacts[2].id;
    const text = JSON.stringify(j, null, 2).replace(`"id": "${id}",`, `"id": "${id}",\n      "na\\u006de": "Someone Else",`);
    const s = make({ text });
    await refused(s, ['due'], 1, /journal\.json:\d+:7: contacts\[2\]\.name: duplicate key "name" \(first at line \d+, column 7\)/);
  });
});

describe('2. invalid UTF-8', () => {
  it('is refused on read with the byte offset, never rewritten, and check does not call it fine', async () => {
    const s = make({ fixture: SAMPLE });
    const bytes = readFileSync(s.file);
    const at = bytes.indexOf(JSON.parse(sample).contacts[3].name);
    expect(at).toBeGreaterThan(0);
    bytes[at + 1] = 0xff;
    writeFileSync(s.file, bytes);
    const line = bytes.subarray(0, at).toString('latin1').split('\n').length;
    for (const args of EVERY.slice(0, 3)) await refused(s, args, 1, new RegExp(`journal\\.json: byte ${at + 1} \\(line ${line}\\): not valid UTF-8 \\(0xff\\)`));
    const c = await s.run(['check', '--json']);
    expect(c.code).toBe(1);
    expect(JSON.parse(c.stdout)).toMatchObject({ ok: false, problems: [{ path: `byte ${at + 1} (line ${line})`, message: 'not valid UTF-8 (0xff)' }] });
    // A lone surrogate's encoding, and a sequence cut off at the end of the file.
    writeFileSync(s.file, Buffer.concat([Buffer.from(sample.slice(0, 20)), Buffer.from([0xed, 0xa0, 0x80])]));
    await refused(s, ['due'], 1, /journal\.json: byte 20 \(line \d+\): not valid UTF-8 \(0xed\)/);
    writeFileSync(s.file, Buffer.concat([Buffer.from(sample), Buffer.from([0xe2, 0x82])]));
    await refused(s, ['add', 'Dana Lee'], 1, new RegExp(`byte ${Buffer.byteLength(sample)} `));
  });

  it('after netlog wrote the file, undo refuses it unless forced, and --force puts back the last write, keeping the bad bytes', async () => {
    const s = make({ fixture: SAMPLE });
    expect((await s.run(['add', 'Miriam Okafor', '-q'])).code).toBe(0);
    const written = readFileSync(s.file);
    const bad = Buffer.concat([written.subarray(0, 100), Buffer.from([0xc3, 0x28]), written.subarray(100)]);
    writeFileSync(`${s.file}.new`, bad);
    renameSync(`${s.file}.new`, s.file);
    const r = await refused(s, ['undo'], 1, /journal\.json: byte 100 \(line \d+\): not valid UTF-8 \(0xc3\)/);
    expect(r.stderr).toMatch(/hint: run `netlog undo --force`/);
    expect((await s.run(['undo', '--force', '-q'])).code).toBe(0);
    expect(readFileSync(s.file).equals(written)).toBe(true);
    const kept = readdirSync(`${s.file}.backups`).filter((f) => f.startsWith('undone-'));
    expect(kept.map((f) => readFileSync(join(`${s.file}.backups`, f)).equals(bad))).toEqual([true]);
  });
});

describe('3. deep nesting', () => {
  it(`5,000 levels in an unknown field are refused with the place; ${64} are kept`, async () => {
    const j = JSON.parse(sample);
    j.contacts[1].extra = 'DEEP';
    // Written as text: JSON.stringify itself cannot nest this deep.
    const s = make({ text: JSON.stringify(j, null, 1).replace('"DEEP"', '['.repeat(5000) + ']'.repeat(5000)) });
    for (const args of EVERY.slice(0, 3)) await refused(s, args, 1, /journal\.json:\d+:\d+: contacts\[1\]\.extra\[0\].*: nested deeper than 64 levels/);
    const c = await s.run(['check']);
    expect(c.code).toBe(1);
    expect(c.stdout).toMatch(/nested deeper than 64 levels/);

    const ok = JSON.parse(sample);
    ok.contacts[1].extra = JSON.parse('['.repeat(60) + '"deep"' + ']'.repeat(60));
    const t = make({ data: ok });
    expect((await t.run(['add', 'Dana Lee', '-q'])).code).toBe(0);
    expect(JSON.stringify(t.json().contacts[1].extra)).toBe(JSON.stringify(ok.contacts[1].extra));
  });

  it('a 100,000-deep unclosed document gets a located message, not a stack overflow', async () => {
    const s = make({ text: `{"version": 1, "x": ${'['.repeat(100_000)}` });
    for (const args of EVERY.slice(0, 3)) await refused(s, args, 1, /journal\.json:1:\d+: x(\[0\])+\.\.\. \(\d+ levels down\): nested deeper than 64 levels/);
    const c = await s.run(['check']);
    expect(c.code).toBe(1);
    expect(c.stdout).toMatch(/line 1, column \d+: .*nested deeper than 64 levels/);
  });
});

describe('4. "__proto__" keys', () => {
  it('are kept on write wherever they are, like any field netlog does not know', async () => {
    const proto = '"__proto__": {"polluted": true}';
    const j = JSON.parse(sample);
    let text = JSON.stringify(j, null, 2);
    text = text.replace('"version": 1,', `"version": 1,\n  ${proto},`);
    text = text.replace(`"id": "${j.contacts[0].id}",`, `"id": "${j.contacts[0].id}",\n      ${proto},`);
    text = text.replace(`"id": "${j.interactions[0].id}",`, `"id": "${j.interactions[0].id}",\n      "mood": {${proto}},`);
    text = text.replace('"settings": {', `"settings": {\n    ${proto},`);
    const s = make({ text });
    const before = JSON.parse(text);
    expect(Object.keys(before)).toContain('__proto__');
    expect((await s.run(['add', j.contacts[0].name, '--kind', 'call', '-q'])).code).toBe(0);
    const out = s.text()!;
    expect(out.match(/"__proto__": \{/g)).toHaveLength(4);
    const after = JSON.parse(out);
    const own = (o: object) => Object.getOwnPropertyDescriptor(o, '__proto__')?.value;
    for (const o of [after, after.contacts[0], after.interactions[0].mood, after.settings]) expect(own(o)).toEqual({ polluted: true });
    // Everything else as it was (unknown keys move after the known ones, as they always do).
    after.interactions.pop();
    const plain = (o: unknown) => JSON.parse(JSON.stringify(o).replace(/"__proto__":\{"polluted":true\},?/g, '').replace(/,\}/g, '}'));
    expect(plain(after)).toEqual(plain(before));
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});

describe('5. files that are not journals, and values netlog cannot keep', () => {
  it('a FIFO as the journal is refused at once, by the real bin too, and stays a FIFO', async () => {
    const s = make();
    expect(spawnSync('mkfifo', [s.file]).status).toBe(0);
    for (const args of EVERY) await refused(s, args, 1, /journal\.json is a named pipe \(FIFO\), not a journal file/);
    const t0 = Date.now();
    const r = s.runBin(['add', 'Dana Lee']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^netlog: .*journal\.json is a named pipe \(FIFO\), not a journal file\n/);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(lstatSync(s.file).isFIFO()).toBe(true);
  });

  it('/dev/zero, a file over 512 MB, 1e400 and a bad kind get real messages', async () => {
    const s = make();
    for (const args of [['due'], ['add', 'Dana Lee']]) {
      const r = await s.run([...args, '--file', '/dev/zero']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^netlog: \/dev\/zero is a character device, not a journal file\n/);
    }

    writeFileSync(s.file, '{}');
    truncateSync(s.file, 513 * 1024 * 1024); // sparse: no disk used
    await refused(s, ['due'], 1, /journal\.json is too large for a journal \(513 MB; netlog reads journals of up to 512 MB\)/);
    await refused(s, ['add', 'Dana Lee'], 1, /too large for a journal/);

    const j = JSON.parse(sample);
    const t = make({ text: JSON.stringify(j, null, 2).replace(/"cadenceDays": \d+/, '"cadenceDays": 1e400') });
    const n = j.contacts.findIndex((c: { cadenceDays?: number }) => c.cadenceDays !== undefined);
    await refused(t, ['due'], 1, new RegExp(`journal\\.json:\\d+:\\d+: contacts\\[${n}\\]\\.cadenceDays: a number out of range \\(1e400\\)`));
    const unknown = make({ text: sample.replace('"version": 1,', '"version": 1,\n  "sync": {"rev": -2e999},') });
    await refused(unknown, ['add', 'Dana Lee'], 1, /journal\.json:3:19: sync\.rev: a number out of range \(-2e999\)/);
    const precise = make({ text: sample.replace('"version": 1,', '"version": 1,\n  "sync": {"rev": 12345678901234567890},') });
    await refused(precise, ['add', 'Dana Lee'], 1, /sync\.rev: a number with more digits than netlog can keep exactly \(12345678901234567890 would be written back as 12345678901234567000\)/);

    j.interactions[4].kind = 'lunch';
    const k = make({ data: j });
    await refused(k, ['due'], 1, new RegExp(`journal\\.json: interactions\\[4\\]\\.kind \\(id \\w+\\): expected one of ${KINDS.join(', ')} \\(found "lunch"\\)`));
  });
});

describe('6. export --out X --force', () => {
  it('writes through a symlink to the file it points to', async () => {
    const s = make({ fixture: SAMPLE });
    mkdirSync(join(s.dir, 'real'));
    writeFileSync(join(s.dir, 'real', 'out.csv'), 'old\n');
    symlinkSync('real/out.csv', join(s.dir, 'out.csv'));
    const r = await s.run(['export', '--out', join(s.dir, 'out.csv'), '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(join(s.dir, 'out.csv')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(s.dir, 'real', 'out.csv'), 'utf8')).toMatch(/^Name,/);
  });

  it('refuses a FIFO, a device, the journal, a backup and a hard link to the journal', async () => {
    const s = make({ fixture: SAMPLE });
    expect((await s.run(['add', 'Dana Lee', '-q'])).code).toBe(0);
    const fifo = join(s.dir, 'pipe.csv');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    await refused(s, ['export', '--out', fifo, '--force'], 2, /pipe\.csv is a named pipe \(FIFO\), not a regular file/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    await refused(s, ['export', '--format', 'csv', '--out', '/dev/full', '--force'], 2, /\/dev\/full is a character device, not a regular file/);
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);

    const backups = `${s.file}.backups`;
    const backup = readdirSync(backups).find((f) => /^\d{4}-/.test(f))!;
    linkSync(s.file, join(s.dir, 'alias.json'));
    symlinkSync(s.file, join(s.dir, 'link.json'));
    for (const target of [s.file, join(s.dir, 'link.json'), join(s.dir, 'alias.json'), join(backups, backup), join(backups, 'last.json'), `${s.file}.lock`]) {
      await refused(s, ['export', '--format', 'csv', '--out', target, '--force'], 2, /is the journal or one of its backups; an export never replaces it/);
      if (existsSync(target)) expect(readFileSync(target, 'utf8')).toMatch(/^\{/);
    }
    expect(hash(join(backups, backup))).toBe(hash(SAMPLE));
    expect((await s.run(['check'])).code).toBe(0);
  });
});

describe('7. after an outside overwrite', () => {
  it('the first undo --force restores what netlog last wrote, the next undoes netlog\'s change', async () => {
    const s = make();
    expect((await s.run(['add', 'Dana Lee', '-q'])).code).toBe(0);
    const first = s.text()!;
    expect((await s.run(['add', 'Sam Ortiz', '-q'])).code).toBe(0);
    const second = s.text()!;
    // A sync tool replaces the file (write elsewhere, rename over it).
    const theirs = second.replace('"Sam Ortiz"', '"Sam Ortiz (from the laptop)"');
    writeFileSync(`${s.file}.sync`, theirs);
    renameSync(`${s.file}.sync`, s.file);
    await refused(s, ['undo'], 1, /was changed outside netlog after the last change/);
    const u = await s.run(['undo', '--force', '--json']);
    expect(u.code, u.stderr).toBe(0);
    expect(JSON.parse(u.stdout).undone.change).toMatch(/changes made outside netlog/);
    expect(s.text()).toBe(second);
    expect((await s.run(['undo', '-q'])).code).toBe(0);
    expect(s.text()).toBe(first);
    // Nothing was lost: the overwrite is kept among the undone states.
    const undone = readdirSync(`${s.file}.backups`).filter((f) => f.startsWith('undone-'));
    expect(undone.map((f) => readFileSync(join(`${s.file}.backups`, f), 'utf8'))).toContain(theirs);
  });

  it('a change after an outside overwrite backs up the overwritten file, not netlog\'s last write', async () => {
    for (const mode of [0o600, 0o644]) {
      const s = make({ fixture: SAMPLE });
      chmodSync(s.file, mode);
      expect((await s.run(['add', 'Dana Lee', '-q'])).code).toBe(0);
      const theirs = s.text()!.replace('"Miriam Okafor"', '"Miriam Okafor-Hale"');
      writeFileSync(`${s.file}.sync`, theirs, { mode });
      renameSync(`${s.file}.sync`, s.file);
      expect((await s.run(['add', 'Sam Ortiz', '-q'])).code).toBe(0);
      expect((await s.run(['undo', '-q'])).code).toBe(0);
      expect(s.text()).toBe(theirs);
    }
  });

  it('an overwrite in place of a 0600 journal also changes the hard link: undo --force then falls back to the last backup, and says so', async () => {
    const s = make();
    expect((await s.run(['add', 'Dana Lee', '-q'])).code).toBe(0);
    const first = s.text()!;
    expect((await s.run(['add', 'Sam Ortiz', '-q'])).code).toBe(0);
    writeFileSync(s.file, '{ broken');
    const d = await s.run(['due']);
    expect(d.stderr).toMatch(/undo --force` puts back the journal as it was before netlog's last change/);
    expect((await s.run(['undo', '--force', '-q'])).code).toBe(0);
    expect(s.text()).toBe(first);
  });
});

describe('9. a stale lock whose pid was reused', () => {
  const lockFor = (s: Sandbox, pid: number, start: string | undefined) =>
    writeFileSync(`${s.file}.lock`, `${JSON.stringify({ pid, host: hostname(), at: new Date().toISOString(), nonce: 'feedfacefeedface', ...(start ? { start } : {}) })}\n`);

  it('is broken at once when the live process with that pid started at another time', async () => {
    const s = make({ fixture: SAMPLE });
    const start = processStart(process.pid);
    expect(start).toMatch(/^\d+$/); // Linux: /proc is there
    lockFor(s, process.pid, String(Number(start) + 1));
    const t0 = Date.now();
    const r = await s.run(['add', 'Dana Lee', '-q'], { env: { NETLOG_LOCK_TIMEOUT: '3000' } });
    expect(r.code, r.stderr).toBe(0);
    expect(Date.now() - t0).toBeLessThan(2500);
    expect(existsSync(`${s.file}.lock`)).toBe(false);
  });

  it('is respected while the process that took it runs', async () => {
    const s = make({ fixture: SAMPLE });
    lockFor(s, process.pid, processStart(process.pid));
    await refused(s, ['add', 'Dana Lee'], 1, /journal is busy: netlog \(pid \d+ on .*\) is changing it/, { NETLOG_LOCK_TIMEOUT: '300' });
  });

  it('a lock written without a start time (another OS, an older netlog) is judged as before', async () => {
    const s = make({ fixture: SAMPLE });
    lockFor(s, process.pid, undefined);
    await refused(s, ['add', 'Dana Lee'], 1, /journal is busy/, { NETLOG_LOCK_TIMEOUT: '300' });
  });
});

describe('10. the backups stay within their budget', () => {
  it.each([0o600, 0o644])(`at most ${BUDGET_FACTOR}x the journal (or ${BUDGET_FLOOR / 1048576} MB), keeping the newest changes undoable (journal mode %o)`, async (mode) => {
    const data = generateJournal({ interactions: 4000, contacts: 300 });
    const who = data.contacts[0]!.name;
    const s = make({ data });
    chmodSync(s.file, mode);
    const size = statSync(s.file).size;
    expect(BUDGET_FACTOR * size).toBeGreaterThan(BUDGET_FLOOR);
    for (let n = 0; n < 8; n++) expect((await s.run(['add', who, '--note', `n${n}`, '-q'])).code).toBe(0);
    const dir = `${s.file}.backups`;
    const journal = statSync(s.file).ino;
    const inodes = new Map<number, number>();
    for (const f of readdirSync(dir)) {
      const st = statSync(join(dir, f));
      if (st.ino !== journal) inodes.set(st.ino, st.size);
    }
    const total = [...inodes.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(BUDGET_FACTOR * statSync(s.file).size);
    const list = JSON.parse((await s.run(['undo', '--list', '--json'])).stdout).changes;
    expect(list.length).toBeGreaterThanOrEqual(2);
    expect(list.length).toBeLessThan(8);
    expect(list[0].change).toContain(who);
    for (const _ of list) expect((await s.run(['undo', '-q'])).code).toBe(0);
    expect((await s.run(['undo'])).stderr).toMatch(/nothing to undo/);
    expect(JSON.parse(s.text()!).interactions.filter((i: { note?: string }) => /^n\d$/.test(i.note ?? ''))).toHaveLength(8 - list.length);
  });

  it('a full disk names the backups folder and what it holds', async () => {
    const s = make();
    const mnt = join(s.dir, 'small');
    mkdirSync(mnt);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', mnt]).status !== 0) {
      // Without root the same failure is injected in test/store/faults.test.ts.
      console.log('no tmpfs mount here: the disk-full message is tested by fault injection only');
      return;
    }
    try {
      const file = join(mnt, 'journal.json');
      writeFileSync(file, sample, { mode: 0o600 });
      expect((await s.run(['add', 'Miriam Okafor', '-q', '--file', file])).code).toBe(0);
      writeFileSync(join(mnt, 'filler'), Buffer.alloc(512 * 1024 - 2 * 80 * 1024 - 60 * 1024));
      const before = hash(file);
      let r: Run | undefined;
      for (let n = 0; n < 5; n++) {
        r = await s.run(['add', 'Miriam Okafor', '--note', 'x'.repeat(30_000), '--file', file]);
        if (r.code !== 0) break;
      }
      expect(r!.code).toBe(1);
      expect(r!.stderr).toMatch(/^netlog: cannot (write|back up|change) .*journal\.json: the disk is full\nhint: netlog's backups in .*small\/journal\.json\.backups take \d+\.\d MB; free some space/);
      expect(r!.stderr).not.toMatch(/\n\s+at /);
      expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(1);
      void before;
    } finally {
      spawnSync('umount', [mnt]);
    }
  });
});
