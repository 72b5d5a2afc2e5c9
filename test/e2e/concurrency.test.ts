import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BIN, sandbox } from '../helpers/cli.js';
import { start } from '../helpers/spawn.js';

// Several netlog processes changing one journal at once: the lock serialises them and each
// re-reads the file under it, so no update is lost.

const WORKERS = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson', 'Edsger Dijkstra', 'Barbara Liskov', 'Donald Knuth', 'Margaret Hamilton'];
const ADDS = 6;

describe('concurrent writers', () => {
  it(`${WORKERS.length} processes × ${ADDS} adds: every interaction is there, the file parses, nothing left behind`, async () => {
    const s = sandbox();
    const script = (w: number) =>
      Array.from({ length: ADDS }, (_, i) => `"$NODE" "$BIN" add "${WORKERS[w]}" "Common Friend" --kind call --note "w${w}-${i}" -q || exit 1`).join('\n');
    const runs = WORKERS.map((_, w) =>
      start(['-c', script(w)], { NETLOG_FILE: s.file, NETLOG_LOCK_TIMEOUT: '60000', NODE: process.execPath, BIN }, ['sh']),
    );
    // Readers meanwhile take no lock and must always find a whole, valid file.
    const readers = [0, 1, 2].map(() =>
      start(['-c', Array.from({ length: 6 }, () => '"$NODE" "$BIN" check -q || exit 1').join('\n')], { NETLOG_FILE: s.file, NODE: process.execPath, BIN }, ['sh']),
    );
    const results = await Promise.all([...runs, ...readers].map((r) => r.done));
    for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0, stderr: '' });

    const j = s.json();
    expect(j.interactions).toHaveLength(WORKERS.length * ADDS);
    const notes = j.interactions.map((i: { note: string }) => i.note).sort();
    const expected = WORKERS.flatMap((_, w) => Array.from({ length: ADDS }, (_, i) => `w${w}-${i}`)).sort();
    expect(notes).toEqual(expected);
    // The shared new name became one contact: later writers saw it under the lock.
    expect(j.contacts.map((c: { name: string }) => c.name).sort()).toEqual([...WORKERS, 'Common Friend'].sort());
    expect(readdirSync(s.dir).sort()).toEqual(['journal.json', 'journal.json.backups']);
    expect((await s.run(['check'])).code).toBe(0);
    s.cleanup();
  }, 120_000);
});
