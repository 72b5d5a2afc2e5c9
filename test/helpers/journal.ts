import type { Contact, Interaction, Journal, NetPromise } from '../../src/core/schema.js';
import { emptyJournal } from '../../src/core/schema.js';

// Small hand-made journals for unit and end-to-end tests.

let seq = 0;

export function person(name: string, extra: Partial<Contact> = {}): Contact {
  seq += 1;
  return {
    id: extra.id ?? `c${String(seq).padStart(3, '0')}`,
    name,
    aliases: [],
    emails: [],
    phones: [],
    tags: [],
    createdAt: '2026-01-01T12:00:00.000Z',
    archived: false,
    ...extra,
  };
}

export function meeting(id: string, date: string, contactIds: string[], extra: Partial<Interaction> = {}): Interaction {
  return { id, date, contactIds, kind: 'meeting', gave: [], asked: [], received: [], createdAt: `${date}T18:00:00.000Z`, ...extra };
}

export function promise(id: string, contactId: string, due: string, doneOn: string | null = null, text = `promise ${id}`): NetPromise {
  return { id, contactId, text, due, createdAt: '2026-01-01T12:00:00.000Z', doneOn };
}

export function journal(parts: Partial<Journal> = {}): Journal {
  return { ...emptyJournal(), ...parts };
}
