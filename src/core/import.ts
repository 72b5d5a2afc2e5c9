import type { Contact, Journal, KeyDate } from './schema.js';
import { addMissingDates } from './key-dates.js';
import { newContact, type EditEnv } from './edits.js';
import { cleanName, nameKey } from './names.js';
import { emailKey, isEmail, phoneKey } from './contacts.js';
import { tagKey } from './cadence.js';

// Merging contacts read from another program into the journal (SPEC §4 `import`). An import
// only adds: it matches an existing contact by email, then by exact name, and fills the fields
// that are still empty. What the user wrote is never overwritten, so importing the same file
// twice changes nothing the second time.

/** One person as a parser read them from a vCard or a CSV row. */
export interface ImportRecord {
  /** Where the record starts in the file (1-based line), for messages. */
  line: number;
  name: string;
  aliases: string[];
  emails: string[];
  phones: string[];
  company?: string;
  role?: string;
  tags: string[];
  source?: string;
  notes?: string;
  /** The person's own cadence, as netlog's own exports carry it (null: never due). */
  cadenceDays?: number | null;
  /** Birthdays and other key dates (vCard BDAY/ANNIVERSARY, Google's Birthday column). */
  dates?: KeyDate[];
  /** Archived in the journal the file came from (applies to contacts the import adds). */
  archived?: boolean;
  /** Set by the parser when the record cannot be imported, saying why. */
  problem?: string;
  /** Parts of the record left out (a bad email, an unknown cadence); the rest is imported. */
  warnings?: string[];
}

export type ImportAction = 'added' | 'updated' | 'unchanged' | 'skipped';

export interface ImportOutcome {
  line: number;
  name: string;
  action: ImportAction;
  /** Why a record was skipped. */
  reason?: string;
  contactId?: string;
  /** How the contact was matched when it already existed. */
  matchedBy?: 'email' | 'name';
  /** The fields an update filled in or added to. */
  changed?: string[];
  /** Parts of the record that were left out, saying why. */
  warnings?: string[];
}

export interface ImportOptions {
  /** Tags given with --tag, added to every imported contact. */
  tags: string[];
  /** --every: the cadence of added contacts whose record has none (existing ones keep theirs). */
  cadenceDays?: number | null;
}

export interface ImportResult {
  journal: Journal;
  outcomes: ImportOutcome[];
  counts: Record<ImportAction, number>;
}

function unique(values: string[], key: (s: string) => string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const t = v.trim();
    const k = key(t);
    if (!t || !k || seen.has(k)) continue;
    seen.add(k);
    out.push(t);
  }
  return out;
}

/** A record tidied: trimmed, one space between words, duplicates dropped, bad emails left out (with a warning). */
export function tidyRecord(r: ImportRecord): ImportRecord {
  const emails = r.emails.map((e) => e.trim()).filter(Boolean);
  const bad = emails.filter((e) => !isEmail(e));
  const warnings = [...(r.warnings ?? []), ...bad.map((e) => `left out "${e}": does not look like an email address`)];
  const name = cleanName(r.name);
  const opt = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);
  const company = opt(r.company);
  const role = opt(r.role);
  const source = opt(r.source);
  const notes = opt(r.notes);
  return {
    line: r.line,
    name,
    // An alias spelled differently from the name ("Tomas" for "Tomás") is the user's choice: keep it.
    aliases: unique(r.aliases, (a) => a).filter((a) => a !== name),
    emails: unique(emails.filter(isEmail), emailKey),
    phones: unique(r.phones, phoneKey),
    ...(company ? { company } : {}),
    ...(role ? { role } : {}),
    tags: unique(r.tags, tagKey),
    ...(source ? { source } : {}),
    ...(notes ? { notes } : {}),
    ...(r.cadenceDays !== undefined ? { cadenceDays: r.cadenceDays } : {}),
    ...(r.dates?.length ? { dates: addMissingDates([], r.dates) } : {}),
    ...(r.archived ? { archived: true } : {}),
    ...(r.problem ? { problem: r.problem } : {}),
    ...(warnings.length ? { warnings } : {}),
  };
}

type Match = { index: number; by: 'email' | 'name' } | { ambiguous: Contact[] } | undefined;

/** Contacts indexed by email and by name key, kept up to date as the import adds and fills. */
class ContactIndex {
  readonly contacts: Contact[];
  private readonly byEmail = new Map<string, number[]>();
  private readonly byName = new Map<string, number[]>();

  constructor(contacts: readonly Contact[]) {
    this.contacts = [...contacts];
    this.contacts.forEach((c, i) => this.add(c, i));
  }

  private add(c: Contact, i: number): void {
    const put = (map: Map<string, number[]>, key: string) => {
      const list = map.get(key) ?? [];
      if (!list.includes(i)) map.set(key, [...list, i]);
    };
    for (const e of c.emails) put(this.byEmail, emailKey(e));
    for (const n of [c.name, ...c.aliases]) put(this.byName, nameKey(n));
  }

