import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BIN, ROOT, baseEnv } from './cli.js';

// Runs the built CLI in a pseudo-terminal through test/helpers/pty_driver.py (python3's pty
// module: on every CI machine, unlike tmux), typing keys when the expected text is on screen.

export const KEY = { enter: '\r', down: '\u001b[B', up: '\u001b[A', ctrlC: '\u0003' } as const;

export type Step = { expect: string } | { send: string } | { expect: string; send: string };

export interface PtyRun {
  code: number | null;
  output: string;
  timedOut: boolean;
  waitingFor: string | null;
}

export function runInPty(args: string[], opts: { env: Record<string, string>; steps: Step[]; timeoutSeconds?: number }): PtyRun {
  const spec = {
    argv: [process.execPath, BIN, ...args],
    env: baseEnv({ TERM: 'xterm-256color', ...opts.env }),
    cols: 100,
    rows: 30,
    timeout: opts.timeoutSeconds ?? 20,
    steps: opts.steps,
  };
  const r = spawnSync('python3', [join(ROOT, 'test', 'helpers', 'pty_driver.py')], {
    input: JSON.stringify(spec),
    encoding: 'utf8',
    timeout: (spec.timeout + 10) * 1000,
  });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`pty driver failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as PtyRun;
}
