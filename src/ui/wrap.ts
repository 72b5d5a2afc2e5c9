import wrapAnsi from 'wrap-ansi';
import { visibleWidth } from './table.js';

// The last line of defence for narrow terminals: any line still wider than the terminal is
// word-wrapped (colour codes kept, long words broken), continuing under its own indent.

/** Wraps each line longer than `width`; shorter lines are left exactly as they are. */
export function fitLines(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      if (visibleWidth(line) <= width) return line;
      const indent = /^ */.exec(line)![0].length;
      const hang = Math.min(indent + 2, Math.floor(width / 2));
      const first = indent;
      const body = wrapAnsi(line.slice(indent), width - hang, { hard: true, trim: true });
      const parts = body.split('\n');
      // The first piece may use the width its own indent leaves.
      return parts.map((p, i) => (i === 0 ? ' '.repeat(first) + p : ' '.repeat(hang) + p)).join('\n');
    })
    .join('\n');
}
