import type { Journal } from '../../core/schema.js';
import type { Day } from '../../core/dates.js';
import { matchRanges, queryWords, type SearchResult } from '../../core/search.js';
import { shortIds } from '../../core/ids.js';
import type { Theme } from '../theme.js';
import { renderTable } from '../table.js';
import { plural, shortDate } from '../format.js';
import { safe } from '../sanitize.js';
import { contactNamer } from '../../core/names.js';

/** The text with the query's words highlighted (safe first, so escapes never split a match). */
export function highlighted(text: string, words: readonly string[], theme: Theme): string {
  const line = text.replace(/\r?\n/g, ' / ');
  const ranges = matchRanges(line, words);
  if (ranges.length === 0) return safe(line);
  let out = '';
  let at = 0;
  for (const [from, to] of ranges) {
    out += safe(line.slice(at, from)) + theme.match(safe(line.slice(from, to)));
    at = to;
  }
  return out + safe(line.slice(at));
}

/** `netlog search`: one row per hit, newest first, the match highlighted on a terminal (searchCount goes under it). */
export function renderSearch(r: SearchResult, journal: Journal, today: Day, theme: Theme, width: number): string {
  if (r.hits.length === 0) return `Nothing matches "${safe(r.query)}".`;
  const words = queryWords(r.query);
  const name = contactNamer(journal.contacts);
  const interactionIds = shortIds(journal.interactions.map((i) => i.id));
  const shown = (kind: string, id: string) => (kind === 'interaction' ? (interactionIds.get(id) ?? id) : id);
  const table = renderTable(
    [{ header: 'ID' }, { header: 'Date' }, { header: 'What' }, { header: 'Who', wrap: true }, { header: 'Found', wrap: true }],
    r.hits.map((h) => [
      theme.dim(shown(h.kind, h.id)),
      shortDate(h.date, today),
      h.kind,
      h.contactIds.map((id) => safe(name(id))).join(', '),
      `${theme.dim(`${h.field}:`)} ${highlighted(h.text, words, theme)}`,
    ]),
    width,
    theme,
  );
  return table;
}

/** The count under search's table ("32 matches"). */
export function searchCount(r: SearchResult, theme: Theme): string {
  return theme.dim(plural(r.hits.length, 'match', 'matches'));
}
