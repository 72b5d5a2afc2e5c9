import Table from 'cli-table3';
import type { Theme } from './theme.js';
import { fitLines } from './wrap.js';
import { wrapText } from './format.js';
import { visibleWidth } from './width.js';

export { visibleWidth };

// The one table engine (STYLE.md §16). On a terminal, or when colour is forced, cli-table3 draws
// the table fitted to the width: columns keep their natural width when there is room, otherwise
// the columns marked `wrap` give way, then columns are left out (the table says which), and below
// a sensible width each row becomes a block. Piped, a table is its header line, then one line per
// row with the fields separated by tabs, every row and every column: cheap to print, grep and cut.
// A renderer that pages a long list on a terminal slices its rows when theme.layout is 'terminal'
// and hands them to renderTable like any others.

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** May be narrowed and word-wrapped to fit. */
  wrap?: boolean;
}

export interface TableOptions {
  /** A last row (totals), drawn in the header's style. */
  footer?: string[];
  /** Headers of the columns that may be left out, in this order, when the table cannot fit. */
  drop?: string[];
  /** The line under the table saying what was left out; '' says nothing. */
  note?: (dropped: string[]) => string;
}

/** A column with its cells: one per row, then the footer's when there is one. */
export interface Col extends Column {
  cells: string[];
}

const NO_BORDER = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '',
  right: '', 'right-mid': '', middle: '  ',
};

const GAP = 2;
const MIN_WRAP = 10;

/** Rows as a table for the terminal (`theme.layout`), or as tab-separated lines for a pipe. */
export function renderTable(columns: Column[], rows: string[][], width: number, theme: Theme, opts: TableOptions = {}): string {
  if (theme.layout === 'pipe') return tabLines([columns.map((c) => c.header), ...rows, ...(opts.footer ? [opts.footer] : [])]);
  const all = opts.footer ? [...rows, opts.footer] : rows;
  // Leave out the columns that may go, in order, until the rest fit; else one block per row.
  let keep = columns.map((_, i) => i);
  const dropped: string[] = [];
  let table: string | undefined;
  for (const next of [undefined, ...(opts.drop ?? [])]) {
    const i = columns.findIndex((c) => c.header === next);
    if (next !== undefined) {
      if (!keep.includes(i)) continue;
      keep = keep.filter((k) => k !== i);
      dropped.push(next);
    }
    const cols = keep.map((k) => columns[k]!);
    const pick = (r: string[]) => keep.map((k) => r[k] ?? '');
    const widths = widthsFor(cols, all.map(pick), width);
    if (widths) {
      table = drawTable(cols, rows.map(pick), widths, theme, opts.footer && pick(opts.footer));
      break;
    }
  }
  table ??= fitLines(renderBlocks(keep.map((k) => columns[k]!), all.map((r) => keep.map((k) => r[k] ?? '')), theme), width);
  if (dropped.length === 0) return table;
  const note = opts.note ? opts.note(dropped) : `(${dropped.join(', ')} left out to fit the terminal; --json has everything)`;
  return note ? `${table}\n${theme.dim(wrapText(note, width))}` : table;
}

/** The same table given column by column (`rowCount` rows, then the footer cells with `footer`). */
export function renderColumns(cols: Col[], rowCount: number, width: number, theme: Theme, opts: Omit<TableOptions, 'footer'> & { footer?: boolean } = {}): string {
  const rows = Array.from({ length: rowCount }, (_, r) => cols.map((c) => c.cells[r]!));
  const { footer, ...rest } = opts;
  return renderTable(cols, rows, width, theme, footer ? { ...rest, footer: cols.map((c) => c.cells[rowCount]!) } : rest);
}

/** One line per row, fields separated by tabs; a tab or line break inside a field becomes a space. */
function tabLines(rows: string[][]): string {
  return rows.map(tabLine).join('\n');
}

/** One row of a piped table (renderTable's lines, for a renderer that writes a long one out as it goes). */
export function tabLine(row: readonly string[]): string {
  return row.map(tabCell).join('\t');
}

/** A field of a piped table: a tab or line break in it (and the space around it) becomes a space. */
export function tabCell(cell: string): string {
  // Most cells have neither: they are not run through the pattern (a long history has many).
  return cell.includes('\t') || cell.includes('\n') ? cell.replace(/\s*[\t\n]\s*/g, ' ') : cell;
}

function widthsFor(columns: Column[], all: string[][], width: number): number[] | undefined {
  const natural = columns.map((c, i) => Math.max(visibleWidth(c.header), ...all.map((r) => maxLineWidth(r[i] ?? ''))));
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

function maxLineWidth(cell: string): number {
  return cell.includes('\n') ? Math.max(...cell.split('\n').map(visibleWidth)) : visibleWidth(cell);
}

/** Splits plain words wider than `width` so cli-table3 wraps them instead of cutting them off with "…". */
function breakLongWords(cell: string, width: number): string {
  if (cell.includes('\u001b') || visibleWidth(cell) <= width) return cell;
  return cell.replace(/\S+/gu, (word) => {
    if (visibleWidth(word) <= width) return word;
    const parts: string[] = [];
    let part = '';
    for (const ch of word) {
      if (part && visibleWidth(part + ch) > width) {
        parts.push(part);
        part = '';
      }
      part += ch;
    }
    return [...parts, part].join(' ');
  });
}

// cli-table3 checks each cell against the cells before it for row spans, so one table costs time
// in the square of its rows. Long tables are drawn in slices with the same fixed column widths,
// which gives the same lines.
const SLICE = 100;

function drawTable(columns: Column[], rows: string[][], widths: number[], theme: Theme, footer?: string[]): string {
  const fitted = rows.map((r) => r.map((cell, i) => (columns[i]?.wrap ? breakLongWords(cell, widths[i]!) : cell)));
  const body = footer ? [...fitted, footer.map((f) => theme.heading(f))] : fitted;
  const head = columns.map((c) => theme.heading(c.header));
  const lines: string[] = [];
  for (let start = 0; start === 0 || start < body.length; start += SLICE) {
    const table = new Table({
      ...(start === 0 ? { head } : {}),
      colWidths: widths,
      colAligns: columns.map((c) => c.align ?? 'left'),
      wordWrap: true,
      wrapOnWordBoundary: true,
      chars: NO_BORDER,
      style: { head: [], border: [], compact: true, 'padding-left': 0, 'padding-right': 0 },
    });
    table.push(...body.slice(start, start + SLICE));
    const text = table.toString();
    if (text) lines.push(...text.split('\n').map((l) => l.trimEnd()));
  }
  return lines.join('\n');
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
