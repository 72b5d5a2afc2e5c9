import Table from 'cli-table3';
import type { Theme } from './theme.js';
import { fitLines } from './wrap.js';
import { visibleWidth } from './width.js';
import { plainRowLines, type Align } from './plain-rows.js';

export { visibleWidth };

// Tables that fit the terminal: columns keep their natural width when there is room; otherwise
// the columns marked `wrap` give way, and below a sensible width each row becomes a block.

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** May be narrowed and word-wrapped to fit. */
  wrap?: boolean;
  /** May be left out, last first, when the table cannot fit otherwise. */
  optional?: boolean;
}

const NO_BORDER = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '',
  right: '', 'right-mid': '', middle: '  ',
};


const GAP = 2;
const MIN_WRAP = 10;

/**
 * Renders rows as a table no wider than `width`: wrappable columns narrow first, then optional
 * columns are dropped; when even that cannot fit, each row becomes a block of "Header: value".
 */
export function renderTable(columns: Column[], rows: string[][], width: number, theme: Theme, footer?: string[]): string {
  const fitted = fit(columns, rows, width, footer);
  if (fitted) return fitted(theme);
  return fitLines(renderBlocks(columns, footer ? [...rows, footer] : rows, theme), width);
}

function fit(columns: Column[], rows: string[][], width: number, footer?: string[]): ((theme: Theme) => string) | undefined {
  let keep = columns.map((_, i) => i);
  for (;;) {
    const cols = keep.map((i) => columns[i]!);
    const pick = (r: string[]) => keep.map((i) => r[i] ?? '');
    const widths = widthsFor(cols, [...rows, ...(footer ? [footer] : [])].map(pick), width);
    if (widths) return (theme) => drawTable(cols, rows.map(pick), widths, theme, footer && pick(footer));
    const drop = [...keep].reverse().find((i) => columns[i]!.optional);
    if (drop === undefined) return undefined;
    keep = keep.filter((i) => i !== drop);
  }
}

function widthsFor(columns: Column[], all: string[][], width: number): number[] | undefined {
  const natural = columns.map((c, i) => Math.max(visibleWidth(c.header), ...all.map((r) => visibleWidth(r[i] ?? ''))));
  const total = (ws: number[]) => ws.reduce((a, b) => a + b, 0) + GAP * (ws.length - 1);
  const widths = [...natural];
  let excess = total(widths) - width;
  while (excess > 0) {
    // Narrow the widest wrappable column one step at a time.
    let widest = -1;
    for (let i = 0; i < widths.length; i++) {
      if (columns[i]!.wrap && widths[i]! > MIN_WRAP && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    }
    if (widest < 0) break;
    widths[widest]! -= 1;
    excess -= 1;
  }
  return excess > 0 ? undefined : widths;
}

/** Splits plain words longer than `width` so cli-table3 wraps them instead of cutting them off with "…". */
function breakLongWords(cell: string, width: number): string {
  if (cell.length <= width || cell.includes('\u001b')) return cell;
  return cell.replace(new RegExp(`[^\\s]{${width + 1},}`, 'gu'), (word) => {
    const parts: string[] = [];
    for (let i = 0; i < word.length; i += width) parts.push(word.slice(i, i + width));
    return parts.join(' ');
  });
}

// cli-table3 checks each cell against the cells before it for row spans, so one table costs time
// in the square of its rows. The rows it draws are drawn in slices with the same fixed column
// widths, which gives the same lines.
const SLICE = 100;

export function drawTable(columns: Column[], rows: string[][], widths: number[], theme: Theme, footer?: string[]): string {
  const fitted = rows.map((r) => r.map((cell, i) => (columns[i]?.wrap ? breakLongWords(cell, widths[i]!) : cell)));
  const body = footer ? [...fitted, footer.map((f) => theme.heading(f))] : fitted;
  const aligns = columns.map((c) => c.align ?? 'left');
  const head = columns.map((c) => theme.heading(c.header));
  const lines: string[] = [];
  let pending: string[][] = [];
  let pendingHead: string[] | undefined;
  const flush = () => {
    if (pending.length || pendingHead) lines.push(...drawWithCliTable3(pendingHead, pending, widths, aligns));
    pending = [];
    pendingHead = undefined;
  };
  const headLines = plainRowLines(head, widths, aligns);
  if (headLines) lines.push(...headLines);
  else pendingHead = head;
  for (const row of body) {
    // Most rows are plain text and are laid out directly; cli-table3 draws the others.
    const plain = plainRowLines(row, widths, aligns);
    if (plain) {
      flush();
      lines.push(...plain);
    } else {
      pending.push(row);
      if (pending.length >= SLICE) flush();
    }
  }
  flush();
  return lines.join('\n');
}

/** The lines cli-table3 draws for these rows (and head) in borderless columns of fixed width. */
export function drawWithCliTable3(head: string[] | undefined, rows: string[][], widths: number[], aligns: Align[]): string[] {
  const out: string[] = [];
  for (let start = 0; start === 0 || start < rows.length; start += SLICE) {
    const table = new Table({
      ...(start === 0 && head ? { head } : {}),
      colWidths: widths,
      colAligns: aligns,
      wordWrap: true,
      wrapOnWordBoundary: true,
      chars: NO_BORDER,
      style: { head: [], border: [], compact: true, 'padding-left': 0, 'padding-right': 0 },
    });
    table.push(...rows.slice(start, start + SLICE));
    const text = table.toString();
    if (text) out.push(...text.split('\n').map((l) => l.trimEnd()));
  }
  return out;
}

function renderBlocks(columns: Column[], rows: string[][], theme: Theme): string {
  return rows
    .map((r) =>
      columns
        .map((c, i) => (r[i] ? `${theme.dim(`${c.header}:`)} ${r[i]}` : ''))
        .filter(Boolean)
        .join('\n'),
    )
    .join('\n\n');
}
