import { afterAll, vi } from 'vitest';

// Test files share a worker and the modules they import (vitest.config.ts: isolate: false; a
// fresh worker per file cost more than a third of the suite). vitest keeps each file's vi.mock
// to that file; this keeps what a file changes in the process (environment, folder, timers,
// stubs and spies) from reaching the next one.

const env = { ...process.env };
const cwd = process.cwd();

afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key];
  Object.assign(process.env, env);
  if (process.cwd() !== cwd) process.chdir(cwd);
});
