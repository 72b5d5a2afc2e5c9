import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { fingerprint, ValidatedFiles } from '../../src/store/validated.js';
import { schemaKey } from '../../src/store/validate.js';
import { SAMPLE } from '../helpers/cli.js';

// Reading a journal netlog has validated (or written) before skips the schema check; any other
// file, or the same path changed since, is checked in full.

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function setup(text = readFileSync(SAMPLE, 'utf8')) {
  dir = mkdtempSync(join(tmpdir(), 'netlog-note-'));
  const file = join(dir, 'journal.json');
  const note = join(dir, 'cache', 'validated.json');
  writeFileSync(file, text);
  return { file, note, store: () => new Store(file, note) };
}

function stampOf(file: string): string {
  const st = statSync(file, { bigint: true });
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
}

/** Notes `file` as validated, as netlog would after checking it. */
function forge(note: string, file: string, schema = schemaKey()): void {
  mkdirSync(dirname(note), { recursive: true });
  writeFileSync(note, JSON.stringify({ schema, files: { [file]: fingerprint(stampOf(file), readFileSync(file, 'utf8')) } }));
}

const invalid = () => {
  const j = JSON.parse(readFileSync(SAMPLE, 'utf8'));
  j.interactions[1].kind = 'telepathy';
  return JSON.stringify(j, null, 2) + '\n';
};

describe('the validated-files note', () => {
  it('notes a journal once it has been read and checked', async () => {
    const { file, note, store } = setup();
    await store().read();
    const v = new ValidatedFiles(note, schemaKey());
    expect(await v.has(file, fingerprint(stampOf(file), readFileSync(file, 'utf8')))).toBe(true);
  });

  it('skips the check only for the very file it noted', async () => {
    const { file, note, store } = setup(invalid());
    await expect(store().read()).rejects.toThrow(/interactions\[1\]\.kind/);
    forge(note, file);
    expect((await store().read()).interactions[1]!.kind).toBe('telepathy'); // trusted, as noted
    writeFileSync(file, invalid().replace('telepathy', 'telekinesis')); // changed in place since
    await expect(store().read()).rejects.toThrow(/interactions\[1\]\.kind/);
  });

  it('checks again when the note was made for another schema', async () => {
    const { file, note, store } = setup(invalid());
    forge(note, file, 'another-schema');
    await expect(store().read()).rejects.toThrow(/telepathy/);
  });

  it('notes what netlog writes, so the next read is not checked again', async () => {
    const { file, note, store } = setup();
    await store().update((j) => ({ journal: { ...j, events: [] }, result: null }));
    const v = new ValidatedFiles(note, schemaKey());
    expect(await v.has(file, fingerprint(stampOf(file), readFileSync(file, 'utf8')))).toBe(true);
  });

  it('works without a usable note (unwritable cache folder): it just checks every time', async () => {
    const { file, store } = setup(invalid());
    writeFileSync(join(dir, 'cache'), 'a file where the folder should be');
    await expect(store().read()).rejects.toThrow(/telepathy/);
    writeFileSync(file, readFileSync(SAMPLE));
    expect((await store().read()).contacts.length).toBeGreaterThan(0);
  });

  it('keeps notes for a bounded number of journals', async () => {
    dir = mkdtempSync(join(tmpdir(), 'netlog-note-'));
    const v = new ValidatedFiles(join(dir, 'validated.json'), 'k');
    for (let n = 0; n < 40; n++) await v.remember(`/j/${n}.json`, `p${n}`);
    const files = JSON.parse(readFileSync(join(dir, 'validated.json'), 'utf8')).files;
    expect(Object.keys(files)).toHaveLength(16);
    expect(files['/j/39.json']).toBe('p39');
  });
});
