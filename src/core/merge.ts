import type { Contact, Interaction, Journal, NetEvent, NetPromise, Settings } from './schema.js';
import { nameKey } from './names.js';
import { emailKey, mergeContacts, phoneKey } from './contacts.js';
import { tagKey } from './cadence.js';

// A three-way merge of journals (SPEC §6.4): what two devices did since their common ancestor,
// record by record and field by field, with nothing added on either side lost.
//
// Symmetry by construction: wherever one side must win (a field changed two ways, the order of
// a list), the sides are first ordered by what they contain — the later updatedAt, then the
// larger canonical text — never by which one is called "ours". So merge(b, x, y) and
// merge(b, y, x) settle every conflict the same way.

export type Side = 'ours' | 'theirs';
export const COLLECTIONS = ['contacts', 'interactions', 'promises', 'events'] as const;
export type Collection = (typeof COLLECTIONS)[number];

export interface Counts {
  added: number;
  changed: number;
  deleted: number;
}

/** A field changed to two different values: which one was kept and what became of the other. */
export interface Settled {
  collection: Collection | 'settings';
  id: string;
  /** The record in words: a contact's name, an interaction's date and kind. */
  label: string;
  field: string;
  kept: unknown;
  other: unknown;
  /** The side whose value was kept (the later change). */
  from: Side;
  /** What happened to the other value: made an alias, appended to the note, or dropped. */
  how: 'alias' | 'appended' | 'kept-text' | 'dropped';
}

export interface MergeReport {
  /** What each side did since the base. */
  ours: Record<Collection, Counts>;
  theirs: Record<Collection, Counts>;
  settled: Settled[];
  /** The same person (or event) created on both sides, folded into one. */
  folded: { collection: 'contacts' | 'events'; keptId: string; otherId: string; name: string }[];
  /** Deleted on one side but edited on the other: kept. */
  keptEdited: { collection: Collection; id: string; label: string; deletedBy: Side }[];
  /** Deleted on one side, but the other side's new records refer to it: kept. */
  revived: { collection: Collection; id: string; label: string; deletedBy: Side | 'both' }[];
}

export interface MergeResult {
  journal: Journal;
  report: MergeReport;
}

type Rec = { id: string; createdAt?: string; updatedAt?: string; [k: string]: unknown };
type Key = (x: unknown) => string;

/** JSON with object keys sorted and undefined left out: equal values give equal text. */
export function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'undefined';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
}

/** Deep equality of JSON values, ignoring key order and undefined keys (no strings built: it runs on every record). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    const v = x[k];
    if (v === undefined) continue;
    n++;
    if (!same(v, y[k])) return false;
  }
  for (const k in y) if (y[k] !== undefined) n--;
  return n === 0;
}

/** Two lists of records, element by element (shared objects compare at once). */
function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
  return true;
}

function sameJournal(a: Journal, b: Journal): boolean {
  return a === b || (same(a.settings, b.settings) && COLLECTIONS.every((c) => sameList(a[c], b[c])));
}

const stampOf = (r: Rec): string => r.updatedAt ?? r.createdAt ?? '';

/** Orders two versions of a record: the later change first; equal times by content. */
function later(o: Rec, t: Rec): 'o' | 't' {
  const so = stampOf(o);
  const st = stampOf(t);
  if (so !== st) return so > st ? 'o' : 't';
  return canonical(o) >= canonical(t) ? 'o' : 't';
}

const byContent: Key = (x) => canonical(x);
const asString = (f: (s: string) => string): Key => (x) => f(String(x));
const byField = (f: string): Key => (x) => String((x as Record<string, unknown>)[f]);

/** The list fields of each kind of record, and what makes two elements the same one. */
const LISTS: Record<Collection, Record<string, Key>> = {
  contacts: {
    aliases: asString(nameKey),
    emails: asString(emailKey),
    phones: asString(phoneKey),
    tags: asString(tagKey),
    dates: byField('label'),
    wants: byField('id'),
  },
  interactions: { contactIds: asString((s) => s), gave: byContent, asked: byContent, received: byContent },
  promises: {},
  events: {},
};

