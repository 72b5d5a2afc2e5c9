import wrapAnsi from 'wrap-ansi';
import { visibleWidth } from './width.js';

// The last line of defence for narrow terminals: any line still wider than the terminal is
// word-wrapped (colour codes kept, long words broken), continuing under its own indent.

/** Wraps each line longer than `width`; shorter lines are left exactly as they are. */
export function fitLines(text: string, width: number): string {
  // A pipe has no width: its lines are left whole.
  if (width === Infinity) return text;
  return text
    .split('\n')
    .map((line) => {
      // Most lines fit: measuring them is cheap, wrap-ansi's own measure (grapheme by grapheme) is not.
      if (visibleWidth(line) <= width) return line;
      // wrap-ansi leaves a line that fits exactly as it is.
      if (!wrapAnsi(line, width, { hard: true, trim: false }).includes('\n')) return line;
      const indent = /^ */.exec(line)![0].length;
      const hang = Math.min(indent + 2, Math.floor(width / 2));
      // Wrapped to the continuation lines' width, so the less indented first line fits too.
      const parts = wrapAnsi(line.slice(indent), width - hang, { hard: true, trim: true }).split('\n');
      return parts.map((p, i) => ' '.repeat(i === 0 ? indent : hang) + p).join('\n');
    })
    .join('\n');
}
