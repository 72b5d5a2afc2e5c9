import { existsSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT, sandboxes, SAMPLE, type RunOptions, type Sandbox } from '../helpers/cli.js';
import { contact, interaction, journal } from '../helpers/journal.js';

// `due` keeps the last list it worked out (due-answer.json) and what it printed of it
// (due-shown.json), keyed by the journal's identity as the summary is, and by the question (today,
// the day asked about, the days ahead, the tag) and, for the text, the view (flags, terminal,
// width). The control makes a kept record say something the journal does not (a contact
// renamed): seen in the output means believed. Every other case changes one thing and checks
// that the output is a full read's again.

const box = sandboxes();
const OLD = new Date(Date.now() - 60_000);
const MARK = 'Pria Forged';
const REAL = 'Priya Natarajan';
const RECORDS = ['due-summary.json', 'due-answer.json', 'due-shown.json'] as const;

const recordOf = (s: Sandbox, name: (typeof RECORDS)[number]) => `${s.file}.backups/${name}`;
const dropRecords = (s: Sandbox) => RECORDS.forEach((n) => rmSync(recordOf(s, n), { force: true }));

/** The sample journal, last modified a minute ago (outside the racy window), and one `due` (with these flags) to keep its records. */
async function kept(args: string[] = [], opts: RunOptions = {}): Promise<Sandbox> {
  const s = box({ fixture: SAMPLE });
  utimesSync(s.file, OLD, OLD);
  const r = await s.run(['due', ...args], opts);
  expect(r.code, r.stderr).toBe(0);
  for (const n of RECORDS) expect(existsSync(recordOf(s, n)), n).toBe(true);
  return s;
}

/** Makes a kept record name Priya otherwise (the text, or the list's items); `record` changes the record around it. */
function forge(s: Sandbox, name: 'due-answer.json' | 'due-shown.json', record: (r: any) => void = () => {}): void {
  const text = readFileSync(recordOf(s, name), 'utf8');
  expect(text).toContain(REAL);
  const r = JSON.parse(text.replaceAll(REAL, MARK));
  record(r);
  writeFileSync(recordOf(s, name), JSON.stringify(r));
}

const snapshot = (s: Sandbox) => RECORDS.map((n) => [n, existsSync(recordOf(s, n)) ? readFileSync(recordOf(s, n)) : undefined] as const);
function restore(s: Sandbox, saved: ReturnType<typeof snapshot>): void {
  for (const [n, bytes] of saved) {
    rmSync(recordOf(s, n), { force: true });
    if (bytes) writeFileSync(recordOf(s, n), bytes);
  }
}

/** What a full read prints: the same run with no kept record at all (the records are put back after). */
async function fullRead(s: Sandbox, args: string[], opts: RunOptions = {}) {
  const saved = snapshot(s);
  dropRecords(s);
  const r = await s.run(['due', ...args], opts);
  restore(s, saved);
  return r;
}

/**
 * Runs `due` and says whether a forged record was believed; the output must otherwise be a full
 * read's. The records are put back as they were, so that each case meets the forged ones.
 */
async function believed(s: Sandbox, args: string[] = [], opts: RunOptions = {}): Promise<boolean> {
  const full = await fullRead(s, args, opts);
  const saved = snapshot(s);
  const r = await s.run(['due', ...args], opts);
  restore(s, saved);
  expect(r.code, r.stderr).toBe(0);
  expect(full.stdout).toContain(REAL);
  if (r.stdout.includes(MARK)) return true;
  expect(r).toEqual(full);
  return false;
}

