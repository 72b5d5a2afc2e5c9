import { stripColour } from './width.js';

// The common case of a table row, laid out without cli-table3: cells of plain text (letters,
// digits, punctuation, Latin accents; colour codes only in a cell that fits on one line), in
// borderless columns of fixed width. cli-table3 spends tens of microseconds a cell measuring and
// re-measuring text, which made a 2,000-row `due` take half a second to draw. For such rows the
// result is the same lines cli-table3 draws (test/ui/plain-rows.test.ts checks this against
// cli-table3 itself on random tables); any other row is left to cli-table3.

export type Align = 'left' | 'right';

// One column per character: printable ASCII, no-break space and Latin letters with accents,
// and a few punctuation marks netlog writes (dashes, quotes, ellipsis, middle dot).
// eslint-disable-next-line no-control-regex
const PLAIN = /^[\x20-\x7e\u00a0\u00b7\u00c0-\u024f\u2010-\u2014\u2018\u2019\u201c\u201d\u2026]*$/;
// eslint-disable-next-line no-control-regex
const COLOURED = /^(?:[\x20-\x7e\u00a0\u00b7\u00c0-\u024f\u2010-\u2014\u2018\u2019\u201c\u201d\u2026]|\u001b\[[0-9;]*m)*$/;

/**
 * cli-table3's word wrap (greedy, on runs of whitespace, dropping the whitespace where a line
 * breaks), for text of one column per character; undefined when a word is wider than the
 * column, which cli-table3 would cut short.
 */
function wrapPlain(text: string, width: number): string[] | undefined {
  if (text.length <= width) return text === '' ? [] : [text];
  const parts = text.split(/(\s+)/);
  const lines: string[] = [];
  let line = '';
  let length = 0;
  for (let i = 0; i < parts.length; i += 2) {
    const word = parts[i]!;
    if (word.length > width) return undefined;
    const space = i > 0 ? parts[i - 1]! : '';
    const grown = length + word.length + (length > 0 ? space.length : 0);
    if (grown > width) {
      if (length !== 0) lines.push(line);
      line = word;
      length = word.length;
    } else {
      line += space + word;
      length = grown;
    }
  }
  if (length) lines.push(line);
  return lines;
}

/** A cell's lines, or undefined when cli-table3 must lay it out. */
function cellLines(cell: string, width: number): string[] | undefined {
  if (PLAIN.test(cell)) {
    // Whitespace at either end is counted differently by cli-table3's wrap: leave it to it.
    if (cell !== cell.trim()) return undefined;
    return wrapPlain(cell, width);
  }
  if (!COLOURED.test(cell)) return undefined;
  const shown = stripColour(cell);
  // A coloured cell that fits needs no wrapping, so its colour codes stay exactly as they are.
  return shown.length <= width && shown !== '' && shown === shown.trim() ? [cell] : undefined;
}

/**
 * The lines of one row (cells padded to their column, two spaces between columns, trailing
 * spaces trimmed), or undefined when the row is not of the common kind.
 */
export function plainRowLines(row: string[], widths: number[], aligns: Align[]): string[] | undefined {
  const cells: string[][] = [];
  let height = 0;
  for (let i = 0; i < widths.length; i++) {
    const lines = cellLines(row[i] ?? '', widths[i]!);
    if (!lines) return undefined;
    cells.push(lines);
    height = Math.max(height, lines.length);
  }
  // A row with nothing in it: cli-table3's own rule for its height applies.
  if (height === 0) return undefined;
  const out: string[] = [];
  for (let l = 0; l < height; l++) {
    let text = '';
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]![l] ?? '';
      const pad = ' '.repeat(widths[i]! - stripColour(cell).length);
      text += (i > 0 ? '  ' : '') + (aligns[i] === 'right' ? pad + cell : cell + pad);
    }
    out.push(text.trimEnd());
  }
  return out;
}
