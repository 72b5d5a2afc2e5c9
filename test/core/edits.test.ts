import { describe, expect, it } from 'vitest';
import { addInteraction, editInteraction, logInteraction, eventFor, removeInteraction, type InteractionPatch } from '../../src/core/edits.js';
import { addPromise, dropPromise, editPromise, isOpen, markDone, promiseStats, theirPromiseStats } from '../../src/core/promises.js';
import { editContact, mergeContacts, removeContact, setArchived } from '../../src/core/contacts.js';
import { setSnooze } from '../../src/core/cadence-edits.js';
import { shortIds, findById } from '../../src/core/ids.js';
import { journalProblems } from '../../src/core/check.js';
import { UsageError } from '../../src/errors.js';
import { contact, event, journal, meeting, promiseWithId } from '../helpers/journal.js';

// The pure edits behind edit, rm, promise and event (SPEC §6.2), table by table.

const NOW = '2026-11-20T12:00:00.000Z';
const env = () => {
  let n = 0;
  return { newId: () => `new${n++}`, now: NOW };
};

const base = () =>
  journal({
    contacts: [contact('dana', 'Dana Lee'), contact('sam', 'Sam Ortiz'), contact('priya', 'Priya')],
    interactions: [
      meeting('i1', '2026-11-10', ['dana'], { kind: 'coffee', note: 'hiring', gave: [{ type: 'intro', note: 'to Sam' }] }),
      meeting('i2', '2026-11-12', ['dana', 'sam'], { eventId: 'e1' }),
    ],
    promises: [{ ...promiseWithId('p1', 'dana', '2026-11-14'), interactionId: 'i1' }, promiseWithId('p2', 'sam', '2026-11-30')],
    events: [event('e1', 'Chamber Breakfast', '2026-11-12')],
  });

describe('shortIds and findById', () => {
  it.each([
    [['abcdefgh'], { abcdefgh: 'abcd' }],
    [['abcd1111', 'abcd2222', 'xyz00001'], { abcd1111: 'abcd1', abcd2222: 'abcd2', xyz00001: 'xyz0' }],
    [['aaaaaaa1', 'aaaaaaa2'], { aaaaaaa1: 'aaaaaaa1', aaaaaaa2: 'aaaaaaa2' }],
    [['ab', 'abc'], { ab: 'ab', abc: 'abc' }], // shorter than four: the whole id
  ])('%j', (ids, expected) => {
    const m = shortIds(ids);
    expect(Object.fromEntries(m)).toEqual(expected);
    // every prefix finds its record back, and only it
    for (const [id, short] of m) expect(findById(ids.map((x) => ({ id: x })), short)).toEqual({ kind: 'one', record: { id } });
  });
});

