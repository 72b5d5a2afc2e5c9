import type { Contact, Journal } from '../core/schema.js';
import { compareNames } from '../core/names.js';
import { resolveSettings } from '../core/journal.js';
import { addDays, addMonths, daysBetween, weekday, weekStart, type Day } from '../core/dates.js';
import { effectiveCadence, tagKey } from '../core/cadence.js';
import { addToTally, contactStatsWithin, emptyTally, overduePromisesByContact, statsFor, type Tally } from '../core/stats.js';
import { stageOf, type Stage } from '../core/stage.js';
import { isMine, promiseStats, theirPromiseStats, type PromiseStats, type TheirPromiseStats } from '../core/promises.js';
import { absentTargets, countForAny, hasTargets } from '../core/counting.js';

export type { PromiseStats };

/** Your promise figures (SPEC §4), with theirs to you beside them (SPEC §6.2). */
export interface ReportPromises extends PromiseStats {
  theirs: TheirPromiseStats;
}

// The weekly review (SPEC §4 `report`): per-contact give/ask ledger over a period, promise
// keeping, who you are taking from, who is going cold, and a weekly trend.

export type Interval = 'week' | 'month';

export interface ReportSpec {
  from: Day;
  to: Day;
  contactIds?: string[];
  tag?: string;
  interval?: Interval;
  /** Weeks of give/ask history to chart, ending at `to` (default: the period's weeks, 8 to 26). */
  trendWeeks?: number;
}

export interface ReportRow extends Tally {
  contactId: string;
  name: string;
  lifetime: Tally;
  stage: Stage;
  lastTouch: Day | null;
}

export interface Column {
  from: Day;
  to: Day;
  label: string;
}

export interface Report {
  from: Day;
  to: Day;
  contacts: ReportRow[];
  totals: Tally;
  promises: ReportPromises;
  /** All-time balance below zero: you have asked more than you gave. */
  takingFrom: { contactId: string; name: string; balance: number; gave: number; asked: number }[];
  /** More than twice their cadence since the last touch, on today (snoozed contacts left out). */
  cold: { contactId: string; name: string; lastTouch: Day | null; cadenceDays: number; daysSince: number }[];
  trend: { from: Day; to: Day; gave: number; asked: number }[];
  /** With an interval: the period split into columns, and each contact's balance per column. */
  interval?: Interval;
  columns?: Column[];
  byColumn?: Record<string, Tally[]>;
  /** Each column's totals, by the same rule as `totals`. */
  columnTotals?: Tally[];
}

/** Splits [from, to] into calendar weeks (Monday first) or months, clipped to the period. */
export function periodColumns(from: Day, to: Day, interval: Interval): Column[] {
  const cols: Column[] = [];
  let start = from;
  while (start <= to) {
    let next: Day;
    if (interval === 'week') next = addDays(start, 7 - ((weekday(start) + 6) % 7));
    else next = addMonths(`${start.slice(0, 7)}-01`, 1);
    const end = addDays(next, -1) < to ? addDays(next, -1) : to;
    cols.push({ from: start, to: end, label: interval === 'week' ? `w/c ${start.slice(5)}` : start.slice(0, 7) });
    start = next;
  }
  return cols;
}

function addCounts(t: Tally, interaction: boolean, gave: number, asked: number, received: number): void {
  if (interaction) t.interactions += 1;
  t.gave += gave;
  t.asked += asked;
  t.received += received;
  t.balance += gave - asked;
}

