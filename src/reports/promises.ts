import type { Journal } from '../core/schema.js';
import type { Owner } from '../core/journal.js';
import { daysBetween, type Day } from '../core/dates.js';
import { compareDays, compareNames, contactNamer } from '../core/names.js';
import { isMine, keptOnTime, ownerOf, promiseStats, promiseStatus, theirPromiseStats, type PromiseStats, type PromiseStatus, type TheirPromiseStats } from '../core/promises.js';

// `netlog promises`: what you said you would do and what they said they would do for you, overdue
// first; with `all`, kept and dropped ones too.

export interface PromisesSpec {
  /** Include kept and dropped promises. */
  all?: boolean;
  /** Only one side: yours ("me") or theirs ("them"). */
  owner?: Owner;
  contactId?: string;
}

export interface PromiseRow {
  id: string;
  contactId: string;
  name: string;
  /** "me": you promised them; "them": they promised you. */
  owner: Owner;
  text: string;
  due: Day;
  doneOn: Day | null;
  droppedOn: Day | null;
  status: PromiseStatus;
  /** For kept promises: kept on or before the due date; null while open. */
  onTime: boolean | null;
  /** Overdue: days past due. Kept: days late (0 when on time or early). Open and not yet late: null. */
  daysLate: number | null;
  /** Open and not yet late: days until due (0: due today). Overdue or kept: null. */
  daysLeft: number | null;
  interactionId?: string;
}

export interface PromiseList {
  today: Day;
  promises: PromiseRow[];
  /** Every promise of yours in the selection (open and kept), whatever `all` says. */
  stats: PromiseStats;
  /** The same for their promises to you. */
  theirs: TheirPromiseStats;
}

const ORDER: Record<PromiseStatus, number> = { overdue: 0, open: 1, kept: 2, dropped: 3 };

export function listPromises(journal: Journal, today: Day, spec: PromisesSpec = {}): PromiseList {
  const name = contactNamer(journal.contacts);
  const selected = journal.promises.filter((p) => (spec.contactId === undefined || p.contactId === spec.contactId) && (spec.owner === undefined || ownerOf(p) === spec.owner));
  const rows: PromiseRow[] = [];
  for (const p of selected) {
    const status = promiseStatus(p, today);
    if ((status === 'kept' || status === 'dropped') && !spec.all) continue;
    rows.push({
      id: p.id,
      contactId: p.contactId,
      name: name(p.contactId),
      owner: ownerOf(p),
      text: p.text,
      due: p.due,
      doneOn: p.doneOn,
      droppedOn: p.droppedOn ?? null,
      status,
      onTime: p.doneOn === null ? null : keptOnTime(p),
      // A JSON reader should not have to know that a negative lateness means time left.
      daysLate: status === 'open' || status === 'dropped' ? null : Math.max(0, daysBetween(p.due, p.doneOn ?? today)),
      daysLeft: status === 'open' ? daysBetween(today, p.due) : null,
      ...(p.interactionId ? { interactionId: p.interactionId } : {}),
    });
  }
  // Overdue and open by due date (oldest first); kept ones after, most recently kept first.
  rows.sort(
    (a, b) =>
      ORDER[a.status] - ORDER[b.status] ||
      (a.status === 'kept' ? compareDays(b.doneOn!, a.doneOn!) : a.status === 'dropped' ? compareDays(b.droppedOn!, a.droppedOn!) : compareDays(a.due, b.due)) ||
      compareNames(a.name, b.name) ||
      compareDays(a.id, b.id),
  );
  return { today, promises: rows, stats: promiseStats(selected.filter(isMine), today), theirs: theirPromiseStats(selected.filter((p) => !isMine(p)), today) };
}
