import type { Journal } from '../core/schema.js';
import { compareDays, compareNames } from '../core/names.js';
import { resolveSettings } from '../core/schema.js';
import { addDays, daysBetween, type Day } from '../core/dates.js';
import { effectiveCadence, nextDue, tagKey, type EffectiveCadence } from '../core/cadence.js';
import { contactStats, statsFor } from '../core/stats.js';

// Who needs a touch (SPEC §4 `due`): open promises first, then follow-ups after a first meeting,
// then contacts past their cadence, most neglected relative to their rhythm first.

export interface DueSpec {
  /** The day the list is for (`--on`, default today). */
  on: Day;
  /** Also list what falls due in the next N days. */
  within?: number;
  tag?: string;
  limit?: number;
}

interface BaseItem {
  contactId: string;
  name: string;
  dueOn: Day;
  /** Days past dueOn on the day asked about (negative: not yet due). */
  overdueDays: number;
  /** Why the item is on the list and how it ranked, for `--explain`. */
  why: string;
}

export interface PromiseItem extends BaseItem {
  type: 'promise';
  promiseId: string;
  text: string;
}

export interface FollowUpItem extends BaseItem {
  type: 'follow-up';
  lastTouch: Day;
}

export interface TouchItem extends BaseItem {
  type: 'touch';
  lastTouch: Day | null;
  cadenceDays: number;
  cadenceFrom: EffectiveCadence['from'];
  daysSince: number;
  /** daysSince ÷ cadenceDays: how far past their rhythm this person is. */
  score: number;
  balance: number;
  suggestion: string;
}

export type DueItem = PromiseItem | FollowUpItem | TouchItem;

export interface DueList {
  today: Day;
  on: Day;
  until: Day;
  items: DueItem[];
}

const GIVE_SUGGESTION = 'you owe them: give first (an intro, a referral, something useful)';
const HELP_SUGGESTION = 'ask how you can help';

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

export function dueList(journal: Journal, today: Day, spec: DueSpec): DueList {
  const settings = resolveSettings(journal.settings);
  const on = spec.on;
  const until = addDays(on, Math.max(0, spec.within ?? 0));
  // As the journal stood on the day asked about: later interactions and promises kept later do
  // not count (they matter for `--on` in the past).
  const stats = contactStats(journal, { to: on });
  const wantTag = spec.tag === undefined ? undefined : tagKey(spec.tag);
  const inTag = (tags: string[]) => wantTag === undefined || tags.some((t) => tagKey(t) === wantTag);
  const contactsById = new Map(journal.contacts.map((c) => [c.id, c]));

  const promises: PromiseItem[] = [];
  for (const p of journal.promises) {
    if ((p.doneOn !== null && p.doneOn <= on) || p.due > until) continue;
    const c = contactsById.get(p.contactId);
    if (!c || !inTag(c.tags)) continue;
    const overdueDays = daysBetween(p.due, on);
    promises.push({
      type: 'promise',
      contactId: c.id,
      name: c.name,
      dueOn: p.due,
      overdueDays,
      promiseId: p.id,
      text: p.text,
      why: overdueDays > 0 ? `promised by ${p.due}, ${days(overdueDays)} overdue` : `promised by ${p.due}`,
    });
  }
  promises.sort((a, b) => compareDays(a.dueOn, b.dueOn) || compareNames(a.name, b.name));

  const followUps: FollowUpItem[] = [];
  const touches: TouchItem[] = [];
  for (const c of journal.contacts) {
    if (c.archived || !inTag(c.tags)) continue;
    const cadence = effectiveCadence(c, settings);
    if (cadence.days === null) continue;
    const s = statsFor(stats, c.id);
    const next = nextDue(c, cadence.days, s, settings.followUpDays);
    if (!next || next.dueOn > until) continue;
    const { dueOn, natural, since } = next;
    const snoozed = dueOn !== natural ? `; snoozed until ${dueOn}` : '';

    if (next.type === 'follow-up') {
      followUps.push({
        type: 'follow-up',
        contactId: c.id,
        name: c.name,
        dueOn,
        overdueDays: daysBetween(dueOn, on),
        lastTouch: since,
        why: `only one interaction (${since}); follow up ${days(settings.followUpDays)} after a first meeting${snoozed}`,
      });
      continue;
    }

    const daysSince = daysBetween(since, on);
    const score = daysSince / cadence.days;
    const from = cadence.from === 'tag' ? `tag ${cadence.tag}` : cadence.from;
    touches.push({
      type: 'touch',
      contactId: c.id,
      name: c.name,
      dueOn,
      overdueDays: daysBetween(dueOn, on),
      lastTouch: s.lastTouch,
      cadenceDays: cadence.days,
      cadenceFrom: cadence.from,
      daysSince,
      score: Math.round(score * 100) / 100,
      balance: s.balance,
      suggestion: s.balance < 0 ? GIVE_SUGGESTION : HELP_SUGGESTION,
      why:
        `${days(daysSince)} since ${s.lastTouch ? 'last touch' : 'added'} ÷ ${cadence.days}-day cadence (${from}) = ` +
        `${score.toFixed(2)}` +
        snoozed,
    });
  }
  followUps.sort((a, b) => compareDays(a.dueOn, b.dueOn) || compareNames(a.name, b.name));
  touches.sort((a, b) => b.daysSince / b.cadenceDays - a.daysSince / a.cadenceDays || compareNames(a.name, b.name));

  const items: DueItem[] = [...promises, ...followUps, ...touches];
  return { today, on, until, items: spec.limit !== undefined ? items.slice(0, spec.limit) : items };
}
