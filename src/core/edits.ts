import type { Contact, Interaction, Item, Journal, Kind, NetEvent, NetPromise } from './schema.js';
import type { Day } from './dates.js';
import { cleanName, nameKey } from './names.js';

// Pure journal edits: each takes a journal and returns a new one plus what it made.
// Ids and the clock come in through EditEnv so the core stays deterministic under test.

export interface EditEnv {
  newId(): string;
  /** ISO timestamp for createdAt fields. */
  now: string;
}

/** Who an interaction is with: an existing contact, or a person to create. */
export type Participant = { id: string } | { newName: string };

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
  /** Promises made to the first participant. */
  promises: { text: string; due: Day }[];
}

export interface AddedInteraction {
  journal: Journal;
  interaction: Interaction;
  contacts: Contact[];
  createdContacts: Contact[];
  promises: NetPromise[];
  event?: NetEvent;
  createdEvent: boolean;
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

/** Finds an event by name, case- and accent-insensitively. */
export function findEvent(journal: Journal, name: string): NetEvent | undefined {
  const key = nameKey(name);
  return journal.events.find((e) => nameKey(e.name) === key);
}

/** Records an interaction, creating new contacts, the event and promises it names. */
export function addInteraction(journal: Journal, input: NewInteraction, env: EditEnv): AddedInteraction {
  let event: NetEvent | undefined;
  let createdEvent = false;
  if (input.event && 'id' in input.event) {
    const id = input.event.id;
    event = journal.events.find((e) => e.id === id);
  } else if (input.event) {
    event = findEvent(journal, input.event.name);
    if (!event) {
      event = { id: env.newId(), name: input.event.name.trim(), date: input.date };
      createdEvent = true;
    }
  }

  const byId = new Map(journal.contacts.map((c) => [c.id, c]));
  const createdContacts: Contact[] = [];
  const contacts: Contact[] = [];
  for (const p of input.participants) {
    if ('id' in p) {
      const c = byId.get(p.id);
      if (!c) throw new Error(`no contact with id ${p.id}`);
      if (!contacts.includes(c)) contacts.push(c);
    } else {
      const dup = createdContacts.find((c) => nameKey(c.name) === nameKey(p.newName));
      if (dup) continue;
      const c = newContact(p.newName, env, event ? { source: event.name } : {});
      createdContacts.push(c);
      contacts.push(c);
    }
  }
  if (contacts.length === 0) throw new Error('an interaction needs at least one contact');

  const interaction: Interaction = {
    id: env.newId(),
    date: input.date,
    contactIds: contacts.map((c) => c.id),
    kind: input.kind,
    ...(input.note ? { note: input.note } : {}),
    gave: input.gave,
    asked: input.asked,
    received: input.received,
    ...(event ? { eventId: event.id } : {}),
    createdAt: env.now,
  };
  const promises: NetPromise[] = input.promises.map((p) => ({
    id: env.newId(),
    contactId: contacts[0]!.id,
    text: p.text,
    due: p.due,
    createdAt: env.now,
    doneOn: null,
    interactionId: interaction.id,
  }));

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
  };
}
