import type { Report } from '../../reports/report.js';
import type { Day } from '../../core/dates.js';
import { daysBetween, monthName } from '../../core/dates.js';
import { describeCadence } from '../../core/cadence.js';
import type { Theme } from '../theme.js';
import { renderColumns, type Col } from '../table.js';
import { plural, relativeDay, shortDate, wrapText } from '../format.js';
import { safe } from '../sanitize.js';
import { fitLines } from '../wrap.js';

const MAX_BAR = 18;

/** "26 Sep": short enough for a chart label whatever the year. */
function dayMonth(day: Day): string {
  return `${Number(day.slice(8, 10))} ${monthName(day, true)}`;
}

/** Whole blocks scaled to `max`; a sliver for a count too small to fill one. */
function blocks(n: number, max: number, size: number): number {
  return max === 0 || n === 0 ? 0 : Math.max(1, Math.round((n / max) * size));
}

/**
 * Gives vs asks per week as one line each, asks growing left and gives right of an axis, so a
 * glance shows which side is heavier. Bars shrink to fit `width`; each line stays within it.
 */
export function renderTrendChart(trend: Report['trend'], to: Day, today: Day, theme: Theme, width: number): string {
  const max = Math.max(0, ...trend.flatMap((w) => [w.gave, w.asked]));
  if (max === 0) return '';
  const labels = trend.map((w) => dayMonth(w.from));
  const labelW = Math.max(...labels.map((l) => l.length));
  const numW = String(max).length;
  // indent + label + gap + number + space + bar + axis + bar + space + number
  const fixed = 2 + labelW + 2 + numW + 1 + 1 + 1 + numW;
  const size = Math.max(1, Math.min(MAX_BAR, Math.floor((width - fixed) / 2)));
  const axis = 2 + labelW + 2 + numW + 1 + size; // the column of the │
  const header = `${' '.repeat(Math.max(0, axis - 5))}asked│gave`;
  const lines = trend.map((w, i) => {
    const a = blocks(w.asked, max, size);
    const g = blocks(w.gave, max, size);
    const asked = ' '.repeat(size - a) + theme.bad('█'.repeat(a));
    const gave = theme.good('█'.repeat(g));
    const askedNum = (w.asked ? String(w.asked) : '·').padStart(numW);
    const gaveNum = w.gave ? String(w.gave) : '·';
    return `  ${theme.dim(labels[i]!.padEnd(labelW))}  ${askedNum} ${asked}│${gave} ${gaveNum}`.replace(/\s+$/, '');
  });
  const title = theme.heading(wrapText(`Give vs ask, week by week (${plural(trend.length, 'week')} to ${shortDate(to, today)})`, width, '', '  '));
  return [title, theme.dim(header), ...lines].join('\n');
}

function chart(r: Report, today: Day, theme: Theme, width: number): string {
  return renderTrendChart(r.trend, r.to, today, theme, width);
}

function columnLabel(c: { from: Day; label: string }, interval: 'week' | 'month', today: Day): string {
  if (interval === 'week') return dayMonth(c.from);
  const month = monthName(c.from, true);
  return c.from.slice(0, 4) === today.slice(0, 4) ? month : `${month} ${c.from.slice(2, 4)}`;
}

function columnsTable(r: Report, today: Day, theme: Theme, width: number): string {
  if (!r.columns || !r.byColumn) return '';
  const interval = r.interval ?? 'week';
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
  const who: Col = { header: interval === 'week' ? 'Balance, week of' : 'Balance by month', wrap: true, cells: [...r.contacts.map((c) => safe(c.name)), 'Total'] };
  const periods: Col[] = r.columns.map((col, i) => ({
    header: columnLabel(col, interval, today),
    align: 'right',
    cells: [
      ...r.contacts.map((row) => {
        const t = r.byColumn![row.contactId]![i]!;
        return t.interactions ? theme.balance(t.balance) : theme.dim('·');
      }),
      signed(r.columnTotals?.[i]?.balance ?? 0),
    ],
  }));
  // The most recent periods matter most: drop from the oldest.
  const unit = interval === 'week' ? 'earlier week' : 'earlier month';
  return renderColumns([who, ...periods], r.contacts.length, width, theme, {
    footer: true,
    drop: periods.map((p) => p.header),
    note: (dropped) => `(${plural(dropped.length, unit)} left out to fit the terminal; --json has them all)`,
  });
}

