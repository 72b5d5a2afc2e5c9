import type { Contact, Journal } from '../core/schema.js';
import type { Kind } from '../core/journal.js';
import type { Day } from '../core/dates.js';
import { openWants } from '../core/wants.js';
import { candidatesFor, introducedPairs, linkedPairs, MatchIndex } from '../core/matching.js';
import { firstName } from '../core/names.js';
import { isMine, isOpen } from '../core/promises.js';

// What to talk about, per person on the due list (SPEC §6.3 `context`), and a suggestion drawn
// from it: their wants (with someone who fits), what they owe you, the last note.

export interface DueContext {
  lastDate?: Day;
  lastKind?: Kind;
  /** The note of the most recent interaction that has one. */
  lastNote?: string;
  /** That note's date, only when it is not the last interaction's own (a later one had no note). */
  lastNoteDate?: Day;
  /** Their open wants. */
  wants: string[];
  /** What they promised you and have not done yet. */
  theyOwe: string[];
}

/** What a person's context takes from the interactions: the last one, and the last with a note. */
export interface LastTouches {
  last?: { date: Day; kind: Kind };
  /** `same`: the last interaction is that one. */
  noted?: { date: Day; note: string; same: boolean };
}

/** Each person's LastTouches as the journal stood on `on` (every person when `ids` is not given), in one pass over the interactions. */
export function lastTouches(journal: Journal, on: Day, ids?: ReadonlySet<string>): Map<string, LastTouches> {
  type I = Journal['interactions'][number];
  const last = new Map<string, I>();
  const noted = new Map<string, I>();
  const later = (a: I, b: I | undefined) => b === undefined || a.date > b.date || (a.date === b.date && a.createdAt > b.createdAt);
  for (const i of journal.interactions) {
    if (i.date > on) continue;
    const hasNote = !!i.note?.trim();
    for (const id of i.contactIds) {
      if (ids !== undefined && !ids.has(id)) continue;
      if (later(i, last.get(id))) last.set(id, i);
      if (hasNote && later(i, noted.get(id))) noted.set(id, i);
    }
  }
  const out = new Map<string, LastTouches>();
  for (const [id, l] of last) {
    const n = noted.get(id);
    out.set(id, { last: { date: l.date, kind: l.kind }, ...(n ? { noted: { date: n.date, note: n.note!.trim(), same: n === l } } : {}) });
  }
  return out;
}

/** The context of each of these people as the journal stood on `on`; `touches`: their lastTouches on that day. */
export function dueContexts(journal: Pick<Journal, 'contacts' | 'promises'>, on: Day, ids: ReadonlySet<string>, touches: Pick<ReadonlyMap<string, LastTouches>, 'get'>): Map<string, DueContext> {
  const owe = new Map<string, string[]>();
  for (const p of journal.promises) {
    if (isMine(p) || !ids.has(p.contactId) || !isOpen(p, on)) continue;
    const list = owe.get(p.contactId) ?? [];
    list.push(p.text);
    owe.set(p.contactId, list);
  }
  const out = new Map<string, DueContext>();
  for (const c of journal.contacts) {
    if (!ids.has(c.id)) continue;
    const t = touches.get(c.id);
    const l = t?.last;
    const n = t?.noted;
    // Built field by field, in this order (JSON shows it), not by spreads: one per listed person.
    const context: Partial<DueContext> = {};
    if (l) {
      context.lastDate = l.date;
      context.lastKind = l.kind;
    }
    if (n) {
      context.lastNote = n.note;
      if (!n.same) context.lastNoteDate = n.date;
    }
    context.wants = c.wants ? openWants(c, on).map((w) => w.text) : [];
    context.theyOwe = owe.get(c.id) ?? [];
    out.set(c.id, context as DueContext);
  }
  return out;
}

