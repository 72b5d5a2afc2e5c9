import type { Report } from '../../reports/report.js';
import type { Day } from '../../core/dates.js';
import { daysBetween } from '../../core/dates.js';
import { describeCadence } from '../../core/cadence.js';
import type { Theme } from '../theme.js';
import { renderTable, type Column } from '../table.js';
import { plural, relativeDay, shortDate } from '../format.js';
import { safe } from '../sanitize.js';
import { fitLines } from '../wrap.js';

const BAR = 18;

function bar(n: number, max: number): string {
  return max === 0 ? '' : '█'.repeat(Math.round((n / max) * BAR)) || (n > 0 ? '▏' : '');
}

function chart(r: Report, today: Day, theme: Theme): string {
  const max = Math.max(...r.trend.flatMap((w) => [w.gave, w.asked]));
  if (max === 0) return '';
  const lines = r.trend.map((w) => {
    const label = shortDate(w.from, today).replace(/^\w+ /, '').padEnd(7);
    const gave = theme.good(bar(w.gave, max)).concat(` ${w.gave}`);
    const asked = theme.bad(bar(w.asked, max)).concat(` ${w.asked}`);
    return `  ${theme.dim(label)} gave  ${gave}\n  ${' '.repeat(7)} asked ${asked}`;
  });
  return `${theme.heading(`Give vs ask, week by week (${r.trend.length} weeks to ${shortDate(r.to, today)})`)}\n${lines.join('\n')}`;
}

function columnsTable(r: Report, theme: Theme, width: number): string {
  if (!r.columns || !r.byColumn) return '';
  const cols: Column[] = [{ header: 'Balance by period', wrap: true }, ...r.columns.map((c) => ({ header: c.label, align: 'right' as const }))];
  const rows = r.contacts.map((row) => [
    safe(row.name),
    ...r.byColumn![row.contactId]!.map((t) => (t.interactions ? theme.balance(t.balance) : theme.dim('·'))),
  ]);
  const totals = r.columns.map((_, i) => r.contacts.reduce((sum, row) => sum + r.byColumn![row.contactId]![i]!.balance, 0));
  return renderTable(cols, rows, width, theme, ['Total', ...totals.map((n) => (n > 0 ? `+${n}` : String(n)))]);
}

/** The weekly review as people read it. */
export function renderReport(r: Report, today: Day, theme: Theme, width: number): string {
  const days = daysBetween(r.from, r.to) + 1;
  const out: string[] = [theme.heading(`Review ${shortDate(r.from, today)} – ${shortDate(r.to, today)} (${plural(days, 'day')})`)];

  if (r.contacts.length === 0) {
    out.push('No interactions logged in this period.');
  } else {
    const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
    out.push(
      renderTable(
        [
          { header: 'Who', wrap: true },
          { header: 'Met', align: 'right' },
          { header: 'Gave', align: 'right' },
          { header: 'Asked', align: 'right' },
          { header: 'Got', align: 'right' },
          { header: 'Bal', align: 'right' },
          { header: 'All time', align: 'right' },
          { header: 'Stage' },
          { header: 'Last touch', wrap: true },
        ],
        r.contacts.map((c) => [
          safe(c.name),
          String(c.interactions),
          String(c.gave),
          String(c.asked),
          String(c.received),
          theme.balance(c.balance),
          theme.balance(c.lifetime.balance),
          c.stage === 'visibility' ? c.stage : c.stage === 'credibility' ? theme.warn(c.stage) : theme.good(c.stage),
          c.lastTouch ? relativeDay(c.lastTouch, today) : '',
        ]),
        width,
        theme,
        ['Total', String(r.totals.interactions), String(r.totals.gave), String(r.totals.asked), String(r.totals.received), signed(r.totals.balance), '', '', ''],
      ),
    );
  }

  const cols = columnsTable(r, theme, width);
  if (cols) out.push('', cols);

  const p = r.promises;
  out.push(
    '',
    theme.heading('Promises due in the period'),
    p.made === 0
      ? '  none'
      : `  ${p.made} made · ${p.kept} kept (${p.keptOnTime} on time) · ${p.open} open` + (p.overdue ? ` · ${theme.bad(`${p.overdue} overdue`)}` : ''),
  );

  if (r.takingFrom.length) {
    out.push('', theme.heading('You are taking from (asked more than you gave, all time)'));
    for (const t of r.takingFrom) out.push(`  ${safe(t.name)}  ${theme.balance(t.balance)}  ${theme.dim(`gave ${t.gave}, asked ${t.asked}`)}`);
  }
  if (r.cold.length) {
    out.push('', theme.heading('Going cold (more than twice their cadence)'));
    for (const c of r.cold) {
      out.push(`  ${safe(c.name)}  ${theme.dim(`last touch ${c.lastTouch ? relativeDay(c.lastTouch, today) : 'never'}, ${describeCadence(c.cadenceDays)}`)}`);
    }
  }
  const pic = chart(r, today, theme);
  if (pic) out.push('', pic);
  return fitLines(out.join('\n'), width);
}
