import type { PromiseList, PromiseRow } from '../../reports/promises.js';
import type { MarkedDone } from '../../core/promises.js';
import type { Day } from '../../core/dates.js';
import type { Theme } from '../theme.js';
import { renderColumns } from '../table.js';
import { plural, relativeDay, shortDate } from '../format.js';
import { safe } from '../sanitize.js';
import { fitLines } from '../wrap.js';

/** When a promise is due or was kept, in words: "3 days overdue", "due tomorrow", "kept 2 days late". */
export function promiseWhen(row: PromiseRow, today: Day, theme: Theme): string {
  if (row.status === 'dropped') return theme.dim(`dropped ${shortDate(row.droppedOn!, today)}`);
  if (row.status === 'kept') {
    const kept = `kept ${shortDate(row.doneOn!, today)}`;
    return row.onTime ? theme.good(`${kept}, on time`) : theme.warn(`${kept}, ${plural(row.daysLate ?? 0, 'day')} late`);
  }
  if (row.status === 'overdue') return theme.bad(`${plural(row.daysLate ?? 0, 'day')} overdue`);
  return row.daysLeft === 0 ? theme.warn('due today') : `due ${relativeDay(row.due, today)}`;
}

/** Who the promise binds: "you owe" while it is open, "you promised" once kept or dropped. */
function whoOwes(row: PromiseRow): string {
  const open = row.status === 'open' || row.status === 'overdue';
  if (row.owner === 'them') return open ? 'they owe' : 'they promised';
  return open ? 'you owe' : 'you promised';
}

/** The promise list as a table, with a one-line tally for each side. */
export function renderPromises(list: PromiseList, theme: Theme, width: number): string {
  const s = list.stats;
  const t = list.theirs;
  const tally =
    `${s.open} open` +
    (s.overdue ? ` (${theme.bad(`${s.overdue} overdue`)})` : '') +
    ` · ${s.kept} kept, ${s.keptOnTime} on time`;
  const theirTally = t.made ? ` · theirs: ${t.open} open${t.overdue ? ` (${theme.warn(`${t.overdue} late`)})` : ''}, ${t.kept} kept` : '';
  if (s.made === 0 && t.made === 0 && list.promises.length === 0) return fitLines('No promises yet. Make one with: netlog promise add NAME "…" --by friday (or netlog add NAME --promise "…")', width);
  if (list.promises.length === 0) return fitLines(theme.good(`No open promises. ${s.kept} kept, ${s.keptOnTime} on time.${theirTally}`), width);
  const rows = list.promises;
  // In a narrow terminal the due date goes first: the status says it in words.
  const table = renderColumns(
    [
      { header: 'ID', cells: rows.map((r) => theme.dim(r.id)) },
      { header: 'Who', cells: rows.map(whoOwes) },
      { header: 'With', wrap: true, cells: rows.map((r) => theme.name(safe(r.name))) },
      { header: 'Promise', wrap: true, cells: rows.map((r) => safe(r.text)) },
      { header: 'Due', cells: rows.map((r) => shortDate(r.due, list.today)) },
      { header: 'Status', cells: rows.map((r) => promiseWhen(r, list.today, theme)) },
    ],
    rows.length,
    width,
    theme,
    { drop: ['Due'], note: () => '' },
  );
  return `${fitLines(theme.heading(`Promises: ${tally}${theirTally}`), width)}\n${table}`;
}

/** One line saying what `done` did. */
export function renderDone(r: MarkedDone, contactName: string, today: Day, theme: Theme): string {
  const p = r.promise;
  const what = `"${safe(p.text)}" ${p.owner === 'them' ? 'from' : 'to'} ${theme.name(safe(contactName))}`;
  if (!r.changed) return `Already kept: ${what}, on ${shortDate(p.doneOn!, today)}. Nothing changed.`;
  const late = p.doneOn! > p.due ? theme.warn(`kept late (was due ${shortDate(p.due, today)})`) : theme.good('kept on time');
  return `Marked kept on ${shortDate(p.doneOn!, today)}: ${what}, ${late}.`;
}
