import { describe, expect, it } from 'vitest';
import { colorLevel } from '../../src/ui/theme.js';

describe('colorLevel', () => {
  it.each([
    // [--no-color given, NO_COLOR, FORCE_COLOR, stdout is a terminal, level]
    [false, undefined, undefined, false, 0],
    [false, undefined, '1', false, 1],
    [false, undefined, '3', false, 3],
    [false, undefined, '0', true, 0],
    [false, undefined, 'false', true, 0],
    [false, undefined, '', false, 1],
    [false, '1', '1', true, 0],
    [false, '1', undefined, true, 0],
    [false, '', undefined, false, 0],
    [true, undefined, '1', true, 0],
    [true, undefined, undefined, true, 0],
  ] as const)('no-color=%s NO_COLOR=%s FORCE_COLOR=%s tty=%s → %i', async (noColor, noColorEnv, force, tty, level) => {
    const env: NodeJS.ProcessEnv = {};
    if (noColorEnv !== undefined) env.NO_COLOR = noColorEnv;
    if (force !== undefined) env.FORCE_COLOR = force;
    expect(await colorLevel(noColor ? { color: false } : {}, env, tty)).toBe(level);
  });

  it('is on in a terminal when nothing says otherwise', async () => {
    expect(await colorLevel({}, {}, true)).toBeGreaterThan(0);
  });
});
