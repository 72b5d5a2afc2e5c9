import type { Contact, Journal, Want } from './schema.js';
import type { Day } from './dates.js';
import type { EditEnv } from './edits.js';

// Wants (SPEC §6.3): what someone is looking for (a designer, a first client), open until met —
// by `want done ID`, or by a later give logged with `--meets ID`.

/** Open on `on`: recorded by then and not met by then. */
export function isOpenWant(w: Want, on: Day): boolean {
  return w.since <= on && (w.metOn === null || w.metOn > on);
}

/** A contact's wants still open on `on`, oldest first. */
export function openWants(c: Contact, on: Day): Want[] {
  return (c.wants ?? []).filter((w) => isOpenWant(w, on));
}

/** Adds wants to a contact (texts trimmed; one already open with the same text is not added twice). */
export function withWants(c: Contact, texts: readonly string[], since: Day, env: EditEnv): { contact: Contact; added: Want[] } {
  const have = new Set((c.wants ?? []).filter((w) => w.metOn === null).map((w) => w.text.toLowerCase()));
  const added: Want[] = [];
  for (const raw of texts) {
    const text = raw.trim().replace(/\s+/g, ' ');
    if (!text || have.has(text.toLowerCase())) continue;
    have.add(text.toLowerCase());
    added.push({ id: env.newId(), text, since, metOn: null });
  }
  if (added.length === 0) return { contact: c, added };
  return { contact: { ...c, wants: [...(c.wants ?? []), ...added], updatedAt: env.now }, added };
}

/** A want with the contact who holds it, keyed by the want's id: what id lookups (findById) search. */
export interface HeldWant {
  id: string;
  contact: Contact;
  want: Want;
}

/** Every want in the journal with its holder, for finding one by id or prefix. */
export function heldWants(journal: Journal): HeldWant[] {
  return journal.contacts.flatMap((contact) => (contact.wants ?? []).map((want) => ({ id: want.id, contact, want })));
}

export interface MetWant {
  journal: Journal;
  contact: Contact;
  want: Want;
  /** False when it was already met: the journal is returned unchanged. */
  changed: boolean;
}

/** Marks a want met on `on`. One already met keeps its first date. */
export function markWantMet(journal: Journal, wantId: string, on: Day, env: EditEnv): MetWant {
  const contact = journal.contacts.find((c) => c.wants?.some((w) => w.id === wantId));
  const want = contact?.wants?.find((w) => w.id === wantId);
  if (!contact || !want) throw new Error(`no want with id ${wantId}`);
  if (want.metOn !== null) return { journal, contact, want, changed: false };
  const met: Want = { ...want, metOn: on };
  const next: Contact = { ...contact, wants: contact.wants!.map((w) => (w.id === wantId ? met : w)), updatedAt: env.now };
  return { journal: { ...journal, contacts: journal.contacts.map((c) => (c.id === contact.id ? next : c)) }, contact: next, want: met, changed: true };
}

/** Adds wants to one contact of a journal (by id). */
export function addWants(journal: Journal, contactId: string, texts: readonly string[], since: Day, env: EditEnv): { journal: Journal; added: Want[] } {
  const c = journal.contacts.find((x) => x.id === contactId);
  if (!c) throw new Error(`no contact with id ${contactId}`);
  const r = withWants(c, texts, since, env);
  if (r.added.length === 0) return { journal, added: [] };
  return { journal: { ...journal, contacts: journal.contacts.map((x) => (x.id === contactId ? r.contact : x)) }, added: r.added };
}
