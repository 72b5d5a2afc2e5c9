import { readdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../helpers/cli.js';
import { start } from '../helpers/spawn.js';
import { bigJournal } from '../helpers/big.js';
import { serializeJournal } from '../../src/store/serialize.js';
import type { Journal } from '../../src/core/schema.js';

// kill -9 at many points while netlog rewrites a large journal: the file must always be the
// old or the new version, and the next command must work (the dead writer's lock and temp
// file are cleaned up by the next writer).

const KILLS = 12;

describe('kill -9 during writes of a large journal', () => {
  it(`leaves the old or the new file at ${KILLS} kill points, and the next command works`, async () => {
    const s = sandbox();
    writeFileSync(s.file, serializeJournal(bigJournal(30_000) as Journal), { mode: 0o600 });
    const env = { NETLOG_FILE: s.file, NETLOG_LOCK_TIMEOUT: '30000' };
    expect(s.text()!.length).toBeGreaterThan(15_000_000);

    // One full run tells us how long a write takes here; the kill points spread across it.
    const t0 = Date.now();
    const first = await start(['add', 'Person 1 Example', '--note', 'full run', '-q'], env).done;
    const span = Date.now() - t0;
    expect(first.code).toBe(0);

    let kept = 0;
    let replaced = 0;
    for (let k = 0; k < KILLS; k++) {
      const before = s.text()!;
      const count = (JSON.parse(before) as Journal).interactions.length;
      const run = start(['add', 'Person 2 Example', '--note', `kill ${k}`, '-q'], env);
      await new Promise((r) => setTimeout(r, Math.round((span * (k + 0.5)) / (KILLS - 2)) /* the last points fall after a typical run: some kills hit nothing */));
      run.child.kill('SIGKILL');
      const end = await run.done;
      const after = s.text()!;
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
    const next = await start(['add', 'Person 3 Example', '--note', 'after the kills', '-q'], env).done;
    expect(next).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(s.dir).sort()).toEqual(['journal.json', 'journal.json.backups']);
    expect(readdirSync(`${s.file}.backups`).filter((f) => f.includes('.tmp'))).toEqual([]);
    s.cleanup();
    console.log(`kill -9 test: ${kept} kills left the old file, ${replaced} the new one (write took ${span} ms)`);
  }, 180_000);
});
