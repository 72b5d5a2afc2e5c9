import type { Theme } from './theme.js';

// Tables that fit the terminal: columns keep their natural width when there is room; otherwise
// the columns marked `wrap` give way, and below a sensible width each row becomes a block.

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** May be narrowed and word-wrapped to fit. */
  wrap?: boolean;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
// eslint-disable-next-line no-control-regex
const PLAIN_TEXT = /^[\u0020-\u007e]*$/;

/** Printed width of a cell (colour codes take no room). */
export function visibleWidth(s: string): number {
  if (PLAIN_TEXT.test(s)) return s.length;
  let w = 0;
  for (const ch of s.replace(ANSI, '')) {
    const cp = ch.codePointAt(0)!;
    // Wide East Asian and emoji ranges take two columns.
    w += (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd) ? 2 : 1;
  }
  return w;
}

const GAP = 2;
const MIN_WRAP = 10;

/** Renders rows as a table no wider than `width`, or as blocks when even that cannot fit. */
export function renderTable(columns: Column[], rows: string[][], width: number, theme: Theme, footer?: string[]): string {
  const all = footer ? [...rows, footer] : rows;
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
  if (excess > 0) return renderBlocks(columns, all, theme);

  const lines: string[] = [];
  const emit = (cells: string[], style?: (s: string) => string) => {
    const wrapped = columns.map((_, i) => wrapCell(style ? style(cells[i] ?? '') : (cells[i] ?? ''), widths[i]!));
    const height = Math.max(...wrapped.map((w) => w.length));
    for (let l = 0; l < height; l++) {
      let line = '';
      for (let i = 0; i < columns.length; i++) {
        const text = wrapped[i]![l] ?? '';
        const pad = ' '.repeat(Math.max(0, widths[i]! - visibleWidth(text)));
        line += (i ? ' '.repeat(GAP) : '') + (columns[i]!.align === 'right' ? pad + text : text + pad);
      }
      lines.push(line.trimEnd());
    }
  };
  emit(columns.map((c) => c.header), theme.heading);
  for (const r of rows) emit(r);
  if (footer) emit(footer, theme.heading);
  return lines.join('\n');
}

// Cell layout, done here rather than by cli-table3: its layout is quadratic in the number of
// cells (a `due` of 1,800 items took seconds). Same rules: wrap on spaces, keep colours open
// across wrapped lines by closing them at each line end and reopening them on the next.

// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[([0-9;]*)m/g;

/** The style a code belongs to, and the code that ends it. */
function sgrGroup(code: number): [group: string, close: string] | undefined {
  if ((code >= 30 && code <= 38) || (code >= 90 && code <= 97)) return ['fg', '39'];
  if ((code >= 40 && code <= 48) || (code >= 100 && code <= 107)) return ['bg', '49'];
  if (code === 1 || code === 2) return ['weight', '22'];
  if (code === 3 || code === 4 || code === 7 || code === 8 || code === 9) return [String(code), String(code + 20)];
  return undefined;
}

/** Updates the open styles with every colour code in `text`. */
function track(open: Map<string, string>, text: string): void {
  if (!text.includes('\u001b')) return;
  for (const m of text.matchAll(SGR)) {
    const code = Number(m[1]!.split(';')[0] || 0);
    if (code === 0) open.clear();
    else if (code === 39) open.delete('fg');
    else if (code === 49) open.delete('bg');
    else if (code === 22) open.delete('weight');
    else if (code >= 23 && code <= 29) open.delete(String(code - 20));
    else {
      const g = sgrGroup(code);
      if (g) open.set(g[0], m[0]);
    }
  }
}

function closeAll(open: Map<string, string>): string {
  let s = '';
  for (const g of open.keys()) s += `\u001b[${g === 'fg' ? 39 : g === 'bg' ? 49 : g === 'weight' ? 22 : Number(g) + 20}m`;
  return s;
}

/** Splits a word wider than the column into column-wide pieces (colour codes take no room). */
function hardBreak(word: string, width: number): string[] {
  const out: string[] = [];
  let piece = '';
  let w = 0;
  for (let i = 0; i < word.length; ) {
    if (word.charCodeAt(i) === 0x1b) {
      SGR.lastIndex = i;
      const m = SGR.exec(word);
      if (m && m.index === i) {
        piece += m[0];
        i += m[0].length;
        continue;
      }
    }
    const ch = String.fromCodePoint(word.codePointAt(i)!);
    const cw = visibleWidth(ch);
    if (w + cw > width && w > 0) {
      out.push(piece);
      piece = '';
      w = 0;
    }
    piece += ch;
    w += cw;
    i += ch.length;
  }
  SGR.lastIndex = 0;
  if (piece) out.push(piece);
  return out;
}

/** A cell's text as lines no wider than `width`. */
function wrapCell(text: string, width: number): string[] {
  const raw: string[] = [];
  for (const para of text.split('\n')) {
    if (para !== '' && para.length <= width && PLAIN_TEXT.test(para)) {
      raw.push(para);
      continue;
    }
    const parts = para.split(/(\s+)/);
    let line = '';
    let len = 0;
    for (let i = 0; i < parts.length; i += 2) {
      const word = parts[i]!;
      const space = i > 0 ? parts[i - 1]! : '';
      const ww = visibleWidth(word);
      if (len > 0 && len + space.length + ww <= width) {
        line += space + word;
        len += space.length + ww;
        continue;
      }
      if (len > 0) raw.push(line);
      if (ww > width) {
        const pieces = hardBreak(word, width);
        raw.push(...pieces.slice(0, -1));
        line = pieces[pieces.length - 1] ?? '';
        len = visibleWidth(line);
      } else {
        line = word;
        len = ww;
      }
    }
    if (line) raw.push(line);
  }
  if (raw.length === 0) return [''];
  if (!text.includes('\u001b')) return raw;
  // Colours that run across a line break: close at the end of the line, reopen on the next.
  const open = new Map<string, string>();
  return raw.map((l) => {
    const reopen = [...open.values()].join('');
    track(open, l);
    return reopen + l + closeAll(open);
  });
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
