import { describe, expect, it } from 'vitest';
import { safe, stripUnsafe } from '../../src/ui/sanitize.js';

describe('safe: nothing invisible or terminal-driving reaches the screen raw', () => {
  it.each([
    ['Evil\u001b[31mName', 'Evil\\x1B[31mName'],
    ['Dana\u200bLee', 'Dana\\u200BLee'],
    ['Dana\u2060Lee', 'Dana\\u2060Lee'],
    ['\ufeffDana', '\\uFEFFDana'],
    ['Da\u00adna', 'Da\\xADna'],
    ['Dana\u{e0041}\u{e0042}', 'Dana\\u{E0041}\\u{E0042}'],
    ['left\u202eright', 'left\\u202Eright'],
    ['Zoë Kowalski', 'Zoë Kowalski'],
    ['山田 太郎', '山田 太郎'],
  ])('%j → %s', (text, shown) => {
    expect(safe(text)).toBe(shown);
  });

  it('keeps the joiners and selectors that are part of an emoji', () => {
    expect(safe('Dana 👩\u200d💻')).toBe('Dana 👩\u200d💻');
    expect(safe('Dana ❤\ufe0f')).toBe('Dana ❤\ufe0f');
    expect(safe('Dana\u200d')).toBe('Dana\\u200D');
  });

  it('stripUnsafe drops the same characters', () => {
    expect(stripUnsafe('Dana\u200bLee\u{e0041}')).toBe('DanaLee');
  });
});
