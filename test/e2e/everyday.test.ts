import { describe, expect, it } from 'vitest';
import { mkdtempSync, statSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectRefused, runNetlog, SAMPLE, sandboxes } from '../helpers/cli.js';

const box = sandboxes();

describe('netlog add', () => {
  it('records an interaction with every flag and prints it with --json', async () => {
    const s = box();
    const r = await s.run([
      'add', 'Dana Lee', '--kind', 'coffee', '--date', 'yesterday', '--note', 'hiring a designer',
      '--gave', 'intro:to Sam, designer', '--asked', 'advice:pricing', '-r', 'info',
      '--promise', 'send the case study', '--by', 'friday', '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const i = JSON.parse(r.stdout);
    expect(i).toMatchObject({
      date: '2026-11-19', kind: 'coffee', note: 'hiring a designer',
      gave: [{ type: 'intro', note: 'to Sam, designer' }], asked: [{ type: 'advice', note: 'pricing' }], received: [{ type: 'info' }],
    });
    const j = s.json();
    expect(j.version).toBe(1);
    expect(j.contacts).toHaveLength(1);
    expect(j.contacts[0]).toMatchObject({ name: 'Dana Lee', archived: false, tags: [] });
    expect(i.contactIds).toEqual([j.contacts[0].id]);
    // 2026-11-20 is a Friday: "by friday" is the next one
    expect(j.promises).toEqual([expect.objectContaining({ text: 'send the case study', due: '2026-11-27', doneOn: null, interactionId: i.id, contactId: j.contacts[0].id })]);
    expect(i.id).toMatch(/^[0-9a-z]{8}$/);
  });

  it('prints one human line and defaults to a meeting today with a promise due the next day', async () => {
    const s = box();
    const r = await s.run(['add', 'Dana Lee', '--promise', 'call back']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toMatch(/Logged meeting with Dana Lee today/);
    expect(r.stdout).toMatch(/Promised "call back" by Sat 21 Nov/);
    expect(s.json().promises[0].due).toBe('2026-11-21');
  });

  it('dates a promise from today even when the meeting is logged late, and says whom it is to', async () => {
    const s = box();
    const r = await s.run(['add', 'Dana', 'Sam', '--date', '5d ago', '--promise', 'send the memo']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Promised to Dana "send the memo" by Sat 21 Nov/);
    const j = s.json();
    expect(j.promises[0]).toMatchObject({ due: '2026-11-21', contactId: j.contacts[0].id });
  });

  it('marks a promise kept under a fixed NETLOG_TODAY earlier than the clock', async () => {
    const s = box();
    await s.run(['add', 'Dana', '--date', 'last monday', '-p', 'send the link', '--by', 'last tuesday'], { today: '2026-11-20' });
    const id = s.json().promises[0].id;
    const r = await s.run(['done', id, '--on', '2026-11-17'], { today: '2026-11-20' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(s.json().promises[0].doneOn).toBe('2026-11-17');
  });

  it('reuses an exact name (any case or accents) instead of creating a duplicate', async () => {
    const s = box();
    await s.run(['add', 'Inês Carvalho']);
    const r = await s.run(['add', 'ines carvalho', '--kind', 'call']);
    expect(r.code).toBe(0);
    const j = s.json();
    expect(j.contacts).toHaveLength(1);
    expect(j.contacts[0].name).toBe('Inês Carvalho');
    expect(j.interactions).toHaveLength(2);
  });

  it('resolves a unique first name and says so on stderr', async () => {
    const s = box({ fixture: SAMPLE });
    const r = await s.run(['add', 'Miriam', '--kind', 'call']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/"Miriam" is Miriam Okafor/);
    expect(r.stdout).toMatch(/Logged call with Miriam Okafor/);
  });

  it('records who was met at an event', async () => {
    const s = box();
    const r = await s.run(['add', 'Dana', 'Sam', 'Priya', '--event', 'Chamber breakfast', '--json']);
    expect(r.code).toBe(0);
    const j = s.json();
    expect(j.events).toEqual([expect.objectContaining({ name: 'Chamber breakfast', date: '2026-11-20' })]);
    expect(j.interactions[0]).toMatchObject({ kind: 'event', eventId: j.events[0].id });
    expect(j.interactions[0].contactIds).toHaveLength(3);
    expect(j.contacts.map((c: { source: string }) => c.source)).toEqual(['Chamber breakfast', 'Chamber breakfast', 'Chamber breakfast']);
    // the same event by name is reused
    await s.run(['add', 'Dana', '--event', 'chamber BREAKFAST']);
    expect(s.json().events).toHaveLength(1);
  });

  it('creates the journal 0600 in a new 0700 folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netlog-new-'));
    const file = join(dir, 'deep', 'er', 'journal.json');
    const r = await runNetlog(['--file', file, 'add', 'Dana'], { NETLOG_TODAY: '2026-11-20' });
    expect(r.code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'deep')).mode & 0o777).toBe(0o700);
    expect(readFileSync(file, 'utf8')).toMatch(/^\{\n  "version": 1,\n  "settings": \{\},\n  "contacts": \[/);
  });

  it('finds the journal through XDG_DATA_HOME when no file is named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netlog-xdg-'));
    const r = await runNetlog(['add', 'Dana'], { NETLOG_TODAY: '2026-11-20', XDG_DATA_HOME: dir });
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'netlog', 'journal.json'))).toBe(true);
  });
});

