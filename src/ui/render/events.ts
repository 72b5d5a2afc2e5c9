import type { EventsReport, Outcome, ValueCount } from '../../reports/events.js';
import type { Theme } from '../theme.js';
import { renderTable, type Column } from '../table.js';
import { shortDate, wrapText } from '../format.js';
import { safe } from '../sanitize.js';

function share(n: number, of: number): string {
  return of === 0 ? '0' : `${n} (${Math.round((100 * n) / of)}%)`;
}

function given(v: ValueCount): string {
  return v.gave || v.received ? `${v.gave}/${v.received}` : '·';
}

const OUTCOME_COLUMNS: Column[] = [
  { header: 'Met', align: 'right' },
  { header: 'Followed up', align: 'right' },
  { header: '6+', align: 'right' },
  { header: 'Referrals', align: 'right' },
  { header: 'Business', align: 'right' },
];

function outcomeCells(o: Outcome, theme: Theme): string[] {
  return [
    String(o.met),
    share(o.followedUp, o.met),
    o.relationships ? theme.good(String(o.relationships)) : '0',
    given(o.referrals),
    given(o.business),
  ];
}

/** Events and sources with what came of them. */
export function renderEvents(r: EventsReport, theme: Theme, width: number): string {
  const out: string[] = [];
  if (r.events.length === 0) {
    out.push(theme.heading('Events'), '  none logged yet: netlog add Dana Sam --event "Chamber breakfast"');
  } else {
    out.push(
      theme.heading('Events: what came of the people you met there'),
      renderTable(
        [{ header: 'Event', wrap: true }, { header: 'Date' }, { header: 'Sessions', align: 'right' }, { header: 'New', align: 'right' }, ...OUTCOME_COLUMNS],
        r.events.map((e) => [safe(e.name), shortDate(e.date, r.today), String(e.sessions), String(e.new), ...outcomeCells(e, theme)]),
        width,
        theme,
      ),
    );
  }
  if (r.sources.length > 0) {
    out.push(
      '',
      theme.heading('Sources: where your contacts came from'),
      renderTable(
        [{ header: 'Source', wrap: true }, ...OUTCOME_COLUMNS],
        r.sources.map((s) => [s.source === null ? theme.dim('(none recorded)') : safe(s.source), ...outcomeCells(s, theme)]),
        width,
        theme,
      ),
    );
  }
  out.push(
    '',
    theme.dim(
      wrapText(
        'Followed up: an interaction after the first meeting. 6+: six or more interactions, a relationship. ' +
          'Referrals and business: in the interactions after the meeting, written gave/got (given by you / received from them).',
        width,
      ),
    ),
  );
  return out.join('\n');
}
