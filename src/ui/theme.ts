import { Chalk, supportsColor, type ChalkInstance } from 'chalk';

// Colour only for people: never under NO_COLOR or --no-color, never when stdout is not a
// terminal, unless FORCE_COLOR asks for it.

export function colorLevel(opts: { color?: boolean }, env: NodeJS.ProcessEnv, isTTY: boolean): 0 | 1 | 2 | 3 {
  if (opts.color === false) return 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    const n = Number(force);
    return n >= 1 && n <= 3 ? (n as 1 | 2 | 3) : 1;
  }
  if (!isTTY) return 0;
  return supportsColor ? supportsColor.level : 1;
}

/**
 * How output is laid out (STYLE.md §16): for a terminal (tables drawn and fitted, lines wrapped)
 * when stdout is one or colour is forced; for a pipe (tables as tab-separated lines) otherwise.
 */
export type Layout = 'terminal' | 'pipe';

export interface Theme {
  chalk: ChalkInstance;
  layout: Layout;
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

export function makeTheme(level: 0 | 1 | 2 | 3, layout: Layout = 'terminal'): Theme {
  const chalk = new Chalk({ level });
  return {
    chalk,
    layout,
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
