import type { Contact } from './schema.js';

// Name matching for people: case-, accent- and spacing-insensitive, Unicode-normalised, and
// blind to characters nobody can see.

/**
 * Characters that show as nothing: zero-width spaces and joiners, word joiner, BOM, soft hyphen,
 * bidi marks, variation selectors, Unicode "tag" characters (U+E0000–E007F) and the rest of
 * Default_Ignorable_Code_Point, plus control characters. A name that differs from another only
 * by these is a look-alike, not another person.
 */
// Made on first use: the first regex of a Unicode property a process makes costs a start.
let invisible: RegExp | undefined;
const INVISIBLE = () => (invisible ??= /[\p{Default_Ignorable_Code_Point}\p{Cc}]/gu);

/**
 * True when the name holds a character that shows as nothing (other than ordinary spaces). The
 * joiners and variation selectors inside an emoji (👩‍💻, ❤️) are the emoji's own, not hidden.
 */
export function hasInvisible(name: string): boolean {
  const withoutEmoji = name.replace(/\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic})*/gu, '');
  return /[\p{Default_Ignorable_Code_Point}\u0000-\u0008\u000e-\u001f\u007f-\u009f]/u.test(withoutEmoji);
}

/** A name as it is stored and matched: trimmed, single spaces. */
export function cleanName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/** Accents dropped ("Tomás" → "Tomas"). */
function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '');
}

const NON_ASCII = /[^\u0000-\u007f]/;

/** Words as search and give-matching compare them: lower case, accents dropped ("Émile" → "emile"). ASCII takes the fast path. */
export function fold(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return foldAccents(text).normalize('NFC').toLowerCase();
}

/** A zero-width space is a space nobody sees; the other invisible characters are nothing. */
function withoutInvisible(name: string): string {
  return name.replace(/\u200b/g, ' ').replace(/\s+/g, ' ').replace(INVISIBLE(), '');
}

/** The form names are compared in: invisible characters dropped, NFC, accents dropped, lower case, single spaces. */
export function nameKey(name: string): string {
  return cleanName(foldAccents(withoutInvisible(name)).normalize('NFC').toLowerCase());
}

/** The first word of a name as written ("Dana" of "Dana Lee"), for sentences. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

export function firstNameKey(name: string): string {
  return nameKey(name).split(' ')[0] ?? '';
}

/**
 * Edits between two words: letters inserted, deleted, changed, or two neighbours swapped ("shwo"
 * is one from "show", "sma" from "sam"), stopping early once it exceeds `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    before = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The words a mistyped one was most likely meant to be (an unknown command or option, a
 * subcommand): the nearest by edits, when at least 40% of the letters stand. `--` is set aside
 * for options, as "--dat" is one letter from "--date", not three from "--data-file".
 */
export function suggest(word: string, candidates: readonly string[]): string[] {
  const bare = (s: string) => (word.startsWith('--') && s.startsWith('--') ? s.slice(2) : s);
  const w = bare(word);
  let best = Infinity;
  let out: string[] = [];
  for (const c of new Set(candidates)) {
    const b = bare(c);
    if (b.length <= 1) continue;
    const d = editDistance(w, b);
    const length = Math.max(w.length, b.length);
    if ((length - d) / length <= 0.4 || d > best) continue;
    if (d < best) out = [];
    best = d;
    out.push(c);
  }
  return out.sort();
}

/** "did you mean due?", "did you mean one of --date, --data?"; undefined when nothing is near. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const near = suggest(word, candidates);
  if (near.length === 0) return undefined;
  return `did you mean ${near.length > 1 ? `one of ${near.join(', ')}` : near[0]}?`;
}

/**
 * The names `input` is likely a mistyping of (an event's name: "demo nite" for "Demo Night"), by
 * didYouMean's rule on their keys, so case, accents and spacing do not count; none when `input`
 * is one of them. A typo keeps the first letter of each word: "Tech Club" is not "Book Club",
 * nor "Demo Day" "Demo Night".
 */
export function typoOf(input: string, names: readonly string[]): string[] {
  const byKey = new Map(names.map((n) => [nameKey(n), n]));
  const key = nameKey(input);
  if (!key || byKey.has(key)) return [];
  const near = [...byKey.keys()].filter((k) => sameInitials(key, k));
  return suggest(key, near).map((k) => byKey.get(k)!);
}

/** The words begin with the same letters (or, when their numbers differ, the first word does). */
function sameInitials(a: string, b: string): boolean {
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (wa.length !== wb.length) return a[0] === b[0];
  return wa.every((w, i) => w[0] === wb[i]![0]);
}

/** How many edits still count as a likely typo of a name this long. */
function typoBudget(length: number): number {
  if (length <= 1) return 0;
  if (length <= 5) return 1;
  if (length <= 12) return 2;
  return 3;
}

