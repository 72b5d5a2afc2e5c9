import type { DueItem, DueList } from '../../reports/due.js';
import { describeCadence } from '../../core/cadence.js';
import type { Theme } from '../theme.js';
import { renderTable } from '../table.js';
import { plural, relativeDay, shortDate } from '../format.js';
import { safe } from '../sanitize.js';
import { fitLines } from '../wrap.js';

function when(item: DueItem, list: DueList, theme: Theme): string {
  if (item.overdueDays > 0) return theme.bad(`${plural(item.overdueDays, 'day')} late`);
  if (item.overdueDays === 0) return theme.warn('today');
  return relativeDay(item.dueOn, list.on);
}

function detail(item: DueItem, list: DueList, theme: Theme): string {
  switch (item.type) {
    case 'promise':
      return `you promised: ${safe(item.text)}`;
    case 'follow-up':
      return `met ${relativeDay(item.lastTouch, list.on)}; follow up while it is fresh`;
    case 'touch': {
      const last = item.lastTouch ? `last touch ${relativeDay(item.lastTouch, list.on)}` : 'never in touch since added';
      const bal = item.balance !== 0 ? `, balance ${theme.balance(item.balance)}` : '';
      return `${last} (${describeCadence(item.cadenceDays)}${bal}); ${item.suggestion}`;
    }
  }
}

const LABEL = { promise: 'promise', 'follow-up': 'follow-up', touch: 'touch' } as const;

/** The due list as a table, or a friendly line when nobody is due. */
export function renderDue(list: DueList, theme: Theme, width: number, explain: boolean): string {
  const day = list.on === list.today ? `today, ${shortDate(list.on, list.today)}` : shortDate(list.on, list.today);
  const span = list.until > list.on ? ` to ${shortDate(list.until, list.today)}` : '';
  if (list.items.length === 0) return fitLines(theme.good(`Nobody is due ${day}${span}. A good day to meet someone new.`), width);
  const rows = list.items.map((item, n) => [
    String(n + 1),
    LABEL[item.type],
    theme.name(safe(item.name)),
    when(item, list, theme),
    detail(item, list, theme) + (explain ? `\n${theme.dim(`why: ${safe(item.why)}`)}` : ''),
  ]);
  const counts = ['promise', 'follow-up', 'touch']
    .map((t) => [t, list.items.filter((i) => i.type === t).length] as const)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => plural(n, t, t === 'touch' ? 'touches' : undefined));
  const head = theme.heading(`Due ${day}${span}: ${counts.join(', ')}`);
  const table = renderTable(
    [{ header: '#', align: 'right' }, { header: 'What' }, { header: 'Who', wrap: true }, { header: 'When' }, { header: 'Why / what to do', wrap: true }],
    rows,
    width,
    theme,
    { drop: ['#'], note: () => '' },
  );
  return fitLines(`${head}\n${table}`, width);
}
