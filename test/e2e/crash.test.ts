import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../helpers/cli.js';
import { start } from '../helpers/spawn.js';
import { generateJournal } from '../../bench/gen.js';
import { serializeJournal } from '../../src/store/serialize.js';
import type { Journal } from '../../src/core/schema.js';

// kill -9 at many points while netlog rewrites a large journal: the file must always be the
// old or the new version, and the next command must work (the dead writer's lock and temp
// file are cleaned up by the next writer).

const KILLS = 12;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** This test runs for a while: say where it is (vitest shows a worker's stderr as it comes). */
const progress = (line: string) => void process.stderr.write(`kill -9 test: ${line}\n`);

/** Waits until this process holds the journal lock (it is then reading, editing or writing); false if it ended first. */
async function untilLocked(lockFile: string, pid: number, ended: () => boolean): Promise<boolean> {
  while (!ended()) {
    try {
      if (JSON.parse(readFileSync(lockFile, 'utf8')).pid === pid) return true;
    } catch {
      // no lock yet, or a dead writer's
    }
    await sleep(1);
  }
  return false;
}

describe('kill -9 during writes of a large journal', () => {
  it(`leaves the old or the new file at ${KILLS} kill points, and the next command works`, async () => {
    const s = sandbox();
    // The benchmark's journal generator with long notes: about 20 MB in 20k interactions.
    const big = generateJournal({ interactions: 20_000, contacts: 1000, noteLength: 500 });
    writeFileSync(s.file, serializeJournal(big), { mode: 0o600 });
    const env = { NETLOG_FILE: s.file, NETLOG_LOCK_TIMEOUT: '30000' };
    expect(s.text()!.length).toBeGreaterThan(15_000_000);
    // Three people already in it (active, so `add` takes the name as it is).
    const [one, two, three] = big.contacts.filter((c) => !c.archived).map((c) => c.name);
    progress(`a ${(s.text()!.length / 1e6).toFixed(0)} MB journal, one full run, then ${KILLS} kills`);

    // One full run tells us how long the lock is held here (read, validate, edit, back up,
    // write); the kill points spread across that window, and a little past it.
    const lockFile = `${s.file}.lock`;
    const first = start(['add', one!, '--note', 'full run', '-q'], env);
    let firstEnded = false;
    void first.done.then(() => (firstEnded = true));
    expect(await untilLocked(lockFile, first.child.pid!, () => firstEnded)).toBe(true);
    const t0 = Date.now();
    expect((await first.done).code).toBe(0);
    const span = Date.now() - t0;
    progress(`a full run holds the lock ${span} ms`);

    let kept = 0;
    let replaced = 0;
    for (let k = 0; k < KILLS; k++) {
      const before = s.text()!;
      const count = (JSON.parse(before) as Journal).interactions.length;
      const run = start(['add', two!, '--note', `kill ${k}`, '-q'], env);
      let ended = false;
      void run.done.then(() => (ended = true));
      const wait = Math.round((span * k) / (KILLS - 2));
      if (await untilLocked(lockFile, run.child.pid!, () => ended)) await sleep(wait);
      run.child.kill('SIGKILL');
      const end = await run.done;
      const after = s.text()!;
      progress(`kill ${k + 1}/${KILLS}, ${wait} ms into the lock: ${after === before ? 'the old file' : 'the new file'}`);
      if (after === before) kept++;
      else {
        // The new version: exactly one more interaction, the one this run added.
        const j = JSON.parse(after) as Journal;
        expect(j.interactions).toHaveLength(count + 1);
        expect(j.interactions.at(-1)!.note).toBe(`kill ${k}`);
        replaced++;
      }
      if (end.signal === null) expect(end.code).toBe(0);
    }
    // Some kills must have hit before the rename, or the test proves nothing.
    expect(kept).toBeGreaterThan(0);

    const check = await start(['check', '--json'], env).done;
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: true });
    const next = await start(['add', three!, '--note', 'after the kills', '-q'], env).done;
    expect(next).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(s.dir).sort()).toEqual(['journal.json', 'journal.json.backups']);
    expect(readdirSync(`${s.file}.backups`).filter((f) => f.includes('.tmp'))).toEqual([]);
    s.cleanup();
    progress(`${kept} kills left the old file, ${replaced} the new one (lock held ${span} ms in a full run)`);
  }, 180_000);
});
