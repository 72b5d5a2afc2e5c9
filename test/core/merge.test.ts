import { describe, expect, it } from 'vitest';
import { bestBase, merge } from '../../src/core/merge.js';
import type { Contact, Journal } from '../../src/core/schema.js';
import { journalProblems } from '../../src/core/check.js';
import { checkJournal } from '../../src/store/validate.js';
import { contact, journal, meeting, promiseWithId } from '../helpers/journal.js';

// SPEC §6.4's merge rules, one case each.

const T0 = '2026-01-01T12:00:00.000Z';
const T1 = '2026-11-01T12:00:00.000Z';
const T2 = '2026-11-02T12:00:00.000Z';

function base(): Journal {
  return journal({
    contacts: [
      contact('dana', 'Dana Lee', { company: 'Acme', tags: ['client'], emails: ['dana@acme.com'] }),
      contact('sam', 'Sam Ortiz', { notes: 'met at the meetup' }),
    ],
    interactions: [meeting('i1', '2026-10-01', ['dana']), meeting('i2', '2026-10-02', ['dana', 'sam'])],
    promises: [promiseWithId('p1', 'dana', '2026-10-10', null)],
  });
}

const edit = (j: Journal, id: string, patch: Partial<Contact>): Journal => ({ ...j, contacts: j.contacts.map((c) => (c.id === id ? { ...c, ...patch } : c)) });
const find = (j: Journal, id: string) => j.contacts.find((c) => c.id === id);

function valid(j: Journal): void {
  checkJournal(j, 'merged');
  expect(journalProblems(j)).toEqual([]);
}

