import { createRequire } from 'node:module';

// netlog's version has one home, package.json. `netlog --version` alone is answered by
// bin/netlog.cjs from it before any of this loads; `--version` with other flags is answered here,
// from the same file (this module is bundled into dist/cli.js, one level down like src/).

/** The version in package.json, read when asked. */
export function version(): string {
  return (createRequire(import.meta.url)('../package.json') as { version: string }).version;
}

// Set by scripts/build.js in the bundle: a hash of the bundle itself.
declare const __NETLOG_BUILD__: string | undefined;

/** The bundle's build id; undefined when netlog runs from its sources (the tests). */
export function buildId(): string | undefined {
  return typeof __NETLOG_BUILD__ === 'string' ? __NETLOG_BUILD__ : undefined;
}
