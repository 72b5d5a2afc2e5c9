import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // End-to-end tests run netlog in process (test/helpers/cli.ts), and dates use the process's
    // time zone: the same TZ the spawned bin gets.
    env: { TZ: 'UTC' },
    // One worker process runs file after file (a new one per file was a third of the suite's
    // time); test/setup.ts puts back the environment and folder after each file.
    isolate: false,
    setupFiles: ['test/setup.ts'],
  },
});
