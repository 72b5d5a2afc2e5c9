import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conflictCopyTest, conflictNotice, findConflictCopies } from '../../src/store/conflict-copies.js';

// Which names beside the journal are a sync tool's conflict copies of it.

describe('conflict copies', () => {
  const isCopy = conflictCopyTest('journal.json');
  it.each([
    ['journal.sync-conflict-20261201-101010-ABCDEFG.json', true], // Syncthing
    ['journal (conflicted copy 2026-12-01).json', true], // Dropbox
    ["journal (Dana Lee's conflicted copy 2026-12-01).json", true], // Dropbox, named
    ['journal (conflicted copy 2026-12-01 101010).json', true], // Nextcloud
    ['journal_conflict-20261201-101010.json', true], // Nextcloud / ownCloud
    ['journal-DESKTOP-4F2K9.json', true], // OneDrive
    ['journal-LAPTOP-7.json', true],
    ['journal-2025.json', false], // an archive kept on purpose
    ['journal-old.json', false],
    ['journal.json', false],
    ['journal.json.backups', false],
    ['journal.json.lock', false],
    ['.journal.json.123.abcdef12.tmp', false],
    ['journal.csv', false],
    ['other.sync-conflict-20261201-101010-ABCDEFG.json', false],
    ['journal.sync-conflict-20261201-101010-ABCDEFG.csv', false],
  ])('%s → %s', (name, expected) => {
    expect(isCopy(name)).toBe(expected);
  });

  it('works for a journal with another name, or no extension', () => {
    expect(conflictCopyTest('net.log')('net.sync-conflict-20261201-101010-ABCDEFG.log')).toBe(true);
    expect(conflictCopyTest('journal')('journal (conflicted copy 2026-12-01)')).toBe(true);
    expect(conflictCopyTest('a+b.json')('a+b-HOST.json')).toBe(true);
    expect(conflictCopyTest('a+b.json')('aab-HOST.json')).toBe(false);
  });

  it('finds them with one look at the folder, in name order, and says so in one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netlog-copies-'));
    try {
      for (const n of ['journal.json', 'journal-LAPTOP.json', 'journal (conflicted copy 2026-12-01).json', 'notes.txt']) writeFileSync(join(dir, n), '{}');
      const copies = await findConflictCopies(join(dir, 'journal.json'));
      expect(copies).toEqual([join(dir, 'journal (conflicted copy 2026-12-01).json'), join(dir, 'journal-LAPTOP.json')]);
      expect(conflictNotice(join(dir, 'journal.json'), copies)).toBe(
        'journal.json has 2 copies left by a sync tool beside it (journal (conflicted copy 2026-12-01).json, journal-LAPTOP.json); run `netlog sync` to merge them in',
      );
      expect(await findConflictCopies(join(dir, 'missing', 'journal.json'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
