import { describe, expect, it } from 'vitest';
import { fitLines } from '../../src/ui/wrap.js';
import { visibleWidth } from '../../src/ui/table.js';

describe('fitLines', () => {
  it.each([
    ['short', 10, 'short'],
    ['one two three four', 10, 'one two\n  three\n  four'],
    ['  indented words here', 12, '  indented\n    words\n    here'],
    ['https://example.com/very/long', 10, 'https://\n  example.\n  com/very\n  /long'],
  ])('%j at %i', (text, width, out) => {
    expect(fitLines(text, width)).toBe(out);
  });

  it('keeps colour codes and counts only visible characters', () => {
    const red = '\u001b[31mred words that go on\u001b[39m';
    const out = fitLines(red, 10);
    for (const line of out.split('\n')) expect(visibleWidth(line)).toBeLessThanOrEqual(10);
    expect(out).toContain('\u001b[31m');
  });
});
