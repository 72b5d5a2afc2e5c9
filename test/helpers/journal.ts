import type { Contact, Interaction, Item, Journal, NetEvent, NetPromise, Settings } from '../../src/core/schema.js';
import { emptyJournal } from '../../src/core/journal.js';

// Small journals for unit tests: each builder fills the fields a test does not care about.

let seq = 0;
const nextId = (prefix: string) => `${prefix}${(seq++).toString(36).padStart(4, '0')}`;

export function contact(id: string, name: string, extra: Partial<Contact> = {}): Contact {
  return { id, name, aliases: [], emails: [], phones: [], tags: [], createdAt: '2026-01-01T12:00:00.000Z', archived: false, ...extra };
}

export function interaction(date: string, contactIds: string[], extra: Partial<Interaction> = {}): Interaction {
  return { id: nextId('i'), date, contactIds, kind: 'meeting', gave: [], asked: [], received: [], createdAt: `${date}T12:00:00.000Z`, ...extra };
}

export function promise(contactId: string, due: string, doneOn: string | null, extra: Partial<NetPromise> = {}): NetPromise {
  return { id: nextId('p'), contactId, text: 'do the thing', due, createdAt: '2026-01-01T12:00:00.000Z', doneOn, ...extra };
}

export function event(id: string, name: string, date: string): NetEvent {
  return { id, name, date };
}

export const items = (...types: Item['type'][]): Item[] => types.map((type) => ({ type }));

export function journal(parts: {
  settings?: Settings;
  contacts?: Contact[];
  interactions?: Interaction[];
  promises?: NetPromise[];
  events?: NetEvent[];
}): Journal {
  return { ...emptyJournal(), ...parts, settings: parts.settings ?? {} };
}

// Shorter forms used by the due and report tables.

const typed = (types: string[] = []) => types.map((type) => ({ type }) as Item);

/** An interaction with one or several people and the types of what passed. */
export function meet(date: string, contactIds: string | string[], over: { gave?: string[]; asked?: string[]; received?: string[]; kind?: Interaction['kind'] } = {}): Interaction {
  return interaction(date, Array.isArray(contactIds) ? contactIds : [contactIds], {
    kind: over.kind ?? 'meeting',
    gave: typed(over.gave),
    asked: typed(over.asked),
    received: typed(over.received),
  });
}

/** A promise with a chosen id. */
export function promiseWithId(id: string, contactId: string, due: string, doneOn: string | null = null, text = `promise ${id}`): NetPromise {
  return promise(contactId, due, doneOn, { id, text });
}

/** A contact with a generated id (or `extra.id`). */
export function person(name: string, extra: Partial<Contact> = {}): Contact {
  return contact(extra.id ?? nextId('c'), name, extra);
}

/** An interaction with a chosen id. */
export function meeting(id: string, date: string, contactIds: string[], extra: Partial<Interaction> = {}): Interaction {
  return interaction(date, contactIds, { id, createdAt: `${date}T18:00:00.000Z`, ...extra });
}
