import { describe, expect, it } from 'vitest';
import { wrapText } from '../../src/ui/format.js';
import { renderColumns, type Col } from '../../src/ui/table.js';
import { makeTheme } from '../../src/ui/theme.js';

describe('wrapText', () => {
  it.each([
    ['short', 20, '', '', 'short'],
    ['one two three four', 9, '', '', 'one two\nthree\nfour'],
    ['keeps  two spaces', 40, '', '', 'keeps  two spaces'],
    ['a b c d', 5, '  ', '  ', '  a b\n    c\n    d'],
    ['averyveryverylongword x', 5, '', '', 'averyveryverylongword\nx'], // a word longer than the width stands alone
    ['  trimmed  ', 20, '', '', 'trimmed'],
    ['\u001b[2mdim words here\u001b[22m', 9, '', '', '\u001b[2mdim words\nhere\u001b[22m'], // colour takes no room
  ])('%j at %i', (text, width, indent, hang, expected) => {
    expect(wrapText(text, width, indent, hang)).toBe(expected);
  });
});

describe('fit: narrow terminals drop columns in order', () => {
  const col = (header: string, cells: string[], wrap = false): Col => ({ header, cells, ...(wrap ? { wrap } : {}) });
  const cols = [col('Who', ['Somebody With A Long Name'], true), col('Gave', ['1']), col('Last touch', ['3 weeks ago'], true), col('Stage', ['profitability'])];
  it.each([
    [80, []],
    // Who 10 + Gave 4 + Last touch 10 + Stage 13 + 3 gaps of 2 = 43
    [43, []],
    [42, ['Last touch']],
    [31, ['Last touch']],
    [30, ['Last touch', 'Stage']],
    [5, ['Last touch', 'Stage']],
  ])('width %i drops %j', (width, dropped) => {
    let left: string[] = [];
    renderColumns(cols, 1, width, makeTheme(), { drop: ['Last touch', 'Stage'], note: (d) => ((left = d), '') });
    expect(left).toEqual(dropped);
  });
});
