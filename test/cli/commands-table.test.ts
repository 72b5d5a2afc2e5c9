import { describe, expect, it } from 'vitest';
import { buildProgram, commandAsked, commandNames, GLOBAL_VALUES } from '../../src/cli.js';
import type { Io } from '../../src/context.js';
import { runNetlog, SAMPLE, sandboxes } from '../helpers/cli.js';

// src/cli.ts defines only the command a run asks for (commandAsked); every other run gets them all.

const io: Io = {
  stdout: { write: () => true },
  stderr: { write: () => true },
  stdinIsTTY: false,
  readStdin: async () => '',
  argv: [],
  env: {},
  now: () => new Date(),
};

describe('the command table', () => {
  it.each(commandNames().filter((n) => n !== 'completion'))('%s: the key is the name its file gives the command, and it is defined alone', (name) => {
    const program = buildProgram(io, [name]);
    expect(program.commands.map((c) => c.name()).filter((n) => n !== 'help')).toEqual([name]);
  });

  it('defines every command when none is asked for', () => {
    expect(buildProgram(io, []).commands.map((c) => c.name()).filter((n) => n !== 'help')).toEqual(commandNames());
  });
});

describe('commandAsked', () => {
  it('knows every global option that takes a value', () => {
    const program = buildProgram(io, []);
    const taking = program.options.filter((o) => o.required || o.optional).map((o) => o.long);
    expect(new Set(taking)).toEqual(GLOBAL_VALUES);
  });

  it.each([
    [['due'], 'due'],
    [['due', '--all'], 'due'],
    [['--json', 'report', '--since', '4w'], 'report'],
    [['--file', 'j.json', 'contacts'], 'contacts'],
    [['--file=j.json', '-q', 'add', 'Dana'], 'add'],
    [['--file', 'due'], undefined],
    [['help', 'history'], 'history'],
    [['contact', 'show', 'Dana'], 'contact'],
    [[], undefined],
    [['--help'], undefined],
    [['help'], undefined],
    [['log'], undefined],
    [['dew'], undefined],
    [['completion', 'bash'], undefined],
    [['constructor'], undefined],
    [['--help', 'due'], undefined],
    [['-h', 'due'], undefined],
    [['-qh', 'due'], undefined],
    [['--file', 'j.json', '--help', 'contact', 'show'], undefined],
    [['due', '--help'], 'due'],
  ] as const)('%j → %s', (argv, word) => {
    expect(commandAsked(argv)).toBe(word);
  });
});

describe('runs that need every command', () => {
  const sandbox = sandboxes();

  it('an alias, a mistyped command, help on one and the completion script all still work', async () => {
    const s = sandbox({ fixture: SAMPLE });
    expect((await s.run(['log', '--limit', '1'])).code).toBe(0);
    const typo = await s.run(['histry']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/did you mean history/);
    const help = await s.run(['help', 'due']);
    expect(help.stdout).toMatch(/Usage: netlog due/);
    const script = await s.run(['completion', 'bash']);
    for (const name of ['add', 'due', 'history', 'promise', 'sync']) expect(script.stdout).toContain(name);
    const top = await runNetlog(['--help']);
    for (const name of commandNames().filter((n) => !n.startsWith('__'))) expect(top.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    // A help flag before a command word is netlog's own help, the same whole list.
    expect((await runNetlog(['--help', 'due'])).stdout).toBe(top.stdout);
    expect((await runNetlog(['-qh', 'due'])).stdout).toBe(top.stdout);
    // An empty word is a mistyped command, not a request for help.
    expect((await runNetlog([''])).code).toBe(2);
  });
});
