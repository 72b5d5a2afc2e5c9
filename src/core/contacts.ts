import { describeCadence, tagKey } from './cadence.js';
import type { Contact, Interaction, Item, Journal } from './schema.js';
import { cleanName, nameKey, resolveName } from './names.js';
import { newContact, type EditEnv } from './edits.js';
import { UsageError } from '../errors.js';
import type { KeyDate } from './schema.js';
import { setDates } from './key-dates.js';

// Pure edits of the people in a journal: add, edit (incl. rename), merge, archive, remove.
// Each returns a new journal plus what it did, and throws a UsageError (nothing written) when
// the edit makes no sense.

export const emailKey = (e: string) => e.trim().toLowerCase();

/** Phones compare by their digits (and a leading +), so "+1 555-0100" equals "+15550100". */
export function phoneKey(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return phone.trim().startsWith('+') ? `+${digits}` : digits;
}
const aliasKey = nameKey;

// A dotless domain (someone@localhost, a@intranet) is a real address on some networks: kept.
const EMAIL_RE = /^[^\s@<>",;:]+@[^\s@<>",;:.]+(\.[^\s@<>",;:.]+)*$/;

/** The one email check: `contact add --email` and `import` accept the same addresses. */
export function isEmail(v: string): boolean {
  return EMAIL_RE.test(v.trim());
}

// Digits with the usual separators, an optional leading +, an extension (x12, ext. 12, ;ext=12)
// and dialling pauses (, ; p w); at least three digits. "call me", "work-phone-number" are not.
const PHONE_RE = /^\+?[\d\s().\-/]*\d[\d\s().\-/]*(?:\s*(?:x|ext\.?|#|;ext=)\s*\d+)?[\d,;pw*#]*$/i;

/** The one phone check: `contact add --phone` and `import` accept the same numbers. */
export function isPhone(v: string): boolean {
  const t = v.trim();
  return PHONE_RE.test(t) && (t.match(/\d/g) ?? []).length >= 3;
}

/** Contacts whose name or an alias is exactly this name (case-, accent- and spacing-insensitive). */
export function sameName(contacts: readonly Contact[], name: string, exceptId?: string): Contact[] {
  const key = nameKey(name);
  return contacts.filter((c) => c.id !== exceptId && (nameKey(c.name) === key || c.aliases.some((a) => nameKey(a) === key)));
}

/**
 * Existing contacts a new person with this name would likely duplicate: the same first name
 * (when only a first name is given) or a small typo away. Exact duplicates are `sameName`.
 */
export function nearNames(contacts: readonly Contact[], name: string): Contact[] {
  const r = resolveName(contacts, name);
  if (r.kind === 'first') return [r.contact];
  if (r.kind === 'ambiguous' || r.kind === 'near') return r.candidates;
  return [];
}

/** What a contact's lists can hold; values are added or removed by these. */
export interface ListChanges {
  aliases?: string[];
  emails?: string[];
  phones?: string[];
  tags?: string[];
}

/** A change to a contact. Text fields: a string sets, null clears. Cadence: 'inherit' removes the contact's own. */
export interface ContactPatch {
  rename?: string;
  company?: string | null;
  role?: string | null;
  source?: string | null;
  notes?: string | null;
  cadenceDays?: number | null | 'inherit';
  add?: ListChanges;
  remove?: ListChanges;
  /** Key dates to set (by label: a new label adds, an existing one is replaced) and labels to remove. */
  dates?: { set: KeyDate[]; remove: string[] };
}

const TEXT_FIELDS = ['company', 'role', 'source', 'notes'] as const;
const LISTS = ['aliases', 'emails', 'phones', 'tags'] as const;
type ListName = (typeof LISTS)[number];
const KEYS: Record<ListName, (s: string) => string> = { aliases: aliasKey, emails: emailKey, phones: phoneKey, tags: tagKey };
const SINGULAR: Record<ListName, string> = { aliases: 'alias', emails: 'email', phones: 'phone', tags: 'tag' };

/** Adds values not already present (by the list's notion of sameness), keeping order. */
function union(list: readonly string[], values: readonly string[], key: (s: string) => string): string[] {
  const out = [...list];
  const seen = new Set(out.map(key));
  for (const v of values) {
    const k = key(v);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  return out;
}

function cleanValue(list: ListName, v: string): string {
  if (list === 'tags') return tagKey(v);
  if (list === 'aliases') return cleanName(v);
  return v.trim();
}

function checkValue(list: ListName, v: string): void {
  if (!v) throw new UsageError(`an empty ${SINGULAR[list]} was given`);
  if (list === 'emails' && !isEmail(v)) throw new UsageError(`"${v}" does not look like an email address`);
  if (list === 'phones' && !isPhone(v)) throw new UsageError(`"${v}" does not look like a phone number`);
  if (list === 'tags' && /\s|,/.test(v)) throw new UsageError(`a tag is one word (use - or _ between words), not "${v}"`);
}

/** "the name of another contact" / "an alias of Dana Lee". */
function taken(by: Contact, name: string): string {
  return nameKey(by.name) === nameKey(name) ? 'the name of another contact' : `an alias of ${by.name}`;
}

function checkAliases(journal: Journal, self: Contact, aliases: readonly string[]): void {
  for (const a of aliases) {
    const clash = sameName(journal.contacts, a, self.id);
    if (clash.length) throw new UsageError(`"${a}" is already ${taken(clash[0]!, a)}`, 'an alias must lead to one person');
  }
}

function replaceContact(journal: Journal, c: Contact): Journal {
  return { ...journal, contacts: journal.contacts.map((x) => (x.id === c.id ? c : x)) };
}

export function contactById(journal: Journal, id: string): Contact {
  const c = journal.contacts.find((x) => x.id === id);
  if (!c) throw new UsageError('that contact is no longer in the journal; run the command again');
  return c;
}

export interface NewContactInput {
  name: string;
  company?: string;
  role?: string;
  source?: string;
  notes?: string;
  cadenceDays?: number | null;
  aliases?: string[];
  emails?: string[];
  phones?: string[];
  tags?: string[];
}

/** The profile of a new person, cleaned and checked (the same rules as `contact add`); the name is not part of it. */
export function contactProfile(input: Omit<NewContactInput, 'name'>): Partial<Contact> {
  const extra: Partial<Contact> = {};
  for (const l of LISTS) {
    const values = (input[l] ?? []).map((v) => cleanValue(l, v));
    values.forEach((v) => checkValue(l, v));
    if (values.length) extra[l] = union([], values, KEYS[l]);
  }
  for (const f of TEXT_FIELDS) {
    const v = input[f]?.trim();
    if (v) extra[f] = v;
  }
  if (input.cadenceDays !== undefined) extra.cadenceDays = input.cadenceDays;
  return extra;
}

/** Adds a person. Refuses a name (or alias) that is already someone's name or alias. */
export function addContact(journal: Journal, input: NewContactInput, env: EditEnv): { journal: Journal; contact: Contact } {
  const name = cleanName(input.name);
  if (!name) throw new UsageError('a contact needs a name');
  const dup = sameName(journal.contacts, name);
  if (dup.length) {
    const d = dup[0]!;
    throw new UsageError(
      nameKey(d.name) === nameKey(name)
        ? `"${d.name}" is already in your journal${d.archived ? ' (archived)' : ''}`
        : `"${name}" is already in your journal as an alias of ${d.name}${d.archived ? ' (archived)' : ''}`,
      d.archived ? `bring them back with: netlog contact unarchive "${d.name}"` : `see it with: netlog contact show "${d.name}"`,
    );
  }
  const extra = contactProfile(input);
  // Their own name is not an alias.
  if (extra.aliases) extra.aliases = extra.aliases.filter((v) => aliasKey(v) !== nameKey(name));
  const contact = newContact(name, env, extra);
  checkAliases(journal, contact, contact.aliases);
  return { journal: { ...journal, contacts: [...journal.contacts, contact] }, contact };
}

export interface EditResult {
  journal: Journal;
  contact: Contact;
  /** What changed, for people: "company", "tags +investor", "renamed from Dana". */
  changes: string[];
}

/** Applies a patch to one contact. Removing a value the contact does not have is refused. */
export function editContact(journal: Journal, id: string, patch: ContactPatch, now: string): EditResult {
  const before = contactById(journal, id);
  const c: Contact = { ...before, aliases: [...before.aliases], emails: [...before.emails], phones: [...before.phones], tags: [...before.tags] };
  const changes: string[] = [];

  if (patch.rename !== undefined) {
    const name = cleanName(patch.rename);
    if (!name) throw new UsageError('--rename needs a name');
    const clash = sameName(journal.contacts, name, id);
    if (clash.length) throw new UsageError(`"${name}" is already ${taken(clash[0]!, name)}`, 'to combine two records of one person use: netlog contact merge KEEP OTHER');
    if (name !== c.name) {
      changes.push(`renamed from ${c.name}`);
      c.name = name;
      // A name is not also its own alias.
      c.aliases = c.aliases.filter((a) => aliasKey(a) !== nameKey(name));
    }
  }
  for (const f of TEXT_FIELDS) {
    const v = patch[f];
    if (v === undefined) continue;
    const text = v === null ? '' : v.trim();
    if (text) {
      if (c[f] !== text) changes.push(f);
      c[f] = text;
    } else if (c[f] !== undefined) {
      changes.push(`${f} cleared`);
      delete c[f];
    }
  }
  if (patch.cadenceDays !== undefined) {
    if (patch.cadenceDays === 'inherit') {
      if (c.cadenceDays !== undefined) changes.push('cadence inherited');
      delete c.cadenceDays;
    } else {
      if (c.cadenceDays !== patch.cadenceDays) changes.push(`cadence ${describeCadence(patch.cadenceDays)}`);
      c.cadenceDays = patch.cadenceDays;
    }
  }
  for (const l of LISTS) {
    const key = KEYS[l];
    for (const raw of patch.remove?.[l] ?? []) {
      const v = cleanValue(l, raw);
      const k = key(v);
      const stored = c[l].find((x) => key(x) === k);
      if (stored === undefined) {
        const has = c[l].length ? `${l}: ${c[l].join(', ')}` : `no ${l}`;
        throw new UsageError(`${c.name} has no ${SINGULAR[l]} "${v}" (${has})`);
      }
      c[l] = c[l].filter((x) => key(x) !== k);
      changes.push(`${SINGULAR[l]} ${stored} removed`);
    }
    const adds = (patch.add?.[l] ?? []).map((v) => cleanValue(l, v));
    adds.forEach((v) => checkValue(l, v));
    if (l === 'aliases') checkAliases(journal, c, adds.filter((a) => aliasKey(a) !== nameKey(c.name)));
    const next = union(c[l], adds, key).filter((v) => l !== 'aliases' || aliasKey(v) !== nameKey(c.name));
    for (const v of next.slice(c[l].length)) changes.push(`${SINGULAR[l]} ${v} added`);
    c[l] = next;
  }
  if (patch.dates) {
    const r = setDates(c.dates ?? [], patch.dates.set, patch.dates.remove);
    if (r.missing.length) {
      const has = c.dates?.length ? `dates: ${c.dates.map((d) => d.label).join(', ')}` : 'no key dates';
      throw new UsageError(`${c.name} has no date "${r.missing[0]}" (${has})`);
    }
    if (r.changes.length) {
      changes.push(...r.changes.map((x) => `date ${x}`));
      if (r.dates.length) c.dates = r.dates;
      else delete c.dates;
    }
  }
  if (changes.length === 0) return { journal, contact: before, changes };
  c.updatedAt = now;
  return { journal: replaceContact(journal, c), contact: c, changes };
}

export interface MergeResult {
  journal: Journal;
  contact: Contact;
  /** Interactions moved to KEEP; of those, how many already had KEEP too. */
  interactions: number;
  shared: number;
  promises: number;
  /** Fields where both had a value and KEEP's was kept. */
  kept: { field: string; kept: string; dropped: string }[];
}

/**
 * Folds OTHER into KEEP: interactions, promises, aliases (with OTHER's name), emails, phones and
 * tags move over; fields KEEP lacks are filled from OTHER; notes are joined; OTHER is removed.
 */
export function mergeContacts(journal: Journal, keepId: string, otherId: string, now: string): MergeResult {
  if (keepId === otherId) throw new UsageError('those two names are the same contact');
  const keep = contactById(journal, keepId);
  const other = contactById(journal, otherId);
  const c: Contact = {
    ...keep,
    aliases: union(keep.aliases, [other.name, ...other.aliases], aliasKey).filter((a) => aliasKey(a) !== nameKey(keep.name)),
    emails: union(keep.emails, other.emails, emailKey),
    phones: union(keep.phones, other.phones, phoneKey),
    tags: union(keep.tags, other.tags, tagKey),
    // The relationship is as old as the older record.
    createdAt: other.createdAt < keep.createdAt ? other.createdAt : keep.createdAt,
    updatedAt: now,
  };
  const kept: MergeResult['kept'] = [];
  for (const f of ['company', 'role', 'source'] as const) {
    const o = other[f];
    if (o === undefined) continue;
    if (c[f] === undefined) c[f] = o;
    else if (c[f] !== o) kept.push({ field: f, kept: c[f]!, dropped: o });
  }
  if (other.notes && other.notes !== keep.notes) c.notes = keep.notes ? `${keep.notes}\n\n${other.notes}` : other.notes;
  if (c.cadenceDays === undefined && other.cadenceDays !== undefined) c.cadenceDays = other.cadenceDays;
  if (other.snoozedUntil && (!c.snoozedUntil || other.snoozedUntil > c.snoozedUntil)) c.snoozedUntil = other.snoozedUntil;
  if (c.introducedBy === undefined && other.introducedBy !== undefined && other.introducedBy !== keepId) c.introducedBy = other.introducedBy;
  if (c.introducedBy === otherId) delete c.introducedBy;
  if (other.wants?.length) c.wants = [...(keep.wants ?? []), ...other.wants];
  if (other.dates?.length) c.dates = [...(keep.dates ?? []), ...other.dates.filter((d) => !(keep.dates ?? []).some((k) => k.label === d.label))];

  let interactions = 0;
  let shared = 0;
  const movedInteractions = journal.interactions.map((i) => {
    if (!i.contactIds.includes(otherId)) return mentions(i, otherId) ? { ...remapItems(i, otherId, keepId), updatedAt: now } : i;
    interactions += 1;
    if (i.contactIds.includes(keepId)) shared += 1;
    const ids: string[] = [];
    for (const id of i.contactIds) {
      const to = id === otherId ? keepId : id;
      if (!ids.includes(to)) ids.push(to);
    }
    return { ...remapItems(i, otherId, keepId), contactIds: ids, updatedAt: now };
  });
  let promises = 0;
  const movedPromises = journal.promises.map((p) => {
    if (p.contactId !== otherId) return p;
    promises += 1;
    return { ...p, contactId: keepId, updatedAt: now };
  });
  return {
    journal: {
      ...journal,
      contacts: journal.contacts
        .filter((x) => x.id !== otherId)
        .map((x) => (x.id === keepId ? c : x.introducedBy === otherId ? { ...x, introducedBy: keepId, updatedAt: now } : x)),
      interactions: movedInteractions,
      promises: movedPromises,
    },
    contact: c,
    interactions,
    shared,
    promises,
    kept,
  };
}

/** Archives (or brings back) a contact; `changed` is false when it already was so. */
export function setArchived(journal: Journal, id: string, archived: boolean, now: string): { journal: Journal; contact: Contact; changed: boolean } {
  const c = contactById(journal, id);
  if (c.archived === archived) return { journal, contact: c, changed: false };
  const next = { ...c, archived, updatedAt: now };
  return { journal: replaceContact(journal, next), contact: next, changed: true };
}

/** What removing a contact takes with it. */
export interface Footprint {
  /** Interactions with this person alone: removed with them. */
  alone: number;
  /** Interactions with others too: kept, without this person. */
  shared: number;
  promises: number;
}

export function footprint(journal: Journal, id: string): Footprint {
  let alone = 0;
  let shared = 0;
  for (const i of journal.interactions) {
    if (!i.contactIds.includes(id)) continue;
    if (i.contactIds.length === 1) alone += 1;
    else shared += 1;
  }
  return { alone, shared, promises: journal.promises.filter((p) => p.contactId === id).length };
}

/**
 * Removes a contact for good: their one-to-one interactions and promises go with them; group
 * interactions stay, without them. (Archive keeps everything and only hides the person.)
 */
export function removeContact(journal: Journal, id: string, now: string): { journal: Journal; contact: Contact; removed: Footprint } {
  const contact = contactById(journal, id);
  const removed = footprint(journal, id);
  const interactions = journal.interactions
    .filter((i) => !(i.contactIds.length === 1 && i.contactIds[0] === id))
    .map((i) => (i.contactIds.includes(id) || mentions(i, id) ? { ...forget(i, id), contactIds: i.contactIds.filter((x) => x !== id), updatedAt: now } : i));
  return {
    journal: {
      ...journal,
      contacts: journal.contacts.filter((c) => c.id !== id).map((c) => (c.introducedBy === id ? { ...withoutIntroducer(c), updatedAt: now } : c)),
      interactions,
      promises: journal.promises.filter((p) => p.contactId !== id),
    },
    contact,
    removed,
  };
}

const LISTS_OF_ITEMS = ['gave', 'asked', 'received'] as const;

/** An item of the interaction is for, or links to, this person. */
function mentions(i: Interaction, id: string): boolean {
  return LISTS_OF_ITEMS.some((l) => i[l].some((x) => x.for === id || x.link === id));
}

/** The interaction with items for or linking to `from` pointed at `to` instead. */
function remapItems(i: Interaction, from: string, to: string): Interaction {
  if (!mentions(i, from)) return i;
  const fix = (x: Item): Item => ({ ...x, ...(x.for === from ? { for: to } : {}), ...(x.link === from ? { link: to } : {}) });
  return { ...i, gave: i.gave.map(fix), asked: i.asked.map(fix), received: i.received.map(fix) };
}

/** The interaction without what was for a removed person (items for them go; links to them are dropped). */
function forget(i: Interaction, id: string): Interaction {
  const fix = (list: Item[]) =>
    list
      .filter((x) => x.for !== id)
      .map((x) => {
        if (x.link !== id) return x;
        const { link: _gone, ...rest } = x;
        return rest;
      });
  return { ...i, gave: fix(i.gave), asked: fix(i.asked), received: fix(i.received) };
}

function withoutIntroducer(c: Contact): Contact {
  const { introducedBy: _gone, ...rest } = c;
  return rest;
}
