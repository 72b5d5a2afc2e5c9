import type { ChalkInstance } from 'chalk';

// Colour only for people: never under NO_COLOR or --no-color, never when stdout is not a
// terminal, unless FORCE_COLOR asks for it. chalk is loaded only for colour: it looks at the
// terminal as it loads (node:tty, node:os), which a pipe never needs.

export type ColorLevel = 0 | 1 | 2 | 3;

export async function colorLevel(opts: { color?: boolean }, env: NodeJS.ProcessEnv, isTTY: boolean): Promise<ColorLevel> {
  if (opts.color === false) return 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    const n = Number(force);
    return n >= 1 && n <= 3 ? (n as 1 | 2 | 3) : 1;
  }
  if (!isTTY) return 0;
  const { supportsColor } = await import('chalk');
  return supportsColor ? supportsColor.level : 1;
}

/**
 * How output is laid out (STYLE.md §16): for a terminal (tables drawn and fitted, lines wrapped)
 * when stdout is one or colour is forced; for a pipe (tables as tab-separated lines) otherwise.
 */
export type Layout = 'terminal' | 'pipe';

export interface Theme {
  layout: Layout;
  /** The colour level it draws with (0: none). */
  level: ColorLevel;
  heading(s: string): string;
  dim(s: string): string;
  good(s: string): string;
  bad(s: string): string;
  warn(s: string): string;
  name(s: string): string;
  /** A search match inside a text. */
  match(s: string): string;
  /** A signed balance: green above zero, red below. */
  balance(n: number): string;
}

/** The theme for a colour level: with chalk (`new Chalk({ level })`) for colour, plain text without. */
export function makeTheme(layout: Layout = 'terminal', chalk?: ChalkInstance): Theme {
  if (!chalk || chalk.level === 0) {
    const same = (s: string) => s;
    return { layout, level: 0, heading: same, dim: same, good: same, bad: same, warn: same, name: same, match: same, balance: (n) => (n > 0 ? `+${n}` : String(n)) };
  }
  return {
    layout,
    level: chalk.level,
    heading: (s) => chalk.bold(s),
    dim: (s) => chalk.dim(s),
    good: (s) => chalk.green(s),
    bad: (s) => chalk.red(s),
    warn: (s) => chalk.yellow(s),
    name: (s) => chalk.bold(s),
    match: (s) => chalk.bold.yellow(s),
    balance: (n) => (n > 0 ? chalk.green(`+${n}`) : n < 0 ? chalk.red(String(n)) : String(n)),
  };
}

/** The theme for a colour level, loading chalk only when there is colour. */
export async function themeFor(level: ColorLevel, layout: Layout): Promise<Theme> {
  if (level === 0) return makeTheme(layout);
  const { Chalk } = await import('chalk');
  return makeTheme(layout, new Chalk({ level }));
}