describe('editInteraction', () => {
  it.each<[string, InteractionPatch, Record<string, unknown>, string[]]>([
    ['date', { date: '2026-11-09' }, { date: '2026-11-09' }, ['date']],
    ['kind and note', { kind: 'call', note: 'hiring a developer' }, { kind: 'call', note: 'hiring a developer' }, ['kind', 'note']],
    ['note cleared', { note: null }, { note: undefined }, ['note']],
    ['a list replaced', { gave: [{ type: 'advice' }] }, { gave: [{ type: 'advice' }] }, ['gave']],
    ['a list cleared', { gave: [] }, { gave: [] }, ['gave']],
    ['who was there', { participants: [{ id: 'sam' }, { id: 'priya' }] }, { contactIds: ['sam', 'priya'] }, ['with']],
    ['the same values change nothing', { kind: 'coffee', note: 'hiring', gave: [{ type: 'intro', note: 'to Sam' }] }, {}, []],
  ])('%s', (_label, patch, fields, changed) => {
    const j = base();
    const r = editInteraction(j, 'i1', patch, env());
    expect(r.changes.map((c) => c.field)).toEqual(changed);
    if (changed.length === 0) {
      expect(r.journal).toBe(j);
      return;
    }
    expect(r.interaction).toMatchObject({ ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)), updatedAt: NOW });
    for (const [k, v] of Object.entries(fields)) if (v === undefined) expect(k in r.interaction).toBe(false);
    expect(j.interactions[0]!.kind).toBe('coffee'); // the input is left alone
    expect(journalProblems(r.journal)).toEqual([]);
  });

  it('says old → new', () => {
    const r = editInteraction(base(), 'i1', { date: '2026-11-11', participants: [{ id: 'sam' }] }, env());
    expect(r.changes).toEqual([
      { field: 'date', old: '2026-11-10', new: '2026-11-11' },
      { field: 'with', old: 'Dana Lee', new: 'Sam Ortiz' },
    ]);
  });

  it('creates new people and events it is given', () => {
    const r = editInteraction(base(), 'i1', { participants: [{ id: 'dana' }, { newName: 'Rita Moreno' }], event: 'chamber  breakfast' }, env());
    expect(r.createdContacts.map((c) => c.name)).toEqual(['Rita Moreno']);
    // same series, another day: a new occurrence named as the series is
    expect(r.createdEvent).toMatchObject({ name: 'Chamber Breakfast', date: '2026-11-10' });
    expect(journalProblems(r.journal)).toEqual([]);
  });

  it.each<[string, InteractionPatch, RegExp]>([
    ['a date after a promise made in it is due', { date: '2026-11-15' }, /due 2026-11-14, before 2026-11-15/],
    ['nobody there', { participants: [] }, /at least one person/],
  ])('refuses %s', (_label, patch, message) => {
    expect(() => editInteraction(base(), 'i1', patch, env())).toThrow(message);
    expect(() => editInteraction(base(), 'i1', patch, env())).toThrow(UsageError);
  });
});

describe('editInteraction: items for someone taken out', () => {
  it('are for everyone there now; the other side of an intro stays', () => {
    const j = journal({
      contacts: [contact('dana', 'Dana'), contact('sam', 'Sam'), contact('zed', 'Zed')],
      interactions: [meeting('i1', '2026-11-10', ['dana'], { gave: [{ type: 'advice', for: 'dana' }, { type: 'intro', for: 'zed', link: 'dana' }] })],
    });
    const r = editInteraction(j, 'i1', { participants: [{ id: 'sam' }] }, env());
    expect(r.interaction.gave).toEqual([{ type: 'advice' }, { type: 'intro', for: 'zed', link: 'dana' }]);
  });
});

describe('removeInteraction', () => {
  it.each([
    ['i1', ['i2'], ['p2'], 1],
    ['i2', ['i1'], ['p1', 'p2'], 0],
  ])('%s takes its promises with it', (id, interactions, promises, removed) => {
    const r = removeInteraction(base(), id);
    expect(r.journal.interactions.map((i) => i.id)).toEqual(interactions);
    expect(r.journal.promises.map((p) => p.id)).toEqual(promises);
    expect(r.promises).toHaveLength(removed);
    expect(journalProblems(r.journal)).toEqual([]);
  });
});

