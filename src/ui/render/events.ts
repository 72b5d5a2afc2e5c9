import type { EventsReport, Outcome, ValueCount } from '../../reports/events.js';
import type { Theme } from '../theme.js';
import { renderColumns, type Col } from '../table.js';
import { shortDate, wrapText } from '../format.js';
import { safe } from '../sanitize.js';

function share(n: number, of: number): string {
  return of === 0 ? '0' : `${n} (${Math.round((100 * n) / of)}%)`;
}

function given(v: ValueCount): string {
  return v.gave || v.received ? `${v.gave}/${v.received}` : '·';
}

function outcomeCols(list: Outcome[], theme: Theme): Col[] {
  return [
    { header: 'Met', align: 'right', cells: list.map((o) => String(o.met)) },
    { header: 'Followed up', align: 'right', cells: list.map((o) => share(o.followedUp, o.met)) },
    { header: '6+', align: 'right', cells: list.map((o) => (o.relationships ? theme.good(String(o.relationships)) : '0')) },
    { header: 'Referrals', align: 'right', cells: list.map((o) => given(o.referrals)) },
    { header: 'Business', align: 'right', cells: list.map((o) => given(o.business)) },
  ];
}

/** Events and sources with what came of them. */
export function renderEvents(r: EventsReport, theme: Theme, width: number): string {
  const out: string[] = [];
  if (r.events.length === 0) {
    out.push(theme.heading('Events'), wrapText('none logged yet: netlog add Dana Sam --event "Chamber breakfast"', width));
  } else {
    out.push(
      theme.heading('Events'),
      renderColumns(
        [
          { header: 'Event', wrap: true, cells: r.events.map((e) => safe(e.name) + (e.occurrences > 1 ? theme.dim(` (${e.occurrence} of ${e.occurrences})`) : '')) },
          { header: 'Date', cells: r.events.map((e) => shortDate(e.date, r.today)) },
          { header: 'Sessions', align: 'right', cells: r.events.map((e) => String(e.sessions)) },
          { header: 'New', align: 'right', cells: r.events.map((e) => String(e.new)) },
          ...outcomeCols(r.events, theme),
        ],
        r.events.length,
        width,
        theme,
        { drop: ['Sessions', 'Date', 'New', 'Business', 'Referrals'] },
      ),
    );
  }
  if (r.sources.length > 0) {
    out.push(
      '',
      theme.heading('Sources'),
      renderColumns(
        [
          { header: 'Source', wrap: true, cells: r.sources.map((s) => (s.source === null ? theme.dim('(none recorded)') : safe(s.source))) },
          ...outcomeCols(r.sources, theme),
        ],
        r.sources.length,
        width,
        theme,
        { drop: ['Business', 'Referrals'] },
      ),
    );
  }
  if (r.introducers.length > 0) {
    out.push(
      '',
      theme.heading('Introducers'),
      renderColumns(
        [{ header: 'Introduced by', wrap: true, cells: r.introducers.map((s) => theme.name(safe(s.name))) }, ...outcomeCols(r.introducers, theme)],
        r.introducers.length,
        width,
        theme,
        { drop: ['Business', 'Referrals'] },
      ),
    );
  }
  return out.join('\n');
}

/**
 * What the columns mean, under the tables (none when there are no tables): for a person, so the
 * command prints it as a footer (on stderr when piped, where stdout is only the tables' rows).
 */
export function eventsLegend(r: EventsReport, theme: Theme, width: number): string | undefined {
  if (r.events.length === 0 && r.sources.length === 0) return undefined;
  return theme.dim(
    wrapText(
      'Followed up: an interaction after the first meeting. 6+: six or more interactions, a relationship. ' +
        'Referrals and business: in the interactions after the meeting, written gave/got (given by you / received from them).',
      width,
    ),
  );
}
