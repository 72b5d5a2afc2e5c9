import { describe, expect, it } from 'vitest';
import {
  addContact,
  editContact,
  footprint,
  mergeContacts,
  nearNames,
  phoneKey,
  removeContact,
  sameName,
  setArchived,
  type ContactPatch,
} from '../../src/core/contacts.js';
import type { EditEnv } from '../../src/core/edits.js';
import { UsageError } from '../../src/errors.js';
import { journal, meeting, person, promiseWithId } from '../helpers/journal.js';

const NOW = '2026-11-20T12:00:00.000Z';

function env(): EditEnv {
  let n = 0;
  return { newId: () => `new${++n}`, now: '2026-11-20T10:00:00.000Z' };
}

function base() {
  return journal({
    contacts: [
      person('Dana Lee', { id: 'dana', company: 'Acme', emails: ['dana@acme.com'], tags: ['client'], aliases: ['Dee'] }),
      person('Sam Ortiz', { id: 'sam', phones: ['+1 555-0100'] }),
      person('Priya Natarajan', { id: 'priya' }),
    ],
    interactions: [
      meeting('i1', '2026-11-01', ['dana']),
      meeting('i2', '2026-11-02', ['dana', 'sam']),
      meeting('i3', '2026-11-03', ['sam', 'priya']),
      meeting('i4', '2026-11-04', ['sam']),
    ],
    promises: [promiseWithId('p1', 'sam', '2026-11-10'), promiseWithId('p2', 'dana', '2026-11-10', '2026-11-09')],
  });
}

describe('addContact', () => {
  it('adds a person with cleaned values, deduplicated lists and no empty fields', () => {
    const r = addContact(
      base(),
      {
        name: '  Rita   Moreno ',
        company: ' Moreno Studio ',
        role: '',
        tags: ['Designer', 'designer', 'friend'],
        emails: ['rita@moreno.io', 'RITA@moreno.io'],
        phones: ['+1 555 0199'],
        aliases: ['Rita M', 'rita moreno'],
        cadenceDays: 30,
      },
      env(),
    );
    expect(r.contact).toEqual({
      id: 'new1',
      name: 'Rita Moreno',
      aliases: ['Rita M'],
      emails: ['rita@moreno.io'],
      phones: ['+1 555 0199'],
      company: 'Moreno Studio',
      tags: ['designer', 'friend'],
      cadenceDays: 30,
      createdAt: '2026-11-20T10:00:00.000Z',
      archived: false,
    });
    expect(r.journal.contacts).toHaveLength(4);
  });

  it.each([
    ['dana lee', /"Dana Lee" is already in your journal/],
    ['DEE', /alias of Dana Lee/],
    ['', /needs a name/],
  ])('refuses %j', (name, message) => {
    expect(() => addContact(base(), { name }, env())).toThrow(message);
  });

  it.each([
    [{ emails: ['not-an-email'] }, /does not look like an email/],
    [{ phones: ['x'] }, /does not look like a phone/],
    // the same check as import's: three digits in words are not a number
    [{ phones: ['call me at 555'] }, /does not look like a phone/],
    [{ tags: ['two words'] }, /a tag is one word/],
    [{ aliases: ['Dee'] }, /already an alias of Dana Lee/],
  ])('refuses bad values %j', (extra, message) => {
    expect(() => addContact(base(), { name: 'Rita Moreno', ...extra }, env())).toThrow(message);
  });

  it('finds likely duplicates: same first name, small typos', () => {
    const contacts = base().contacts;
    expect(nearNames(contacts, 'Dana').map((c) => c.id)).toEqual(['dana']);
    expect(nearNames(contacts, 'Sam Ortis').map((c) => c.id)).toEqual(['sam']);
    expect(nearNames(contacts, 'Rita Moreno')).toEqual([]);
    expect(sameName(contacts, 'dée').map((c) => c.id)).toEqual(['dana']);
  });
});