describe('merge: records', () => {
  it('keeps what either side added', () => {
    const b = base();
    const o = { ...b, interactions: [...b.interactions, meeting('o1', '2026-11-01', ['dana'])] };
    const t = { ...b, contacts: [...b.contacts, contact('lin', 'Lin Park', { createdAt: T1 })], interactions: [...b.interactions, meeting('t1', '2026-11-02', ['lin'])] };
    const { journal: m, report } = merge(b, o, t);
    expect(m.interactions.map((i) => i.id)).toEqual(['i1', 'i2', 'o1', 't1']);
    expect(find(m, 'lin')?.name).toBe('Lin Park');
    expect(report.ours.interactions.added).toBe(1);
    expect(report.theirs.contacts.added).toBe(1);
    valid(m);
  });

  it('takes the one side that changed a record', () => {
    const b = base();
    const o = edit(b, 'dana', { company: 'Globex', updatedAt: T1 });
    const t = edit(b, 'sam', { role: 'CTO', updatedAt: T1 });
    const m = merge(b, o, t).journal;
    expect(find(m, 'dana')?.company).toBe('Globex');
    expect(find(m, 'sam')?.role).toBe('CTO');
  });

  it('merges different fields of one record changed on both sides', () => {
    const b = base();
    const o = edit(b, 'dana', { company: 'Globex', updatedAt: T1 });
    const t = edit(b, 'dana', { role: 'CTO', updatedAt: T2 });
    const { journal: m, report } = merge(b, o, t);
    expect(find(m, 'dana')).toMatchObject({ company: 'Globex', role: 'CTO', updatedAt: T2 });
    expect(report.settled).toEqual([]);
  });

  it('list fields take both sides additions and removals', () => {
    const b = base();
    const o = edit(b, 'dana', { tags: ['investor'], updatedAt: T1 }); // removed client, added investor
    const t = edit(b, 'dana', { tags: ['client', 'friend'], emails: ['dana@acme.com', 'd@home.org'], updatedAt: T2 });
    const m = merge(b, o, t).journal;
    expect([...find(m, 'dana')!.tags].sort()).toEqual(['friend', 'investor']);
    expect(find(m, 'dana')!.emails).toEqual(['dana@acme.com', 'd@home.org']);
  });

  it('a scalar changed two ways: the later updatedAt wins and the other is reported', () => {
    const b = base();
    const o = edit(b, 'dana', { company: 'Globex', updatedAt: T2 });
    const t = edit(b, 'dana', { company: 'Initech', updatedAt: T1 });
    const { journal: m, report } = merge(b, o, t);
    expect(find(m, 'dana')!.company).toBe('Globex');
    expect(report.settled).toEqual([expect.objectContaining({ id: 'dana', field: 'company', kept: 'Globex', other: 'Initech', from: 'ours', how: 'dropped' })]);
  });

  it('a missing updatedAt counts as createdAt', () => {
    const b = base();
    const o = edit(b, 'dana', { company: 'Globex' }); // no updatedAt: createdAt (January)
    const t = edit(b, 'dana', { company: 'Initech', updatedAt: T1 });
    expect(find(merge(b, o, t).journal, 'dana')!.company).toBe('Initech');
  });

  it('a losing name becomes an alias', () => {
    const b = base();
    const o = edit(b, 'dana', { name: 'Dana Lee-Park', updatedAt: T1 });
    const t = edit(b, 'dana', { name: 'Dana L. Lee', updatedAt: T2 });
    const { journal: m, report } = merge(b, o, t);
    expect(find(m, 'dana')).toMatchObject({ name: 'Dana L. Lee', aliases: ['Dana Lee-Park'] });
    expect(report.settled[0]).toMatchObject({ field: 'name', how: 'alias' });
  });

  it('a losing note is appended', () => {
    const b = base();
    const o = edit(b, 'sam', { notes: 'likes climbing', updatedAt: T1 });
    const t = edit(b, 'sam', { notes: 'moved to Lisbon', updatedAt: T2 });
    const { journal: m, report } = merge(b, o, t);
    expect(find(m, 'sam')!.notes).toBe('moved to Lisbon\n\nlikes climbing');
    expect(report.settled[0]).toMatchObject({ field: 'notes', how: 'appended' });
  });

  it('deleted on one side and untouched on the other: deleted', () => {
    const b = base();
    const o = { ...b, interactions: b.interactions.filter((i) => i.id !== 'i1') };
    const t = edit(b, 'sam', { role: 'CTO', updatedAt: T1 });
    expect(merge(b, o, t).journal.interactions.map((i) => i.id)).toEqual(['i2']);
  });

  it('deleted on one side and edited on the other: kept, and reported', () => {
    const b = base();
    const o = { ...b, promises: [] };
    const t = { ...b, promises: b.promises.map((p) => ({ ...p, doneOn: '2026-10-09', updatedAt: T1 })) };
    const { journal: m, report } = merge(b, o, t);
    expect(m.promises).toEqual(t.promises);
    expect(report.keptEdited).toEqual([{ collection: 'promises', id: 'p1', label: 'promise p1', deletedBy: 'ours' }]);
  });

  it('brings back a person one side removed when the other logged a new interaction with them', () => {
    const b = base();
    const o = { ...b, contacts: b.contacts.filter((c) => c.id !== 'sam'), interactions: b.interactions.map((i) => (i.id === 'i2' ? { ...i, contactIds: ['dana'] } : i)) };
    const t = { ...b, interactions: [...b.interactions, meeting('t1', '2026-11-02', ['sam'])] };
    const { journal: m, report } = merge(b, o, t);
    expect(find(m, 'sam')).toBeDefined();
    expect(report.revived).toEqual([expect.objectContaining({ collection: 'contacts', id: 'sam', deletedBy: 'ours' })]);
    valid(m);
  });

  it('folds the same person created on both sides, as contact merge does', () => {
    const b = base();
    const o = {
      ...b,
      contacts: [...b.contacts, contact('oa', 'Lin Park', { createdAt: T1, emails: ['lin@x.io'] })],
      interactions: [...b.interactions, meeting('o1', '2026-11-01', ['oa'])],
      promises: [...b.promises, promiseWithId('op', 'oa', '2026-11-20')],
    };
    const t = {
      ...b,
      contacts: [...b.contacts, contact('tb', 'lin  park', { createdAt: T2, tags: ['design'] }), contact('tc', 'Ray Ng', { createdAt: T2, introducedBy: 'tb' })],
      interactions: [
        ...b.interactions,
        meeting('t1', '2026-11-02', ['tb', 'dana'], { gave: [{ type: 'intro', for: 'tb' }] }),
        meeting('t2', '2026-11-03', ['dana'], { gave: [{ type: 'intro', link: 'tb' }] }),
      ],
    };
    const { journal: m, report } = merge(b, o, t);
    const lins = m.contacts.filter((c) => /lin/i.test(c.name));
    expect(lins).toHaveLength(1);
    expect(lins[0]).toMatchObject({ id: 'oa', name: 'Lin Park', emails: ['lin@x.io'], tags: ['design'] });
    expect(m.interactions.find((i) => i.id === 't1')).toMatchObject({ contactIds: ['oa', 'dana'], gave: [{ type: 'intro', for: 'oa' }] });
    expect(m.promises.find((p) => p.id === 'op')!.contactId).toBe('oa');
    // every other reference to the folded one follows it: a link, who introduced whom
    expect(m.interactions.find((i) => i.id === 't2')!.gave).toEqual([{ type: 'intro', link: 'oa' }]);
    expect(m.contacts.find((c) => c.id === 'tc')!.introducedBy).toBe('oa');
    expect(report.folded).toEqual([{ collection: 'contacts', keptId: 'oa', otherId: 'tb', name: 'Lin Park' }]);
    valid(m);
  });

  it('folds the same event (name and date) created on both sides', () => {
    const b = base();
    const o = { ...b, events: [{ id: 'eo', name: 'Web Summit', date: '2026-11-05', createdAt: T1 }], interactions: [...b.interactions, meeting('o1', '2026-11-05', ['dana'], { eventId: 'eo' })] };
    const t = { ...b, events: [{ id: 'et', name: 'web summit', date: '2026-11-05', createdAt: T2, location: 'Lisbon' }], interactions: [...b.interactions, meeting('t1', '2026-11-05', ['sam'], { eventId: 'et' })] };
    const { journal: m } = merge(b, o, t);
    expect(m.events).toEqual([{ id: 'eo', name: 'Web Summit', date: '2026-11-05', createdAt: T1, location: 'Lisbon' }]);
    expect(m.interactions.filter((i) => i.eventId === 'eo').map((i) => i.id)).toEqual(['o1', 't1']);
    valid(m);
  });

  it('an event of the same name on another date is another occurrence, not folded', () => {
    const b = base();
    const o = { ...b, events: [{ id: 'eo', name: 'Meetup', date: '2026-11-05' }] };
    const t = { ...b, events: [{ id: 'et', name: 'Meetup', date: '2026-12-05' }] };
    expect(merge(b, o, t).journal.events.map((e) => e.id)).toEqual(['eo', 'et']);
  });

  it('a promise never falls due before the interaction it was made in, whichever side moved what', () => {
    const b = { ...base(), promises: [promiseWithId('p1', 'dana', '2026-10-10', null, 'send the deck')].map((p) => ({ ...p, interactionId: 'i1' })) };
    const o = { ...b, interactions: b.interactions.map((i) => (i.id === 'i1' ? { ...i, date: '2026-10-20', updatedAt: T1 } : i)) };
    const t = { ...b, promises: b.promises.map((p) => ({ ...p, due: '2026-10-05', updatedAt: T1 })) };
    const { journal: m, report } = merge(b, o, t);
    expect(m.promises[0]!.due).toBe('2026-10-20');
    expect(report.settled).toEqual([expect.objectContaining({ id: 'p1', field: 'due', kept: '2026-10-20', other: '2026-10-05' })]);
    valid(m);
  });

  it('settings merge key by key', () => {
    const b = { ...base(), settings: { defaultCadenceDays: 90, tagCadences: { client: 30 } } };
    const o = { ...b, settings: { defaultCadenceDays: 60, tagCadences: { client: 30, investor: 45 } } };
    const t = { ...b, settings: { defaultCadenceDays: 90, followUpDays: 3, tagCadences: { friend: 120 } } };
    expect(merge(b, o, t).journal.settings).toEqual({ defaultCadenceDays: 60, followUpDays: 3, tagCadences: { investor: 45, friend: 120 } });
  });

  it('with an empty base (two-way) the same record on both sides is merged, not doubled', () => {
    const b = base();
    const o = edit(b, 'dana', { tags: ['client', 'vip'], updatedAt: T1 });
    const t = edit(b, 'dana', { emails: ['dana@acme.com', 'dl@x.io'], updatedAt: T2 });
    const m = merge(journal({}), o, t).journal;
    expect(m.contacts).toHaveLength(2);
    expect(find(m, 'dana')).toMatchObject({ tags: ['client', 'vip'], emails: ['dana@acme.com', 'dl@x.io'] });
    valid(m);
  });

  it('a second item of the same kind added on one side is kept, not taken for the first', () => {
    const b = { ...base(), interactions: [meeting('i1', '2026-10-01', ['dana'], { gave: [{ type: 'intro' }] })] };
    const o = { ...b, interactions: [{ ...b.interactions[0]!, gave: [{ type: 'intro' as const }, { type: 'intro' as const }], updatedAt: T1 }] };
    const t = { ...b, interactions: [{ ...b.interactions[0]!, gave: [{ type: 'intro' as const }, { type: 'advice' as const }], updatedAt: T2 }] };
    expect(merge(b, o, t).journal.interactions[0]!.gave).toEqual([{ type: 'intro' }, { type: 'advice' }, { type: 'intro' }]);
  });

  it('a group interaction both sides edited keeps additions and removals of people', () => {
    const b = base();
    const o = { ...b, interactions: b.interactions.map((i) => (i.id === 'i2' ? { ...i, contactIds: ['dana'], note: 'lunch', updatedAt: T1 } : i)) };
    const t = { ...b, interactions: b.interactions.map((i) => (i.id === 'i2' ? { ...i, kind: 'meal' as const, updatedAt: T2 } : i)) };
    expect(merge(b, o, t).journal.interactions.find((i) => i.id === 'i2')).toMatchObject({ contactIds: ['dana'], note: 'lunch', kind: 'meal', updatedAt: T2 });
  });

  it('is deterministic, and createdAt stays the older', () => {
    const b = base();
    const o = edit(b, 'dana', { company: 'A', updatedAt: T1 });
    const t = edit(b, 'dana', { company: 'B', updatedAt: T1 });
    const one = merge(b, o, t).journal;
    expect(merge(b, o, t).journal).toEqual(one);
    expect(merge(b, t, o).journal).toEqual(one);
    expect(find(one, 'dana')!.createdAt).toBe(T0);
  });
});

