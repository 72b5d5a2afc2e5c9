import { compareNames, fold } from './names.js';
import type { Contact, Journal, Want } from './schema.js';

// Give-matching (SPEC §6.3 `ideas`): which people in the journal fit what someone wants, by the
// words of the want against their tags, role, company and notes. Plain word matching — case,
// accents and plurals folded by a small stemmer — so it runs offline and says exactly why.

/** Words that say nothing about who fits ("looking for a new …"). */
const STOP = new Set(
  (
    'a an the and or of in on at to for from with by as is are be been who whom that this these those some any ' +
    'someone somebody anyone person people contact contacts looking look find finding need needs needed want wants wanted ' +
    'new good great best local more first next help intro introduction introductions meet meeting talk chat ' +
    'their them they his her him she he my our we you your me i it its about into over out up get getting ' +
    'really very just maybe possibly also other another one two few several'
  ).split(' '),
);


/**
 * Folds an English plural to its singular, conservatively: agencies → agency, boxes → box,
 * designers → designer; "business", "analysis", "status" stay. Only plurals: "designer" and
 * "design" stay different words.
 */
export function stem(word: string): string {
  const w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (/(?:ch|sh|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

/** The meaningful words of a text, folded and stemmed, in order (duplicates kept out). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const raw of fold(text).split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 2 || STOP.has(raw)) continue;
    const w = stem(raw);
    if (!STOP.has(w) && !out.includes(w)) out.push(w);
  }
  return out;
}

type Field = 'tag' | 'role' | 'company' | 'notes';

/**
 * Words that say little about what someone does ("Branch Manager", "tagged client"): worth one
 * point wherever they are found, so they rank a candidate but seldom carry one alone.
 */
const WEAK = new Set('manager owner director lead head partner principal senior junior client customer company business team service group'.split(' '));

/** How much a word found in each field counts: a tag or role says what someone is; notes only mention. */
export const FIELD_WEIGHT: Record<Field, number> = { tag: 3, role: 3, company: 2, notes: 1 };

interface Profile {
  contact: Contact;
  fields: { field: Field; text: string; words: Set<string> }[];
}

export interface Fit {
  contact: Contact;
  score: number;
  /** "tagged designer", "role Brand Designer", "notes mention lisbon". */
  why: string;
  /** The want's words it matched, and where. */
  matched: { word: string; field: Field }[];
}

/** Profiles of the people who can be matched (not archived), built once per journal. */
export class MatchIndex {
  private readonly profiles: Profile[];

  constructor(journal: Pick<Journal, 'contacts'>) {
    this.profiles = journal.contacts
      .filter((c) => !c.archived)
      .map((contact) => {
        const fields: Profile['fields'] = [];
        for (const t of contact.tags) fields.push({ field: 'tag', text: t, words: new Set(words(t.replace(/[-_]/g, ' '))) });
        if (contact.role) fields.push({ field: 'role', text: contact.role, words: new Set(words(contact.role)) });
        if (contact.company) fields.push({ field: 'company', text: contact.company, words: new Set(words(contact.company)) });
        if (contact.notes) fields.push({ field: 'notes', text: contact.notes, words: new Set(words(contact.notes)) });
        return { contact, fields };
      });
  }

  /** The people whose profile fits the text, best first; `skip` says whom to leave out. */
  fits(text: string, skip: (c: Contact) => boolean = () => false): Fit[] {
    const want = words(text);
    if (want.length === 0) return [];
    const out: Fit[] = [];
    for (const p of this.profiles) {
      if (skip(p.contact)) continue;
      const matched: Fit['matched'] = [];
      let score = 0;
      for (const w of want) {
        // The word's best field counts in full; each other field that has it adds a point
        // (tagged designer and a designer by role beats tagged designer alone).
        const hits = p.fields.filter((f) => f.words.has(w)).sort((a, b) => FIELD_WEIGHT[b.field] - FIELD_WEIGHT[a.field]);
        if (hits.length === 0) continue;
        score += WEAK.has(w) ? 1 : FIELD_WEIGHT[hits[0]!.field] + (new Set(hits.map((h) => h.field)).size - 1);
        for (const h of hits) if (!matched.some((m) => m.word === w && m.field === h.field)) matched.push({ word: w, field: h.field });
      }
      if (score === 0) continue;
      out.push({ contact: p.contact, score, why: describeFit(p, matched), matched });
    }
    out.sort((a, b) => b.score - a.score || compareNames(a.contact.name, b.contact.name));
    // Far weaker fits than the best are noise next to it: keep those scoring at least half as much.
    const best = out[0]?.score ?? 0;
    return out.filter((f) => f.score * 2 >= best);
  }
}

function describeFit(p: Profile, matched: Fit['matched']): string {
  const parts: string[] = [];
  const notes: string[] = [];
  // Strongest fields first; the words found in the notes together.
  for (const m of [...matched].sort((a, b) => FIELD_WEIGHT[b.field] - FIELD_WEIGHT[a.field])) {
    if (m.field === 'notes') {
      if (!notes.includes(m.word)) notes.push(m.word);
      continue;
    }
    const f = p.fields.find((x) => x.field === m.field && x.words.has(m.word))!;
    const text = m.field === 'tag' ? `tagged ${f.text}` : m.field === 'role' ? `role ${f.text}` : `at ${f.text}`;
    if (!parts.includes(text)) parts.push(text);
  }
  if (notes.length) parts.push(`notes mention ${notes.map((w) => `"${w}"`).join(', ')}`);
  return parts.slice(0, 3).join('; ');
}

/** The pairs introduced in the interactions (an intro or referral item with `link`, either way), as introducedPairs keys them. */
export function linkedPairs(interactions: Journal['interactions']): Set<string> {
  const pairs = new Set<string>();
  for (const i of interactions) {
    for (const item of [...i.gave, ...i.received]) {
      if (item.link === undefined) continue;
      const to = item.for !== undefined ? [item.for] : i.contactIds;
      for (const c of to) pairs.add(pairKey(c, item.link));
    }
  }
  return pairs;
}

const pairKey = (x: string, y: string) => (x < y ? `${x} ${y}` : `${y} ${x}`);

/**
 * Has `a` already been introduced to `b` (an intro or referral item with `link`, either way, in
 * an interaction with one of them), or did `b` introduce `a` (introducedBy)? `linked`: the
 * interactions' pairs (linkedPairs), when they were worked out already.
 */
export function introducedPairs(journal: Pick<Journal, 'contacts'>, linked: ReadonlySet<string>): (a: string, b: string) => boolean;
export function introducedPairs(journal: Journal): (a: string, b: string) => boolean;
export function introducedPairs(journal: Pick<Journal, 'contacts'> & Partial<Pick<Journal, 'interactions'>>, linked?: ReadonlySet<string>): (a: string, b: string) => boolean {
  const pairs = new Set(linked ?? linkedPairs(journal.interactions!));
  for (const c of journal.contacts) if (c.introducedBy) pairs.add(pairKey(c.id, c.introducedBy));
  return (a, b) => pairs.has(pairKey(a, b));
}

/** The candidates for one want: fits, less the person themself and anyone already introduced to them. */
export function candidatesFor(index: MatchIndex, owner: Contact, want: Want, introduced: (a: string, b: string) => boolean): Fit[] {
  return index.fits(want.text, (c) => c.id === owner.id || introduced(owner.id, c.id));
}
