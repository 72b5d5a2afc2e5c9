import type { Contact, Interaction, Item, Journal, NetEvent, NetPromise } from './schema.js';
import type { Kind } from './journal.js';
import type { Day } from './dates.js';
import { cleanName, compareDays, nameKey, REMOVED_NAME } from './names.js';
import { markDone, newPromise } from './promises.js';
import { addWants, markWantMet } from './wants.js';
import type { Owner } from './journal.js';
import { UsageError } from '../errors.js';

// Pure journal edits: each takes a journal and returns a new one plus what it made.
// Ids and the clock come in through EditEnv so the core stays deterministic under test.

export interface EditEnv {
  newId(): string;
  /** ISO timestamp for createdAt fields. */
  now: string;
}

/** Who an interaction is with: an existing contact, or a person to create. */
export type Participant = { id: string } | { newName: string };

const PENDING = '\u0000new:';

/**
 * What an item's `for` (or `link`) holds, before the edit runs, for the k-th participant when that
 * participant is a person the edit creates; the edit puts the new contact's id in its place.
 */
export function pendingFor(k: number): string {
  return `${PENDING}${k}`;
}

/** Items with their pending references replaced by the ids of the people made for them. */
function settle(items: readonly Item[], ids: readonly (string | undefined)[]): Item[] {
  const fix = (v: string | undefined) => (v !== undefined && v.startsWith(PENDING) ? ids[Number(v.slice(PENDING.length))] : v);
  return items.map((i) => {
    if (!i.for?.startsWith(PENDING) && !i.link?.startsWith(PENDING)) return i;
    const out: Item = { ...i };
    const f = fix(i.for);
    const l = fix(i.link);
    if (f) out.for = f;
    else delete out.for;
    if (l) out.link = l;
    else delete out.link;
    return out;
  });
}

export interface NewInteraction {
  participants: Participant[];
  date: Day;
  kind: Kind;
  note?: string;
  gave: Item[];
  asked: Item[];
  received: Item[];
  /** An existing event's id, or the name of one to create on the interaction's date. */
  event?: { id: string } | { name: string };
  /** Promises made to the first participant (owner "them": the first participant promised you). */
  promises: { text: string; due: Day; owner?: Owner }[];
  /** The profile of the people this interaction creates (tags, company, …; see contactProfile). */
  profile?: Partial<Contact>;
  /** Who introduced the people this interaction creates: they get `introducedBy`, and the introducer is credited with a received intro for each. */
  via?: string;
  /** People you introduced everyone met to (SPEC §6.1 `--intro`): a gave intro for each person met linking them, and one for each of these linking the person met. */
  intros?: string[];
}

export interface AddedInteraction {
  journal: Journal;
  interaction: Interaction;
  contacts: Contact[];
  createdContacts: Contact[];
  promises: NetPromise[];
  event?: NetEvent;
  createdEvent: boolean;
  /** The event's name was typed with other capitals or spacing than its series has. */
  foldedEvent: boolean;
}

export function newContact(name: string, env: EditEnv, extra: Partial<Contact> = {}): Contact {
  return {
    id: env.newId(),
    name: cleanName(name),
    aliases: [],
    emails: [],
    phones: [],
    ...extra,
    tags: extra.tags ?? [],
    createdAt: env.now,
    archived: extra.archived ?? false,
  };
}

/** The key that makes names one series: case, accents and spacing do not count ("Chamber Breakfast " = "chamber breakfast"). */
export const seriesKey = nameKey;

/** Finds an event by name, case- and accent-insensitively (the latest occurrence of the series). */
export function findEvent(journal: Journal, name: string): NetEvent | undefined {
  const key = seriesKey(name);
  let found: NetEvent | undefined;
  for (const e of journal.events) if (seriesKey(e.name) === key && (!found || e.date > found.date)) found = e;
  return found;
}

/** The events of a series, oldest first. */
export function seriesOf(journal: Journal, name: string): NetEvent[] {
  const key = seriesKey(name);
  return journal.events.filter((e) => seriesKey(e.name) === key).sort((a, b) => compareDays(a.date, b.date));
}