/**
 * A likely typo of `name`: within the budget of edits for its length. Short names (up to three
 * letters) are too alike for any single edit to count ("Tom" and "Tim" are different people):
 * only a letter left out or two neighbours swapped ("Dna" for Dana, "Sma" for Sam).
 */
function looksLike(key: string, name: string, budget: number): boolean {
  if (key.length > 3) return editDistance(key, name, budget) <= budget;
  if (key.length < 2) return false;
  if (name.length === key.length + 1) return oneDeletion(name, key);
  if (name.length !== key.length || name === key) return false;
  for (let i = 0; i + 1 < key.length; i++) {
    if (key[i] !== name[i]) return key[i] === name[i + 1] && key[i + 1] === name[i] && key.slice(i + 2) === name.slice(i + 2);
  }
  return false;
}

/** `short` is `long` with one letter (not a comma or a dot) left out. */
function oneDeletion(long: string, short: string): boolean {
  let i = 0;
  while (i < short.length && long[i] === short[i]) i++;
  return /\p{L}/u.test(long[i] ?? '') && long.slice(i + 1) === short.slice(i);
}

export type Resolution =
  | { kind: 'exact'; contact: Contact }
  | { kind: 'first'; contact: Contact }
  | { kind: 'ambiguous'; candidates: Contact[] }
  | { kind: 'near'; candidates: Contact[] }
  | { kind: 'none' };

/** Prefer people still in use when archived ones would make a match ambiguous. */
function preferActive(list: Contact[]): Contact[] {
  const active = list.filter((c) => !c.archived);
  return active.length > 0 ? active : list;
}

/**
 * Resolves a typed name (SPEC §4 `add`): exact name or alias, else a unique first name,
 * else a likely typo of an existing name, else none.
 */
export function resolveName(contacts: readonly Contact[], input: string): Resolution {
  const key = nameKey(input);
  if (!key) return { kind: 'none' };
  const exact = preferActive(contacts.filter((c) => nameKey(c.name) === key || c.aliases.some((a) => nameKey(a) === key)));
  if (exact.length === 1) return { kind: 'exact', contact: exact[0]! };
  if (exact.length > 1) return { kind: 'ambiguous', candidates: exact };

  if (!key.includes(' ')) {
    const first = preferActive(contacts.filter((c) => firstNameKey(c.name) === key));
    if (first.length === 1) return { kind: 'first', contact: first[0]! };
    if (first.length > 1) return { kind: 'ambiguous', candidates: first };
  }

  const budget = typoBudget(key.length);
  if (budget > 0) {
    const near = contacts.filter((c) => {
      const names = [c.name, ...c.aliases].map(nameKey);
      if (!key.includes(' ')) names.push(...names.map((n) => n.split(' ')[0]!));
      return names.some((n) => looksLike(key, n, budget));
    });
    if (near.length > 0) return { kind: 'near', candidates: preferActive(near) };
  }
  return { kind: 'none' };
}

/**
 * Finds two adjacent names that together are exactly one contact's name ("Dana" "Lee" when
 * "Dana Lee" exists): usually a full name typed without quotes.
 */
export function splitFullName(contacts: readonly Contact[], names: readonly string[]): { index: number; contact: Contact } | undefined {
  for (let i = 0; i + 1 < names.length; i++) {
    const r = resolveName(contacts, `${names[i]} ${names[i + 1]}`);
    if (r.kind === 'exact' && nameKey(r.contact.name).includes(' ')) return { index: i, contact: r.contact };
  }
  return undefined;
}

// Sorting people by name. String.prototype.localeCompare sets up an ICU collator on first use,
// which costs more than the rest of a small `due` or `report`; comparing a folded key (accents
// dropped, lower case) gives the same order for names in practice, at no cost.
const sortKeys = new Map<string, string>();

function sortKey(name: string): string {
  let key = sortKeys.get(name);
  if (key === undefined) {
    key = foldAccents(name).toLowerCase();
    sortKeys.set(name, key);
  }
  return key;
}

/** Orders names alphabetically, ignoring case and accents ("Émile" between "Elena" and "Eli"… "Emma"). */
export function compareNames(a: string, b: string): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders YYYY-MM-DD dates, ISO timestamps and ids: they sort as plain text. */
export function compareDays(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How output names a contact id that no contact has any more. */
export const REMOVED_NAME = '(removed)';

/** A contact id's name for output: its contact's name, or REMOVED_NAME. One map, built once. */
export function contactNamer(contacts: readonly Contact[]): (id: string) => string {
  const names = new Map(contacts.map((c) => [c.id, c.name]));
  return (id) => names.get(id) ?? REMOVED_NAME;
}
