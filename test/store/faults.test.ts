import { chmodSync, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sandboxes, type Sandbox } from '../helpers/cli.js';
import { setFsHook } from '../../src/store/fs.js';
import { serializeJournal } from '../../src/store/serialize.js';
import { emptyJournal } from '../../src/core/journal.js';

// Fault injection at every file operation of `add` and `undo` (through src/store/fs.ts, the
// layer every store file operation goes through), in two kinds:
//   crash: the process dies at that operation: it and everything after it never reach the disk;
//   error: that one operation fails (EIO), and netlog carries on with its error handling.
// After each, the journal must be the old or the new file, and the next plain `undo` must walk
// back exactly one change at a time (never "changed outside netlog", never two at once).

const make = sandboxes();
afterEach(() => setFsHook(undefined));

const DEAD_PID = 4_000_000; // above Linux's pid_max limit: never a live process

class Crash extends Error {}

/** Counts the file operations of one run; `at`: make the Nth one crash or fail. */
function inject(at: number | undefined, kind: 'crash' | 'error'): { count: () => number } {
  let n = 0;
  let dead = false;
  setFsHook((op, path) => {
    n++;
    if (dead) throw new Crash(`(dead) ${op} ${path}`);
    if (n === at) {
      if (kind === 'crash') {
        dead = true;
        throw new Crash(`crash at ${op} ${path}`);
      }
      throw Object.assign(new Error(`EIO: i/o error, ${op} '${path}'`), { code: 'EIO' });
    }
  });
  return { count: () => n };
}

/** What a killed netlog leaves for the next one to clean: its lock and temp files, now naming a dead pid. */
function bury(s: Sandbox): void {
  const lock = `${s.file}.lock`;
  if (existsSync(lock)) {
    const raw = readFileSync(lock, 'utf8');
    try {
      writeFileSync(lock, JSON.stringify({ ...JSON.parse(raw), pid: DEAD_PID }));
    } catch {
      // a half-written lock file: the next netlog treats it as unreadable
    }
  }
  for (const dir of [s.dir, `${s.file}.backups`]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) {
      const m = /^(\..+\.)(\d+)(\.[0-9a-f]{8}\.tmp)$/.exec(f);
      if (m && Number(m[2]) === process.pid) renameSync(join(dir, f), join(dir, `${m[1]}${DEAD_PID}${m[3]}`));
    }
  }
}

const notes = (s: Sandbox): string[] => (JSON.parse(s.text()!).interactions as { note?: string }[]).map((i) => i.note ?? '');

async function ok(s: Sandbox, args: string[]): Promise<void> {
  const r = await s.run(args);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
}

/** Copies a sandbox's files into another, keeping hard links as hard links (backups share the journal's file). */
function copyInto(from: string, to: string, seen = new Map<string, string>()): void {
  for (const f of readdirSync(from)) {
    const src = join(from, f);
    const dst = join(to, f);
    const st = lstatSync(src);
    if (st.isDirectory()) {
      mkdirSync(dst, { mode: st.mode & 0o777 });
      copyInto(src, dst, seen);
    } else if (seen.has(`${st.ino}`)) linkSync(seen.get(`${st.ino}`)!, dst);
    else {
      copyFileSync(src, dst);
      chmodSync(dst, st.mode & 0o777);
      seen.set(`${st.ino}`, dst);
    }
  }
}

const made = new Map<number, { s: Sandbox; states: string[] }>();

/** A journal with changes made: J0 (no interactions) → J1 (note A), → J2 (note B) when `upTo` is 2 (made once, then copied). */
async function journalWith(upTo: 1 | 2): Promise<{ s: Sandbox; states: string[] }> {
  const first = made.get(upTo);
  if (first && existsSync(first.s.file)) {
    const s = make();
    copyInto(first.s.dir, s.dir);
    return { s, states: [...first.states] };
  }
  const made1 = await freshJournal(upTo);
  const keep = make();
  copyInto(made1.s.dir, keep.dir);
  made.set(upTo, { s: { ...keep, cleanup: () => {} }, states: made1.states });
  return made1;
}