describe('the due answer', () => {
  it('prints what it printed for the same question and view (the control), and shows its list in another view', async () => {
    const s = await kept();
    forge(s, 'due-shown.json');
    expect(await believed(s)).toBe(true);
    // Another view of the same question: the kept list (its text is not that view's).
    expect(await believed(s, ['--json'])).toBe(false);
    const t = await kept();
    forge(t, 'due-answer.json');
    forge(t, 'due-shown.json', (r) => (r.data.shown.out = 'not this view'));
    for (const args of [['--json'], ['--explain'], ['--limit', '2'], ['--json', '--explain', '--limit', '1']]) expect(await believed(t, args), args.join(' ')).toBe(true);
    expect(await believed(t, ['--all'], { tty: true, columns: 120 })).toBe(true);
  });

  it('is not believed for another today, another day asked about, other days ahead or another tag', async () => {
    const s = await kept();
    forge(s, 'due-answer.json');
    forge(s, 'due-shown.json');
    expect(await believed(s, [], { today: '2026-11-21' })).toBe(false);
    expect(await believed(s, ['--on', '2026-11-21'])).toBe(false);
    expect(await believed(s, ['--on', 'tomorrow'])).toBe(false);
    expect(await believed(s, ['--within', '1'])).toBe(false);
    expect(await believed(s, ['--tag', 'client'])).toBe(false);
    expect(await believed(s, ['--tag', 'client', '--within', '30'])).toBe(false);
    // The same question written otherwise is the same question.
    expect(await believed(s, ['--on', '2026-11-20', '--within', '0'])).toBe(true);
  });

  it('keeps the text of each view apart: flags, a terminal, its width, colour', async () => {
    const s = await kept();
    forge(s, 'due-shown.json');
    // The list is real: any view but the kept one prints the journal's names.
    const others: [string[], RunOptions][] = [
      [['--json'], {}],
      [['--explain'], {}],
      [['--limit', '3'], {}],
      [[], { tty: true }],
      [['--all'], { tty: true, columns: 80 }],
      [[], { env: { FORCE_COLOR: '1', NO_COLOR: undefined } }],
    ];
    for (const [args, opts] of others) expect(await believed(s, args, opts), JSON.stringify([args, opts])).toBe(false);
    // A terminal of another width is another view.
    const t = await kept([], { tty: true, columns: 100 });
    forge(t, 'due-shown.json');
    expect(await believed(t, [], { tty: true, columns: 100 })).toBe(true);
    expect(await believed(t, [], { tty: true, columns: 90 })).toBe(false);
  });

  it('is not believed after a change by netlog, or a hand edit of the same size with the modification time put back', async () => {
    const s = await kept();
    forge(s, 'due-answer.json');
    forge(s, 'due-shown.json');
    const text = s.text()!;
    const edited = text.replace('Asked for a testimonial', 'Asked for a testimoniaL');
    expect(edited).not.toBe(text);
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text));
    writeFileSync(s.file, edited);
    utimesSync(s.file, OLD, OLD);
    expect(await believed(s)).toBe(false);
    expect(await believed(s, ['--json'])).toBe(false);

    const t = await kept();
    forge(t, 'due-answer.json');
    forge(t, 'due-shown.json');
    const r = await t.run(['add', 'Priya Natarajan', '--kind', 'call', '--note', 'Quick call', '--date', 'yesterday']);
    expect(r.code, r.stderr).toBe(0);
    utimesSync(t.file, OLD, OLD);
    expect(await believed(t)).toBe(false);
    expect(await believed(t, ['--json'])).toBe(false);
  });

  it('is not believed when its record differs in one part: another netlog, file, identity or format', async () => {
    const s = await kept();
    const good = RECORDS.map((n) => [n, readFileSync(recordOf(s, n))] as const);
    const restore = () => good.forEach(([n, bytes]) => writeFileSync(recordOf(s, n), bytes));
    const cases: ((r: any) => void)[] = [
      (r) => (r.checker = `${r.checker}x`),
      (r) => (r.file = `${r.file}.other`),
      (r) => (r.identity = r.identity.replace(/:(\d+)$/, (_: string, ns: string) => `:${BigInt(ns) + 1n}`)),
      (r) => (r.data.format = 0),
      (r) => (r.data.today = '2026-11-19'),
      (r) => (r.data.tag = 'client'),
    ];
    for (const change of cases) {
      restore();
      forge(s, 'due-shown.json', change);
      forge(s, 'due-answer.json', change);
      expect(await believed(s)).toBe(false);
    }
    restore();
    forge(s, 'due-shown.json');
    expect(await believed(s)).toBe(true);
  });

  it('is optional: deleted, damaged or of another shape, `due` answers as a full read does', async () => {
    const s = await kept();
    const want = await fullRead(s, []);
    const wantJson = await fullRead(s, ['--json']);
    for (const junk of ['', '{', 'null', '[]', 'not json', '{"data":null}']) {
      for (const n of ['due-answer.json', 'due-shown.json'] as const) writeFileSync(recordOf(s, n), junk);
      expect(await s.run(['due'])).toEqual(want);
      for (const n of ['due-answer.json', 'due-shown.json'] as const) writeFileSync(recordOf(s, n), junk);
      expect(await s.run(['due', '--json'])).toEqual(wantJson);
    }
    // Records of the right file whose data is not an answer: items that are not items, a text
    // that is not text, a list the renderer cannot show.
    const damaged: [(r: any) => void, string[]][] = [
      [(r) => (r.data.items = r.data.items.map(() => ({ type: 'touch', name: MARK }))), []],
      [(r) => (r.data.items[0].context = null), ['--json']],
      [(r) => (r.data.total = r.data.total + 1), ['--json']],
      [(r) => r.data.items.forEach((i: any) => delete i.score), []],
    ];
    for (const [change, args] of damaged) {
      const t = await kept();
      forge(t, 'due-shown.json', (r) => (r.data.shown = { out: 7 }));
      forge(t, 'due-answer.json', change);
      expect(await believed(t, args)).toBe(false);
    }
  });

  it('a --limit run keeps its text, not a list cut short', async () => {
    const s = box({ fixture: SAMPLE });
    utimesSync(s.file, OLD, OLD);
    expect((await s.run(['due', '--limit', '2'])).code).toBe(0);
    expect(existsSync(recordOf(s, 'due-shown.json'))).toBe(true);
    expect(existsSync(recordOf(s, 'due-answer.json'))).toBe(false);
    forge(s, 'due-shown.json');
    expect(await believed(s, ['--limit', '2'])).toBe(true);
    expect(await believed(s, ['--limit', '3'])).toBe(false);
    expect(await believed(s)).toBe(false);
  });

  it('gives byte-identical output, human and --json, from the kept list and the kept text, to a full read', async () => {
    const s = box({ fixture: SAMPLE });
    utimesSync(s.file, OLD, OLD);
    const argSets = [[], ['--json'], ['--all'], ['--explain', '--all'], ['--json', '--explain'], ['--within', '30', '--json'], ['--tag', 'client', '--within', '14'], ['--limit', '2'], ['--on', '2026-12-24', '--json'], ['--on', '2026-11-01'], ['--tag', 'no-such-tag'], ['--tag', 'client', '--on', '2027-06-01']];
    for (const args of argSets) {
      for (const tty of [false, true]) {
        const full = await fullRead(s, args, { tty });
        // Kept by a first run, then answered from the text, then from the list (the text dropped).
        expect(await s.run(['due', ...args], { tty })).toEqual(full);
        expect(await s.run(['due', ...args], { tty })).toEqual(full);
        rmSync(recordOf(s, 'due-shown.json'), { force: true });
        expect(await s.run(['due', ...args], { tty })).toEqual(full);
      }
    }
  });

  it('is not believed in another time zone when someone never in touch counts from the day they were added', async () => {
    // Added at 23:30 UTC on 20 Aug: that is 20 Aug in UTC and 21 Aug at UTC+14, so a 92-day
    // cadence comes round today in one zone and tomorrow in the other.
    const j = journal({
      contacts: [contact('c1', 'Nadia Late', { createdAt: '2026-08-20T23:30:00.000Z', cadenceDays: 92 }), contact('c2', 'Omar Often', { cadenceDays: 30 })],
      interactions: [interaction('2026-09-01', ['c2']), interaction('2026-10-01', ['c2'])],
    });
    const s = box({ data: j });
    utimesSync(s.file, OLD, OLD);
    const utc = s.runBin(['due', '--json']);
    expect(utc.code, utc.stderr).toBe(0);
    expect(JSON.parse(utc.stdout).items.map((i: any) => i.name)).toContain('Nadia Late');
    expect(existsSync(recordOf(s, 'due-shown.json'))).toBe(true);
    const east = { env: { TZ: 'Pacific/Kiritimati' } };
    const kept = s.runBin(['due', '--json'], east);
    dropRecords(s);
    const full = s.runBin(['due', '--json'], east);
    expect(full.code, full.stderr).toBe(0);
    expect(JSON.parse(full.stdout).items.map((i: any) => i.name)).not.toContain('Nadia Late');
    expect(kept).toEqual(full);
    // And back in UTC, from what the UTC+14 run kept.
    expect(s.runBin(['due', '--json'])).toEqual(utc);
    // The bundle's records name its build (the hash on its last line) as what made them
    // (store/checker.ts): another build of the same version, whose code may print otherwise, works it out again.
    const bundle = readFileSync(join(ROOT, 'dist', 'cli.cjs'), 'utf8');
    const build = /netlog-build=(\w+)-0\n$/.exec(bundle)![1];
    expect(JSON.parse(readFileSync(recordOf(s, 'due-shown.json'), 'utf8')).checker).toContain(`build ${build}`);
  });
});
