import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE, sandbox, type Sandbox } from '../helpers/cli.js';

// netlog history (alias log) through the built CLI, on the sample journal.

let s: Sandbox | undefined;
afterEach(() => {
  s?.cleanup();
  s = undefined;
});

interface Entry {
  id: string;
  date: string;
  kind: string;
  createdAt: string;
  contactIds: string[];
  with: { contactId: string; name: string }[];
  event: string | null;
}

async function run(args: string[]) {
  s ??= sandbox({ fixture: SAMPLE });
  const r = await s.run(['history', ...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { from: string | null; to: string | null; total: number; interactions: Entry[] };
}

let all: Awaited<ReturnType<typeof run>> | undefined;
/** The whole log, read once: the filters are checked against it. */
async function everything() {
  all ??= await run([]);
  return all;
}

function newestFirst(list: Entry[]): boolean {
  return list.every((e, k) => k === 0 || list[k - 1]!.date > e.date || (list[k - 1]!.date === e.date && list[k - 1]!.createdAt >= e.createdAt));
}

describe('history --json', () => {
  it('lists every interaction, newest first, naming who was there', async () => {
    const h = await run([]);
    expect(h).toMatchObject({ from: null, to: null, total: 132 });
    expect(h.interactions).toHaveLength(132);
    expect(newestFirst(h.interactions)).toBe(true);
    expect(h.interactions[0]).toMatchObject({ date: '2026-11-18', kind: 'coffee', with: [{ name: 'Felix Brandt' }] });
    for (const e of h.interactions) expect(e.with.map((w) => w.contactId)).toEqual(e.contactIds);
    expect(h.interactions.some((e) => e.event === 'Chamber of Commerce Mixer')).toBe(true);
  });

  it.each([
    [['--contact', 'Miriam'], (e: Entry) => e.contactIds.includes('g5ym98e9'), 8],
    [['--contact', 'Ines'], (e: Entry) => e.contactIds.includes('j2x922ak'), 3],
    [['--since', '2026-11-01'], (e: Entry) => e.date >= '2026-11-01', undefined],
    [['--since', '2w'], (e: Entry) => e.date >= '2026-11-07', undefined],
    [['--since', '2026-10-01', '--until', '2026-10-31'], (e: Entry) => e.date.startsWith('2026-10'), undefined],
    [['--kind', 'call'], (e: Entry) => e.kind === 'call', undefined],
    [['--kind', 'coffee,meal', '--kind', 'video'], (e: Entry) => ['coffee', 'meal', 'video'].includes(e.kind), undefined],
    [['--contact', 'Tomás Reyes', '--kind', 'call', '--since', '3m'], (e: Entry) => e.contactIds.includes('ftf2swmx') && e.kind === 'call' && e.date >= '2026-08-21', 2],
  ])('%j keeps only what matches', async (args, keep, count) => {
    const all = (await everything()).interactions.filter(keep);
    const h = await run(args);
    expect(h.interactions.map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect(h.total).toBe(all.length);
    expect(h.total).toBeGreaterThan(0);
    if (count !== undefined) expect(h.total).toBe(count);
  });

  it('--limit keeps the newest N and still reports the total', async () => {
    const h = await run(['--limit', '5']);
    expect(h.interactions.map((e) => e.id)).toEqual((await everything()).interactions.slice(0, 5).map((e) => e.id));
    expect(h.total).toBe(132);
  });

  it('log is the same command', async () => {
    s = sandbox({ fixture: SAMPLE });
    expect((await s.run(['log', '--limit', '3', '--json'])).stdout).toBe((await s.run(['history', '--limit', '3', '--json'])).stdout);
  });
});

describe('history as a table', () => {
  it('fits the width it is given and counts what it showed', async () => {
    s = sandbox({ fixture: SAMPLE });
    for (const width of [50, 80, 120]) {
      const r = await s.run(['history', '--limit', '8'], { tty: true, columns: width });
      expect(r.code).toBe(0);
      for (const line of r.stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(width);
      expect(r.stdout).toMatch(/\n8 of 132 interactions\n$/);
    }
    const r = await s.run(['history', '--limit', '1'], { tty: true, columns: 200 });
    expect(r.stdout).toBe(
      'ID    Date        Kind    With          What\n' +
        "13kv  Wed 18 Nov  coffee  Felix Brandt  Coffee with Felix (Lena's intro). Bike shop inventory lives in three spreadsheets. gave advice (Felix: count the top 50 parts weekly, ignore the rest for now)\n" +
        '1 of 132 interactions\n',
    );
    // Piped: the same fields, one tab-separated line each, however wide COLUMNS is; the count is talk.
    const piped = await s.run(['history', '--limit', '1'], { env: { COLUMNS: '50' } });
    expect(piped.stdout).toBe(
      'ID\tDate\tKind\tWith\tWhat\n' +
        "13kv\tWed 18 Nov\tcoffee\tFelix Brandt\tCoffee with Felix (Lena's intro). Bike shop inventory lives in three spreadsheets. gave advice (Felix: count the top 50 parts weekly, ignore the rest for now)\n",
    );
    expect(piped.stderr).toBe('1 of 132 interactions\n');
  });

  it('says so when nothing matches', async () => {
    s = sandbox({ fixture: SAMPLE });
    expect(await s.run(['history', '--since', '2030-01-01', '--until', '2030-12-31'])).toMatchObject({ code: 0, stdout: '', stderr: 'No interactions match.\n' });
    expect(await s.run(['history', '--since', '2030-01-01', '--until', '2030-12-31'], { tty: true })).toMatchObject({ code: 0, stdout: 'No interactions match.\n' });
    s.cleanup();
    s = sandbox();
    expect(await s.run(['history'])).toMatchObject({ code: 0, stdout: '', stderr: 'Nothing logged yet. Log a meeting: netlog add "Dana Lee" --kind coffee\n' });
  });
});

describe('entries logged the same day at the same time', () => {
  it('the one logged last comes first: in history, its --json, and a person’s page', async () => {
    // Under NETLOG_TODAY every entry is stamped noon of that day: two the same day tie.
    const s = sandbox({ fixture: SAMPLE });
    try {
      expect((await s.run(['add', 'Dana Lee', '--kind', 'call', '--note', 'first of the day'])).code).toBe(0);
      expect((await s.run(['add', 'Dana Lee', '--kind', 'email', '--note', 'second of the day'])).code).toBe(0);
      const json = JSON.parse((await s.run(['history', '--contact', 'Dana', '--json'])).stdout);
      expect(json.interactions.slice(0, 2).map((i: { note: string }) => i.note)).toEqual(['second of the day', 'first of the day']);
      const lines = (await s.run(['history', '--since', 'today'])).stdout.split('\n');
      expect(lines[1]).toMatch(/second of the day/);
      expect(lines[2]).toMatch(/first of the day/);
      const page = JSON.parse((await s.run(['contact', 'show', 'Dana', '--json'])).stdout);
      expect(JSON.stringify(page).indexOf('second of the day')).toBeLessThan(JSON.stringify(page).indexOf('first of the day'));
    } finally {
      s.cleanup();
    }
  });
});
