import { existsSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkerId } from '../../src/store/checker.js';
import { sandboxes, SAMPLE, type Sandbox } from '../helpers/cli.js';

// What checks a journal when netlog runs from its sources, as the records keep it.
const CHECKER = await checkerId();

// `due` answers from the summary kept beside a journal it read (reports/due-summary.ts, keyed as
// store/trust.ts keys validated.json) only for that very file. The control makes the summary
// say something the journal does not (a contact renamed): seen in the output means believed.
// Every other case changes the file, the record or the day in one way and checks that the
// output is the journal's again.

const box = sandboxes();
const OLD = new Date(Date.now() - 60_000);
const MARK = 'Pria Forged';

const summaryOf = (s: Sandbox) => `${s.file}.backups/due-summary.json`;

/** The answers `due` keeps besides the summary (reports/due-answer.ts), which would answer first: these tests are about the summary. */
function dropAnswers(s: Sandbox): void {
  for (const name of ['due-answer.json', 'due-shown.json']) rmSync(`${s.file}.backups/${name}`, { force: true });
}

/** The sample journal, last modified a minute ago (outside the racy window), and one `due` to keep its summary. */
async function kept(): Promise<Sandbox> {
  const s = box({ fixture: SAMPLE });
  utimesSync(s.file, OLD, OLD);
  const r = await s.run(['due']);
  expect(r.code, r.stderr).toBe(0);
  expect(existsSync(summaryOf(s))).toBe(true);
  return s;
}

/** Makes the kept summary name Priya otherwise; `record` changes the record around it. */
function forge(s: Sandbox, record: (r: any) => void = () => {}): void {
  const r = JSON.parse(readFileSync(summaryOf(s), 'utf8'));
  for (const c of r.data.contacts) if (c.name === 'Priya Natarajan') c.name = MARK;
  record(r);
  writeFileSync(summaryOf(s), JSON.stringify(r));
  dropAnswers(s);
}

async function due(s: Sandbox, args: string[] = [], today?: string): Promise<string> {
  dropAnswers(s);
  const r = await s.run(['due', '--all', ...args], today ? { today } : {});
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

async function believed(s: Sandbox, args: string[] = [], today?: string): Promise<boolean> {
  const out = await due(s, args, today);
  // Either the forged name or the real one: the list has Priya's promise on every day asked.
  expect(out.includes(MARK) || out.includes('Priya Natarajan')).toBe(true);
  return out.includes(MARK);
}

describe('the due summary', () => {
  it('is kept after a read of a journal last modified a while ago, and believed for exactly that file (the control)', async () => {
    const s = await kept();
    forge(s);
    expect(await believed(s)).toBe(true);
    expect(await believed(s, ['--within', '30', '--tag', 'client'])).toBe(true);
  });

  it('is not kept for a journal modified within the racy window (a second write in the same tick keeps the time)', async () => {
    const s = box({ fixture: SAMPLE });
    await due(s);
    expect(existsSync(summaryOf(s))).toBe(false);
  });

  it('is not believed after a hand edit of the same size, also when the old modification time is put back', async () => {
    const s = await kept();
    forge(s);
    const text = s.text()!;
    const edited = text.replace('Asked for a testimonial', 'Asked for a testimoniaL');
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text));
    expect(edited).not.toBe(text);
    writeFileSync(s.file, edited);
    // As `cp -p` or `touch -r` leave it: the same size and modification time, a new change time.
    utimesSync(s.file, OLD, OLD);
    expect(statSync(s.file).size).toBe(Buffer.byteLength(text));
    expect(await believed(s)).toBe(false);
    expect(await due(s)).toContain('testimoniaL');
  });

  it('is not believed after a change by netlog (a new file)', async () => {
    const s = await kept();
    forge(s);
    const r = await s.run(['add', 'Priya Natarajan', '--kind', 'call', '--note', 'Quick call']);
    expect(r.code, r.stderr).toBe(0);
    utimesSync(s.file, OLD, OLD);
    expect(await believed(s)).toBe(false);
  });

  it('is not believed when one part of its record differs: another netlog or schema, another file, another identity', async () => {
    const s = await kept();
    const cases: ((r: any) => void)[] = [
      (r) => (r.checker = CHECKER.replace(/^\S+/, '0.0.0')),
      (r) => (r.checker = `${CHECKER}x`),
      (r) => (r.file = `${r.file}.other`),
      (r) => {
        const [dev, ino, size, mtime, ctime] = r.identity.split(':');
        r.identity = [dev, ino, size, mtime, `${BigInt(ctime) + 1n}`].join(':');
      },
      (r) => {
        const [dev, ino, size, mtime, ctime] = r.identity.split(':');
        r.identity = [dev, ino, `${BigInt(size) - 1n}`, mtime, ctime].join(':');
      },
      (r) => (r.data.format = 0),
    ];
    const good = readFileSync(summaryOf(s), 'utf8');
    for (const change of cases) {
      writeFileSync(summaryOf(s), good);
      forge(s, change);
      expect(await believed(s)).toBe(false);
    }
    writeFileSync(summaryOf(s), good);
    forge(s);
    expect(await believed(s)).toBe(true);
  });

  it('is not believed for a day before the latest interaction (the summary holds every interaction)', async () => {
    const s = await kept();
    forge(s);
    // The sample's latest interaction is on 2026-11-18.
    expect(await believed(s, ['--on', '2026-11-17'])).toBe(false);
    expect(await believed(s, [], '2026-11-17')).toBe(false);
    expect(await believed(s, ['--on', '2026-11-18'])).toBe(true);
  });

  it('is optional: deleted, damaged or empty, `due` reads the journal and answers the same', async () => {
    const s = await kept();
    const want = await due(s);
    rmSync(summaryOf(s));
    expect(await due(s)).toBe(want);
    for (const junk of ['', '{', 'null', '[]', '{"file":1}', 'not json at all', '{"data":null}']) {
      writeFileSync(summaryOf(s), junk);
      expect(await due(s)).toBe(want);
    }
    // A record of the right file whose data is not a summary.
    forge(s, (r) => (r.data = { format: 2 }));
    expect(await due(s)).toBe(want);
  });

  it('gives byte-identical output, human and --json, to a read of the journal', async () => {
    const s = await kept();
    const argSets = [[], ['--json'], ['--all'], ['--explain', '--all'], ['--json', '--explain'], ['--within', '30', '--json'], ['--tag', 'client', '--within', '14'], ['--limit', '2'], ['--on', '2026-12-24', '--json'], ['--tag', 'no-such-tag']];
    for (const args of argSets) {
      for (const tty of [false, true]) {
        rmSync(summaryOf(s), { force: true });
        dropAnswers(s);
        const full = await s.run(['due', ...args], { tty });
        await due(s);
        expect(existsSync(summaryOf(s))).toBe(true);
        dropAnswers(s);
        const fromSummary = await s.run(['due', ...args], { tty });
        expect(fromSummary).toEqual(full);
      }
    }
  });
});
