import { describe, expect, it } from 'vitest';
import { importContacts, type ImportRecord } from '../../src/core/import.js';
import { phoneKey } from '../../src/core/contacts.js';
import type { Contact, Journal } from '../../src/core/schema.js';
import { emptyJournal } from '../../src/core/journal.js';
import type { EditEnv } from '../../src/core/edits.js';

let n = 0;
const env: EditEnv = { newId: () => `id${++n}`, now: '2026-11-20T10:00:00.000Z' };
const rec = (r: Partial<ImportRecord>): ImportRecord => ({ line: 1, name: '', aliases: [], emails: [], phones: [], tags: [], ...r });
const contact = (c: Partial<Contact>): Contact => ({ id: 'c1', name: 'X', aliases: [], emails: [], phones: [], tags: [], createdAt: '2026-01-01T00:00:00.000Z', archived: false, ...c });
const journal = (...contacts: Contact[]): Journal => ({ ...emptyJournal(), contacts });

describe('importContacts', () => {
  it('adds new people with everything the record has, and the --tag tags', () => {
    const r = importContacts(emptyJournal(), [rec({ name: ' Dana   Lee ', emails: ['Dana@x.example', 'not-an-email'], phones: ['+1 555', '+1-555'], company: 'Studio', tags: ['a', 'A'] })], { tags: ['imported'] }, env);
    expect(r.counts).toEqual({ added: 1, updated: 0, unchanged: 0, skipped: 0 });
    expect(r.journal.contacts[0]).toMatchObject({ name: 'Dana Lee', emails: ['Dana@x.example'], phones: ['+1 555'], company: 'Studio', tags: ['a', 'imported'], createdAt: env.now });
  });

  it('matches by email first, whatever the name says, and fills gaps without overwriting', () => {
    const j = journal(contact({ id: 'c1', name: 'Dana L.', emails: ['dana@x.example'], company: 'Mine', notes: 'my note' }));
    const r = importContacts(j, [rec({ name: 'Dana Lee', emails: ['DANA@x.example', 'd2@x.example'], company: 'Theirs', role: 'Founder', notes: 'their note' })], { tags: [] }, env);
    expect(r.outcomes[0]).toMatchObject({ action: 'updated', matchedBy: 'email', contactId: 'c1', changed: ['emails', 'role'] });
    expect(r.journal.contacts[0]).toMatchObject({ name: 'Dana L.', emails: ['dana@x.example', 'd2@x.example'], company: 'Mine', role: 'Founder', notes: 'my note' });
  });

  it('matches by exact name or alias (case and accents aside) when no email matches', () => {
    const j = journal(contact({ id: 'c1', name: 'Zoë Kowalski' }), contact({ id: 'c2', name: 'Samuel Ortiz', aliases: ['Sam Ortiz'] }));
    const r = importContacts(j, [rec({ name: 'zoe kowalski', phones: ['5550100'] }), rec({ name: 'Sam Ortiz' })], { tags: [] }, env);
    expect(r.outcomes.map((o) => [o.action, o.matchedBy, o.contactId])).toEqual([['updated', 'name', 'c1'], ['unchanged', 'name', 'c2']]);
  });

  it('skips records without a name, with a parser problem, or with an ambiguous name', () => {
    const j = journal(contact({ id: 'c1', name: 'Alex Kim' }), contact({ id: 'c2', name: 'Alex Kim' }));
    const r = importContacts(j, [rec({ line: 3 }), rec({ line: 4, problem: 'unreadable CSV row' }), rec({ line: 5, name: 'Alex Kim' })], { tags: [] }, env);
    expect(r.outcomes.map((o) => [o.line, o.action, o.reason])).toEqual([
      [3, 'skipped', 'no name, email or phone'],
      [4, 'skipped', 'unreadable CSV row'],
      [5, 'skipped', expect.stringMatching(/several contacts are named "Alex Kim"/)],
    ]);
    expect(r.journal).toBe(j);
  });

  it('is idempotent: importing the same records again changes nothing and returns the same journal', () => {
    const records = [rec({ name: 'Dana Lee', emails: ['d@x.example'], tags: ['x'] }), rec({ name: 'Sam', phones: ['555'] }), rec({ name: 'Dana Lee', phones: ['777'] })];
    const first = importContacts(emptyJournal(), records, { tags: ['t'] }, env);
    expect(first.counts).toEqual({ added: 2, updated: 1, unchanged: 0, skipped: 0 });
    const second = importContacts(first.journal, records, { tags: ['t'] }, env);
    expect(second.counts).toEqual({ added: 0, updated: 0, unchanged: 3, skipped: 0 });
    expect(second.journal).toBe(first.journal);
  });

  it('drops an email that contact add would refuse, with a warning, and imports the rest', () => {
    const r = importContacts(emptyJournal(), [rec({ line: 3, name: 'Bob', emails: ['bob at x', 'bob@x.example', 'bob@intranet'], phones: ['555', 'call me'] })], { tags: [] }, env);
    expect(r.outcomes[0]).toMatchObject({
      action: 'added',
      warnings: ['left out "bob at x": does not look like an email address', 'left out "call me": does not look like a phone number'],
    });
    // A dotless domain (bob@intranet) is a real address on some networks: kept.
    expect(r.journal.contacts[0]).toMatchObject({ name: 'Bob', emails: ['bob@x.example', 'bob@intranet'], phones: ['555'] });
  });

  it.each([
    // [record's cadence, --every, cadence of the added contact]
    [42, undefined, 42],
    [null, undefined, null],
    [undefined, 7, 7],
    [42, 7, 42],
    [null, 7, null],
    [undefined, undefined, undefined],
  ] as const)('adds a contact with the record cadence %s (--every %s) → %s', (cadenceDays, every, want) => {
    const r = importContacts(emptyJournal(), [rec({ name: 'Ann', ...(cadenceDays !== undefined ? { cadenceDays } : {}) })], { tags: [], ...(every !== undefined ? { cadenceDays: every } : {}) }, env);
    expect(r.journal.contacts[0]!.cadenceDays).toBe(want);
    expect(Object.hasOwn(r.journal.contacts[0]!, 'cadenceDays')).toBe(want !== undefined);
  });

  it.each([
    // [existing contact's cadence, record's cadence, after, action]
    [undefined, 42, 42, 'updated'],
    [undefined, null, null, 'updated'],
    [30, 42, 30, 'unchanged'],
    [null, 42, null, 'unchanged'],
    [30, null, 30, 'unchanged'],
    [undefined, undefined, undefined, 'unchanged'],
  ] as const)('an existing contact with cadence %s and a record with %s keeps its own: %s (%s)', (mine, theirs, after, action) => {
    const j = journal(contact({ id: 'c1', name: 'Ann', ...(mine !== undefined ? { cadenceDays: mine } : {}) }));
    const r = importContacts(j, [rec({ name: 'Ann', ...(theirs !== undefined ? { cadenceDays: theirs } : {}) })], { tags: [], cadenceDays: 7 }, env);
    expect(r.journal.contacts[0]!.cadenceDays).toBe(after);
    expect(r.outcomes[0]).toMatchObject({ action, ...(action === 'updated' ? { changed: ['cadence'] } : {}) });
  });

  it('archives contacts it adds when the record says so, but never an existing one', () => {
    const j = journal(contact({ id: 'c1', name: 'Ann' }));
    const r = importContacts(j, [rec({ name: 'Ann', archived: true }), rec({ name: 'Bo', archived: true }), rec({ name: 'Cy' })], { tags: [] }, env);
    expect(r.journal.contacts.map((c) => [c.name, c.archived])).toEqual([['Ann', false], ['Bo', true], ['Cy', false]]);
    expect(r.outcomes[0]!.action).toBe('unchanged');
  });

  it.each([
    ['+1 (555) 010-2000', '+15550102000'],
    ['555 0102', '5550102'],
    [' +44-20 ', '+4420'],
  ])('phoneKey(%s) = %s', (phone, key) => {
    expect(phoneKey(phone)).toBe(key);
  });
});

