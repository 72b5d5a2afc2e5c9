import { describe, expect, it } from 'vitest';
import { renderTable, visibleWidth, type Column } from '../../src/ui/table.js';
import { makeTheme } from '../../src/ui/theme.js';
import { Chalk } from 'chalk';

const plain = makeTheme();
const color = makeTheme('terminal', new Chalk({ level: 1 }));
const ESC = '\u001b';
const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

describe('visibleWidth', () => {
  it.each([
    ['abc', 3],
    ['', 0],
    [`${ESC}[31mred${ESC}[39m`, 3],
    ['naïve', 5],
    ['日本', 4],
    ['👋 hi', 5],
    // As cli-table3 measures them (string-width): a combining accent takes no room, a family one emoji.
    ['Zoe\u0308', 3],
    ['e\u0301cole', 5],
    ['👨\u200d👩\u200d👧', 2],
  ])('%j is %i columns', (s, w) => expect(visibleWidth(s)).toBe(w));
});

describe('renderTable for a pipe', () => {
  const pipe = makeTheme('pipe');
  it('prints the header, then one line per row, fields separated by tabs, every row and column', () => {
    const rows = Array.from({ length: 500 }, (_, i) => [String(i + 1), `Person ${i}`, 'a reason long enough to be wrapped anywhere narrower than this line']);
    const out = renderTable([{ header: '#', align: 'right' }, { header: 'Who' }, { header: 'Why', wrap: true }], rows, 20, pipe, { drop: ['Why'] });
    const lines = out.split('\n');
    expect(lines).toHaveLength(501);
    expect(lines[0]).toBe('#\tWho\tWhy');
    expect(lines[1]).toBe('1\tPerson 0\ta reason long enough to be wrapped anywhere narrower than this line');
    expect(lines.every((l) => l.split('\t').length === 3)).toBe(true);
  });

  it('keeps a field on its line: tabs and line breaks inside it become spaces; the footer is a last line', () => {
    const out = renderTable([{ header: 'Who' }, { header: 'Why' }], [['Dana', 'first\nwhy: second'], ['Sam', 'a\tb']], 40, pipe, { footer: ['Total', '2'] });
    expect(out).toBe(['Who\tWhy', 'Dana\tfirst why: second', 'Sam\ta b', 'Total\t2'].join('\n'));
  });
});

describe('renderTable', () => {
  const cols: Column[] = [{ header: '#', align: 'right' }, { header: 'Who' }, { header: 'Why', wrap: true }];

  it('pads columns, aligns right, and wraps the wrappable column on spaces', () => {
    const out = renderTable(cols, [['1', 'Dana', 'send the case study before friday'], ['10', 'Sam', 'ok']], 26, plain);
    expect(out).toBe(
      [
        ' #  Who   Why',
        ' 1  Dana  send the case',
        '          study before',
        '          friday',
        '10  Sam   ok',
      ].join('\n'),
    );
  });

  it('breaks a word wider than its column instead of hiding the rest', () => {
    const out = renderTable([{ header: 'A' }, { header: 'Note', wrap: true }], [['x', 'see https://example.com/a/very/long/path']], 16, plain);
    expect(strip(out).split('\n').slice(1)).toEqual(['x  see', '   https://examp', '   le.com/a/very', '   /long/path']);
  });

  it('keeps each line within the width and never loses text', () => {
    const words = ['intro', 'to', 'Sam,', 'designer', 'naïve', '日本語', 'a', 'quarterly', 'follow-up'];
    for (let width = 26; width <= 62; width += 3) {
      const rows = Array.from({ length: 20 }, (_, r) => ['' + r, words[r % words.length]!, words.slice(0, (r % 9) + 1).join(' ')]);
      const out = renderTable(cols, rows, width, plain);
      for (const line of out.split('\n')) expect(visibleWidth(line)).toBeLessThanOrEqual(width);
      expect(out.replace(/\s+/g, '')).toContain(rows.map((r) => r.join('')).join('').replace(/\s+/g, ''));
    }
  });

  it('closes colours at the end of each wrapped line and reopens them on the next', () => {
    const out = renderTable([{ header: 'A' }, { header: 'B', wrap: true }], [['x', color.bad('one two three four five six')]], 16, color);
    const lines = out.split('\n').slice(1);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      const body = line.slice(line.indexOf(`${ESC}[`));
      expect(body.startsWith(`${ESC}[31m`)).toBe(true);
      expect(body.endsWith(`${ESC}[39m`)).toBe(true);
    }
    // The first column is never coloured by the second's red.
    expect(lines[1]!.startsWith('   ')).toBe(true);
  });

  it('puts multi-line cells on their own lines and styles the header and footer', () => {
    const out = renderTable([{ header: 'Who' }, { header: 'Why', wrap: true }], [['Dana', 'first\nsecond']], 40, plain, { footer: ['Total', ''] });
    expect(out).toBe(['Who    Why', 'Dana   first', '       second', 'Total'].join('\n'));
  });

  it('lays out thousands of rows (the `due` of a 5,000-contact journal)', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [String(i + 1), `Person ${i}`, 'last touch 3 months ago (quarterly); ask how you can help']);
    const out = renderTable(cols, rows, 60, plain);
    expect(out.split('\n').filter((l) => /^\s*\d+ {2}Person/.test(l))).toHaveLength(3000);
  });
});
