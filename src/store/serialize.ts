import type { Journal } from '../core/schema.js';

// The file is written with a stable key order (SPEC §2) so it diffs well; keys netlog does not
// know (added by hand or by a newer tool) are kept, after the known ones.

const ORDER = {
  top: ['version', 'settings', 'contacts', 'interactions', 'promises', 'events'],
  settings: ['defaultCadenceDays', 'followUpDays', 'tagCadences'],
  contact: ['id', 'name', 'aliases', 'emails', 'phones', 'company', 'role', 'tags', 'cadenceDays', 'source', 'notes', 'snoozedUntil', 'createdAt', 'archived'],
  interaction: ['id', 'date', 'contactIds', 'kind', 'note', 'gave', 'asked', 'received', 'eventId', 'createdAt'],
  item: ['type', 'note'],
  promise: ['id', 'contactId', 'text', 'due', 'createdAt', 'doneOn', 'interactionId'],
  event: ['id', 'name', 'date', 'location', 'notes'],
} as const;

type Obj = Record<string, unknown>;

function ordered(value: Obj, keys: readonly string[], child?: (key: string, v: unknown) => unknown): Obj {
  const out: Obj = {};
  for (const k of keys) if (value[k] !== undefined) out[k] = child ? child(k, value[k]) : value[k];
  for (const k of Object.keys(value)) if (!(k in out) && value[k] !== undefined) out[k] = value[k];
  return out;
}

const items = (v: unknown) => (v as Obj[]).map((i) => ordered(i, ORDER.item));

/** The journal as it is written to disk: 2-space JSON, stable key order, trailing newline. */
export function serializeJournal(journal: Journal): string {
  const j = journal as unknown as Obj;
  const doc = ordered(j, ORDER.top, (key, v) => {
    switch (key) {
      case 'settings':
        return ordered(v as Obj, ORDER.settings);
      case 'contacts':
        return (v as Obj[]).map((c) => ordered(c, ORDER.contact));
      case 'interactions':
        return (v as Obj[]).map((i) =>
          ordered(i, ORDER.interaction, (k, x) => (k === 'gave' || k === 'asked' || k === 'received' ? items(x) : x)),
        );
      case 'promises':
        return (v as Obj[]).map((p) => ordered(p, ORDER.promise));
      case 'events':
        return (v as Obj[]).map((e) => ordered(e, ORDER.event));
      default:
        return v;
    }
  });
  return JSON.stringify(doc, null, 2) + '\n';
}
