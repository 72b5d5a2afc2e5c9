#!/usr/bin/env node
'use strict';
// CommonJS on purpose: Node starts a CommonJS file without setting up its ES-module loader, which
// is a fifth of a bare start. So `netlog --version` answers from here, and everything else loads
// the bundled CLI (dist/cli.js, an ES module).
const argv = process.argv.slice(2);

if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  // Node 22.1+ can keep V8's compiled code between runs, which shortens every start; Node 20
  // does not have it and skips this. The CLI is imported after, so its modules use the cache.
  require('node:module').enableCompileCache?.();
  import('../dist/cli.js').then(
    async ({ main }) => {
      process.exitCode = await main(argv);
    },
    (e) => {
      process.stderr.write(`netlog: cannot load the CLI (${e.message})\nhint: run 'npm install' (it builds dist/) in ${require('node:path').dirname(__dirname)}\n`);
      process.exitCode = 1;
    },
  );
}