describe('bad input: a clear message, the right exit code, the journal untouched', () => {
  const cases: [string, string[], number, RegExp, Record<string, string>?][] = [
    ['bad date', ['add', 'Dana Lee', '--date', 'someday'], 2, /--date: "someday" is not a date/],
    ['impossible date', ['add', 'Dana Lee', '--date', '2026-02-30'], 2, /not a date/],
    ['bad kind', ['add', 'Dana Lee', '--kind', 'lunch'], 2, /unknown kind "lunch"/],
    ['bad give type', ['add', 'Dana Lee', '--gave', 'bribe:cash'], 2, /--gave: unknown type "bribe"/],
    ['bad ask type', ['add', 'Dana Lee', '-a', 'money'], 2, /--asked: unknown type "money"/],
    ['--by without a promise', ['add', 'Dana Lee', '--by', 'friday'], 2, /--by needs a --promise/],
    ['bad promise date', ['add', 'Dana Lee', '-p', 'x', '--by', 'whenever'], 2, /--by: "whenever" is not a date/],
    ['no names without a terminal', ['add'], 2, /name at least one person/],
    ['a likely typo of an existing name', ['add', 'Miriam Okafr'], 2, /looks like "Miriam Okafor"/],
    ['unknown command', ['bogus'], 2, /unknown command 'bogus'/],
    ['a date far outside a life', ['add', 'Dana', '--date', '99999d ago'], 2, /--date: "99999d ago" is not a date/],
    ['an empty kind', ['add', 'Dana', '--kind', ''], 2, /unknown kind ""/],
    ['a name with no letters or digits', ['add', ','], 2, /"," is not a name/],
    ['a count of days beyond a century', ['settings', '--follow-up-days', '99999999999'], 2, /from 0 to 36500/],
    ['due --within beyond a century', ['due', '--within', '99999999'], 2, /--within: "99999999" is not a whole number from 0 to 36500/],
    ['a snooze centuries away', ['snooze', 'Miriam', 'in 99999d'], 2, /is not a date or a span/],
    ['a date of several words, unquoted', ['add', 'Dana', '--date', '3', 'days', 'ago'], 2, /--date: "3" is not a date netlog reads\nhint: quote a date of several words, as one: --date "in 2w"/],
    ['a due date of several words, unquoted', ['promise', 'add', 'Miriam', 'x', '--by', 'in', '2', 'weeks'], 2, /--by: "in" is not a date.*\nhint: quote a date of several words/],
    ['a snooze span written in words', ['snooze', 'Miriam', '2', 'weeks'], 2, /too many arguments.*\nhint: write it as 2w \(see 'netlog snooze --help'\)/],
    ['a snooze date written in words', ['snooze', 'Miriam', 'in', '2', 'weeks'], 2, /\nhint: write it as "in 2w" \(/],
    ['a snooze date of two words, unquoted: the hint quotes it (else it is two arguments again)', ['snooze', 'Miriam', 'in', '2w'], 2, /too many arguments.*\nhint: write it as "in 2w" \(see 'netlog snooze --help'\)/],
    ['too many words that are no date: the plain hint', ['snooze', 'Miriam', 'some', 'day'], 2, /too many arguments.*\nhint: see 'netlog snooze --help'\n/],
    ['a date option of several words, unquoted, on a command without arguments', ['due', '--on', 'in', '2w'], 2, /too many arguments.*\nhint: quote a date of several words, as one: --on "in 2w" \(see 'netlog due --help'\)/],
    ['a span of several words after --since, unquoted', ['history', '--since', '3', 'days', 'ago'], 2, /\nhint: quote a date of several words, as one: --since "3d ago" \(/],
    ['extra words that make no date after an option: the plain hint', ['due', '--limit', '3', '4'], 2, /too many arguments.*\nhint: see 'netlog due --help'\n/],
    ['a report reaching back past 1900', ['report', '--since', '99999y'], 2, /reaches back too far/],
    ['help for an unknown command', ['help', 'nosuch'], 2, /unknown command 'nosuch'/],
    ['a misspelt option, with the command\'s own help', ['add', 'Dana', '--dat', 'x'], 2, /unknown option '--dat'\nhint: did you mean --date\? \(see 'netlog add --help'\)/],
    ['a full name typed without quotes', ['add', 'Miriam', 'Okafor'], 2, /"Miriam" and "Okafor" look like one person, Miriam Okafor/],
    ['unknown option', ['due', '--bogus'], 2, /unknown option '--bogus'/],
    ['missing option value', ['add', 'Dana', '--kind'], 2, /argument missing/],
    ['bad --within', ['due', '--within', 'soon'], 2, /--within: "soon" is not a whole number/],
    ['bad --since', ['report', '--since', 'eventually'], 2, /--since: "eventually"/],
    ['unknown report contact', ['report', '--contact', 'Nobody Atall'], 2, /no contact named "Nobody Atall"/],
    ['bad NETLOG_TODAY', ['due'], 2, /NETLOG_TODAY must be a date/, { NETLOG_TODAY: '20-11-2026' }],
  ];

  it.each(cases)('%s', async (_label, args, code, message, env) => {
    await expectRefused(box({ fixture: SAMPLE }), args, code, message, env);
  });

  it('writes no file when the first command fails', async () => {
    const s = box();
    expect((await s.run(['add', 'Dana', '--kind', 'lunch'])).code).toBe(2);
    expect(s.text()).toBeUndefined();
  });

  it.each([
    ['not JSON', '{\n  "version": 1,\n  "contacts": [,]\n}\n', /journal\.json:3:\d+: not valid JSON/],
    ['an empty file', '', /is empty/],
    ['a bad field', JSON.stringify({ version: 1, settings: {}, contacts: [], interactions: [{ id: 'x', date: '2026-13-01', contactIds: ['a'], kind: 'coffee', gave: [], asked: [], received: [], createdAt: '2026-01-01T00:00:00Z' }], promises: [], events: [] }), /interactions\[0\]\.date \(id x\): expected a date written YYYY-MM-DD/],
    ['a newer version', JSON.stringify({ version: 99 }), /journal version 99 is newer than this netlog understands/],
  ])('refuses a journal that is %s with exit 1 and never overwrites it', async (_label, text, message) => {
    const s = box({ text });
    for (const args of [['add', 'Dana'], ['due'], ['report']]) {
      const r = await s.run(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain(s.file);
      expect(s.text()).toBe(text);
    }
  });
});

describe('netlog due', () => {
  it('prints the SPEC shape with --json', async () => {
    const s = box({ fixture: SAMPLE });
    const r = await s.run(['due', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.today).toBe('2026-11-20');
    const types = out.items.map((i: { type: string }) => i.type);
    // promises, then key dates on the day, then follow-ups, then touches
    expect(types.join(',')).toMatch(/^(promise,)+(date,)*(follow-up,)+(touch,?)+$/);
    expect(out.total).toBe(out.items.length);
    for (const i of out.items) {
      expect(i).toEqual(expect.objectContaining({ contactId: expect.any(String), name: expect.any(String), dueOn: expect.any(String), overdueDays: expect.any(Number) }));
      if (i.type === 'touch') expect(i).toEqual(expect.objectContaining({ cadenceDays: expect.any(Number), balance: expect.any(Number), suggestion: expect.any(String) }));
      if (i.type === 'promise') expect(i).toEqual(expect.objectContaining({ promiseId: expect.any(String), text: expect.any(String) }));
    }
    const touches = out.items.filter((i: { type: string }) => i.type === 'touch');
    const ratios = touches.map((t: { lastTouch: string; cadenceDays: number; overdueDays: number }) => (t.overdueDays + t.cadenceDays) / t.cadenceDays);
    expect([...ratios].sort((a, b) => b - a)).toEqual(ratios);
  });

  it('clears a touch when any interaction is logged', async () => {
    const s = box({ fixture: SAMPLE });
    const before = JSON.parse((await s.run(['due', '--json'])).stdout).items.filter((i: { type: string }) => i.type === 'touch');
    const victim = before[0];
    expect((await s.run(['add', victim.name, '--kind', 'email'])).code).toBe(0);
    const after = JSON.parse((await s.run(['due', '--json'])).stdout).items;
    expect(after.some((i: { type: string; contactId: string }) => i.type === 'touch' && i.contactId === victim.contactId)).toBe(false);
  });

  it('prints a readable table for people, and one tab-separated line per item without colour when piped', async () => {
    const s = box({ fixture: SAMPLE });
    const tty = await s.run(['due'], { tty: true });
    expect(tty.code).toBe(0);
    expect(tty.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toMatch(/^Due today, Fri 20 Nov: 2 promises, 1 key date, 2 follow-ups, \d+ touches/);
    expect(tty.stdout).toMatch(/21 days late/);
    const r = await s.run(['due'], { env: { NO_COLOR: undefined } });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    // the heading, the header line, then every item on a line of its own
    // stdout is the table's header line and one line per item; the heading is on stderr.
    const lines = r.stdout.replace(/\n$/, '').split('\n');
    expect(lines).toHaveLength(JSON.parse((await s.run(['due', '--json'])).stdout).total + 1);
    expect(lines[0]).toBe('#\tWhat\tWho\tWhen\tWhy / what to do');
    expect(lines[1]!.split('\t').slice(0, 4)).toEqual(['1', 'promise', 'Priya Natarajan', '21 days late']);
    expect(r.stderr).toMatch(/^Due today, Fri 20 Nov: 2 promises, 1 key date, 2 follow-ups, \d+ touches\n$/);
    expect((await s.run(['-q', 'due'])).stderr).toBe('');
  });

  it('says so when nobody is due', async () => {
    const s = box();
    const r = await s.run(['due'], { tty: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Nobody is due/);
    // piped: no data, and the friendly line on stderr
    const piped = await s.run(['due']);
    expect([piped.code, piped.stdout]).toEqual([0, '']);
    expect(piped.stderr).toMatch(/Nobody is due/);
  });
});

describe('netlog report', () => {
  it('prints the SPEC shape with --json', async () => {
    const s = box({ fixture: SAMPLE });
    const r = await s.run(['report', '--since', '4w', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.from).toBe('2026-10-24');
    expect(out.to).toBe('2026-11-20');
    expect(Object.keys(out.totals).sort()).toEqual(['asked', 'balance', 'gave', 'interactions', 'received']);
    expect(Object.keys(out.promises).sort()).toEqual(['kept', 'keptOnTime', 'made', 'open', 'overdue', 'theirs']);
    expect(Object.keys(out.promises.theirs).sort()).toEqual(['kept', 'made', 'open', 'overdue']);
    expect(out.contacts.length).toBeGreaterThan(3);
    for (const c of out.contacts) {
      expect(Object.keys(c).sort()).toEqual(['asked', 'balance', 'contactId', 'gave', 'interactions', 'lastTouch', 'lifetime', 'name', 'received', 'stage'].sort());
      expect(c.balance).toBe(c.gave - c.asked);
      expect(['visibility', 'credibility', 'profitability']).toContain(c.stage);
    }
    expect(out.totals.balance).toBe(out.contacts.reduce((s: number, c: { balance: number }) => s + c.balance, 0));
  });

  it('shows the weekly review for people', async () => {
    const s = box({ fixture: SAMPLE });
    const r = await s.run(['report']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Review Sat 14 Nov – Fri 20 Nov \(7 days\)/);
    expect(r.stdout).toMatch(/\nTotal\s+\d/);
    expect(r.stdout).toMatch(/You are taking from/);
    expect(r.stdout).toMatch(/Promises due in the period/);
  });
});

describe('the CLI itself', () => {
  it('prints help with examples', async () => {
    // --version is answered by bin/netlog.cjs itself: test/e2e/bin.test.ts runs it.
    for (const args of [['--help'], ['add', '--help'], ['due', '--help'], ['report', '--help']]) {
      const r = await runNetlog(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Examples:\n  \$ netlog/);
    }
  });
});
