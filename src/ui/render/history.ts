import type { Day } from '../../core/dates.js';
import type { History } from '../../reports/history.js';
import type { Theme } from '../theme.js';
import { renderTable } from '../table.js';
import { plural, shortDate } from '../format.js';
import { safe, safeLines } from '../sanitize.js';
import { sentences, tradedText } from './contacts.js';

/** `netlog history`: the log as a table that fits the terminal (historyCount goes under it). */
export function renderHistory(h: History, today: Day, theme: Theme, width: number, filtered: boolean): string {
  if (h.total === 0) return filtered ? 'No interactions match.' : 'Nothing logged yet. Log a meeting: netlog add "Dana Lee" --kind coffee';
  const table = renderTable(
    [{ header: 'ID' }, { header: 'Date' }, { header: 'Kind' }, { header: 'With', wrap: true }, { header: 'What', wrap: true }],
    h.interactions.map((i) => [
      theme.dim(i.shortId),
      shortDate(i.date, today),
      i.kind,
      i.with.map((w) => safe(w.name)).join(', '),
      sentences([i.event ? `at ${safe(i.event)}` : '', i.note ? safeLines(i.note) : '', tradedText(i)]),
    ]),
    width,
    theme,
  );
  return table;
}

/** The count under history's table: "3 of 141 interactions" when --limit cut it. */
export function historyCount(h: History, theme: Theme): string {
  return theme.dim(h.interactions.length < h.total ? `${h.interactions.length} of ${plural(h.total, 'interaction')}` : plural(h.total, 'interaction'));
}