/** Free text: when changed two ways, the other text is appended rather than lost. */
const TEXTS: Record<Collection, string[]> = { contacts: ['notes'], interactions: ['note'], promises: [], events: ['notes'] };

/** One element's or value's three-way choice; `w` is the later side's. */
function pick3<T>(b: T | undefined, w: T, l: T): T {
  if (same(w, l) || same(l, b)) return w;
  if (same(w, b)) return l;
  return w;
}

/**
 * A list changed on both sides: both sides' additions and removals relative to the base. An
 * element removed on one side and changed on the other stays. Order: the later side's list,
 * then the other side's additions.
 */
function mergeList(b: unknown[], w: unknown[], l: unknown[], key: Key): unknown[] {
  // Items without an identity (two "intro"s given in one meeting) are told apart by how many
  // came before them, so a second one added on one side is not taken for the first.
  const multi = key === byContent;
  const keyed = (list: unknown[]): [string, unknown][] => {
    const n = new Map<string, number>();
    return list.map((x) => {
      let k = key(x);
      if (multi) {
        const i = n.get(k) ?? 0;
        n.set(k, i + 1);
        k = `${k}#${i}`;
      }
      return [k, x];
    });
  };
  const bl = keyed(b);
  const wl = keyed(w);
  const ll = keyed(l);
  const bk = new Map(bl);
  const wk = new Map(wl);
  const lk = new Map(ll);
  const out: unknown[] = [];
  const seen = new Set<string>();
  const push = (k: string, x: unknown) => {
    if (seen.has(k)) return;
    seen.add(k);
    out.push(x);
  };
  for (const [k, x] of wl) {
    if (lk.has(k)) push(k, pick3(bk.get(k), x, lk.get(k)));
    else if (!bk.has(k) || !same(x, bk.get(k))) push(k, x); // added here, or changed here and removed there
  }
  for (const [k, y] of ll) {
    if (wk.has(k)) continue;
    if (!bk.has(k) || !same(y, bk.get(k))) push(k, y);
  }
  return out;
}

function labelOf(collection: Collection, r: Rec): string {
  if (collection === 'contacts' || collection === 'events') return String(r.name ?? r.id);
  if (collection === 'promises') return String(r.text ?? r.id);
  return `${String(r.date ?? '')} ${String(r.kind ?? '')}`.trim();
}

/** Both sides changed a record (or made one with the same id): field by field. */
function mergeRecord(collection: Collection, b: Rec | undefined, o: Rec, t: Rec, report: MergeReport): Rec {
  const first = later(o, t);
  const w = first === 'o' ? o : t;
  const l = first === 'o' ? t : o;
  const from: Side = first === 'o' ? 'ours' : 'theirs';
  const out: Rec = { id: w.id };
  const keys = [...new Set([...Object.keys(w), ...Object.keys(l), ...Object.keys(b ?? {})])];
  const lists = LISTS[collection];
  const texts = TEXTS[collection];
  const settle = (field: string, kept: unknown, other: unknown, how: Settled['how']) =>
    report.settled.push({ collection, id: w.id, label: labelOf(collection, w), field, kept, other, from, how });
  let losingName: string | undefined;

  for (const k of keys) {
    if (k === 'id') continue;
    const bv = b?.[k];
    const wv = w[k];
    const lv = l[k];
    let v: unknown;
    if (same(wv, lv) || same(lv, bv)) v = wv;
    else if (same(wv, bv)) v = lv;
    else if (k === 'updatedAt') v = stampOf(w) >= stampOf(l) ? wv : lv;
    else if (k === 'createdAt') v = wv === undefined ? lv : lv === undefined ? wv : String(wv) < String(lv) ? wv : lv;
    else if (lists[k] && (Array.isArray(wv) || Array.isArray(lv))) {
      v = mergeList(Array.isArray(bv) ? bv : [], Array.isArray(wv) ? wv : [], Array.isArray(lv) ? lv : [], lists[k]!);
      // A group interaction always keeps someone.
      if (k === 'contactIds' && (v as unknown[]).length === 0) v = wv;
      if (Array.isArray(v) && v.length === 0 && wv === undefined && lv === undefined) v = undefined;
    } else if (texts.includes(k) && typeof lv === 'string' && lv !== '') {
      if (typeof wv === 'string' && wv !== '') {
        v = `${wv}\n\n${lv}`;
        settle(k, wv, lv, 'appended');
      } else {
        // One side cleared the text, the other rewrote it: the words are kept.
        v = lv;
        settle(k, lv, wv, 'kept-text');
      }
    } else {
      v = wv;
      if (collection === 'contacts' && k === 'name' && typeof lv === 'string') {
        losingName = lv;
        settle(k, wv, lv, 'alias');
      } else settle(k, wv, lv, 'dropped');
    }
    if (v !== undefined) out[k] = v;
  }
  if (collection === 'contacts') {
    const name = String(out.name);
    const aliases = [...((out.aliases as string[] | undefined) ?? [])];
    if (losingName !== undefined && !aliases.some((a) => nameKey(a) === nameKey(losingName!))) aliases.push(losingName);
    out.aliases = aliases.filter((a) => nameKey(a) !== nameKey(name));
  }
  return out;
}

