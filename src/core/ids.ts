// Ids people can see and type: the shortest prefix that tells a record apart from the others of
// its kind (at least four characters), and finding a record back from such a prefix.

/** The shortest prefixes shown for ids. */
export const MIN_PREFIX = 4;

/**
 * The shortest unique prefix (≥ `min` characters) of every id, keyed by id. One sort and a look at
 * each id's neighbours: the prefix must go one character past what it shares with either.
 */
export function shortIds(ids: readonly string[], min = MIN_PREFIX): Map<string, string> {
  const sorted = [...new Set(ids)].sort();
  const out = new Map<string, string>();
  for (let n = 0; n < sorted.length; n++) {
    const id = sorted[n]!;
    const shared = Math.max(common(id, sorted[n - 1]), common(id, sorted[n + 1]));
    out.set(id, id.slice(0, Math.max(min, shared + 1)));
  }
  return out;
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
