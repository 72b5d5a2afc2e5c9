import type { Journal } from '../core/schema.js';

// The file is written with a stable key order (SPEC §2) so it diffs well; keys netlog does not
// know (added by hand or by a newer tool) are kept, after the known ones.

const ORDER = {
  top: ['version', 'settings', 'contacts', 'interactions', 'promises', 'events'],
  settings: ['defaultCadenceDays', 'followUpDays', 'tagCadences'],
  contact: ['id', 'name', 'aliases', 'emails', 'phones', 'company', 'role', 'tags', 'cadenceDays', 'source', 'notes', 'snoozedUntil', 'dates', 'introducedBy', 'wants', 'createdAt', 'updatedAt', 'archived'],
  interaction: ['id', 'date', 'contactIds', 'kind', 'note', 'gave', 'asked', 'received', 'eventId', 'source', 'createdAt', 'updatedAt'],
  item: ['type', 'note', 'for', 'link'],
  promise: ['id', 'contactId', 'owner', 'text', 'due', 'createdAt', 'updatedAt', 'doneOn', 'droppedOn', 'interactionId'],
  event: ['id', 'name', 'date', 'location', 'notes', 'createdAt', 'updatedAt'],
} as const;

type Obj = Record<string, unknown>;

// Writing a 100k-interaction journal must cost little more than JSON.stringify, so nothing is
// copied when the key order is already right (the usual case: netlog wrote the file and makes
// records in this order). Only a record whose keys are out of order is rebuilt, and only the
// arrays and objects on the way to it are copied; the journal passed in is never changed.

const INDEX = Object.fromEntries(
  Object.entries(ORDER).map(([kind, keys]) => [kind, Object.assign(Object.create(null) as Record<string, number>, Object.fromEntries(keys.map((k, i) => [k, i])))]),
) as Record<keyof typeof ORDER, Record<string, number>>;

/** Known keys in the canonical order, then the unknown ones. */
function inOrder(value: Obj, index: Record<string, number>): boolean {
  let last = -1;
  let unknownSeen = false;
  for (const k in value) {
    if (value[k] === undefined) continue;
    const i = index[k];
    if (i === undefined) unknownSeen = true;
    else if (unknownSeen || i < last) return false;
    else last = i;
  }
  return true;
}

// The copies made here are only ever given to JSON.stringify, so they have no prototype: on a
// plain object, `out.__proto__ = v` would set the prototype instead of keeping a "__proto__"
// key from the file (JSON.parse makes it an own property), and `k in out` would see
// Object.prototype's names.
function ordered(value: Obj, keys: readonly string[]): Obj {
  const out = Object.create(null) as Obj;
  for (const k of keys) if (value[k] !== undefined) out[k] = value[k];
  for (const k of Object.keys(value)) if (!Object.hasOwn(out, k) && value[k] !== undefined) out[k] = value[k];
  return out;
}

/** A copy with the same keys in the same order ("__proto__" included: spread defines own properties). */
const copy = (value: Obj): Obj => ({ ...value });

/** The record itself when its keys are in order and `fix` changes none of its children; else a copy. */
function canonical(value: Obj, kind: keyof typeof ORDER, fix?: (key: string, v: unknown) => unknown): Obj {
  let out = inOrder(value, INDEX[kind]) ? value : ordered(value, ORDER[kind]);
  if (fix) {
    for (const k in out) {
      const v = out[k];
      if (v === undefined) continue;
      const f = fix(k, v);
      if (f !== v) {
        if (out === value) out = copy(value);
        out[k] = f; // a known key, never "__proto__"

      }
    }
  }
  return out;
}

/** The array itself when no element changes; else a copy with the changed elements. */
function mapSame<T>(list: T[], f: (x: T) => T): T[] {
  let out: T[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const x = list[i]!;
    const y = f(x);
    if (y !== x) (out ??= list.slice())[i] = y;
  }
  return out ?? list;
}

const item = (i: Obj) => canonical(i, 'item');
const itemLists = (k: string, x: unknown) => (k === 'gave' || k === 'asked' || k === 'received' ? mapSame(x as Obj[], item) : x);

/** The journal as it is written to disk: 2-space JSON, stable key order, trailing newline. */
export function serializeJournal(journal: Journal): string {
  const doc = canonical(journal as unknown as Obj, 'top', (key, v) => {
    switch (key) {
      case 'settings':
        return canonical(v as Obj, 'settings');
      case 'contacts':
        return mapSame(v as Obj[], (c) => canonical(c, 'contact'));
      case 'interactions':
        return mapSame(v as Obj[], (i) => canonical(i, 'interaction', itemLists));
      case 'promises':
        return mapSame(v as Obj[], (p) => canonical(p, 'promise'));
      case 'events':
        return mapSame(v as Obj[], (e) => canonical(e, 'event'));
      default:
        return v;
    }
  });
  return JSON.stringify(doc, null, 2) + '\n';
}