export interface EventChoice {
  event: NetEvent;
  /** A new occurrence (record) was made. */
  created: boolean;
  /** The typed name differed from the series' name only by case or spacing. */
  folded: boolean;
}

/**
 * The event called `name` on `date`: that occurrence when the series already has one on that day,
 * else a new occurrence of the series (named as the series is) or of a new series (SPEC §6.1).
 */
export function eventFor(journal: Journal, name: string, date: Day, env: EditEnv): EventChoice {
  const clean = name.trim().replace(/\s+/g, ' ');
  const series = seriesOf(journal, clean);
  const same = series.find((e) => e.date === date);
  const canonical = series.length ? series[series.length - 1]!.name : clean;
  const folded = series.length > 0 && canonical !== clean;
  if (same) return { event: same, created: false, folded: same.name !== clean };
  const last = series[series.length - 1];
  const event: NetEvent = {
    id: env.newId(),
    name: canonical,
    date,
    ...(last?.location !== undefined ? { location: last.location } : {}),
    createdAt: env.now,
  };
  return { event, created: true, folded };
}

/** What `netlog add` records in one write: the interaction, and what it closes or opens. */
export interface LogInput extends NewInteraction {
  /** Promises this interaction kept (ids): marked kept on its date. */
  keeps?: readonly string[];
  /** What the first person named is looking for (SPEC §6.3), recorded on its date. */
  wants?: readonly string[];
  /** The want (id) that what you gave meets: marked met on its date. */
  meets?: string;
}

export interface Logged extends AddedInteraction {
  /** The promises it marked kept (not those already kept). */
  closed: NetPromise[];
}

/** `add` as one pure edit: the interaction, then the promises it kept, the wants it recorded and the one it met. */
export function logInteraction(journal: Journal, input: LogInput, env: EditEnv): Logged {
  const { keeps = [], wants = [], meets, ...interaction } = input;
  const r = addInteraction(journal, interaction, env);
  let next = r.journal;
  const closed: NetPromise[] = [];
  for (const id of keeps) {
    const done = markDone(next, id, input.date, env.now);
    if (done.changed) closed.push(done.promise);
    next = done.journal;
  }
  if (wants.length) next = addWants(next, r.contacts[0]!.id, wants, input.date, env).journal;
  if (meets !== undefined) next = markWantMet(next, meets, input.date, env).journal;
  return { ...r, journal: next, closed };
}

/** Records an interaction, creating new contacts, the event and promises it names. */
export function addInteraction(journal: Journal, input: NewInteraction, env: EditEnv): AddedInteraction {
  let event: NetEvent | undefined;
  let createdEvent = false;
  let foldedEvent = false;
  if (input.event && 'id' in input.event) {
    const id = input.event.id;
    event = journal.events.find((e) => e.id === id);
  } else if (input.event) {
    const choice = eventFor(journal, input.event.name, input.date, env);
    event = choice.event;
    createdEvent = choice.created;
    foldedEvent = choice.folded;
  }

  const byId = new Map(journal.contacts.map((c) => [c.id, c]));
  const createdContacts: Contact[] = [];
  const contacts: Contact[] = [];
  /** The contact id of each participant, by position (for items' pending references). */
  const idOf: string[] = [];
  for (const p of input.participants) {
    if ('id' in p) {
      const c = byId.get(p.id);
      if (!c) throw new Error(`no contact with id ${p.id}`);
      if (!contacts.includes(c)) contacts.push(c);
      idOf.push(c.id);
    } else {
      const dup = createdContacts.find((c) => nameKey(c.name) === nameKey(p.newName));
      if (dup) {
        idOf.push(dup.id);
        continue;
      }
      const c = newContact(p.newName, env, {
        ...(event ? { source: event.name } : {}),
        ...input.profile,
        ...(input.via !== undefined ? { introducedBy: input.via } : {}),
      });
      createdContacts.push(c);
      contacts.push(c);
      idOf.push(c.id);
    }
  }
  if (contacts.length === 0) throw new Error('an interaction needs at least one contact');

  const gave = settle(input.gave, idOf);
  const received = settle(input.received, idOf);
  for (const to of input.intros ?? []) {
    for (const c of contacts) {
      if (c.id === to) continue;
      gave.push({ type: 'intro', for: c.id, link: to });
      gave.push({ type: 'intro', for: to, link: c.id });
    }
  }
  if (input.via !== undefined) for (const c of createdContacts) received.push({ type: 'intro', for: input.via, link: c.id });
  const interaction: Interaction = {
    id: env.newId(),
    date: input.date,
    contactIds: contacts.map((c) => c.id),
    kind: input.kind,
    ...(input.note ? { note: input.note } : {}),
    gave,
    asked: settle(input.asked, idOf),
    received,
    ...(event ? { eventId: event.id } : {}),
    createdAt: env.now,
  };
  const promises: NetPromise[] = input.promises.map((p) =>
    newPromise({ contactId: contacts[0]!.id, text: p.text, due: p.due, ...(p.owner ? { owner: p.owner } : {}), interactionId: interaction.id }, env),
  );

  return {
    journal: {
      ...journal,
      contacts: createdContacts.length ? [...journal.contacts, ...createdContacts] : journal.contacts,
      interactions: [...journal.interactions, interaction],
      promises: promises.length ? [...journal.promises, ...promises] : journal.promises,
      events: createdEvent && event ? [...journal.events, event] : journal.events,
    },
    interaction,
    contacts,
    createdContacts,
    promises,
    ...(event ? { event } : {}),
    createdEvent,
    foldedEvent,
  };
}

