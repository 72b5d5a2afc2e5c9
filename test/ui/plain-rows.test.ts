import fc from 'fast-check';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { plainRowLines, type Align } from '../../src/ui/plain-rows.js';
import { drawTable, drawWithCliTable3, type Column } from '../../src/ui/table.js';
import { makeTheme } from '../../src/ui/theme.js';

// Plain rows are laid out without cli-table3; they must come out exactly as cli-table3 draws
// them, and anything else must still be left to cli-table3.

const chalk = new Chalk({ level: 1 });
const STYLES = [(s: string) => chalk.bold(s), (s: string) => chalk.dim(s), (s: string) => chalk.red(s), (s: string) => chalk.green.bold(s)];

// Words mostly of the plain kind, some not (wide characters, emoji, a combining accent, a tab).
const letter = fc.constantFrom(...'abcxyzABZ019.,;:-+()\'"/&!?', 'é', 'ñ', 'Ø', 'ł', '·', '—', '–', '…', '’', '“', '”', '\u00a0');
const odd = fc.constantFrom('日本', '👋', 'e\u0301', '\t', '©', '→', '\u00ad');
const word = fc.oneof(
  { weight: 60, arbitrary: fc.array(letter, { minLength: 1, maxLength: 7 }).map((cs) => cs.join('')) },
  { weight: 1, arbitrary: fc.tuple(fc.array(letter, { maxLength: 3 }), odd).map(([cs, o]) => cs.join('') + o) },
);
const plainCell = fc.array(fc.tuple(word, fc.constantFrom(' ', ' ', ' ', '  ', '\u00a0')), { maxLength: 6 }).map((ws) => ws.map(([w, s], i) => (i ? s : '') + w).join(''));
const cell = fc.oneof(
  { weight: 12, arbitrary: plainCell },
  { weight: 3, arbitrary: fc.tuple(plainCell, fc.integer({ min: 0, max: STYLES.length - 1 })).map(([c, k]) => STYLES[k]!(c)) },
  { weight: 1, arbitrary: plainCell.map((c) => ` ${c}`) },
  { weight: 1, arbitrary: fc.constant('') },
);
const table = fc.integer({ min: 1, max: 5 }).chain((n) =>
  fc.record({
    widths: fc.array(fc.integer({ min: 3, max: 40 }), { minLength: n, maxLength: n }),
    aligns: fc.array(fc.constantFrom<Align>('left', 'right'), { minLength: n, maxLength: n }),
    head: fc.array(cell, { minLength: n, maxLength: n }),
    rows: fc.array(fc.array(cell, { minLength: n, maxLength: n }), { maxLength: 30 }),
  }),
);

describe('plain rows', () => {
  it('come out as cli-table3 draws them, row by row', () => {
    let plain = 0;
    let all = 0;
    fc.assert(
      fc.property(table, ({ widths, aligns, rows }) => {
        for (const row of rows) {
          all++;
          const lines = plainRowLines(row, widths, aligns);
          if (!lines) continue;
          plain++;
          expect(lines).toEqual(drawWithCliTable3(undefined, [row], widths, aligns));
        }
      }),
      { numRuns: 400 },
    );
    // The comparison is not vacuous: many random rows are of the plain kind.
    expect(plain).toBeGreaterThan(all / 4);
  });

  it('make whole tables, mixed with rows cli-table3 draws, identical to one cli-table3 table', () => {
    fc.assert(
      fc.property(table, ({ widths, aligns, head, rows }) => {
        // Column headers are themed by drawTable; plain theme keeps them as given.
        const columns: Column[] = head.map((h, i) => ({ header: h, align: aligns[i] }));
        expect(drawTable(columns, rows, widths, makeTheme(0))).toBe(drawWithCliTable3(head, rows, widths, aligns).join('\n'));
      }),
      { numRuns: 400 },
    );
  });

  it('wraps on spaces and leaves wide characters, emoji and over-long words to cli-table3', () => {
    expect(plainRowLines(['Dana Lee', 'send the case study'], [8, 10], ['left', 'left'])).toEqual(['Dana Lee  send the', '          case study']);
    expect(plainRowLines(['7', 'x'], [3, 1], ['right', 'left'])).toEqual(['  7  x']);
    expect(plainRowLines(['日本', 'x'], [8, 4], ['left', 'left'])).toBeUndefined();
    expect(plainRowLines(['👋', 'x'], [8, 4], ['left', 'left'])).toBeUndefined();
    expect(plainRowLines(['supercalifragilistic', 'x'], [8, 4], ['left', 'left'])).toBeUndefined();
    expect(plainRowLines([chalk.red('one two three'), 'x'], [8, 4], ['left', 'left'])).toBeUndefined();
  });
});
