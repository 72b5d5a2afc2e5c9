import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import type { Journal } from '../../src/core/schema.js';
import { SAMPLE } from '../helpers/cli.js';

// `add` reads the journal to resolve names, then updates it under the lock: the update reuses
// that read only when the file's bytes are the same, and parses again after any change.

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function setup(): { store: Store; file: string } {
  dir = mkdtempSync(join(tmpdir(), 'netlog-store-'));
  const file = join(dir, 'journal.json');
  writeFileSync(file, readFileSync(SAMPLE));
  return { store: new Store(file), file };
}

/** An update that records the journal it was given and changes nothing. */
async function seen(store: Store): Promise<Journal> {
  return store.update((journal) => ({ journal, result: journal }));
}

describe('Store.update after Store.read', () => {
  it('reuses the journal just read when the file has not changed', async () => {
    const { store } = setup();
    const before = await store.read();
    expect(await seen(store)).toBe(before);
  });

  it('reads again when another program replaced the file (a new inode)', async () => {
    const { store, file } = setup();
    const before = await store.read();
    const changed = { ...before, contacts: before.contacts.slice(1) };
    writeFileSync(`${file}.new`, JSON.stringify(changed, null, 2) + '\n');
    renameSync(`${file}.new`, file);
    const after = await seen(store);
    expect(after).not.toBe(before);
    expect(after.contacts).toHaveLength(before.contacts.length - 1);
  });

  it('reads again when the file was rewritten in place', async () => {
    const { store, file } = setup();
    const before = await store.read();
    writeFileSync(file, JSON.stringify({ ...before, events: [] }, null, 2) + '\n');
    const after = await seen(store);
    expect(after.events).toEqual([]);
  });

  it('reads again after its own write, and refuses a file made invalid meanwhile', async () => {
    const { store, file } = setup();
    const before = await store.read();
    await store.update((j) => ({ journal: { ...j, events: [] }, result: null }));
    expect((await seen(store)).events).toEqual([]);
    expect(before.events.length).toBeGreaterThan(0); // the journal read earlier was not changed
    await store.read();
    writeFileSync(file, '{ "version": 1, "settings": {} }\n');
    await expect(seen(store)).rejects.toThrow(/contacts/);
    expect(readFileSync(file, 'utf8')).toBe('{ "version": 1, "settings": {} }\n');
  });

  it('treats a file that appeared after reading "no file" as changed', async () => {
    dir = mkdtempSync(join(tmpdir(), 'netlog-store-'));
    const file = join(dir, 'journal.json');
    const store = new Store(file);
    expect((await store.read()).contacts).toEqual([]);
    writeFileSync(file, readFileSync(SAMPLE));
    expect((await seen(store)).contacts.length).toBeGreaterThan(0);
  });
});
