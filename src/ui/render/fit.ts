import type { Theme } from '../theme.js';
import { renderTable, visibleWidth, type Column } from '../table.js';
import { wrapText } from '../format.js';

// Narrow terminals: rather than letting a wide table fall back to one block per row, drop the
// columns that matter least until the rest fit, and say which were left out.

const MIN_WRAP = 10;
const GAP = 2;

export interface Col extends Column {
  /** Cells, one per row, then the footer cell when there is a footer. */
  cells: string[];
}

/** The narrowest a column can get in renderTable: wrapped ones down to 10. */
function minWidth(c: Col): number {
  const natural = Math.max(visibleWidth(c.header), ...c.cells.map(visibleWidth));
  return c.wrap ? Math.min(natural, MIN_WRAP) : natural;
}

/** Drops columns, in the order given, until the rest fit `width`. */
export function fit(cols: Col[], dropOrder: string[], width: number): { cols: Col[]; dropped: string[] } {
  const kept = [...cols];
  const dropped: string[] = [];
  const need = () => kept.reduce((sum, c) => sum + minWidth(c), 0) + GAP * (kept.length - 1);
  for (const header of dropOrder) {
    if (need() <= width) break;
    const i = kept.findIndex((c) => c.header === header);
    if (i >= 0) dropped.push(...kept.splice(i, 1).map((c) => c.header));
  }
  return { cols: kept, dropped };
}

/**
 * The table of these columns; with `footer`, each column's last cell is the footer row. `note`
 * says what was left out (an empty note says nothing).
 */
export function fittedTable(cols: Col[], dropOrder: string[], rowCount: number, width: number, theme: Theme, footer = false, note?: (dropped: string[]) => string): string {
  const f = fit(cols, dropOrder, width);
  const rows = Array.from({ length: rowCount }, (_, i) => f.cols.map((c) => c.cells[i]!));
  const table = renderTable(f.cols, rows, width, theme, footer ? f.cols.map((c) => c.cells[rowCount]!) : undefined);
  if (f.dropped.length === 0) return table;
  const text = note ? note(f.dropped) : `(${f.dropped.join(', ')} left out to fit the terminal; --json has everything)`;
  return text ? `${table}\n${theme.dim(wrapText(text, width))}` : table;
}
