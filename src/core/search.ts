import type { Journal } from './schema.js';
import { localDayOfTimestamp, type Day } from './dates.js';
import { madeOnWith } from './promises.js';
import { fold } from './names.js';

// `netlog search` (SPEC §6.2): every word of the query must be found, ignoring case and accents,
// in what people wrote. One pass over each kind of record; each text is folded once and the
// folded words are found with indexOf, so no pattern is built per word or per record.

export type HitKind = 'interaction' | 'promise' | 'contact' | 'event' | 'want';

export interface SearchHit {
  kind: HitKind;
  id: string;
  date: Day;
  contactIds: string[];
  /** Which field matched: note, gave.note, text, name, aliases, company, … */
  field: string;
  text: string;
}

export interface SearchSpec {
  query: string;
  /** Only records with this person. */
  contactId?: string;
  /** Only records dated on or after this day. */
  since?: Day;
  /** Bounds the date of a promise made outside a meeting (its createdAt may be later than a fixed today). */
  today: Day;
}

export interface SearchResult {
  query: string;
  hits: SearchHit[];
}


/** The query's words, folded, each once. */
export function queryWords(query: string): string[] {
  return [...new Set(fold(query).split(/\s+/).filter(Boolean))];
}

interface Field {
  field: string;
  text: string;
}

/** The fields where any word is found, when every word is found in one of them; else undefined. */
function matching(fields: readonly Field[], words: readonly string[]): Field[] | undefined {
  const folded = fields.map((f) => fold(f.text));
  for (const w of words) {
    let found = false;
    for (let k = 0; k < folded.length && !found; k++) found = folded[k]!.indexOf(w) >= 0;
    if (!found) return undefined;
  }
  return fields.filter((_, k) => words.some((w) => folded[k]!.indexOf(w) >= 0));
}

const ORDER: Record<HitKind, number> = { interaction: 0, promise: 1, want: 2, event: 3, contact: 4 };

/** Every hit, newest first. A record matches when each word is in one of its fields; a hit is shown per field that has a word. */
export function search(journal: Journal, spec: SearchSpec): SearchResult {
  const words = queryWords(spec.query);
  const hits: SearchHit[] = [];
  if (words.length === 0) return { query: spec.query, hits };
  const who = spec.contactId;
  const since = spec.since;
  const dated = (d: Day) => since === undefined || d >= since;
  const push = (kind: HitKind, id: string, date: Day, contactIds: string[], fields: Field[] | undefined) => {
    if (fields) for (const f of fields) hits.push({ kind, id, date, contactIds, field: f.field, text: f.text });
  };

  const interactionDate = new Map<string, Day>();
  const attendees = new Map<string, Set<string>>();
  for (const i of journal.interactions) {
    interactionDate.set(i.id, i.date);
    if (i.eventId !== undefined) {
      let set = attendees.get(i.eventId);
      if (!set) attendees.set(i.eventId, (set = new Set()));
      for (const c of i.contactIds) set.add(c);
    }
    if (!dated(i.date)) continue;
    if (who !== undefined && !i.contactIds.includes(who) && ![...i.gave, ...i.asked, ...i.received].some((x) => x.for === who)) continue;
    const fields: Field[] = [];
    if (i.note) fields.push({ field: 'note', text: i.note });
    for (const list of ['gave', 'asked', 'received'] as const) for (const item of i[list]) if (item.note) fields.push({ field: `${list}.note`, text: item.note });
    if (fields.length) push('interaction', i.id, i.date, i.contactIds, matching(fields, words));
  }

  for (const p of journal.promises) {
    if (who !== undefined && p.contactId !== who) continue;
    const date = madeOnWith(p, (id) => interactionDate.get(id), spec.today);
    if (!dated(date)) continue;
    push('promise', p.id, date, [p.contactId], matching([{ field: 'text', text: p.text }], words));
  }

  for (const c of journal.contacts) {
    if (who !== undefined && c.id !== who) continue;
    for (const w of c.wants ?? []) if (dated(w.since)) push('want', w.id, w.since, [c.id], matching([{ field: 'text', text: w.text }], words));
    const added = localDayOfTimestamp(c.createdAt);
    if (!dated(added)) continue;
    const fields: Field[] = [{ field: 'name', text: c.name }];
    for (const a of c.aliases) fields.push({ field: 'aliases', text: a });
    if (c.company) fields.push({ field: 'company', text: c.company });
    if (c.role) fields.push({ field: 'role', text: c.role });
    if (c.notes) fields.push({ field: 'notes', text: c.notes });
    for (const t of c.tags) fields.push({ field: 'tags', text: t });
    push('contact', c.id, added, [c.id], matching(fields, words));
  }

  for (const e of journal.events) {
    if (!dated(e.date)) continue;
    const people = [...(attendees.get(e.id) ?? [])];
    if (who !== undefined && !people.includes(who)) continue;
    push('event', e.id, e.date, people, matching([{ field: 'name', text: e.name }], words));
  }

  hits.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : ORDER[a.kind] - ORDER[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  return { query: spec.query, hits };
}

/**
 * Where the words are in `text` (as [start, end) ranges of the original text, merged), found on
 * the folded text: each character is folded on its own so positions map back.
 */
export function matchRanges(text: string, words: readonly string[]): [number, number][] {
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const f = fold(ch);
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += ch.length;
  }
  origin.push(text.length);
  const ranges: [number, number][] = [];
  for (const w of words) {
    for (let at = folded.indexOf(w); at >= 0; at = folded.indexOf(w, at + w.length)) {
      const end = at + w.length;
      // The end is the original position after the last matched folded character.
      const last = origin[end - 1]!;
      let after = last + String.fromCodePoint(text.codePointAt(last)!).length;
      // Accents written as separate marks belong to the letter they sit on.
      while (after < text.length && /\p{M}/u.test(text[after]!)) after++;
      ranges.push([origin[at]!, after]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const top = merged[merged.length - 1];
    if (top && r[0] <= top[1]) top[1] = Math.max(top[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}
