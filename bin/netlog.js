#!/usr/bin/env node
import module from 'node:module';

// Node 22.1+ can keep V8's compiled code between runs, which shortens every start; older Nodes
// do not have it and skip this. The CLI is imported after, so its modules use the cache.
module.enableCompileCache?.();
const { main } = await import('../dist/cli.js');

process.exitCode = await main(process.argv.slice(2));
