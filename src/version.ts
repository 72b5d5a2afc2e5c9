import { readFileSync } from 'node:fs';

// netlog's version has one home, package.json. `netlog --version` alone is answered by
// bin/netlog.cjs from it before any of this loads; `--version` with other flags is answered here:
// in the bundle from package.json as it was built (scripts/build.js), from the sources by reading it.
declare const __NETLOG_VERSION__: string | undefined;

/** The version in package.json. */
export function version(): string {
  if (typeof __NETLOG_VERSION__ === 'string') return __NETLOG_VERSION__;
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

// Set by scripts/build.js in the bundle: a hash of the bundle itself.
declare const __NETLOG_BUILD__: string | undefined;

/** The bundle's build id; undefined when netlog runs from its sources (the tests). */
export function buildId(): string | undefined {
  return typeof __NETLOG_BUILD__ === 'string' ? __NETLOG_BUILD__ : undefined;
}