describe('bestBase: the common ancestor among backups', () => {
  // Our device's history: v1 → v2 (the state both devices had) → v3 (ours, later); the copy came from v2.
  const v1 = journal({ contacts: [contact('dana', 'Dana Lee')] });
  const v2 = journal({ contacts: [contact('dana', 'Dana Lee'), contact('sam', 'Sam Ortiz'), contact('kim', 'Kim Wu')] });
  const ours = journal({ contacts: [...v2.contacts, contact('lin', 'Lin Park')] });
  const theirs = journal({ contacts: [{ ...v2.contacts[0]!, company: 'Acme', updatedAt: T1 }, v2.contacts[2]!, contact('bo', 'Bo Chen')] }); // removed Sam
  const v3 = ours;

  it('picks the state both sides share most unchanged records with, so a deletion on the copy stays deleted', () => {
    expect(bestBase([v1, v2, v3], ours, theirs)).toBe(v2);
    expect(merge(v2, ours, theirs).journal.contacts.map((c) => c.id).sort()).toEqual(['bo', 'dana', 'kim', 'lin']);
  });

  it('on a tie prefers the base that holds fewer records a side lacks (never drops an addition)', () => {
    const v2b = journal({ contacts: [...v2.contacts] });
    expect(bestBase([v3, v2b], ours, theirs)).toBe(v2b);
  });

  it('none shares anything: undefined (merge two-way)', () => {
    expect(bestBase([journal({ contacts: [contact('zed', 'Zed')] })], ours, theirs)).toBeUndefined();
    expect(bestBase([], ours, theirs)).toBeUndefined();
  });
});