function noCounts(): Record<Collection, Counts> {
  return {
    contacts: { added: 0, changed: 0, deleted: 0 },
    interactions: { added: 0, changed: 0, deleted: 0 },
    promises: { added: 0, changed: 0, deleted: 0 },
    events: { added: 0, changed: 0, deleted: 0 },
  };
}

const index = (list: readonly Rec[]) => new Map(list.map((r) => [r.id, r]));

/** What one side did to a collection since the base. */
function count(b: Map<string, Rec>, x: Map<string, Rec>): Counts {
  const c: Counts = { added: 0, changed: 0, deleted: 0 };
  for (const [id, r] of x) {
    const old = b.get(id);
    if (!old) c.added++;
    else if (!same(old, r)) c.changed++;
  }
  for (const id of b.keys()) if (!x.has(id)) c.deleted++;
  return c;
}

interface Sides {
  b: Map<string, Rec>;
  o: Map<string, Rec>;
  t: Map<string, Rec>;
}

function mergeCollection(collection: Collection, base: readonly Rec[], ours: readonly Rec[], theirs: readonly Rec[], maps: Sides, report: MergeReport): Rec[] {
  const { b, o, t } = maps;
  if (sameList(ours, theirs) || sameList(ours, base)) return [...theirs];
  if (sameList(theirs, base)) return [...ours];
  // Surviving records stay in the base's order; new ones follow, oldest first.
  const fresh = [...new Set([...o.keys(), ...t.keys()])]
    .filter((id) => !b.has(id))
    .map((id) => (o.get(id) ?? t.get(id))!)
    .sort((x, y) => (stampCreated(x) < stampCreated(y) ? -1 : stampCreated(x) > stampCreated(y) ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const out: Rec[] = [];
  for (const r of [...base, ...fresh]) {
    const id = r.id;
    const br = b.get(id);
    const or = o.get(id);
    const tr = t.get(id);
    if (or && tr) {
      if (same(or, tr) || same(tr, br)) out.push(or);
      else if (same(or, br)) out.push(tr);
      else out.push(mergeRecord(collection, br, or, tr, report));
    } else if (or || tr) {
      const kept = (or ?? tr)!;
      if (!br) out.push(kept);
      else if (!same(kept, br)) {
        // Deleted on one side, edited on the other: the edit is kept.
        out.push(kept);
        report.keptEdited.push({ collection, id, label: labelOf(collection, kept), deletedBy: or ? 'theirs' : 'ours' });
      }
    }
  }
  return out;
}

const stampCreated = (r: Rec) => r.createdAt ?? '';

/** The latest change anywhere in a journal: how settings changed two ways are settled. */
function latest(j: Journal): string {
  let max = '';
  for (const c of COLLECTIONS) for (const r of j[c] as Rec[]) {
    const s = stampOf(r);
    if (s > max) max = s;
  }
  return max;
}

function mergeSettings(b: Settings, o: Settings, t: Settings, oursLater: boolean, report: MergeReport): Settings {
  const w = oursLater ? o : t;
  const l = oursLater ? t : o;
  const from: Side = oursLater ? 'ours' : 'theirs';
  const scalar = (field: string, bv: unknown, wv: unknown, lv: unknown): unknown => {
    const v = pick3(bv, wv, lv);
    if (!same(wv, lv) && !same(lv, bv) && !same(wv, bv)) report.settled.push({ collection: 'settings', id: field, label: 'settings', field, kept: wv, other: lv, from, how: 'dropped' });
    return v;
  };
  const out: Settings = {};
  const all = { ...b, ...l, ...w } as Record<string, unknown>;
  for (const k of Object.keys(all)) {
    if (k === 'tagCadences') continue;
    const v = scalar(k, (b as Record<string, unknown>)[k], (w as Record<string, unknown>)[k], (l as Record<string, unknown>)[k]);
    if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  }
  if (b.tagCadences || w.tagCadences || l.tagCadences) {
    const bt = b.tagCadences ?? {};
    const wt = w.tagCadences ?? {};
    const lt = l.tagCadences ?? {};
    const tags: Record<string, number | null> = {};
    for (const tag of [...new Set([...Object.keys(wt), ...Object.keys(lt), ...Object.keys(bt)])]) {
      const v = scalar(`tagCadences.${tag}`, bt[tag], wt[tag], lt[tag]);
      if (v !== undefined) tags[tag] = v as number | null;
    }
    if (Object.keys(tags).length > 0 || w.tagCadences || l.tagCadences) out.tagCadences = tags;
  }
  return out;
}

/** Ids a journal's records refer to, by the collection they must be found in. */
function references(j: Journal): { contacts: Set<string>; interactions: Set<string>; events: Set<string> } {
  const contacts = new Set<string>();
  const interactions = new Set<string>();
  const events = new Set<string>();
  for (const c of j.contacts) if (c.introducedBy !== undefined) contacts.add(c.introducedBy);
  for (const i of j.interactions) {
    for (const id of i.contactIds) contacts.add(id);
    for (const item of [...i.gave, ...i.asked, ...i.received]) {
      if (item.for !== undefined) contacts.add(item.for);
      if (item.link !== undefined) contacts.add(item.link);
    }
    if (i.eventId !== undefined) events.add(i.eventId);
  }
  for (const p of j.promises) {
    contacts.add(p.contactId);
    if (p.interactionId !== undefined) interactions.add(p.interactionId);
  }
  return { contacts, interactions, events };
}

/**
 * Brings back records one side deleted that the merged records still refer to (an interaction
 * the other device logged with a person this one removed): nothing added is lost, and every
 * reference points somewhere.
 */
function revive(j: Journal, sides: Record<Collection, Sides>, report: MergeReport): Journal {
  let out = j;
  for (let pass = 0; pass < 4; pass++) {
    const refs = references(out);
    let changed = false;
    for (const collection of ['contacts', 'interactions', 'events'] as const) {
      const have = new Set((out[collection] as Rec[]).map((r) => r.id));
      const add: Rec[] = [];
      for (const id of refs[collection]) {
        if (have.has(id)) continue;
        const { b, o, t } = sides[collection];
        const r = o.get(id) ?? t.get(id) ?? b.get(id);
        if (!r) continue; // dangling in the inputs already
        add.push(r);
        report.revived.push({ collection, id, label: labelOf(collection, r), deletedBy: o.has(id) ? 'theirs' : t.has(id) ? 'ours' : 'both' });
      }
      if (add.length) {
        out = { ...out, [collection]: [...(out[collection] as Rec[]), ...add] };
        changed = true;
      }
    }
    if (!changed) break;
  }
  return out;
}

const olderFirst = (a: Rec, b: Rec) => (stampCreated(a) !== stampCreated(b) ? (stampCreated(a) < stampCreated(b) ? a : b) : a.id < b.id ? a : b);

/** The same person created on both sides (same normalised name, neither in the base): one contact, as `contact merge` makes it. */
function foldPeople(j: Journal, sides: Sides, report: MergeReport): Journal {
  const newIn = (m: Map<string, Rec>) => {
    const byName = new Map<string, Rec[]>();
    for (const [id, r] of m) {
      if (sides.b.has(id)) continue;
      const k = nameKey(String(r.name));
      byName.set(k, [...(byName.get(k) ?? []), r]);
    }
    return byName;
  };
  let out = j;
  for (const [mine, other] of addedOnBoth(sides, newIn)) {
    const group = [...new Map([...mine, ...other].map((r) => [r.id, r])).values()].filter((r) => out.contacts.some((c) => c.id === r.id))
      .sort((x, y) => (x.id < y.id ? -1 : 1));
    if (group.length < 2) continue;
    const keep = group.reduce(olderFirst);
    for (const r of group) {
      if (r.id === keep.id) continue;
      const name = out.contacts.find((c) => c.id === keep.id)!.name;
      // Stamped with the later of the two edits, not the clock, so both devices fold alike.
      const stamp = [keep, r].map((x) => x.updatedAt ?? x.createdAt).sort().at(-1)!;
      // mergeContacts also points every reference (items' for and link, introducedBy) at the one kept.
      const m = mergeContacts(out, keep.id, r.id, stamp);
      out = m.journal;
      for (const k of m.kept) report.settled.push({ collection: 'contacts', id: keep.id, label: name, field: k.field, kept: k.kept, other: k.dropped, from: sides.o.has(keep.id) ? 'ours' : 'theirs', how: 'dropped' });
      report.folded.push({ collection: 'contacts', keptId: keep.id, otherId: r.id, name });
    }
  }
  return out;
}

/** What both sides added under the same key (`key` groups one side's records), in key order: [ours, theirs]. */
function addedOnBoth<V>(sides: Sides, key: (side: Map<string, Rec>) => Map<string, V>): [V, V][] {
  const ours = key(sides.o);
  const theirs = key(sides.t);
  return [...ours.keys()].sort().flatMap((k): [V, V][] => (theirs.has(k) ? [[ours.get(k)!, theirs.get(k)!]] : []));
}

/** The same event (same name, same date) created on both sides: one event. */
function foldEvents(j: Journal, sides: Sides, report: MergeReport): Journal {
  const keyOf = (e: Rec) => `${nameKey(String(e.name))}|${String(e.date)}`;
  const fresh = (m: Map<string, Rec>) => new Map([...m.values()].filter((e) => !sides.b.has(e.id)).map((e) => [keyOf(e), e]));
  let out = j;
  for (const [a, c] of addedOnBoth(sides, fresh)) {
    if (c.id === a.id) continue;
    const keep = olderFirst(a, c);
    const drop = keep === a ? c : a;
    const kept = out.events.find((e) => e.id === keep.id);
    const gone = out.events.find((e) => e.id === drop.id);
    if (!kept || !gone) continue;
    const merged: NetEvent = { ...kept };
    if (merged.location === undefined && gone.location !== undefined) merged.location = gone.location;
    if (gone.notes && gone.notes !== merged.notes) merged.notes = merged.notes ? `${merged.notes}\n\n${gone.notes}` : gone.notes;
    out = {
      ...out,
      events: out.events.filter((e) => e.id !== drop.id).map((e) => (e.id === keep.id ? merged : e)),
      interactions: out.interactions.map((i) => (i.eventId === drop.id ? { ...i, eventId: keep.id } : i)),
    };
    report.folded.push({ collection: 'events', keptId: keep.id, otherId: drop.id, name: merged.name });
  }
  return out;
}

/** Three-way merge of journals: what the base became on two sides, combined (SPEC §6.4). */
export function merge(base: Journal, ours: Journal, theirs: Journal): MergeResult {
  const report: MergeReport = { ours: noCounts(), theirs: noCounts(), settled: [], folded: [], keptEdited: [], revived: [] };
  const sides = {} as Record<Collection, Sides>;
  for (const c of COLLECTIONS) {
    sides[c] = { b: index(base[c] as Rec[]), o: index(ours[c] as Rec[]), t: index(theirs[c] as Rec[]) };
    report.ours[c] = count(sides[c].b, sides[c].o);
    report.theirs[c] = count(sides[c].b, sides[c].t);
  }
  if (sameJournal(ours, theirs) || sameJournal(ours, base)) return { journal: theirs, report };
  if (sameJournal(theirs, base)) return { journal: ours, report };

  const lo = latest(ours);
  const lt = latest(theirs);
  const oursLater = lo !== lt ? lo > lt : canonical(ours.settings) >= canonical(theirs.settings);
  let journal: Journal = {
    ...ours,
    settings: same(ours.settings, theirs.settings) ? ours.settings : mergeSettings(base.settings, ours.settings, theirs.settings, oursLater, report),
    contacts: mergeCollection('contacts', base.contacts as Rec[], ours.contacts as Rec[], theirs.contacts as Rec[], sides.contacts, report) as unknown as Contact[],
    interactions: mergeCollection('interactions', base.interactions as Rec[], ours.interactions as Rec[], theirs.interactions as Rec[], sides.interactions, report) as unknown as Interaction[],
    promises: mergeCollection('promises', base.promises as Rec[], ours.promises as Rec[], theirs.promises as Rec[], sides.promises, report) as unknown as NetPromise[],
    events: mergeCollection('events', base.events as Rec[], ours.events as Rec[], theirs.events as Rec[], sides.events, report) as unknown as NetEvent[],
  };
  journal = revive(journal, sides, report);
  journal = foldEvents(journal, sides.events, report);
  journal = foldPeople(journal, sides.contacts, report);
  journal = dueAfterMade(journal, report);
  return { journal, report };
}

/**
 * A promise falls due on or after the interaction it was made in (a `check` rule). When one side
 * moved the interaction and the other the due date, the due date moves to the interaction's.
 */
function dueAfterMade(j: Journal, report: MergeReport): Journal {
  const dates = new Map(j.interactions.map((i) => [i.id, i.date]));
  let changed = false;
  const promises = j.promises.map((p) => {
    const made = p.interactionId === undefined ? undefined : dates.get(p.interactionId);
    if (made === undefined || p.due >= made) return p;
    changed = true;
    report.settled.push({ collection: 'promises', id: p.id, label: p.text, field: 'due', kept: made, other: p.due, from: 'ours', how: 'dropped' });
    return { ...p, due: made };
  });
  return changed ? { ...j, promises } : j;
}

/** "3 interactions, 1 contact" — what a side added, in words. */
export function describeCounts(counts: Record<Collection, Counts>, what: keyof Counts): string {
  const singular: Record<Collection, string> = { contacts: 'contact', interactions: 'interaction', promises: 'promise', events: 'event' };
  const parts: string[] = [];
  for (const c of ['interactions', 'contacts', 'promises', 'events'] as const) {
    const n = counts[c][what];
    if (n > 0) parts.push(`${n} ${n === 1 ? singular[c] : c}`);
  }
  return parts.join(', ');
}

/** What changed from one journal to the next, per collection (settings not counted). */
export function diffJournals(from: Journal, to: Journal): Record<Collection, Counts> {
  const out = noCounts();
  for (const c of COLLECTIONS) out[c] = count(index(from[c] as Rec[]), index(to[c] as Rec[]));
  return out;
}

/**
 * The likeliest common ancestor of two journals among earlier versions (netlog's backups): the
 * one sharing the most records unchanged with both; on a tie, the one holding fewer records
 * that either side lacks — too old a base only resurrects a deletion, too new a base would
 * drop the other side's additions. Undefined when none shares anything (merge two-way).
 */
export function bestBase(candidates: readonly Journal[], ours: Journal, theirs: Journal): Journal | undefined {
  let best: { j: Journal; shared: number; missing: number } | undefined;
  const o = Object.fromEntries(COLLECTIONS.map((c) => [c, index(ours[c] as Rec[])])) as Record<Collection, Map<string, Rec>>;
  const t = Object.fromEntries(COLLECTIONS.map((c) => [c, index(theirs[c] as Rec[])])) as Record<Collection, Map<string, Rec>>;
  for (const j of candidates) {
    let shared = 0;
    let missing = 0;
    for (const c of COLLECTIONS) {
      for (const r of j[c] as Rec[]) {
        const or = o[c].get(r.id);
        const tr = t[c].get(r.id);
        if (!or || !tr) missing++;
        else if (same(r, or) && same(r, tr)) shared++;
      }
    }
    if (shared === 0) continue;
    if (!best || shared > best.shared || (shared === best.shared && missing < best.missing)) best = { j, shared, missing };
  }
  return best?.j;
}
