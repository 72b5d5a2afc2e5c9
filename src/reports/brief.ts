import type { Item, Journal, Want } from '../core/schema.js';
import type { Kind } from '../core/journal.js';
import { daysBetween, type Day } from '../core/dates.js';
import { openWants } from '../core/wants.js';
import { BIRTHDAY, labelKey, upcomingDates, yearsMarked } from '../core/key-dates.js';
import { stagePlan } from '../core/stage.js';
import { contactPage, sortNewestFirst, type CadenceInfo, type ContactPage, type StageInfo } from './contacts.js';
import { introsByDirection, introsReport, type Intro } from './intros.js';
import { dueContexts, lastTouches, suggestTouch } from './due-context.js';
import { compareDays, REMOVED_NAME } from '../core/names.js';
import { isMine, isOpen } from '../core/promises.js';

// `netlog brief NAME` (SPEC §6.3): one screen to read before you meet someone.

/** How far ahead a brief looks for key dates. */
export const DATES_AHEAD = 60;

export interface BriefInteraction {
  interactionId: string;
  date: Day;
  kind: Kind;
  note: string | null;
  gave: Item[];
  asked: Item[];
  received: Item[];
  event: string | null;
}

export interface BriefPromise {
  promiseId: string;
  text: string;
  due: Day;
  /** Days past due (0 when not yet due). */
  overdueDays: number;
}

export interface Brief {
  today: Day;
  contactId: string;
  name: string;
  company: string | null;
  role: string | null;
  tags: string[];
  /** What you wrote about them. */
  notes: string | null;
  howMet: {
    source: string | null;
    first: { date: Day; kind: Kind; event: string | null } | null;
    introducedBy: { contactId: string; name: string } | null;
  };
  stage: StageInfo & { plan: string | null };
  cadence: CadenceInfo;
  nextTouch: Day | null;
  balance: { interactions: number; gave: number; asked: number; received: number; balance: number };
  /** Newest first, at most three. */
  last: BriefInteraction[];
  promises: { mine: BriefPromise[]; theirs: BriefPromise[] };
  wants: Pick<Want, 'id' | 'text' | 'since'>[];
  dates: { label: string; date: string; on: Day; age?: number; years?: number }[];
  intros: Intro[];
  suggestion: string;
}

/** Everything worth knowing before meeting one person, from the journal as it is today. */
export function briefOf(journal: Journal, today: Day, id: string): Brief {
  const page = contactPage(journal, today, id);
  const c = page.contact;
  const names = new Map(journal.contacts.map((x) => [x.id, x.name]));
  const events = new Map(journal.events.map((e) => [e.id, e.name]));
  const mine = journal.interactions.filter((i) => i.contactIds.includes(id));
  sortNewestFirst(mine);
  const first = mine.at(-1);

  const promises: Brief['promises'] = { mine: [], theirs: [] };
  for (const p of journal.promises) {
    if (p.contactId !== id || !isOpen(p)) continue;
    (isMine(p) ? promises.mine : promises.theirs).push({ promiseId: p.id, text: p.text, due: p.due, overdueDays: Math.max(0, daysBetween(p.due, today)) });
  }
  promises.mine.sort((a, b) => compareDays(a.due, b.due));
  promises.theirs.sort((a, b) => compareDays(a.due, b.due));

  const dates = upcomingDates(c, today, DATES_AHEAD).map((o) => ({ label: o.label, date: o.date, on: o.on, ...yearsMarked(o) }));
  const intros = introsReport(journal, today, id);
  const plan = stagePlan(page.stage.interactions, page.stage.overduePromises, page.cadence, page.nextTouch, today);

  const brief: Omit<Brief, 'suggestion'> = {
    today,
    contactId: c.id,
    name: c.name,
    company: c.company ?? null,
    role: c.role ?? null,
    tags: c.tags,
    notes: c.notes ?? null,
    howMet: {
      source: c.source ?? null,
      first: first ? { date: first.date, kind: first.kind, event: first.eventId ? (events.get(first.eventId) ?? null) : null } : null,
      introducedBy: c.introducedBy ? { contactId: c.introducedBy, name: names.get(c.introducedBy) ?? REMOVED_NAME } : null,
    },
    stage: { ...page.stage, plan: plan ?? null },
    cadence: page.cadence,
    nextTouch: page.nextTouch,
    balance: page.balance,
    last: mine.slice(0, 3).map((i) => ({
      interactionId: i.id,
      date: i.date,
      kind: i.kind,
      note: i.note ?? null,
      gave: i.gave,
      asked: i.asked,
      received: i.received,
      event: i.eventId ? (events.get(i.eventId) ?? null) : null,
    })),
    promises,
    wants: openWants(c, today).map((w) => ({ id: w.id, text: w.text, since: w.since })),
    dates,
    intros: [...intros.made, ...intros.received],
  };
  return { ...brief, suggestion: suggestion(journal, today, brief) };
}

export interface ContactShow {
  /** The page, its stage with the brief's plan. */
  page: ContactPage & { stage: ContactPage['stage'] & { plan: string | null } };
  brief: Brief;
  intros: { made: Intro[]; received: Intro[] };
}

/** `contact show`: a person's page and what the brief adds to it (open wants, key dates coming up, intros, the stage plan). */
export function contactShow(journal: Journal, today: Day, id: string, opts: { limit?: number } = {}): ContactShow {
  const page = contactPage(journal, today, id, opts);
  const brief = briefOf(journal, today, id);
  return { page: { ...page, stage: { ...page.stage, plan: brief.stage.plan } }, brief, intros: introsByDirection(brief.intros) };
}

/** The one thing to do: keep your word first, then check in on theirs, then a date, then help. */
function suggestion(journal: Journal, today: Day, b: Omit<Brief, 'suggestion'>): string {
  const late = b.promises.mine.find((p) => p.due <= today);
  if (late) return `keep your promise first: ${late.text}${late.overdueDays > 0 ? ` (${late.overdueDays} days late)` : ' (due today)'}`;
  const theirs = b.promises.theirs.find((p) => p.due <= today);
  if (theirs) return `ask how it is going: they promised you ${theirs.text}`;
  const soon = b.dates.find((d) => daysBetween(today, d.on) <= 7);
  if (soon) return `${labelKey(soon.label) === BIRTHDAY ? 'their birthday' : soon.label} is ${soon.on === today ? 'today' : `on ${soon.on}`}: mention it`;
  const c = journal.contacts.find((x) => x.id === b.contactId)!;
  const ids = new Set([c.id]);
  const context = dueContexts(journal, today, ids, lastTouches(journal, today, ids)).get(c.id)!;
  const open = b.promises.mine[0];
  const touch = suggestTouch(journal, c, b.balance.balance, context, today);
  return open && touch === 'ask how you can help' ? `tell them where ${open.text} stands (due ${open.due})` : touch;
}