export function buildReport(journal: Journal, today: Day, spec: ReportSpec): Report {
  const settings = resolveSettings(journal.settings);
  const wantTag = spec.tag === undefined ? undefined : tagKey(spec.tag);
  const wanted = (c: Contact) =>
    (spec.contactIds === undefined || spec.contactIds.includes(c.id)) && (wantTag === undefined || c.tags.some((t) => tagKey(t) === wantTag));
  const selected = journal.contacts.filter(wanted);
  const selectedIds = new Set(selected.map((c) => c.id));

  const { lifetime, period } = contactStatsWithin(journal, { from: spec.from, to: spec.to });
  const overdue = overduePromisesByContact(journal.promises, today);

  const rows: ReportRow[] = [];
  for (const c of selected) {
    const p = period.get(c.id);
    if (!p) continue;
    const life = statsFor(lifetime, c.id);
    rows.push({
      contactId: c.id,
      name: c.name,
      interactions: p.interactions,
      gave: p.gave,
      asked: p.asked,
      received: p.received,
      balance: p.balance,
      lifetime: { interactions: life.interactions, gave: life.gave, asked: life.asked, received: life.received, balance: life.balance },
      stage: stageOf(life, overdue.get(c.id) ?? 0),
      lastTouch: life.lastTouch,
    });
  }
  rows.sort((a, b) => b.interactions - a.interactions || compareNames(a.name, b.name));

  // Totals follow the one counting rule (core/counting.ts): each item once, whoever it was for;
  // each interaction once. So a group's items are on every row they count for, and once here.
  const totals = emptyTally();
  const trend: Report['trend'] = [];
  // Eight weeks show a trend even for a one-week review; a longer period charts all its weeks,
  // up to half a year (one line each).
  // The chart's weeks are calendar weeks (Monday first), the same as `--weekly`'s columns; the
  // last one ends at the period's end.
  const lastMonday = weekStart(spec.to);
  const weeks = spec.trendWeeks ?? Math.min(26, Math.max(8, daysBetween(weekStart(spec.from), lastMonday) / 7 + 1));
  const trendFrom = addDays(lastMonday, -7 * (weeks - 1));
  for (let w = 0; w < weeks; w++) {
    const from = addDays(trendFrom, 7 * w);
    const to = addDays(from, 6);
    trend.push({ from, to: to < spec.to ? to : spec.to, gave: 0, asked: 0 });
  }
  const columns = spec.interval ? periodColumns(spec.from, spec.to, spec.interval) : undefined;
  const byColumn: Record<string, Tally[]> = {};
  const columnTotals = columns?.map(() => emptyTally());

  // Only the period and the trend's weeks matter here: test the date before anything else.
  const earliest = spec.from < trendFrom ? spec.from : trendFrom;
  for (const i of journal.interactions) {
    if (i.date < earliest || i.date > spec.to) continue;
    const there = i.contactIds.filter((id) => selectedIds.has(id));
    const targets = hasTargets(i) ? absentTargets(i).filter((id) => selectedIds.has(id)) : [];
    if (there.length === 0 && targets.length === 0) continue;
    const present = i.contactIds;
    const gave = countForAny(i.gave, selectedIds, present);
    const asked = countForAny(i.asked, selectedIds, present);
    const received = countForAny(i.received, selectedIds, present);
    const inPeriod = i.date >= spec.from;
    if (inPeriod) addCounts(totals, there.length > 0, gave, asked, received);
    if (i.date >= trendFrom) {
      const bucket = trend[Math.floor(daysBetween(trendFrom, i.date) / 7)]!;
      bucket.gave += gave;
      bucket.asked += asked;
    }
    if (columns && inPeriod) {
      const col = columns.findIndex((c) => i.date <= c.to);
      addCounts(columnTotals![col]!, there.length > 0, gave, asked, received);
      for (const id of [...there, ...targets]) {
        const cells = (byColumn[id] ??= columns.map(() => emptyTally()));
        addToTally(cells[col]!, i, id);
      }
    }
  }

  const inSelection = journal.promises.filter((p) => selectedIds.has(p.contactId));
  const promises: ReportPromises = {
    ...promiseStats(inSelection.filter(isMine), today, { from: spec.from, to: spec.to }),
    theirs: theirPromiseStats(inSelection.filter((p) => !isMine(p)), today, { from: spec.from, to: spec.to }),
  };

  const takingFrom: Report['takingFrom'] = [];
  const cold: Report['cold'] = [];
  for (const c of selected) {
    if (c.archived) continue;
    const life = statsFor(lifetime, c.id);
    if (life.balance < 0) takingFrom.push({ contactId: c.id, name: c.name, balance: life.balance, gave: life.gave, asked: life.asked });
    const cadence = effectiveCadence(c, settings).days;
    // Snoozed on purpose is not going cold.
    const snoozed = c.snoozedUntil !== undefined && c.snoozedUntil > today;
    if (cadence !== null && life.lastTouch !== null && !snoozed) {
      const daysSince = daysBetween(life.lastTouch, today);
      if (daysSince > 2 * cadence) cold.push({ contactId: c.id, name: c.name, lastTouch: life.lastTouch, cadenceDays: cadence, daysSince });
    }
  }
  takingFrom.sort((a, b) => a.balance - b.balance || compareNames(a.name, b.name));
  cold.sort((a, b) => b.daysSince / b.cadenceDays - a.daysSince / a.cadenceDays || compareNames(a.name, b.name));

  return {
    from: spec.from,
    to: spec.to,
    contacts: rows,
    totals,
    promises,
    takingFrom,
    cold,
    trend,
    ...(columns && spec.interval ? { interval: spec.interval, columns, byColumn, columnTotals: columnTotals! } : {}),
  };
}