  set(i: number, c: Contact): void {
    this.contacts[i] = c;
    this.add(c, i);
  }

  push(c: Contact): void {
    this.contacts.push(c);
    this.add(c, this.contacts.length - 1);
  }

  /** By email first (an active contact before an archived one), then by exact name or alias. */
  match(r: ImportRecord): Match {
    const byEmail = [...new Set(r.emails.flatMap((e) => this.byEmail.get(emailKey(e)) ?? []))].sort((a, b) => a - b);
    if (byEmail.length > 0) return { index: byEmail.find((i) => !this.contacts[i]!.archived) ?? byEmail[0]!, by: 'email' };
    const byName = this.byName.get(nameKey(r.name)) ?? [];
    if (byName.length === 1) return { index: byName[0]!, by: 'name' };
    if (byName.length > 1) return { ambiguous: byName.map((i) => this.contacts[i]!) };
    return undefined;
  }
}

/** The contact with the record's new information added; `changed` names what was filled. */
export function fillGaps(c: Contact, r: ImportRecord, extraTags: string[]): { contact: Contact; changed: string[] } {
  const changed: string[] = [];
  const next: Contact = { ...c };
  const addTo = (field: 'emails' | 'phones' | 'aliases' | 'tags', values: string[], key: (s: string) => string) => {
    const have = new Set(c[field].map(key));
    const extra = values.filter((v) => !have.has(key(v)));
    if (extra.length > 0) {
      next[field] = [...c[field], ...extra];
      changed.push(field);
    }
  };
  addTo('emails', r.emails, emailKey);
  addTo('phones', r.phones, phoneKey);
  addTo('aliases', r.aliases.filter((a) => nameKey(a) !== nameKey(c.name)), nameKey);
  addTo('tags', unique([...r.tags, ...extraTags], tagKey), tagKey);
  for (const field of ['company', 'role', 'source', 'notes'] as const) {
    const value = r[field];
    if (value && !c[field]) {
      next[field] = value;
      changed.push(field);
    }
  }
  if (r.dates?.length) {
    const dates = addMissingDates(c.dates ?? [], r.dates);
    if (dates.length > (c.dates?.length ?? 0)) {
      next.dates = dates;
      changed.push('dates');
    }
  }
  // Absent means "inherit": the user never chose one, so the file's may fill the gap.
  if (r.cadenceDays !== undefined && c.cadenceDays === undefined) {
    next.cadenceDays = r.cadenceDays;
    changed.push('cadence');
  }
  return { contact: changed.length ? next : c, changed };
}

/** Adds or fills in contacts from imported records; returns the same journal object when nothing changed. */
export function importContacts(journal: Journal, records: readonly ImportRecord[], opts: ImportOptions, env: EditEnv): ImportResult {
  const index = new ContactIndex(journal.contacts);
  const outcomes: ImportOutcome[] = [];
  let dirty = false;
  for (const raw of records) {
    const r = tidyRecord(raw);
    const base = { line: r.line, name: r.name };
    // Warnings matter only for a record that is imported; a skipped one says why once.
    const warned = r.warnings ? { warnings: r.warnings } : {};
    if (r.problem) {
      outcomes.push({ ...base, action: 'skipped', reason: r.problem });
      continue;
    }
    if (!r.name) {
      outcomes.push({ ...base, action: 'skipped', reason: 'no name' });
      continue;
    }
    const m = index.match(r);
    if (m && 'ambiguous' in m) {
      outcomes.push({ ...base, action: 'skipped', reason: `several contacts are named "${r.name}"; add an email to tell them apart` });
      continue;
    }
    if (m) {
      const existing = index.contacts[m.index]!;
      const { contact, changed } = fillGaps(existing, r, opts.tags);
      if (changed.length > 0) {
        index.set(m.index, contact);
        dirty = true;
      }
      outcomes.push({ ...base, name: existing.name, action: changed.length ? 'updated' : 'unchanged', contactId: contact.id, matchedBy: m.by, ...(changed.length ? { changed } : {}), ...warned });
      continue;
    }
    const { line: _line, problem: _problem, warnings: _warnings, name, tags, cadenceDays, ...fields } = r;
    // The file's own cadence for a person wins over --every, which covers the rest.
    const cadence = cadenceDays !== undefined ? cadenceDays : opts.cadenceDays;
    const c = newContact(name, env, { ...fields, tags: unique([...tags, ...opts.tags], tagKey), ...(cadence !== undefined ? { cadenceDays: cadence } : {}) });
    index.push(c);
    dirty = true;
    outcomes.push({ ...base, action: 'added', contactId: c.id, ...warned });
  }
  const counts: Record<ImportAction, number> = { added: 0, updated: 0, unchanged: 0, skipped: 0 };
  for (const o of outcomes) counts[o.action] += 1;
  return { journal: dirty ? { ...journal, contacts: index.contacts } : journal, outcomes, counts };
}