/** A note cut to its first sentence or clause, at most `max` characters. */
export function gist(note: string, max = 60): string {
  // A note of one short clause is its own gist: no pattern needs to run over it.
  if (note.length <= max && !/[.!?;\n]/.test(note) && note.trim() === note) return note;
  const first = firstClause(note);
  return first.length <= max ? first : `${first.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

// A due line asks for the gist of the same note up to three times (context, suggestion), at
// different lengths: its first clause is found once.
const clauses = new Map<string, string>();

function firstClause(note: string): string {
  let first = clauses.get(note);
  if (first === undefined) {
    const parts = note.split(/(?<=[.!?;])\s|\n/).map((x) => x.trim()).filter(Boolean);
    // A short heading ("Breakfast club.", "Coffee with Camille.") says less than what follows it.
    while (parts.length > 1 && parts[0]!.split(/\s+/).length <= 3) parts.shift();
    first = (parts[0] ?? '').replace(/[.;]$/, '');
    clauses.set(note, first);
  }
  return first;
}

// One match index per journal read: several touches may ask for it.
const indexes = new WeakMap<object, { index: MatchIndex; introduced: (a: string, b: string) => boolean }>();
function matcher(journal: Pick<Journal, 'contacts'>, linked: () => ReadonlySet<string>) {
  let m = indexes.get(journal);
  if (!m) indexes.set(journal, (m = { index: new MatchIndex(journal), introduced: introducedPairs(journal, linked()) }));
  return m;
}

/**
 * The best person to introduce `c` to for one of their open wants (oldest want first). `linked`:
 * the interactions' introduced pairs (core/matching.ts linkedPairs), when the journal is given
 * without its interactions.
 */
export function bestIntro(journal: Journal, c: Contact, on: Day): { want: string; name: string; why: string } | undefined;
export function bestIntro(journal: Pick<Journal, 'contacts'>, c: Contact, on: Day, linked: ReadonlySet<string>): { want: string; name: string; why: string } | undefined;
export function bestIntro(journal: Pick<Journal, 'contacts'>, c: Contact, on: Day, linked?: ReadonlySet<string>): { want: string; name: string; why: string } | undefined {
  const { index, introduced } = matcher(journal, () => linked ?? linkedPairs((journal as Journal).interactions));
  for (const w of openWants(c, on)) {
    const best = candidatesFor(index, c, w, introduced)[0];
    // The strongest reason is enough on a due list; `ideas` gives them all.
    if (best) return { want: w.text, name: best.contact.name, why: best.why.split('; ')[0]! };
  }
  return undefined;
}

/**
 * What to do on a touch, specific where the journal allows: help with what they want (naming
 * someone who fits), else give first when you owe them, else ask after what they promised you,
 * else pick up from the last note.
 */
export function suggestTouch(journal: Journal, c: Contact, balance: number, context: DueContext, on: Day): string;
export function suggestTouch(journal: Pick<Journal, 'contacts'>, c: Contact, balance: number, context: DueContext, on: Day, linked: ReadonlySet<string>): string;
export function suggestTouch(journal: Pick<Journal, 'contacts'>, c: Contact, balance: number, context: DueContext, on: Day, linked?: ReadonlySet<string>): string {
  const owe = balance < 0 ? 'you owe them: ' : '';
  const first = firstName(c.name);
  if (context.wants.length > 0) {
    const idea = linked ? bestIntro(journal, c, on, linked) : bestIntro(journal as Journal, c, on);
    if (idea) return `${owe}introduce ${first} to ${idea.name} (${idea.why}) — ${first} wants ${idea.want}`;
    return `${owe}help with what ${first} wants: ${context.wants[0]}`;
  }
  if (balance < 0) return `you owe them: give first (an intro, a referral, something useful)${context.lastNote ? ` — last time: "${gist(context.lastNote, 40)}"` : ''}`;
  if (context.theyOwe.length > 0) return `ask how ${context.theyOwe[0]} is coming along — they promised it`;
  if (context.lastNote) return `pick up from last time: "${gist(context.lastNote)}"`;
  return 'ask how you can help';
}