/** One field of a record, before and after an edit, as people read it. */
export interface FieldChange {
  field: string;
  old: string;
  new: string;
}

/** A change to one interaction. Lists replace the old ones (empty clears); note null clears. */
export interface InteractionPatch {
  date?: Day;
  kind?: Kind;
  note?: string | null;
  gave?: Item[];
  asked?: Item[];
  received?: Item[];
  /** Who was there, replacing the list. */
  participants?: Participant[];
  /** An event by name (found or made for the interaction's date), or null for none. */
  event?: string | null;
}

export interface EditedInteraction {
  journal: Journal;
  interaction: Interaction;
  changes: FieldChange[];
  createdContacts: Contact[];
  createdEvent?: NetEvent;
}

const itemText = (list: readonly Item[], names: (id: string) => string) =>
  list.length === 0
    ? '(none)'
    : list.map((i) => `${i.type}${i.for ? `@${names(i.for)}` : ''}${i.note ? `:${i.note}` : ''}`).join(', ');

const sameItems = (a: readonly Item[], b: readonly Item[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Changes one interaction (SPEC §6.2 `edit`). Refuses (UsageError, nothing changed) a date that
 * would put a promise made in it before the interaction, and an empty list of people.
 */
export function editInteraction(journal: Journal, id: string, patch: InteractionPatch, env: EditEnv): EditedInteraction {
  const index = journal.interactions.findIndex((i) => i.id === id);
  const before = journal.interactions[index];
  if (!before) throw new Error(`no interaction with id ${id}`);
  const next: Interaction = { ...before };
  const changes: FieldChange[] = [];
  const createdContacts: Contact[] = [];
  let createdEvent: NetEvent | undefined;
  let contacts = journal.contacts;
  // Grows with the contacts this edit creates (--with a new name).
  const nameMap = new Map(journal.contacts.map((c) => [c.id, c.name]));
  const names = (cid: string) => nameMap.get(cid) ?? REMOVED_NAME;

  if (patch.date !== undefined && patch.date !== before.date) {
    const early = journal.promises.find((p) => p.interactionId === id && p.due < patch.date!);
    if (early) throw new UsageError(`a promise made in it ("${early.text}") is due ${early.due}, before ${patch.date}`, `change the promise first: netlog promise edit ${early.id.slice(0, 4)} --by WHEN`);
    changes.push({ field: 'date', old: before.date, new: patch.date });
    next.date = patch.date;
  }
  if (patch.kind !== undefined && patch.kind !== before.kind) {
    changes.push({ field: 'kind', old: before.kind, new: patch.kind });
    next.kind = patch.kind;
  }
  if (patch.note !== undefined) {
    const note = patch.note === null ? '' : patch.note.trim();
    if (note !== (before.note ?? '')) {
      changes.push({ field: 'note', old: before.note ?? '(none)', new: note || '(none)' });
      if (note) next.note = note;
      else delete next.note;
    }
  }
  const idOf: string[] = [];
  if (patch.participants !== undefined) {
    const byId = new Map(journal.contacts.map((c) => [c.id, c]));
    const ids: string[] = [];
    for (const p of patch.participants) {
      if ('id' in p) {
        if (!byId.has(p.id)) throw new Error(`no contact with id ${p.id}`);
        if (!ids.includes(p.id)) ids.push(p.id);
        idOf.push(p.id);
      } else {
        const dup = createdContacts.find((c) => nameKey(c.name) === nameKey(p.newName));
        const c = dup ?? newContact(p.newName, env);
        if (!dup) {
          createdContacts.push(c);
          nameMap.set(c.id, c.name);
          ids.push(c.id);
        }
        idOf.push(c.id);
      }
    }
    if (ids.length === 0) throw new UsageError('an interaction needs at least one person');
    if (ids.join(' ') !== before.contactIds.join(' ')) {
      changes.push({ field: 'with', old: before.contactIds.map(names).join(', '), new: ids.map(names).join(', ') });
      next.contactIds = ids;
    }
    if (createdContacts.length) contacts = [...journal.contacts, ...createdContacts];
  }
  // People taken out of the interaction take with them what was marked for them: such an item is
  // for everyone there now (the meeting was logged under the wrong person). Items for someone who
  // was never there (the other side of an intro) stay theirs.
  const gone = next.contactIds === before.contactIds ? [] : before.contactIds.filter((c) => !next.contactIds.includes(c));
  for (const list of ['gave', 'asked', 'received'] as const) {
    const given = patch[list];
    if (given === undefined) {
      if (gone.length && before[list].some((x) => x.for !== undefined && gone.includes(x.for))) {
        next[list] = before[list].map((x) => {
          if (x.for === undefined || !gone.includes(x.for)) return x;
          const { for: _gone, ...rest } = x;
          return rest;
        });
      }
      continue;
    }
    const value = settle(given, idOf);
    if (sameItems(value, before[list])) continue;
    changes.push({ field: list, old: itemText(before[list], names), new: itemText(value, names) });
    next[list] = value;
  }
  let events = journal.events;
  if (patch.event !== undefined) {
    const oldName = before.eventId ? (journal.events.find((e) => e.id === before.eventId)?.name ?? REMOVED_NAME) : '(none)';
    if (patch.event === null || !patch.event.trim()) {
      if (before.eventId !== undefined) {
        changes.push({ field: 'event', old: oldName, new: '(none)' });
        delete next.eventId;
      }
    } else {
      const choice = eventFor(journal, patch.event, next.date, env);
      if (choice.event.id !== before.eventId) {
        changes.push({ field: 'event', old: oldName, new: choice.event.name });
        next.eventId = choice.event.id;
        if (choice.created) {
          createdEvent = choice.event;
          events = [...journal.events, choice.event];
        }
      }
    }
  }
  if (changes.length === 0) return { journal, interaction: before, changes, createdContacts: [] };
  next.updatedAt = env.now;
  const interactions = [...journal.interactions];
  interactions[index] = next;
  return { journal: { ...journal, contacts, interactions, events }, interaction: next, changes, createdContacts, ...(createdEvent ? { createdEvent } : {}) };
}

/** Deletes one interaction and the promises made in it (SPEC §6.2 `rm`). */
export function removeInteraction(journal: Journal, id: string): { journal: Journal; interaction: Interaction; promises: NetPromise[] } {
  const interaction = journal.interactions.find((i) => i.id === id);
  if (!interaction) throw new Error(`no interaction with id ${id}`);
  const promises = journal.promises.filter((p) => p.interactionId === id);
  return {
    journal: {
      ...journal,
      interactions: journal.interactions.filter((i) => i.id !== id),
      promises: promises.length ? journal.promises.filter((p) => p.interactionId !== id) : journal.promises,
    },
    interaction,
    promises,
  };
}
