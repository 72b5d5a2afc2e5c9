import { JOURNAL_VERSION } from '../core/journal.js';

// Older journal formats are brought up to date one version at a time: MIGRATIONS[n] turns a
// version-n document into version n+1. Each step keeps fields it does not know about. The store
// keeps the old file as a backup before it writes a migrated journal.

type Doc = Record<string, unknown>;

/** Version 0 was the prototype format: one contact per interaction (`contactId`), no `received`, no settings or events. */
function v0to1(doc: Doc): Doc {
  const interactions = Array.isArray(doc.interactions) ? doc.interactions : [];
  return {
    ...doc,
    version: 1,
    settings: doc.settings ?? {},
    events: doc.events ?? [],
    promises: doc.promises ?? [],
    interactions: interactions.map((raw) => {
      const i = { ...(raw as Doc) };
      if (!('contactIds' in i) && 'contactId' in i) {
        i.contactIds = [i.contactId];
        delete i.contactId;
      }
      i.received ??= [];
      return i;
    }),
  };
}

export const MIGRATIONS: Readonly<Record<number, (doc: Doc) => Doc>> = { 0: v0to1 };

/** True when netlog knows how to bring this version up to date. */
export function canMigrate(version: number, registry = MIGRATIONS, target = JOURNAL_VERSION): boolean {
  for (let v = version; v < target; v++) if (!registry[v]) return false;
  return Number.isInteger(version) && version <= target;
}

/** Applies the migrations from `version` up to the current one. */
export function migrate(doc: Doc, version: number, registry = MIGRATIONS, target = JOURNAL_VERSION): Doc {
  let out = doc;
  for (let v = version; v < target; v++) {
    const step = registry[v];
    if (!step) throw new Error(`no migration from journal version ${v}`);
    out = step(out);
    out.version = v + 1;
  }
  return out;
}
