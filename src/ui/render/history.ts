import type { Interaction } from '../../core/schema.js';
import type { Day } from '../../core/dates.js';
import type { HistoryView } from '../../reports/history.js';
import type { Theme } from '../theme.js';
import { renderTable, tabCell, tabLine } from '../table.js';
import { chunks } from '../chunks.js';
import { writeJsonList } from '../json.js';
import { plural, shortDate } from '../format.js';
import { safe, safeLines } from '../sanitize.js';
import { sentences, tradedText } from './contacts.js';

const COLUMNS = [{ header: 'ID' }, { header: 'Date' }, { header: 'Kind' }, { header: 'With', wrap: true }, { header: 'What', wrap: true }];

function empty(filtered: boolean): string {
  return filtered ? 'No interactions match.' : 'Nothing logged yet. Log a meeting: netlog add "Dana Lee" --kind coffee';
}

/** The parts of a row that take work; names are made safe once each, not once a row. */
function rowParts(v: HistoryView, today: Day) {
  const safeNames = new Map<string, string>();
  const name = (id: string) => {
    let s = safeNames.get(id);
    if (s === undefined) safeNames.set(id, (s = safe(v.name(id))));
    return s;
  };
  // The rows are newest first: most follow one of the same day.
  let day = '';
  let dayText = '';
  return {
    date: (i: Interaction) => (i.date === day ? dayText : (dayText = shortDate((day = i.date), today))),
    with: (i: Interaction) => (i.contactIds.length === 1 ? name(i.contactIds[0]!) : i.contactIds.map(name).join(', ')),
    what: (i: Interaction) => {
      const event = v.event(i);
      return sentences([event ? `at ${safe(event)}` : '', i.note ? safeLines(i.note) : '', tradedText({ gave: i.gave, asked: i.asked, received: i.received, itemNames: v.names })]);
    },
  };
}

/** `netlog history` on a terminal: the log as a table that fits it (historyCount goes under it). */
export function renderHistory(v: HistoryView, today: Day, theme: Theme, width: number, filtered: boolean): string {
  if (v.total === 0) return empty(filtered);
  const p = rowParts(v, today);
  return renderTable(
    COLUMNS,
    v.shown.map((i) => [theme.dim(v.shortId(i)), p.date(i), i.kind, p.with(i), p.what(i)]),
    width,
    theme,
  );
}

/**
 * `netlog history` piped: renderTable's tab-separated lines, written out as each is made, so a
 * long log is never all in memory (the entries, their lines, one string of them all).
 */
export function writeHistoryLines(v: HistoryView, today: Day, theme: Theme, filtered: boolean, write: (chunk: string) => void): void {
  if (v.total === 0) return write(`${empty(filtered)}\n`);
  const p = rowParts(v, today);
  const out = chunks(write);
  out.add(`${tabLine(COLUMNS.map((c) => c.header))}\n`);
  // tabLine's line, made without an array of cells; the date and kind are netlog's own words.
  for (const i of v.shown) out.add(`${tabCell(theme.dim(v.shortId(i)))}\t${p.date(i)}\t${i.kind}\t${tabCell(p.with(i))}\t${tabCell(p.what(i))}\n`);
  out.end();
}

/** `netlog history --json`: toJson(history(…)), written out an entry at a time. */
export function writeHistoryJson(v: HistoryView, write: (chunk: string) => void): void {
  writeJsonList({ from: v.from, to: v.to, total: v.total }, 'interactions', v.shown.length, (k) => v.entry(v.shown[k]!), write);
}

/** The count under history's table: "3 of 141 interactions" when --limit cut it. */
export function historyCount(v: { total: number; shown: readonly unknown[] }, theme: Theme): string {
  return theme.dim(v.shown.length < v.total ? `${v.shown.length} of ${plural(v.total, 'interaction')}` : plural(v.total, 'interaction'));
}
