import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { baseEnv, BIN, SAMPLE, sandbox, type Sandbox, sandboxes } from '../helpers/cli.js';
import { visibleWidth } from '../../src/ui/table.js';
import { contact, journal, meet } from '../helpers/journal.js';

const box = sandboxes();
const VCARD = join(import.meta.dirname, '..', '..', 'fixtures', 'import', 'apple-3.0.vcf');

describe('netlog completion', () => {
  it.each(['bash', 'zsh', 'fish'])('%s script names the commands', async (shell) => {
    const r = await box().run(['completion', shell]);
    expect(r.code).toBe(0);
    for (const cmd of ['add', 'due', 'report', 'import', 'export', 'completion', '__names']) expect(r.stdout).toContain(cmd);
  });

  it('an unknown shell is a usage error', async () => {
    const r = await box().run(['completion', 'tcsh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Allowed choices are bash, zsh, fish/);
  });

  it('the bash script is valid and completes commands, options, values and contact names', async () => {
    const s = box({ fixture: SAMPLE });
    const script = (await s.run(['completion', 'bash'])).stdout;
    expect(spawnSync('bash', ['-n'], { input: script }).status).toBe(0);
    const bin = join(s.dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'netlog'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(bin, 'netlog'), 0o755);
    writeFileSync(join(s.dir, 'c.bash'), script);
    const probe = `source "${join(s.dir, 'c.bash')}"
try() { COMP_WORDS=("$@"); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _netlog; printf '%s|' "\${COMPREPLY[@]}"; echo; }
try netlog ex
try netlog add Pri
try netlog add --kind co
try netlog report --contact Tom
try netlog export --format i
try netlog import --dr
try netlog --file "${s.file}" add Miri
try netlog add '"Pri'
`;
    const r = spawnSync('bash', ['-c', probe], { encoding: 'utf8', env: baseEnv({ PATH: `${bin}:${process.env.PATH}`, NETLOG_FILE: s.file, HOME: s.dir }) });
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')).toEqual(['export|', 'Priya\\ Natarajan|', 'coffee|', 'Tomás\\ Reyes|', 'ics|', '--dry-run|', 'Miriam\\ Okafor|', 'Priya Natarajan|', '']);
  });

  it('__names lists active contacts, one a line', async () => {
    const s = box({ fixture: SAMPLE });
    const r = await s.run(['__names']);
    const active = s.json().contacts.filter((c: any) => !c.archived).map((c: any) => c.name).sort((a: string, b: string) => a.localeCompare(b));
    expect(r.stdout).toBe(active.join('\n') + '\n');
    expect((await s.run(['--help'])).stdout).not.toContain('__names');
  });
});

describe('fitting in', () => {
  it('a table mixing plain rows with rows of wide characters keeps its columns aligned', async () => {
    // On a terminal, or with colour forced into a pipe, cli-table3 draws every row.
    const names = ['Dana Lee', '山田 太郎', 'Zoë 👋 Park', 'Sam Ortiz'];
    const data = journal({
      contacts: names.map((n, i) => contact(`c${i}`, n, { cadenceDays: 30 })),
      interactions: names.map((_, i) => meet('2026-06-01', `c${i}`)).concat(names.map((_, i) => meet('2026-07-01', `c${i}`))),
    });
    for (const opts of [{ tty: true, columns: 100 }, { env: { COLUMNS: '100', FORCE_COLOR: '1', NO_COLOR: undefined } }]) {
      const r = await box({ data }).run(['due'], opts);
      expect(r.code).toBe(0);
      const rows = r.stdout.split('\n').filter((l) => /^\s*\d+\s+touch/.test(l.replace(/\u001b\[[0-9;]*m/g, '')));
      expect(rows).toHaveLength(4);
      // "When" starts at the same column on every row, whoever drew it.
      const whenAt = rows.map((l) => visibleWidth(l.slice(0, l.search(/\d+ days late/))));
      expect(new Set(whenAt).size).toBe(1);
    }
  });

  it('every command has examples in its --help', async () => {
    const s = box();
    const help = (await s.run(['--help'])).stdout;
    const commands = [...help.split('Commands:')[1]!.matchAll(/^ {2}([a-z][\w-]*)/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
    expect(commands).toEqual(expect.arrayContaining(['add', 'due', 'report', 'import', 'export', 'completion']));
    expect(help).toContain('Examples:');
    for (const c of commands) {
      const r = await s.run([c, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout, `${c} --help`).toMatch(/\nExamples:\n {2}\$ netlog /);
    }
  });

  it.each([
    [{ FORCE_COLOR: '1', NO_COLOR: undefined }, [], true],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, [], false],
    [{ FORCE_COLOR: '1', NO_COLOR: undefined }, ['--no-color'], false],
    [{ NO_COLOR: undefined }, [], false],
  ])('colour with %j %j: ANSI codes %s', async (env, flags, ansi) => {
    const s = box({ fixture: SAMPLE });
    const r = await s.run([...flags, 'due'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout.includes('\u001b[')).toBe(ansi);
  });

  it.each([['due'], ['report'], ['report', '--monthly', '--since', '3m'], ['due', '--explain']])('a 40-column terminal %j: no line wider than 40', async (...args) => {
    const r = await box({ fixture: SAMPLE }).run(args, { tty: true, columns: 40 });
    expect(r.code).toBe(0);
    const wide = r.stdout.split('\n').filter((l) => visibleWidth(l) > 40);
    expect(wide).toEqual([]);
  });

  // A person's page and the other prose commands: the terminal never has to cut a line.
  it.each([40, 80])('a %i-column terminal: contact show, brief, ideas, intros, promises, search, events, history, contacts, settings, tag cadence, check fit', async (columns) => {
    const s = box({ fixture: SAMPLE });
    for (const args of [['contact', 'show', 'Owen'], ['contact', 'show', 'Victor'], ['brief', 'Owen'], ['ideas'], ['ideas', '--explain'], ['intros'], ['promises', '--all'], ['search', 'breakfast'], ['events'], ['history'], ['contacts'], ['settings'], ['tag', 'cadence'], ['check']]) {
      const r = await s.run(args, { tty: true, columns });
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout.split('\n').filter((l) => visibleWidth(l) > columns), args.join(' ')).toEqual([]);
    }
    // add's confirmation wraps at word boundaries too.
    const added = await s.run(['add', 'Owen', '--kind', 'call', '--gave', 'advice:how to pitch property managers', '--kept', 'p3k5'], { tty: true, columns });
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout.split('\n').filter((l) => visibleWidth(l) > columns)).toEqual([]);
    expect(added.stdout.replace(/\s+/g, ' ')).toContain('Kept: "Send Owen two contacts at property management firms" to Owen Gallagher (due Sat 7 Nov).');
    // The undo list, an undo, and an import's summary.
    for (const args of [['undo', '--list'], ['undo'], ['import', VCARD, '--dry-run']]) {
      const r = await s.run(args, { tty: true, columns });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout.split('\n').filter((l) => visibleWidth(l) > columns), args.join(' ')).toEqual([]);
    }
    // contact show wraps a field under its value, never inside a word.
    const page = (await s.run(['contact', 'show', 'Owen'], { tty: true, columns: 40 })).stdout;
    expect(page).toMatch(/^cadence {5}biweekly \(from tag\n {12}breakfast-club\);/m);
  });

  it.each([['due'], ['due', '--explain'], ['promises', '--all'], ['history'], ['contacts'], ['events'], ['report', '--monthly', '--since', '3m']])(
    'piped %j: tables are tab-separated lines, nothing wrapped or left out, whatever COLUMNS says',
    async (...args) => {
      const s = box({ fixture: SAMPLE });
      const wide = (await s.run(args, { tty: true, columns: 200 })).stdout;
      const pipedRun = await s.run(args, { env: { COLUMNS: '40' } });
      const piped = pipedRun.stdout;
      expect(piped).toMatch(/\t/);
      expect(piped).not.toMatch(/left out to fit/);
      // Nothing wrapped to COLUMNS: some line is longer than 40.
      expect(piped.split('\n').some((l) => l.length > 40)).toBe(true);
      // Each table is a header line and one line per row, all with as many fields as the header.
      const tables: string[][] = [];
      let run: string[] = [];
      for (const line of [...piped.split('\n'), '']) {
        if (line.includes('\t')) run.push(line);
        else if (run.length) (tables.push(run), (run = []));
      }
      expect(tables.length).toBeGreaterThan(0);
      for (const table of tables) {
        expect(table.length, table.join('\n')).toBeGreaterThan(1);
        expect(new Set(table.map((l) => l.split('\t').length)).size, table.join('\n')).toBe(1);
      }
      // Every word a wide terminal shows is there (a count under a table, on stderr: STYLE.md §16).
      const words = (t: string) => new Set(t.split(/\s+/).filter(Boolean));
      const missing = [...words(wide)].filter((w) => !words(`${piped}\n${pipedRun.stderr}`).has(w));
      expect(missing).toEqual([]);
    },
  );

  it('export to a file with -q says nothing', async () => {
    const s = box({ fixture: SAMPLE });
    const r = await s.run(['-q', 'export', '--format', 'vcf', '--out', join(s.dir, 'x.vcf')]);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
    expect(existsSync(join(s.dir, 'x.vcf'))).toBe(true);
  });
});

describe('help on a terminal', () => {
  it.each([80, 100])('%i columns: netlog --help and each command’s help fit (examples, commands to copy, aside)', async (columns) => {
    const s = box({ fixture: SAMPLE });
    for (const args of [['--help'], ['due', '--help'], ['contact', '--help'], ['history', '--help'], ['report', '--help']]) {
      const r = await s.run(args, { tty: true, columns });
      expect(r.code, args.join(' ')).toBe(0);
      const wide = r.stdout.split('\n').filter((l) => visibleWidth(l) > columns && !/^ {2,}\$ |^ {6}--/.test(l));
      expect(wide, args.join(' ')).toEqual([]);
    }
  });
});
