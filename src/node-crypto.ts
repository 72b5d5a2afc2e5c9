import { createRequire } from 'node:module';
import type * as Crypto from 'node:crypto';

// node:crypto loads a few dozen of Node's own modules as it is imported, a noticeable part of a
// short run, and only writes need it (new ids, temp names, undo's hashes). So it is loaded on
// first use, through this one function.

let loaded: typeof Crypto | undefined;

/** node:crypto, loaded the first time it is asked for. */
export function nodeCrypto(): typeof Crypto {
  return (loaded ??= createRequire(import.meta.url)('node:crypto') as typeof Crypto);
}
