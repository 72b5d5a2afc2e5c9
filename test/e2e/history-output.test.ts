import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sandboxes } from '../helpers/cli.js';
import { generateJournal } from '../../bench/gen.js';
import { history, historyView, type HistorySpec } from '../../src/reports/history.js';
import { renderHistory } from '../../src/ui/render/history.js';
import { toJson } from '../../src/ui/json.js';
import { makeTheme } from '../../src/ui/theme.js';
import type { Journal } from '../../src/core/schema.js';

// `netlog history` writes a long log out as it makes it, in chunks of whole lines (piped lines
// and --json alike): what it prints must not change. fixtures/history/*.out are what netlog
// printed on fixtures/history/journal.json before it did (when it made the whole text first),
// but for entries that tie on day and time of logging, now the one later in the journal first:
// a generated journal with names and notes that need escaping or flattening (tabs, line breaks,
// control and zero-width characters, emoji), short ids that share long prefixes or are one
// another's prefix, items for and linking to people no longer in it, several people at once,
// and interactions out of date order and tied on date and time.

const box = sandboxes();
const FIXTURES = join(ROOT, 'fixtures', 'history');

describe('history prints what it printed before it was written out as it goes', () => {
  it.each<[string, string[], Record<string, string | undefined>?]>([
    ['lines', ['history']],
    ['json', ['history', '--json']],
    ['limit', ['log', '--limit', '5']],
    ['contact', ['history', '--contact', 'Carla Haddad']],
    ['filtered-json', ['history', '--since', '2026-01-01', '--kind', 'coffee,call', '--json']],
    // Nothing to list: stdout is empty (the words are on stderr).
    ['none', ['history', '--until', '2010-01-01']],
    // Colour forced: the terminal's table (through a pipe), which is not written out in chunks.
    ['table', ['history', '--limit', '25'], { FORCE_COLOR: '1', NO_COLOR: undefined, COLUMNS: '100' }],
  ])('%s: netlog %j', async (name, args, env) => {
    const s = box({ fixture: join(FIXTURES, 'journal.json') });
    const r = await s.run(args, env ? { env } : {});
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(FIXTURES, `${name}.out`), 'utf8'));
  });
});

describe('a long history through a real pipe, in many chunks', () => {
  // Long enough for many 64 KB chunks of lines and many batches of --json entries.
  const journal = generateJournal({ interactions: 2500, contacts: 200 }) as Journal;
  const pipe = makeTheme('pipe');
  it.each<[string[], HistorySpec]>([
    [[], {}],
    [['--kind', 'coffee,call,meal'], { kinds: ['coffee', 'call', 'meal'] }],
    [['--limit', '300'], { limit: 300 }],
  ])('netlog history %j: the same text as made whole', (args, spec) => {
    const s = box({ data: journal });
    const lines = s.runBin(['history', ...args]);
    expect(lines.code, lines.stderr).toBe(0);
    expect(lines.stdout).toBe(`${renderHistory(historyView(journal, spec), '2026-11-20', pipe, Infinity, false)}\n`);
    const json = s.runBin(['history', ...args, '--json']);
    expect(json.code, json.stderr).toBe(0);
    expect(json.stdout).toBe(toJson(history(journal, spec)));
    if (args.length === 0) {
      expect(lines.stdout.length).toBeGreaterThan(3 * 65536);
      expect(JSON.parse(json.stdout).interactions).toHaveLength(2500);
    }
  });
});
