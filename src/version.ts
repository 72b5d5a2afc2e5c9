import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// netlog's version has one home, package.json. `netlog --version` alone is answered by
// bin/netlog.cjs from it before any of this loads; `--version` with other flags is answered here,
// from the same file (this module is bundled into dist/cli.js, one level down like src/).

/** The version in package.json, read when asked. */
export function version(): string {
  return (createRequire(import.meta.url)('../package.json') as { version: string }).version;
}

let build: string | undefined;

/**
 * The hash of the bundle running (its last line: scripts/build.js), or '' from the sources: what
 * is derived from netlog's output (a kept due list and its text) is keyed by it, since a build
 * with other code and the same version may print otherwise.
 */
export function buildId(): string {
  if (build === undefined) {
    build = '';
    try {
      const self = import.meta.url.startsWith('file:') ? fileURLToPath(import.meta.url) : import.meta.url;
      const fd = openSync(self, 'r');
      try {
        const size = fstatSync(fd).size;
        const tail = Buffer.alloc(Math.min(64, size));
        readSync(fd, tail, 0, tail.length, size - tail.length);
        build = /\/\/# netlog-build=(\w+)\n$/.exec(tail.toString('latin1'))?.[1] ?? '';
      } finally {
        closeSync(fd);
      }
    } catch {
      // not a bundle netlog built: the version alone tells builds apart
    }
  }
  return build;
}