function mainTable(r: Report, today: Day, theme: Theme, width: number): string {
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
  const rows = r.contacts;
  const t = r.totals;
  const all: Col[] = [
    { header: 'Who', wrap: true, cells: [...rows.map((c) => safe(c.name)), 'Total'] },
    { header: 'Met', align: 'right', cells: [...rows.map((c) => String(c.interactions)), String(t.interactions)] },
    { header: 'Gave', align: 'right', cells: [...rows.map((c) => String(c.gave)), String(t.gave)] },
    { header: 'Asked', align: 'right', cells: [...rows.map((c) => String(c.asked)), String(t.asked)] },
    { header: 'Got', align: 'right', cells: [...rows.map((c) => String(c.received)), String(t.received)] },
    { header: 'Bal', align: 'right', cells: [...rows.map((c) => theme.balance(c.balance)), signed(t.balance)] },
    { header: 'All time', align: 'right', cells: [...rows.map((c) => theme.balance(c.lifetime.balance)), ''] },
    {
      header: 'Stage',
      cells: [...rows.map((c) => (c.stage === 'visibility' ? c.stage : c.stage === 'credibility' ? theme.warn(c.stage) : theme.good(c.stage))), ''],
    },
    { header: 'Last touch', wrap: true, cells: [...rows.map((c) => (c.lastTouch ? relativeDay(c.lastTouch, today) : '')), ''] },
  ];
  return renderColumns(all, rows.length, width, theme, { footer: true, drop: ['Last touch', 'Got', 'Stage', 'All time', 'Met'] });
}

/** The weekly review as people read it. */
export function renderReport(r: Report, today: Day, theme: Theme, width: number): string {
  const days = daysBetween(r.from, r.to) + 1;
  const line = (text: string, indent = '') => wrapText(text, width, indent, '  ');
  const out: string[] = [theme.heading(line(`Review ${shortDate(r.from, today)} – ${shortDate(r.to, today)} (${plural(days, 'day')})`))];

  if (r.contacts.length === 0) out.push('No interactions logged in this period.');
  else out.push(mainTable(r, today, theme, width));

  const cols = columnsTable(r, today, theme, width);
  if (cols) out.push('', cols);

  const p = r.promises;
  out.push(
    '',
    theme.heading(line('Promises due in the period')),
    p.made === 0
      ? '  yours: none'
      : line(`yours: ${p.made} made · ${p.kept} kept (${p.keptOnTime} on time) · ${p.open} open` + (p.overdue ? ` · ${theme.bad(`${p.overdue} overdue`)}` : ''), '  '),
  );
  const t = p.theirs;
  if (t.made > 0) out.push(line(`theirs: ${t.made} made · ${t.kept} kept · ${t.open} open` + (t.overdue ? ` · ${theme.warn(`${t.overdue} overdue`)}` : ''), '  '));

  // A titled table of people, when there is anyone in it.
  const section = (title: string, count: number, cols: Col[], drop: string[]) => {
    if (count > 0) out.push('', theme.heading(line(title)), renderColumns(cols, count, width, theme, { drop }));
  };
  const taking = r.takingFrom;
  section(
    'You are taking from (asked more than you gave, all time)',
    taking.length,
    [
      { header: 'Who', wrap: true, cells: taking.map((t) => safe(t.name)) },
      { header: 'Balance', align: 'right', cells: taking.map((t) => theme.balance(t.balance)) },
      { header: 'Gave', align: 'right', cells: taking.map((t) => String(t.gave)) },
      { header: 'Asked', align: 'right', cells: taking.map((t) => String(t.asked)) },
    ],
    ['Gave', 'Asked'],
  );
  const cold = r.cold;
  section(
    'Going cold (more than twice their cadence)',
    cold.length,
    [
      { header: 'Who', wrap: true, cells: cold.map((c) => safe(c.name)) },
      { header: 'Last touch', wrap: true, cells: cold.map((c) => (c.lastTouch ? relativeDay(c.lastTouch, today) : 'never')) },
      { header: 'Cadence', cells: cold.map((c) => describeCadence(c.cadenceDays)) },
    ],
    ['Cadence'],
  );
  const pic = chart(r, today, theme, width);
  if (pic) out.push('', pic);
  return fitLines(out.join('\n'), width);
}
