import type { Contact, Journal, Settings } from './schema.js';
import type { Day } from './dates.js';
import { tagCadenceKey } from './cadence.js';

// Pure edits for rhythms: a contact's snooze, a tier's cadence, and the journal-wide defaults.

/** Sets (or, with null, clears) when a contact may next be due. */
export function setSnooze(journal: Journal, contactId: string, until: Day | null, now: string): { journal: Journal; contact: Contact; changed: boolean } {
  const index = journal.contacts.findIndex((c) => c.id === contactId);
  const current = journal.contacts[index];
  if (!current) throw new Error(`no contact with id ${contactId}`);
  if ((current.snoozedUntil ?? null) === until) return { journal, contact: current, changed: false };
  const { snoozedUntil: _old, ...rest } = current;
  const contact: Contact = until === null ? { ...rest, updatedAt: now } : { ...rest, snoozedUntil: until, updatedAt: now };
  const contacts = [...journal.contacts];
  contacts[index] = contact;
  return { journal: { ...journal, contacts }, contact, changed: true };
}

/**
 * Sets a tag's cadence (null = never due), or removes it with `undefined`. An existing entry
 * spelled with other capitals is updated in place rather than duplicated.
 */
export function setTagCadence(journal: Journal, tag: string, days: number | null | undefined): { journal: Journal; key: string; changed: boolean } {
  const current = journal.settings.tagCadences ?? {};
  const existing = tagCadenceKey(current, tag);
  const key = existing ?? tag;
  if (days === undefined) {
    if (existing === undefined) return { journal, key, changed: false };
    const { [existing]: _gone, ...rest } = current;
    const settings: Settings = { ...journal.settings, tagCadences: rest };
    if (Object.keys(rest).length === 0) delete settings.tagCadences;
    return { journal: { ...journal, settings }, key, changed: true };
  }
  if (existing !== undefined && current[existing] === days) return { journal, key, changed: false };
  return { journal: { ...journal, settings: { ...journal.settings, tagCadences: { ...current, [key]: days } } }, key, changed: true };
}

/** Sets the journal-wide default cadence and follow-up delay (only the ones given). */
export function setDefaults(journal: Journal, change: { defaultCadenceDays?: number; followUpDays?: number }): { journal: Journal; changed: boolean } {
  const settings: Settings = { ...journal.settings, ...change };
  const changed = Object.entries(change).some(([k, v]) => journal.settings[k as keyof Settings] !== v);
  return changed ? { journal: { ...journal, settings }, changed } : { journal, changed };
}