describe('nobody with a way to reach them is lost', () => {
  it('names a record with no name after its email local part, or its phone, and counts them', () => {
    const r = importContacts(emptyJournal(), [rec({ line: 2, emails: ['omega@example.com'] }), rec({ line: 3, phones: ['+1 555 0100'] }), rec({ line: 4 })], { tags: [] }, env);
    expect(r.outcomes.map((o) => [o.line, o.action, o.name, o.namedAfter ?? o.reason])).toEqual([
      [2, 'added', 'omega', 'email'],
      [3, 'added', '+1 555 0100', 'phone'],
      [4, 'skipped', '', 'no name, email or phone'],
    ]);
    expect(r.named).toEqual({ email: 1, phone: 1 });
    expect(r.journal.contacts.map((c) => [c.name, c.emails, c.phones])).toEqual([['omega', ['omega@example.com'], []], ['+1 555 0100', [], ['+1 555 0100']]]);
  });

  it('takes the address (and a missing name) out of "Name" <address>', () => {
    const r = importContacts(emptyJournal(), [rec({ emails: ['"Omega Ray" <omega@example.com>'] }), rec({ name: 'Dana Lee', emails: ['Dana <mailto:dana@example.com>', '<d2@example.com>'] })], { tags: [] }, env);
    expect(r.journal.contacts.map((c) => [c.name, c.emails])).toEqual([['Omega Ray', ['omega@example.com']], ['Dana Lee', ['dana@example.com', 'd2@example.com']]]);
    expect(r.named).toEqual({ email: 0, phone: 0 });
  });

  it('uses the whole address when a contact already goes by the local part, and never matches a nameless record by its made-up name', () => {
    const j = journal(contact({ id: 'c1', name: 'info', emails: ['info@a.example'] }));
    const r = importContacts(j, [rec({ emails: ['info@b.example'] }), rec({ emails: ['info@c.example'] })], { tags: [] }, env);
    expect(r.outcomes.map((o) => [o.action, o.name])).toEqual([['added', 'info@b.example'], ['added', 'info@c.example']]);
  });

  it('a second import of nameless records matches them by email or phone and adds nobody', () => {
    const records = [rec({ emails: ['omega@example.com'] }), rec({ phones: ['+1 555 0100'] })];
    const first = importContacts(emptyJournal(), records, { tags: [] }, env);
    const second = importContacts(first.journal, records, { tags: [] }, env);
    expect(second.outcomes.map((o) => [o.action, o.matchedBy])).toEqual([['unchanged', 'email'], ['unchanged', 'phone']]);
    expect(second.journal).toBe(first.journal);
  });

  it('fills key dates the contact has none for under that label, and dates the change', () => {
    const j = journal(contact({ id: 'c1', name: 'Dana Lee', dates: [{ label: 'birthday', date: '1990-01-02' }] }));
    const r = importContacts(j, [rec({ name: 'Dana Lee', dates: [{ label: 'birthday', date: '1991-05-05' }, { label: 'anniversary', date: '--06-01' }] })], { tags: [] }, env);
    expect(r.outcomes[0]).toMatchObject({ action: 'updated', changed: ['dates'] });
    expect(r.journal.contacts[0]).toMatchObject({ dates: [{ label: 'birthday', date: '1990-01-02' }, { label: 'anniversary', date: '--06-01' }], updatedAt: env.now });
  });
});

