import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sandbox, SAMPLE } from '../helpers/cli.js';

// A journal netlog cannot trust is never overwritten: every command refuses with exit 1,
// names the file and the place, and leaves the file byte-for-byte as it was.

const sample = readFileSync(SAMPLE, 'utf8');
const edit = (f: (j: any) => void) => {
  const j = JSON.parse(sample);
  f(j);
  return JSON.stringify(j, null, 2) + '\n';
};

// (More malformed shapes are covered by test/store/validate.test.ts without spawning.)
const BAD: [string, string, RegExp][] = [
  ['truncated', sample.slice(0, Math.floor(sample.length / 2)), /:\d+:\d+: not valid JSON \(/],
  ['empty', '', /: the file is empty, not a journal/],
  ['NUL-filled', '\0'.repeat(4096), /:1:1: not valid JSON \(unexpected character\)/],
  ['a trailing comma', sample.replace(/\n\s*\}\s*$/, ',\n}\n'), /:\d+:\d+: not valid JSON \(expected a property name in double quotes\)/],
  ['a wrong-type date', edit((j) => (j.interactions[3].date = 20261120)), /: interactions\[3\]\.date \(id \w+\): /],
  ['a duplicate id', edit((j) => (j.interactions[5].id = j.interactions[2].id)), /: interactions\[5\]\.id \(id \w+\): duplicate interaction id, also used by interactions\[2\]/],
  ['a future version', edit((j) => (j.version = 2)), /: journal version 2 is newer than this netlog understands \(version 1\)/],
  ['no version', edit((j) => delete j.version), /: version: expected a journal version number, found nothing/],
];

const COMMANDS: string[][] = [['due'], ['report'], ['add', 'Dana Lee', '--kind', 'call'], ['undo']];

describe('invalid journals are refused and left untouched', () => {
  it.each(BAD)('%s', async (_, text, place) => {
    const s = sandbox({ text });
    // All at once: they only read (or refuse before writing), so order does not matter.
    const runs = await Promise.all(COMMANDS.map((args) => s.run(args)));
    for (const [n, r] of runs.entries()) {
      const args = COMMANDS[n]!;
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.startsWith(`netlog: ${s.file}`)).toBe(true);
      expect(r.stderr).toMatch(place);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
      expect(s.text()).toBe(text);
    }
    const c = await s.run(['check']);
    expect(c.code).toBe(1);
    expect(c.stdout).toMatch(/problem/);
    expect(s.text()).toBe(text);
    expect(existsSync(`${s.file}.backups`)).toBe(false);
    expect(existsSync(`${s.file}.lock`)).toBe(false);
    s.cleanup();
  });
});
