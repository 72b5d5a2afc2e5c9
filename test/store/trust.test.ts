import { existsSync, mkdirSync, mkdtempSync, realpathSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { JournalError } from '../../src/errors.js';
import { checkerId } from '../../src/store/checker.js';
import { SAMPLE } from '../helpers/cli.js';

// What checks a journal when netlog runs from its sources, as the records keep it.
const CHECKER = await checkerId();

// store/trust.ts: a read skips the checks only for the very file a read found valid (same
// device, inode, size, modification and change time, same checker). Each negative case below
// forges or keeps a record that differs from the file in one way only, on a journal that is NOT
// valid: had the record been believed, the read would have returned it instead of refusing.

let dir: string;
let file: string;
let record: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'netlog-trust-'));
  file = join(dir, 'journal.json');
  record = join(`${file}.backups`, 'validated.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sample = readFileSync(SAMPLE, 'utf8');
const OLD = new Date(Date.now() - 60_000);
/** A journal whose first interaction has a date that is no date: refused by the full check. */
const invalid = sample.replace(/"date": "(\d{4}-\d\d-\d\d)"/, (_, d: string) => `"date": "${d.replace(/-/g, '/')}"`);

function identity(path: string): string {
  const st = statSync(path, { bigint: true });
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
}

function forge(fields: Partial<{ file: string; identity: string; checker: string }> = {}): void {
  mkdirSync(`${file}.backups`, { recursive: true });
  writeFileSync(record, JSON.stringify({ file: realpathSync(file), identity: identity(file), checker: CHECKER, ...fields }));
}

async function refused(): Promise<void> {
  await expect(new Store(file).read()).rejects.toThrow(JournalError);
}

describe('the record of a checked journal', () => {
  it('is written by a read of a file last modified a while ago, and names that very file', async () => {
    writeFileSync(file, sample);
    utimesSync(file, OLD, OLD);
    await new Store(file).read();
    expect(JSON.parse(readFileSync(record, 'utf8'))).toEqual({ file: realpathSync(file), identity: identity(file), checker: CHECKER });
    // Believed: the next read returns the same journal.
    expect(await new Store(file).read()).toEqual(JSON.parse(sample));
  });

  it('is believed for exactly that file (the control for every case below)', async () => {
    writeFileSync(file, invalid);
    utimesSync(file, OLD, OLD);
    await refused();
    expect(existsSync(record)).toBe(false);
    forge();
    await expect(new Store(file).read()).resolves.toBeDefined();
  });

  it('is not made for a file modified within the racy window (a second write in the same tick would keep its time)', async () => {
    writeFileSync(file, sample);
    await new Store(file).read();
    expect(existsSync(record)).toBe(false);
  });

  it('is not believed after a hand edit of the same size, also when the old modification time is put back', async () => {
    writeFileSync(file, sample);
    utimesSync(file, OLD, OLD);
    await new Store(file).read();
    expect(existsSync(record)).toBe(true);
    expect(invalid.length).toBe(sample.length);
    writeFileSync(file, invalid);
    await refused();
    // As `cp -p` or `touch -r` leave it: the same size and modification time, a new change time.
    utimesSync(file, OLD, OLD);
    await refused();
  });

  it('is not believed when one part of it differs: another checker, another file, another identity', async () => {
    writeFileSync(file, invalid);
    utimesSync(file, OLD, OLD);
    const id = identity(file);
    const [dev, ino, size, mtime, ctime] = id.split(':');
    const cases = [
      { checker: `${CHECKER}x` },
      { checker: CHECKER.replace(/^\S+/, '0.0.0') },
      { file: join(dir, 'other.json') },
      { identity: [dev, ino, size, mtime, `${BigInt(ctime!) + 1n}`].join(':') },
      { identity: [dev, ino, size, `${BigInt(mtime!) - 1n}`, ctime].join(':') },
      { identity: [dev, `${BigInt(ino!) + 1n}`, size, mtime, ctime].join(':') },
      { identity: [`${BigInt(dev!) + 1n}`, ino, size, mtime, ctime].join(':') },
    ];
    for (const c of cases) {
      forge(c);
      await refused();
    }
  });

  it('is optional: deleted, damaged or empty, the read checks the whole file', async () => {
    writeFileSync(file, invalid);
    utimesSync(file, OLD, OLD);
    forge();
    rmSync(record);
    await refused();
    for (const junk of ['', '{', 'null', '[]', '{"file":1}', 'not json at all']) {
      writeFileSync(record, junk);
      await refused();
    }
  });

  it('after a change by netlog, the new file is checked again before it is trusted', async () => {
    writeFileSync(file, sample);
    utimesSync(file, OLD, OLD);
    const s = new Store(file);
    await s.read();
    const before = readFileSync(record, 'utf8');
    await s.update((j) => ({ journal: { ...j, settings: { ...j.settings, defaultCadenceDays: 45 } }, result: undefined }));
    // The record still names the old file, which no longer exists under that identity.
    expect(readFileSync(record, 'utf8')).toBe(before);
    expect(JSON.parse(before).identity).not.toBe(identity(file));
    expect((await new Store(file).read()).settings.defaultCadenceDays).toBe(45);
  });
});
