import type { Day } from '../core/dates.js';
import { localDayOfTimestamp } from '../core/dates.js';
import type { DueFacts, DueItem, DueJournal, DueList } from './due.js';
import { DUE_KINDS } from './due-kinds.js';

// The last due list `due` worked out, and what it printed of it, kept beside the journal as
// its summary is (reports/due-summary.ts: the store keeps it under the journal's identity and
// netlog's version, and hands it back only for that very file), so that asking again on the
// same day prints without working the list out. A list depends on the journal, today, the day
// asked about, the days ahead and the tag (the question, kept with it and compared in full),
// and, for people never in touch, on the local day they were added (the time zone's: the pairs
// it counted from are checked again on the way back). --limit, --explain, --json and the
// terminal apply to the list afterwards; the text they made is kept for that view alone (its
// every input named in DueView), so the same command again only prints it.

/** The records' names in the journal's backups folder: the list, and the text printed of it. */
export const DUE_ANSWER = 'due-answer.json';
export const DUE_SHOWN = 'due-shown.json';

/** Bumped when what the records hold changes shape (netlog's version is in the key as well). */
const FORMAT = 2;

/** What a due list answers: the list depends on nothing else of the run (but the code, which the records' checker names: store/checker.ts). */
export interface DueQuestion {
  today: Day;
  on: Day;
  until: Day;
  tag: string | null;
}

/** Everything the printed text depends on besides the list: the flags and the terminal. */
export interface DueView {
  json: boolean;
  explain: boolean;
  all: boolean;
  limit: number | null;
  /** The colour level and layout of the theme (ui/theme.ts). */
  level: number;
  layout: string;
  /** The width fitted to; null for a pipe (no width). */
  width: number | null;
}

/** What a due run printed: data on stdout (`out`) and talk on stderr (`info`), either or both. */
export interface Shown {
  out?: string;
  info?: string;
}

/** A kept list, and the added-on days it counted from. */
export interface Answer {
  list: DueList;
  added: [string, Day][];
}

/**
 * The added-on days a list counted from, as [createdAt, local day] pairs: the people with no
 * interaction (core/cadence.ts nextDue counts their rhythm from the local day of createdAt).
 */
export function addedDays(journal: DueJournal, facts: DueFacts): [string, Day][] {
  const out: [string, Day][] = [];
  for (const c of journal.contacts) if (!facts.stats.get(c.id)?.lastTouch) out.push([c.createdAt, localDayOfTimestamp(c.createdAt)]);
  return out;
}

/** The whole list (not cut by --limit) to keep, with the question it answers and the days it counted from. */
export function toAnswer(question: DueQuestion, added: [string, Day][], list: DueList): unknown {
  return { format: FORMAT, ...question, added, total: list.total, items: list.items };
}

/** What a view printed of the list, to keep with the question and the view. */
export function toShown(question: DueQuestion, added: [string, Day][], view: DueView, shown: Shown): unknown {
  return { format: FORMAT, ...question, added, view, shown };
}

/** Whether a kept record answers exactly this question, with the added-on days as this time zone has them. */
function answers(data: unknown, q: DueQuestion): data is Record<string, unknown> & { added: [string, Day][] } {
  if (data === null || typeof data !== 'object') return false;
  const d = data as Record<string, unknown>;
  if (d.format !== FORMAT || d.today !== q.today || d.on !== q.on || d.until !== q.until || d.tag !== q.tag || !Array.isArray(d.added)) return false;
  for (const pair of d.added as unknown[]) {
    if (!Array.isArray(pair) || typeof pair[0] !== 'string' || localDayOfTimestamp(pair[0]) !== pair[1]) return false;
  }
  return true;
}

const KINDS: ReadonlySet<string> = new Set(DUE_KINDS);
const VIEW_KEYS = ['json', 'explain', 'all', 'limit', 'level', 'layout', 'width'] as const;

/** A kept list answering exactly this question, or undefined (another question, another time zone's days, not one this netlog made). */
export function fromAnswer(data: unknown, q: DueQuestion): Answer | undefined {
  if (!answers(data, q) || !Array.isArray(data.items) || data.total !== data.items.length) return undefined;
  for (const i of data.items as unknown[]) {
    const item = i as Partial<DueItem> | null;
    if (item === null || typeof item !== 'object' || !KINDS.has(item.type as string) || typeof item.name !== 'string' || typeof item.why !== 'string') return undefined;
    const c = item.context;
    if (c === null || typeof c !== 'object' || !Array.isArray(c.wants) || !Array.isArray(c.theyOwe)) return undefined;
  }
  return { list: { today: q.today, on: q.on, until: q.until, items: data.items as DueItem[], total: data.total }, added: data.added };
}

/** What was printed for exactly this question and view, or undefined. */
export function fromShown(data: unknown, q: DueQuestion, view: DueView): Shown | undefined {
  if (!answers(data, q)) return undefined;
  const v = data.view as Record<string, unknown> | null;
  if (v === null || typeof v !== 'object' || !VIEW_KEYS.every((k) => v[k] === view[k])) return undefined;
  const s = data.shown as Record<string, unknown> | null;
  if (s === null || typeof s !== 'object' || (s.out === undefined && s.info === undefined)) return undefined;
  if ((s.out !== undefined && typeof s.out !== 'string') || (s.info !== undefined && typeof s.info !== 'string')) return undefined;
  return { ...(s.out !== undefined ? { out: s.out as string } : {}), ...(s.info !== undefined ? { info: s.info as string } : {}) };
}