async function freshJournal(upTo: 1 | 2): Promise<{ s: Sandbox; states: string[] }> {
  const s = make({ text: serializeJournal(emptyJournal()) });
  chmodSync(s.file, 0o600); // as netlog creates it: backups and the last write are hard links
  const states = [s.text()!];
  await ok(s, ['add', 'Dana Lee', '--note', 'A', '-q']);
  states.push(s.text()!);
  if (upTo === 2) {
    await ok(s, ['add', 'Dana Lee', '--note', 'B', '-q']);
    states.push(s.text()!);
  }
  return { s, states };
}

/** After the fault: plain undos walk back to J0 one change at a time, and a new change works (the dead writer's lock and temp files cleared). */
async function recovers(s: Sandbox, states: string[], label: string): Promise<void> {
  bury(s);
  const now = s.text()!;
  let k = states.indexOf(now);
  expect(k, `${label}: the journal is one of the known states`).toBeGreaterThanOrEqual(0);
  for (; k > 0; k--) {
    const u = await s.run(['undo', '-q']);
    expect(u.code, `${label}: undo from state ${k}: ${u.stderr}`).toBe(0);
    expect(s.text(), `${label}: undo from state ${k}`).toBe(states[k - 1]);
  }
  expect((await s.run(['undo'])).stderr, label).toMatch(/^netlog: nothing to undo/);
  await ok(s, ['add', 'Dana Lee', '--note', 'C', '-q']);
  expect(notes(s)).toEqual(['C']);
  for (const dir of [s.dir, `${s.file}.backups`]) expect(readdirSync(dir).filter((f) => f.includes('.tmp') || f.endsWith('.lock')), label).toEqual([]);
}

async function opsOf(upTo: 1 | 2, args: string[]): Promise<number> {
  const { s } = await journalWith(upTo);
  const counter = inject(undefined, 'crash');
  await ok(s, args);
  setFsHook(undefined);
  return counter.count();
}

describe('a crash or an I/O error at any file operation', () => {
  for (const kind of ['crash', 'error'] as const) {
    it(`of add (${kind}): the old or the new journal, and undo still walks back one change at a time`, async () => {
      const total = await opsOf(1, ['add', 'Dana Lee', '--note', 'B', '-q']);
      expect(total).toBeGreaterThan(15);
      for (let at = 1; at <= total; at++) {
        const { s, states } = await journalWith(1);
        inject(at, kind);
        const r = await s.run(['add', 'Dana Lee', '--note', 'B', '-q']);
        setFsHook(undefined);
        if (kind === 'error' && r.code !== 0) {
          expect(r.stderr, `op ${at}`).toMatch(/^netlog: /);
          expect(r.stderr, `op ${at}`).not.toMatch(/unexpected error|\n\s+at /);
        }
        // What the run wrote, when it got that far: J1 plus note B.
        const written = notes(s);
        if (written.length === 2) {
          expect(written).toEqual(['A', 'B']);
          states.push(s.text()!);
        }
        await recovers(s, states, `${kind} at op ${at} of ${total} of add`);
      }
    }, 120_000);

    it(`of undo (${kind}): the next undo goes on from where it stopped, never undoing twice`, async () => {
      const total = await opsOf(2, ['undo', '-q']);
      expect(total).toBeGreaterThan(10);
      for (let at = 1; at <= total; at++) {
        const { s, states } = await journalWith(2);
        inject(at, kind);
        const r = await s.run(['undo', '-q']);
        setFsHook(undefined);
        if (kind === 'error' && r.code !== 0) {
          expect(r.stderr, `op ${at}`).toMatch(/^netlog: /);
          expect(r.stderr, `op ${at}`).not.toMatch(/unexpected error|\n\s+at /);
        }
        await recovers(s, states, `${kind} at op ${at} of ${total} of undo`);
      }
    }, 120_000);
  }
});

describe('a full disk', () => {
  it("names the backups folder and the space it takes, and changes nothing", async () => {
    const { s, states } = await journalWith(1);
    setFsHook((op, path) => {
      if (op === 'write' && /\/\.journal\.json\.\d+\.[0-9a-f]{8}\.tmp$/.test(path)) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    const r = await s.run(['add', 'Dana Lee', '--note', 'B']);
    setFsHook(undefined);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^netlog: cannot write .*journal\.json: the disk is full\nhint: netlog's backups in .*journal\.json\.backups take \d+\.\d MB; free some space/);
    expect(s.text()).toBe(states[1]);
    await recovers(s, states, 'after a full disk');
  });
});
