import type { Journal, NetEvent } from './schema.js';
import type { Day } from './dates.js';
import { cleanName } from './names.js';
import { seriesKey, seriesOf, type FieldChange } from './edits.js';
import { UsageError } from '../errors.js';

// Pure edits of events (SPEC §6.2 `event edit`, `event merge`). An event is one occurrence; the
// occurrences that share a name (case and spacing aside) are a series (SPEC §6.1).

export interface EventPatch {
  /** A new name for every occurrence of the series. */
  rename?: string;
  date?: Day;
  /** A string sets, null clears. */
  location?: string | null;
}

export interface EditedEvents {
  journal: Journal;
  events: NetEvent[];
  changes: FieldChange[];
}

/**
 * Edits the given occurrences: --rename renames them all (and must not take another series'
 * name); a date or location applies to one occurrence only.
 */
export function editEvents(journal: Journal, ids: readonly string[], patch: EventPatch, now: string): EditedEvents {
  const targets = journal.events.filter((e) => ids.includes(e.id));
  if (targets.length === 0) throw new Error('no such event');
  if ((patch.date !== undefined || patch.location !== undefined) && targets.length > 1) {
    throw new UsageError(`that series has ${targets.length} occurrences: a date or location is for one of them`, `pick one with --on DATE (${targets.map((e) => e.date).join(', ')})`);
  }
  const changes: FieldChange[] = [];
  const first = targets[0]!;
  let name: string | undefined;
  if (patch.rename !== undefined) {
    name = cleanName(patch.rename);
    if (!name) throw new UsageError('--rename needs a name');
    const clash = journal.events.find((e) => !ids.includes(e.id) && seriesKey(e.name) === seriesKey(name!));
    if (clash) throw new UsageError(`"${name}" is already an event (${clash.date})`, `to make them one series use: netlog event merge "${clash.name}" "${first.name}"`);
    if (name !== first.name) changes.push({ field: 'name', old: first.name, new: name });
    else name = undefined;
  }
  if (patch.date !== undefined && patch.date !== first.date) {
    const clash = seriesOf(journal, first.name).find((e) => e.id !== first.id && e.date === patch.date);
    if (clash) throw new UsageError(`the series already has an occurrence on ${patch.date}`, `to fold them into one: netlog event merge ${clash.id} ${first.id}`);
    changes.push({ field: 'date', old: first.date, new: patch.date });
  }
  if (patch.location !== undefined) {
    const loc = patch.location === null ? '' : patch.location.trim();
    if (loc !== (first.location ?? '')) changes.push({ field: 'location', old: first.location ?? '(none)', new: loc || '(none)' });
  }
  if (changes.length === 0) return { journal, events: targets, changes };
  const edited: NetEvent[] = [];
  const events = journal.events.map((e) => {
    if (!ids.includes(e.id)) return e;
    const next: NetEvent = { ...e, updatedAt: now };
    if (name !== undefined) next.name = name;
    if (patch.date !== undefined) next.date = patch.date;
    if (patch.location !== undefined) {
      const loc = patch.location === null ? '' : patch.location.trim();
      if (loc) next.location = loc;
      else delete next.location;
    }
    edited.push(next);
    return next;
  });
  return { journal: { ...journal, events }, events: edited, changes };
}

export interface MergedEvents {
  journal: Journal;
  /** Occurrences of OTHER that joined KEEP's series under its name. */
  renamed: number;
  /** Occurrences of OTHER folded into KEEP's occurrence on the same day (and removed). */
  folded: number;
  /** Interactions now pointing at another occurrence. */
  interactions: number;
}

/**
 * Folds OTHER's occurrences into KEEP's series: one on a day KEEP has an occurrence is folded into
 * it (its interactions moved, it removed); the rest take KEEP's name and so join the series. With
 * `occurrences` (two single events named by id), OTHER is folded into KEEP whatever its date.
 */
export function mergeEvents(journal: Journal, keepIds: readonly string[], otherIds: readonly string[], now: string, occurrences = false): MergedEvents {
  const keep = journal.events.filter((e) => keepIds.includes(e.id));
  const other = journal.events.filter((e) => otherIds.includes(e.id) && !keepIds.includes(e.id));
  if (keep.length === 0) throw new Error('no such event');
  if (other.length === 0) throw new UsageError('those two are the same event', 'name two different events (or ids from netlog events --json)');
  const name = keep[0]!.name;
  const into = new Map<string, string>();
  let renamed = 0;
  for (const o of other) {
    const target = occurrences && keep.length === 1 ? keep[0] : keep.find((k) => k.date === o.date);
    if (target) into.set(o.id, target.id);
    else renamed += 1;
  }
  let interactions = 0;
  const list = journal.interactions.map((i) => {
    const to = i.eventId === undefined ? undefined : into.get(i.eventId);
    if (to === undefined) return i;
    interactions += 1;
    return { ...i, eventId: to, updatedAt: now };
  });
  const events = journal.events
    .filter((e) => !into.has(e.id))
    .map((e) => (other.includes(e) && e.name !== name ? { ...e, name, updatedAt: now } : e));
  return { journal: { ...journal, events, interactions: list }, renamed, folded: into.size, interactions };
}
