import type { DueItem, DueList } from '../../reports/due.js';
import { DUE_KINDS } from '../../reports/due-kinds.js';
import type { DueContext } from '../../reports/due-context.js';
import { gist } from '../../reports/due-context.js';
import { describeCadence } from '../../core/cadence.js';
import { BIRTHDAY, labelKey } from '../../core/key-dates.js';
import type { Theme } from '../theme.js';
import { renderTable } from '../table.js';
import { plural, relativeDay, shortDate } from '../format.js';
import { safe } from '../sanitize.js';
import { fitLines } from '../wrap.js';

/** A terminal shows one screenful of the due list; `--all` (or a pipe, or --json) shows everything. */
export const SCREENFUL = 20;

function when(item: DueItem, list: DueList, theme: Theme): string {
  if (item.type === 'date') return item.overdueDays === 0 ? theme.warn('today') : relativeDay(item.dueOn, list.on);
  if (item.overdueDays > 0) return theme.bad(`${plural(item.overdueDays, 'day')} late`);
  if (item.overdueDays === 0) return theme.warn('today');
  return relativeDay(item.dueOn, list.on);
}

/** "2.1× cadence": how far past their rhythm a touch is. */
export function pastRhythm(score: number): string {
  return `${score.toFixed(1)}× cadence`;
}

function detail(item: DueItem, list: DueList, theme: Theme): string {
  switch (item.type) {
    case 'promise':
      return `you promised: ${safe(item.text)}`;
    case 'check-in':
      return `they promised you: ${safe(item.text)} — check in`;
    case 'date':
      if (labelKey(item.label) === BIRTHDAY) return `birthday${item.age !== undefined ? `: turns ${item.age}` : ''} — send a note`;
      return `${safe(item.label)}${item.years !== undefined ? ` (${plural(item.years, 'year')})` : ''} — a reason to get in touch`;
    case 'follow-up':
      return `met ${relativeDay(item.lastTouch, list.on)}; follow up while it is fresh`;
    case 'touch': {
      const last = item.lastTouch ? `last touch ${relativeDay(item.lastTouch, list.on)}` : 'never in touch since added';
      const bal = item.balance !== 0 ? `, balance ${theme.balance(item.balance)}` : '';
      return `${last} (${describeCadence(item.cadenceDays)}, ${pastRhythm(item.score)}${bal}); ${safe(item.suggestion)}`;
    }
  }
}

/** One short line of context: the last interaction and its note, their wants, what they owe you. */
export function contextLine(c: DueContext, on: string, item?: DueItem): string {
  const parts: string[] = [];
  const suggested = item?.type === 'touch' ? item.suggestion : '';
  // The note once: a suggestion that already quotes it does not need it again.
  // A note from before the last interaction says when it was written, so it is not read as the last one's.
  const quoted = c.lastNote && !suggested.includes(gist(c.lastNote, 40).replace(/…$/, '')) ? `"${gist(c.lastNote, 50)}"` : '';
  const note = quoted ? (c.lastNoteDate ? `; note ${relativeDay(c.lastNoteDate, on)} — ${quoted}` : ` — ${quoted}`) : '';
  // A touch already says when the last touch was: its line adds the kind only with a note.
  if (c.lastKind && c.lastDate && (note || item?.type !== 'touch')) parts.push(`last: ${c.lastKind} ${relativeDay(c.lastDate, on)}${note}`);
  else if (note) parts.push(note.replace(/^(; | — )/, ''));
  const wants = c.wants.filter((w) => !suggested.includes(w));
  if (wants.length) parts.push(`wants: ${wants.join('; ')}`);
  const owes = c.theyOwe.filter((t) => !(item?.type === 'check-in' && item.text === t));
  if (owes.length) parts.push(`owes you: ${owes.join('; ')}`);
  return safe(parts.join(' · '));
}

export interface DueView {
  explain: boolean;
  /** Show every item on a terminal too (a pipe always gets every item). */
  all: boolean;
}

/**
 * The due list: a table under its heading, or a friendly line when nobody is due. On a terminal
 * one screenful (unless `all`); piped (`theme.layout`), every item, one a line, fields
 * tab-separated, under the table's header line (the heading is dueHeading's, for stderr).
 */
export function renderDue(list: DueList, theme: Theme, width: number, view: DueView): string {
  if (list.items.length === 0) return fitLines(theme.good(`Nobody is due ${dayAsked(list)}. A good day to meet someone new.`), width);
  const shown = view.all || theme.layout === 'pipe' ? list.items : list.items.slice(0, SCREENFUL);
  // Piped, the lines of a cell are one line (ui/table.ts: a run of spaces with a line break
  // becomes one space): joined so here, the table has no pattern to run over each row.
  const join = theme.layout === 'pipe' ? (a: string, b: string) => `${a.trimEnd()} ${b.trimStart()}` : (a: string, b: string) => `${a}\n${b}`;
  const rows = shown.map((item, n) => {
    const ctx = contextLine(item.context, list.on, item);
    let cell = detail(item, list, theme);
    if (ctx) cell = join(cell, theme.dim(ctx));
    if (view.explain) cell = join(cell, theme.dim(`why: ${safe(item.why)}`));
    return [String(n + 1), item.type, theme.name(safe(item.name)), when(item, list, theme), cell];
  });
  const table = renderTable(
    [{ header: '#', align: 'right' }, { header: 'What' }, { header: 'Who', wrap: true }, { header: 'When' }, { header: 'Why / what to do', wrap: true }],
    rows,
    width,
    theme,
    { drop: ['#'], note: () => '' },
  );
  const more = list.items.length - shown.length + (list.total - list.items.length);
  // Cut by --limit, --all alone would not show the rest.
  const how = list.total > list.items.length ? 'netlog due --all, without --limit' : 'netlog due --all';
  // A pipe gets what it asked for and no talk.
  if (theme.layout === 'pipe') return table;
  const tail = more > 0 ? `\n${theme.dim(`and ${more} more — ${how}`)}` : '';
  return fitLines(`${dueHeading(list, theme)}\n${table}${tail}`, width);
}

/**
 * The line over a due list that is not empty: the day and what is due, by kind. Over the table on
 * a terminal; piped, the command says it on stderr (stdout is the table's header and rows).
 */
export function dueHeading(list: DueList, theme: Theme): string {
  const counts = DUE_KINDS
    .map((t) => [t, list.items.filter((i) => i.type === t).length] as const)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => plural(n, t === 'date' ? 'key date' : t, t === 'touch' ? 'touches' : t === 'date' ? 'key dates' : undefined));
  return theme.heading(`Due ${dayAsked(list)}: ${counts.join(', ')}`);
}

/** "today, Fri 20 Nov", or the day asked about, and the last day --within reaches. */
function dayAsked(list: DueList): string {
  const day = list.on === list.today ? `today, ${shortDate(list.on, list.today)}` : shortDate(list.on, list.today);
  return list.until > list.on ? `${day} to ${shortDate(list.until, list.today)}` : day;
}