describe('promise edits', () => {
  it('add: yours by default, theirs with owner them', () => {
    const mine = addPromise(base(), { contactId: 'sam', text: 'send notes', due: '2026-11-21' }, env());
    expect(mine.promise).toEqual({ id: 'new0', contactId: 'sam', text: 'send notes', due: '2026-11-21', createdAt: NOW, doneOn: null });
    const theirs = addPromise(base(), { contactId: 'sam', text: 'printer contact', due: '2026-11-21', owner: 'them' }, env());
    expect(theirs.promise.owner).toBe('them');
  });

  it.each([
    [{ text: 'send the deck' }, ['text']],
    [{ due: '2026-12-01' }, ['due']],
    [{ text: 'promise p1', due: '2026-11-14' }, []],
  ] as const)('edit %j changes %j', (patch, fields) => {
    const r = editPromise(base(), 'p1', patch, NOW);
    expect(r.changes.map((c) => c.field)).toEqual(fields);
    if (fields.length) expect(r.promise.updatedAt).toBe(NOW);
  });

  it.each([
    // [promise, on, changed, open after]
    [promiseWithId('a', 'dana', '2026-11-14'), true],
    [promiseWithId('a', 'dana', '2026-11-14', '2026-11-13'), false], // kept: stays kept
    [{ ...promiseWithId('a', 'dana', '2026-11-14'), droppedOn: '2026-11-15' }, false], // already dropped
  ] as const)('drop %#', (p, changed) => {
    const j = journal({ contacts: [contact('dana', 'Dana')], promises: [p] });
    const r = dropPromise(j, 'a', '2026-11-20', NOW);
    expect(r.changed).toBe(changed);
    if (changed) expect(r.promise).toMatchObject({ droppedOn: '2026-11-20', doneOn: null, updatedAt: NOW });
  });

  it('a dropped promise is not open, neither kept nor broken, and counts nowhere', () => {
    const dropped = { ...promiseWithId('a', 'dana', '2026-11-14'), droppedOn: '2026-11-15' };
    expect(isOpen(dropped)).toBe(false);
    expect(isOpen(dropped, '2026-11-14')).toBe(true); // as things stood before the drop
    expect(promiseStats([dropped], '2026-11-20')).toEqual({ made: 0, kept: 0, keptOnTime: 0, open: 0, overdue: 0 });
  });

  it('theirs count apart', () => {
    const ps = [{ ...promiseWithId('t1', 'dana', '2026-11-14'), owner: 'them' as const }, { ...promiseWithId('t2', 'dana', '2026-11-14', '2026-11-15'), owner: 'them' as const }];
    expect(theirPromiseStats(ps, '2026-11-20')).toEqual({ made: 2, kept: 1, open: 1, overdue: 1 });
  });

  it('done on a dropped promise keeps it after all', () => {
    const j = journal({ contacts: [contact('dana', 'Dana')], promises: [{ ...promiseWithId('a', 'dana', '2026-11-14'), droppedOn: '2026-11-15' }] });
    const r = markDone(j, 'a', '2026-11-16', NOW);
    expect(r.promise.doneOn).toBe('2026-11-16');
    expect('droppedOn' in r.promise).toBe(false);
  });
});

describe('eventFor: a series is one name, whatever the case or spacing', () => {
  it.each([
    ['Chamber Breakfast', '2026-11-12', { created: false, folded: false, id: 'e1' }],
    ['chamber   breakfast ', '2026-11-12', { created: false, folded: true, id: 'e1' }],
    ['CHAMBER BREAKFAST', '2026-11-19', { created: true, folded: true, name: 'Chamber Breakfast' }],
    ['Demo Night', '2026-11-19', { created: true, folded: false, name: 'Demo Night' }],
  ])('%j on %s', (name, date, expected) => {
    const r = eventFor(base(), name, date, env());
    expect(r.created).toBe(expected.created);
    expect(r.folded).toBe(expected.folded);
    if ('id' in expected) expect(r.event.id).toBe(expected.id);
    else expect(r.event).toMatchObject({ name: expected.name, date });
  });

  it('add makes a new occurrence on another date', () => {
    const r = addInteraction(base(), { participants: [{ id: 'sam' }], date: '2026-11-19', kind: 'event', gave: [], asked: [], received: [], promises: [], event: { name: 'chamber breakfast ' } }, env());
    expect(r.journal.events.map((e) => [e.name, e.date])).toEqual([
      ['Chamber Breakfast', '2026-11-12'],
      ['Chamber Breakfast', '2026-11-19'],
    ]);
    expect(r.foldedEvent).toBe(true);
  });
});

