import { spawn, type ChildProcess } from 'node:child_process';
import { BIN, baseEnv, type Env } from './cli.js';

// Running the CLI asynchronously: many at once (concurrency), or to kill it mid-write.

export interface Running {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Spawns a command (default: the netlog bin under node) without waiting for it. */
export function start(args: string[], env: Env, cmd: string[] = [process.execPath, BIN]): Running {
  const child = spawn(cmd[0]!, [...cmd.slice(1), ...args], { env: baseEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}