describe('editContact', () => {
  const cases: [string, ContactPatch, Record<string, unknown>, string[]][] = [
    ['sets text fields', { role: 'CTO', company: 'Acme Corp' }, { role: 'CTO', company: 'Acme Corp' }, ['company', 'role']],
    ['clears a text field with null', { company: null }, { company: undefined }, ['company cleared']],
    ['adds to lists', { add: { tags: ['Investor'], emails: ['dana@home.org'] } }, { tags: ['client', 'investor'], emails: ['dana@acme.com', 'dana@home.org'] }, ['email dana@home.org added', 'tag investor added']],
    ['removes from lists, ignoring case', { remove: { tags: ['CLIENT'], emails: ['Dana@Acme.com'], aliases: ['dee'] } }, { tags: [], emails: [], aliases: [] }, ['alias Dee removed', 'email dana@acme.com removed', 'tag client removed']],
    ['sets a cadence, and never', { cadenceDays: null }, { cadenceDays: null }, ['cadence never']],
    ['renames', { rename: 'Dana Lee-Park' }, { name: 'Dana Lee-Park' }, ['renamed from Dana Lee']],
    ['renames to an alias, which stops being one', { rename: 'Dee' }, { name: 'Dee', aliases: [] }, ['renamed from Dana Lee']],
  ];
  it.each(cases)('%s', (_, patch, fields, changes) => {
    const r = editContact(base(), 'dana', patch, NOW);
    for (const [k, v] of Object.entries(fields)) expect(r.contact[k as keyof typeof r.contact]).toEqual(v);
    expect([...r.changes].sort()).toEqual([...changes].sort());
    expect(r.journal.contacts.find((c) => c.id === 'dana')).toEqual(r.contact);
  });

  it("'inherit' removes the contact's own cadence", () => {
    const j = editContact(base(), 'dana', { cadenceDays: 7 }, NOW).journal;
    const r = editContact(j, 'dana', { cadenceDays: 'inherit' }, NOW);
    expect(r.contact).not.toHaveProperty('cadenceDays');
    expect(r.changes).toEqual(['cadence inherited']);
  });

  it('returns the same journal when nothing changes', () => {
    const j = base();
    const r = editContact(j, 'dana', { company: 'Acme', add: { tags: ['client'] } }, NOW);
    expect(r.changes).toEqual([]);
    expect(r.journal).toBe(j);
  });

  it.each([
    [{ remove: { tags: ['investor'] } }, /Dana Lee has no tag "investor" \(tags: client\)/],
    [{ remove: { phones: ['123'] } }, /has no phone "123" \(no phones\)/],
    [{ rename: 'Sam Ortiz' }, /already the name of another contact/],
    [{ rename: '  ' }, /needs a name/],
    [{ add: { aliases: ['sam ortiz'] } }, /already the name of another contact/],
  ] as [ContactPatch, RegExp][])('refuses %j', (patch, message) => {
    expect(() => editContact(base(), 'dana', patch, NOW)).toThrow(message);
  });

  it('compares phones by their digits', () => {
    expect(phoneKey('+1 (555) 010-0')).toBe('+15550100');
    expect(editContact(base(), 'sam', { remove: { phones: ['+15550100'] } }, NOW).contact.phones).toEqual([]);
  });
});

describe('mergeContacts', () => {
  it('folds OTHER into KEEP: interactions once, promises, aliases, lists, missing fields', () => {
    const j = base();
    j.contacts[1] = { ...j.contacts[1]!, company: 'Ortiz Print', role: 'Owner', emails: ['sam@ortiz.io', 'DANA@acme.com'], tags: ['client', 'printer'], notes: 'met at the fair', createdAt: '2025-06-01T00:00:00.000Z' };
    const r = mergeContacts(j, 'dana', 'sam', NOW);
    expect(r.contact).toMatchObject({
      id: 'dana',
      name: 'Dana Lee',
      aliases: ['Dee', 'Sam Ortiz'],
      emails: ['dana@acme.com', 'sam@ortiz.io'],
      phones: ['+1 555-0100'],
      company: 'Acme',
      role: 'Owner',
      tags: ['client', 'printer'],
      notes: 'met at the fair',
      createdAt: '2025-06-01T00:00:00.000Z',
    });
    expect(r.kept).toEqual([{ field: 'company', kept: 'Acme', dropped: 'Ortiz Print' }]);
    expect(r.journal.contacts.map((c) => c.id)).toEqual(['dana', 'priya']);
    expect(r.journal.interactions.map((i) => i.contactIds)).toEqual([['dana'], ['dana'], ['dana', 'priya'], ['dana']]);
    expect(r.journal.promises.map((p) => p.contactId)).toEqual(['dana', 'dana']);
    expect({ interactions: r.interactions, shared: r.shared, promises: r.promises }).toEqual({ interactions: 3, shared: 1, promises: 1 });
  });

  it('joins notes when both have some', () => {
    const j = base();
    j.contacts[0]!.notes = 'A';
    j.contacts[1]!.notes = 'B';
    expect(mergeContacts(j, 'dana', 'sam', NOW).contact.notes).toBe('A\n\nB');
  });

  it('refuses to merge a contact with itself', () => {
    expect(() => mergeContacts(base(), 'dana', 'dana', NOW)).toThrow(UsageError);
  });
});

describe('archive and remove', () => {
  it('archives and brings back; a repeat is no change', () => {
    const a = setArchived(base(), 'sam', true, NOW);
    expect(a.changed).toBe(true);
    expect(a.contact.archived).toBe(true);
    const again = setArchived(a.journal, 'sam', true, NOW);
    expect(again.changed).toBe(false);
    expect(again.journal).toBe(a.journal);
    expect(setArchived(a.journal, 'sam', false, NOW).contact.archived).toBe(false);
  });

  it('remove deletes one-to-one interactions and promises, keeps group ones without them', () => {
    const j = base();
    expect(footprint(j, 'sam')).toEqual({ alone: 1, shared: 2, promises: 1 });
    const r = removeContact(j, 'sam', NOW);
    expect(r.removed).toEqual({ alone: 1, shared: 2, promises: 1 });
    expect(r.journal.contacts.map((c) => c.id)).toEqual(['dana', 'priya']);
    expect(r.journal.interactions.map((i) => [i.id, i.contactIds])).toEqual([
      ['i1', ['dana']],
      ['i2', ['dana']],
      ['i3', ['priya']],
    ]);
    expect(r.journal.promises.map((p) => p.id)).toEqual(['p2']);
  });
});