describe('every edit stamps updatedAt', () => {
  const j = base();
  it.each([
    ['contact edit', () => editContact(j, 'dana', { role: 'CTO' }, NOW).contact],
    ['contact archive', () => setArchived(j, 'dana', true, NOW).contact],
    ['snooze', () => setSnooze(j, 'dana', '2026-12-01', NOW).contact],
    ['merge', () => mergeContacts(j, 'dana', 'sam', NOW).contact],
    ['done', () => markDone(j, 'p1', '2026-11-13', NOW).promise],
    ['promise drop', () => dropPromise(j, 'p1', '2026-11-13', NOW).promise],
    ['interaction edit', () => editInteraction(j, 'i1', { kind: 'call' }, env()).interaction],
  ])('%s', (_label, run) => {
    expect(run().updatedAt).toBe(NOW);
  });
});

describe('people references follow merges and removals', () => {
  const j = journal({
    contacts: [contact('dana', 'Dana'), contact('sam', 'Sam'), contact('rita', 'Rita', { introducedBy: 'sam' })],
    interactions: [meeting('i1', '2026-11-10', ['dana', 'rita'], { gave: [{ type: 'intro', for: 'rita', link: 'sam' }, { type: 'intro', for: 'sam', link: 'rita' }] })],
  });
  it('merge points for, link and introducedBy at the one kept', () => {
    const r = mergeContacts(j, 'dana', 'sam', NOW).journal;
    expect(r.interactions[0]!.gave).toEqual([{ type: 'intro', for: 'rita', link: 'dana' }, { type: 'intro', for: 'dana', link: 'rita' }]);
    expect(r.contacts.find((c) => c.id === 'rita')!.introducedBy).toBe('dana');
    expect(journalProblems(r)).toEqual([]);
  });
  it('removal drops what was for them and links to them', () => {
    const r = removeContact(j, 'sam', NOW).journal;
    expect(r.interactions[0]!.gave).toEqual([{ type: 'intro', for: 'rita' }]);
    expect(r.contacts.find((c) => c.id === 'rita')!.introducedBy).toBeUndefined();
    expect(journalProblems(r)).toEqual([]);
  });
});

describe('their promises do not hold your stage back', () => {
  it('overduePromisesByContact counts only yours', async () => {
    const { overduePromisesByContact } = await import('../../src/core/stats.js');
    const ps = [promiseWithId('m1', 'dana', '2026-11-01'), { ...promiseWithId('t1', 'dana', '2026-11-01'), owner: 'them' as const }, { ...promiseWithId('d1', 'dana', '2026-11-01'), droppedOn: '2026-11-02' }];
    expect(overduePromisesByContact(ps, '2026-11-20').get('dana')).toBe(1);
  });
});

describe('logInteraction: add in one edit', () => {
  it('records the interaction, marks kept promises on its date, records wants on the first person and meets a want', () => {
    const j = base();
    j.contacts[0] = { ...j.contacts[0]!, wants: [{ id: 'w1', text: 'a designer', since: '2026-11-01', metOn: null }] };
    j.promises[0] = { ...j.promises[0]!, doneOn: null };
    const r = logInteraction(
      j,
      { participants: [{ id: 'dana' }], date: '2026-11-18', kind: 'call', gave: [{ type: 'intro' }], asked: [], received: [], promises: [], keeps: ['p1', 'p1'], wants: ['a flat in Lisbon'], meets: 'w1' },
      env(),
    );
    expect(r.interaction).toMatchObject({ date: '2026-11-18', kind: 'call', contactIds: ['dana'] });
    expect(r.closed.map((p) => [p.id, p.doneOn])).toEqual([['p1', '2026-11-18']]);
    const dana = r.journal.contacts.find((c) => c.id === 'dana')!;
    expect(dana.wants).toEqual([
      { id: 'w1', text: 'a designer', since: '2026-11-01', metOn: '2026-11-18' },
      expect.objectContaining({ text: 'a flat in Lisbon', since: '2026-11-18', metOn: null }),
    ]);
    expect(r.journal.promises.find((p) => p.id === 'p1')!.doneOn).toBe('2026-11-18');
    expect(journalProblems(r.journal)).toEqual([]);
  });
});
