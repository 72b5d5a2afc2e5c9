import { JOURNAL_VERSION } from '../core/journal.js';
import { buildId, version } from '../version.js';

// What checked a journal, as the records of checked files keep it (store/trust.ts): a record
// made by another netlog is not believed. Run from the bundle, netlog's build id stands for its
// rules (any change to its code changes the id, and the schema library is not loaded to say so);
// run from the sources (the tests), a fingerprint of the schema does.

let id: string | undefined;

export async function checkerId(): Promise<string> {
  if (id === undefined) {
    const build = buildId();
    const rules = build !== undefined ? `build ${build}` : (await import('./validate.js')).schemaFingerprint();
    id = `${version()} ${JOURNAL_VERSION} ${rules}`;
  }
  return id;
}
