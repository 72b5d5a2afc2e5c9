import { plausibleDay } from './dates.js';
import type { Journal } from './schema.js';

// Consistency of a journal that already has the right shape: ids unique, references that
// point somewhere, dates that make sense together. Used by every read (duplicates are refused)
// and by `netlog check` (everything is reported).

export interface Problem {
  /** Where, as a JSON path: "interactions[3].contactIds[0]". */
  path: string;
  /** The id of the record the problem is in, when it has one. */
  id?: string;
  message: string;
}

const COLLECTIONS = ['contacts', 'interactions', 'promises', 'events'] as const;
const SINGULAR = { contacts: 'contact', interactions: 'interaction', promises: 'promise', events: 'event' } as const;

/** Records whose id is used by an earlier record of the same kind. */
export function duplicateIds(journal: Journal): Problem[] {
  const out: Problem[] = [];
  for (const key of COLLECTIONS) {
    // Run on every read: a plain loop and a set; where the first use was is looked up only
    // for a duplicate.
    const records = journal[key];
    const seen = new Set<string>();
    for (let n = 0; n < records.length; n++) {
      const id = records[n]!.id;
      if (!seen.has(id)) {
        seen.add(id);
        continue;
      }
      const first = records.findIndex((r) => r.id === id);
      out.push({ path: `${key}[${n}].id`, id, message: `duplicate ${SINGULAR[key]} id, also used by ${key}[${first}]` });
    }
  }
  return out;
}

const plausible = plausibleDay;

/** Every consistency problem in the journal, in file order. */
export function journalProblems(journal: Journal): Problem[] {
  const out = duplicateIds(journal);
  const contacts = new Set(journal.contacts.map((c) => c.id));
  const events = new Set(journal.events.map((e) => e.id));
  const interactions = new Map(journal.interactions.map((i) => [i.id, i]));

  journal.contacts.forEach((c, n) => {
    if (c.snoozedUntil && !plausible(c.snoozedUntil)) out.push({ path: `contacts[${n}].snoozedUntil`, id: c.id, message: `implausible date ${c.snoozedUntil}` });
    if (c.introducedBy !== undefined && !contacts.has(c.introducedBy)) out.push({ path: `contacts[${n}].introducedBy`, id: c.id, message: `no contact with id ${c.introducedBy}` });
  });
  journal.interactions.forEach((i, n) => {
    const at = `interactions[${n}]`;
    const seen = new Set<string>();
    i.contactIds.forEach((cid, k) => {
      if (!contacts.has(cid)) out.push({ path: `${at}.contactIds[${k}]`, id: i.id, message: `no contact with id ${cid}` });
      if (seen.has(cid)) out.push({ path: `${at}.contactIds[${k}]`, id: i.id, message: `contact ${cid} is listed twice` });
      seen.add(cid);
    });
    if (i.eventId !== undefined && !events.has(i.eventId)) out.push({ path: `${at}.eventId`, id: i.id, message: `no event with id ${i.eventId}` });
    if (!plausible(i.date)) out.push({ path: `${at}.date`, id: i.id, message: `implausible date ${i.date}` });
    for (const list of ['gave', 'asked', 'received'] as const) {
      i[list].forEach((item, k) => {
        if (item.for !== undefined && !contacts.has(item.for)) out.push({ path: `${at}.${list}[${k}].for`, id: i.id, message: `no contact with id ${item.for}` });
        if (item.link !== undefined && !contacts.has(item.link)) out.push({ path: `${at}.${list}[${k}].link`, id: i.id, message: `no contact with id ${item.link}` });
      });
    }
  });
  journal.promises.forEach((p, n) => {
    const at = `promises[${n}]`;
    if (!contacts.has(p.contactId)) out.push({ path: `${at}.contactId`, id: p.id, message: `no contact with id ${p.contactId}` });
    if (!plausible(p.due)) out.push({ path: `${at}.due`, id: p.id, message: `implausible date ${p.due}` });
    if (p.interactionId !== undefined) {
      const i = interactions.get(p.interactionId);
      if (!i) out.push({ path: `${at}.interactionId`, id: p.id, message: `no interaction with id ${p.interactionId}` });
      else if (p.due < i.date) out.push({ path: `${at}.due`, id: p.id, message: `due ${p.due}, before the interaction it was made in (${i.date})` });
    }
    if (p.doneOn !== null && !plausible(p.doneOn)) out.push({ path: `${at}.doneOn`, id: p.id, message: `implausible date ${p.doneOn}` });
    if (p.droppedOn !== undefined && p.droppedOn !== null && !plausible(p.droppedOn)) out.push({ path: `${at}.droppedOn`, id: p.id, message: `implausible date ${p.droppedOn}` });
  });
  journal.events.forEach((e, n) => {
    if (!plausible(e.date)) out.push({ path: `events[${n}].date`, id: e.id, message: `implausible date ${e.date}` });
  });
  out.push(...wantAndDateProblems(journal));
  return out;
}

/** Want ids are typed (want done, --meets): unique across contacts; met on or after they were recorded; key dates plausible. */
function wantAndDateProblems(journal: Journal): Problem[] {
  const out: Problem[] = [];
  const wants = new Map<string, string>();
  journal.contacts.forEach((c, n) => {
    (c.wants ?? []).forEach((w, k) => {
      const at = `contacts[${n}].wants[${k}]`;
      const first = wants.get(w.id);
      if (first !== undefined) out.push({ path: `${at}.id`, id: c.id, message: `duplicate want id ${w.id}, also used by ${first}` });
      else wants.set(w.id, at);
      if (!plausible(w.since)) out.push({ path: `${at}.since`, id: c.id, message: `implausible date ${w.since}` });
      if (w.metOn !== null && w.metOn < w.since) out.push({ path: `${at}.metOn`, id: c.id, message: `met ${w.metOn}, before it was recorded (${w.since})` });
    });
    (c.dates ?? []).forEach((d, k) => {
      if (!d.date.startsWith('--') && !plausible(d.date)) out.push({ path: `contacts[${n}].dates[${k}].date`, id: c.id, message: `implausible date ${d.date}` });
    });
  });
  return out;
}
