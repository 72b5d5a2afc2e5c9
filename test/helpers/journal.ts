import type { Contact, Interaction, Item, Journal, NetPromise } from '../../src/core/schema.js';
import { emptyJournal } from '../../src/core/schema.js';

// Small builders for journals in unit tests: only the fields a test cares about.

export function contact(id: string, name: string, over: Partial<Contact> = {}): Contact {
  return { id, name, aliases: [], emails: [], phones: [], tags: [], createdAt: '2026-01-01T12:00:00.000Z', archived: false, ...over };
}

const items = (types: string[] = []) => types.map((type) => ({ type }) as Item);

let seq = 0;
export function meet(date: string, contactIds: string | string[], over: { gave?: string[]; asked?: string[]; received?: string[]; kind?: Interaction['kind'] } = {}): Interaction {
  return {
    id: `i${++seq}`,
    date,
    contactIds: Array.isArray(contactIds) ? contactIds : [contactIds],
    kind: over.kind ?? 'meeting',
    gave: items(over.gave),
    asked: items(over.asked),
    received: items(over.received),
    createdAt: `${date}T12:00:00.000Z`,
  };
}

export function promise(id: string, contactId: string, due: string, doneOn: string | null = null): NetPromise {
  return { id, contactId, text: `promise ${id}`, due, createdAt: '2026-01-01T12:00:00.000Z', doneOn };
}

export function journal(parts: Partial<Journal>): Journal {
  return { ...emptyJournal(), ...parts };
}
