import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { firstBadUtf8, readJournal } from '../../src/store/journal-file.js';

// readJournal decodes in 512 kB slices, checking each is UTF-8: characters cut by a slice's end
// come out whole, and a bad byte anywhere is found at its offset.

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const file = () => join((dir = mkdtempSync(join(tmpdir(), 'netlog-read-'))), 'journal.json');
const SLICE = 512 * 1024;

describe('readJournal', () => {
  it.each([1, 2, 3, 4, 5])('decodes characters that straddle a slice boundary (shifted by %i)', async (shift) => {
    const text = `{"x": "${'a'.repeat(SLICE - 7 - shift)}é€😀${'ß'.repeat(SLICE)}😀"}`;
    const f = file();
    writeFileSync(f, text);
    expect((await readJournal(f))?.text).toBe(text);
  });

  it.each([
    ['a stray continuation byte', [0x80]],
    ['a lead byte without its continuation', [0xe2, 0x28]],
    ['an overlong encoding', [0xc0, 0xaf]],
    ['a surrogate', [0xed, 0xa0, 0x80]],
    ['a sequence cut off at the end of the file', [0xf0, 0x9f, 0x98]],
  ])('finds %s at its byte offset, past the first slice', async (_, bad) => {
    const f = file();
    const head = Buffer.from(`{"x": "${'ü'.repeat(SLICE / 2 + 1000)}`);
    const tail = bad[0] === 0xf0 ? Buffer.alloc(0) : Buffer.from('"}');
    writeFileSync(f, Buffer.concat([head, Buffer.from(bad), tail]));
    await expect(readJournal(f)).rejects.toThrow(new RegExp(`: byte ${head.length} \\(line 1\\): not valid UTF-8 \\(0x${bad[0]!.toString(16)}\\)$`));
    expect(firstBadUtf8(Buffer.concat([head, Buffer.from(bad)]))).toBe(head.length);
  });
});