describe('name look-alikes', () => {
  it.each([
    ['Dana\u200bLee', 'zero-width space'],
    ['Dana Lee\u200d', 'zero-width joiner'],
    ['Da\u2060na Lee', 'word joiner'],
    ['\ufeffDana Lee', 'BOM'],
    ['Dana Le\u00ade', 'soft hyphen'],
    ['Dana Lee\u{e0041}\u{e0042}', 'tag characters'],
    ['Da\u200bna Lee', 'zero-width space inside a word'],
  ])('an imported "%s" (%s) is Dana Lee, not a second person', (name) => {
    const j = journal(contact({ id: 'c1', name: 'Dana Lee' }));
    const r = importContacts(j, [rec({ name, phones: ['+1 555 0100'] })], { tags: [] }, env);
    expect(r.outcomes[0]).toMatchObject({ action: 'updated', matchedBy: 'name', contactId: 'c1' });
    expect(r.journal.contacts).toHaveLength(1);
  });

  it('a new contact with invisible characters in the name is added, with a warning', () => {
    const r = importContacts(emptyJournal(), [rec({ name: 'Sam\u200bOrtiz', emails: ['sam@example.com'] })], { tags: [] }, env);
    expect(r.outcomes[0]).toMatchObject({ action: 'added', warnings: [expect.stringMatching(/invisible characters/)] });
  });
});
