import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { emptyJournal } from '../../src/core/journal.js';
import { serializeJournal } from '../../src/store/serialize.js';
import { SAMPLE } from '../helpers/cli.js';
import { sha256, sha256Sized } from '../../src/store/backups.js';
import { utf8Slices } from '../../src/store/fs.js';
import { writeAtomicRaw } from '../../src/store/journal-file.js';
import { createHash } from 'node:crypto';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'netlog-store-'));
  file = join(dir, 'journal.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const withSettings = (days: number) => (j: ReturnType<typeof emptyJournal>) => ({ journal: { ...j, settings: { ...j.settings, defaultCadenceDays: days } }, result: days });

describe('Store', () => {
  it('a missing file reads as an empty journal, and reading creates nothing', async () => {
    const s = new Store(file);
    expect(await s.read()).toEqual(emptyJournal());
    expect(readdirSync(dir)).toEqual([]);
  });

  it('update writes once, records the description, and returns the edit result', async () => {
    const s = new Store(file);
    expect(await s.update(withSettings(30), (n) => `set cadence ${n}`)).toBe(30);
    expect((await s.read()).settings.defaultCadenceDays).toBe(30);
    await s.update(withSettings(45), 'again');
    expect((await s.changes()).map((c) => c.change)).toEqual(['set cadence 30', 'again']);
    expect(readdirSync(dir).sort()).toEqual(['journal.json', 'journal.json.backups']);
  });

  it('writes nothing, and records nothing, when the edit throws or changes nothing', async () => {
    writeFileSync(file, readFileSync(SAMPLE));
    const s = new Store(file);
    await expect(s.update(() => { throw new Error('no'); })).rejects.toThrow('no');
    expect(await s.update((j) => ({ journal: j, result: 1 }))).toBe(1);
    expect(await s.update((j) => ({ journal: { ...j }, result: 2 }))).toBe(2); // equal content
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(SAMPLE, 'utf8'));
    expect(existsSync(`${file}.backups`)).toBe(false);
  });

  it('refuses to write a journal that would not validate', async () => {
    writeFileSync(file, serializeJournal(emptyJournal()));
    const s = new Store(file);
    await expect(s.update((j) => ({ journal: { ...j, version: 2 as 1 }, result: 0 }))).rejects.toThrow(/invalid change/);
    expect(readFileSync(file, 'utf8')).toBe(serializeJournal(emptyJournal()));
  });

  it('re-reads under the lock: concurrent updates in one process all land', async () => {
    const s = new Store(file);
    const add = (n: number) =>
      s.update((j) => ({ journal: { ...j, events: [...j.events, { id: `e${n}`, name: `E${n}`, date: '2026-11-20' }] }, result: n }), `event ${n}`);
    await Promise.all(Array.from({ length: 10 }, (_, n) => add(n)));
    expect((await s.read()).events.map((e) => e.id).sort()).toEqual(Array.from({ length: 10 }, (_, n) => `e${n}`).sort());
  });

  it('undo of the first change restores an empty journal', async () => {
    const s = new Store(file);
    await s.update(withSettings(30), 'first');
    const u = await s.undo();
    expect(u.change.change).toBe('first');
    expect(await s.read()).toEqual(emptyJournal());
  });
});

describe('undo after a write that never happened', () => {
  it('skips a change whose result is not on disk when the journal equals its backup', async () => {
    const { recordChange } = await import('../../src/store/backups.js');
    const s = new Store(file);
    await s.update(withSettings(30), 'real change');
    // As if netlog was killed between recording a change and writing it.
    await recordChange(file, true, sha256('text that was never written'), 'lost change', 100);
    const u = await s.undo();
    expect(u.change.change).toBe('real change');
    expect(await s.read()).toEqual(emptyJournal());
  });
});

describe('the hash undo keeps of what netlog wrote, and the bytes written', () => {
  // Texts larger than a slice (1 MB), with characters of two, three and four bytes (an emoji is two
  // UTF-16 units) at every offset, so some fall across the end of a slice.
  const big = (unit: string) => `{"n": "${unit.repeat(Math.ceil((3 << 20) / unit.length))}"}\n`;
  const texts = ['', '{"name": "Zoë 山田 👋"}\n', readFileSync(SAMPLE, 'utf8'), big('a'), big('aé'), big('a山b'), big('ab👋'), big('👋')];

  it('are the whole text\'s UTF-8 bytes, a slice at a time', () => {
    for (const text of texts) {
      const bytes = Buffer.from(text, 'utf8');
      // Each slice is copied before the next is asked for (they share one buffer).
      const slices: Buffer[] = [];
      for (const slice of utf8Slices(text)) slices.push(Buffer.from(slice));
      expect(Buffer.concat(slices).equals(bytes)).toBe(true);
      expect(sha256Sized(text)).toEqual({ hash: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
      expect(sha256(text)).toBe(sha256(bytes));
    }
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('a large text is written to the file exactly', async () => {
    for (const text of texts.slice(3)) {
      await writeAtomicRaw(file, text);
      expect(readFileSync(file).equals(Buffer.from(text, 'utf8'))).toBe(true);
    }
  });
});
