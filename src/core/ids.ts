// Ids people can see and type: the shortest prefix that tells a record apart from the others of
// its kind (at least four characters), and finding a record back from such a prefix.

/** The shortest prefixes shown for ids. */
export const MIN_PREFIX = 4;

/**
 * The shortest unique prefix (≥ `min` characters) of every id, keyed by id: one character past
 * the most it shares with any other id (in sorted order, with either neighbour).
 */
export function shortIds(ids: readonly string[], min = MIN_PREFIX): Map<string, string> {
  const short = shortIdOf(ids, min);
  const out = new Map<string, string>();
  for (const id of ids) if (!out.has(id)) out.set(id, short(id));
  return out;
}

/**
 * shortIds as a lookup, for an id of `ids`: what a long list asks for a few or all of its ids
 * without a map of them all. Ids are grouped by their first `min` characters; an id alone in its
 * group needs no more, and the few groups of several are sorted on first use (shortIds' rule:
 * one character past what an id shares with its neighbours). No sort of all the ids.
 */
export function shortIdOf(ids: readonly string[], min = MIN_PREFIX): (id: string) => string {
  // Four letters or digits, the ids netlog makes, are counted in a table (a map of every id's
  // prefix costs more than the rest of this); other ids are grouped by their prefix's text.
  const table = min === TABLE_PREFIX ? new Uint8Array(36 ** TABLE_PREFIX) : undefined;
  const groups = new Map<number | string, string | string[]>();
  const add = (key: number | string, id: string) => {
    const g = groups.get(key);
    if (g === undefined) groups.set(key, id);
    else if (typeof g === 'string') {
      if (g !== id) groups.set(key, [g, id]);
    } else g.push(id);
  };
  for (const id of ids) {
    if (id.length < min) continue;
    const k = table ? tableKey(id) : -1;
    if (k < 0) add(id.slice(0, min), id);
    else if (table![k]! < 2) table![k]!++;
  }
  // Prefixes counted twice may be shared (or one id given twice): their ids are grouped.
  if (table) {
    for (const id of ids) {
      if (id.length < min) continue;
      const k = tableKey(id);
      if (k >= 0 && table[k] === 2) add(k, id);
    }
  }
  const shared = new Map<string, string>();
  return (id) => {
    // An id shorter than `min` shares fewer than `min` characters with any other: all of it.
    if (id.length < min) return id;
    const k = table ? tableKey(id) : -1;
    if (k >= 0 && table![k]! < 2) return id.slice(0, min);
    const g = groups.get(k >= 0 ? k : id.slice(0, min));
    if (typeof g !== 'object') return id.slice(0, min);
    let s = shared.get(id);
    if (s === undefined) {
      // Others share at most min - 1 characters with this group, so its own neighbours decide.
      const sorted = [...new Set(g)].sort();
      for (let n = 0; n < sorted.length; n++) {
        const x = sorted[n]!;
        shared.set(x, x.slice(0, Math.max(min, Math.max(common(x, sorted[n - 1]), common(x, sorted[n + 1])) + 1)));
      }
      s = shared.get(id) ?? id.slice(0, min);
    }
    return s;
  };
}

const TABLE_PREFIX = 4;
// 0–9 and a–z as 0–35; -1 for any other character.
const DIGIT = new Int8Array(128).fill(-1);
for (let c = 0; c < 36; c++) DIGIT[c < 10 ? 48 + c : 87 + c] = c;

/** An id's first four characters as a number below 36⁴, or -1 when one is not a letter or digit. */
function tableKey(id: string): number {
  let key = 0;
  for (let k = 0; k < TABLE_PREFIX; k++) {
    const c = id.charCodeAt(k);
    const d = c < 128 ? DIGIT[c]! : -1;
    if (d < 0) return -1;
    key = key * 36 + d;
  }
  return key;
}

function common(a: string, b: string | undefined): number {
  if (b === undefined) return 0;
  let k = 0;
  while (k < a.length && k < b.length && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  return k;
}

export type IdLookup<T> = { kind: 'one'; record: T } | { kind: 'ambiguous'; candidates: T[] } | { kind: 'none' };

/** Finds a record by its id or a unique prefix of it (ids are lower case; typing need not be). */
export function findById<T extends { id: string }>(records: readonly T[], idOrPrefix: string): IdLookup<T> {
  const key = idOrPrefix.trim().toLowerCase();
  if (!key) return { kind: 'none' };
  const matches: T[] = [];
  for (const r of records) {
    const id = r.id.toLowerCase();
    if (id === key) return { kind: 'one', record: r };
    if (id.startsWith(key)) matches.push(r);
  }
  if (matches.length === 1) return { kind: 'one', record: matches[0]! };
  return matches.length > 1 ? { kind: 'ambiguous', candidates: matches } : { kind: 'none' };
}
