import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { merge } from '../../src/core/merge.js';
import { removeContact } from '../../src/core/contacts.js';
import { journalProblems } from '../../src/core/check.js';
import { checkJournal } from '../../src/store/validate.js';
import { nameKey } from '../../src/core/names.js';
import type { Contact, Journal } from '../../src/core/schema.js';

// Properties of the three-way merge over random histories: a base, and what two devices did to
// it since (adding, editing and deleting people, interactions and promises, and settings).

const NAMES = ['Dana Lee', 'Sam Ortiz', 'Lin Park', 'Priya N', 'Ana Silva', 'Bo Chen'];
const STAMPS = ['2026-03-01T12:00:00.000Z', '2026-06-01T12:00:00.000Z', '2026-06-01T12:00:00.000Z', '2026-09-01T12:00:00.000Z'];
const DAYS = ['2026-02-01', '2026-05-01', '2026-08-01'];

type Op =
  | { op: 'addContact'; name: number; stamp: number; tag: number }
  | { op: 'editContact'; who: number; field: 'company' | 'notes' | 'name' | 'tagAdd' | 'tagRemove' | 'archive'; value: number; stamp: number }
  | { op: 'removeContact'; who: number }
  | { op: 'addInteraction'; who: number; also: number; day: number; stamp: number; note: number }
  | { op: 'editInteraction'; which: number; field: 'note' | 'kind' | 'with'; value: number; stamp: number }
  | { op: 'removeInteraction'; which: number }
  | { op: 'addPromise'; who: number; stamp: number }
  | { op: 'donePromise'; which: number; day: number; stamp: number }
  | { op: 'setting'; value: number }
  | { op: 'tagCadence'; tag: number; value: number }
  | { op: 'addEvent'; name: number; day: number; stamp: number; who: number }
  | { op: 'editEvent'; which: number; value: number; stamp: number }
  | { op: 'want'; who: number; value: number; stamp: number };

const n = fc.nat({ max: 50 });
const stamp = fc.nat({ max: STAMPS.length - 1 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('addContact' as const), name: fc.nat({ max: NAMES.length - 1 }), stamp, tag: n }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('editContact' as const), who: n, field: fc.constantFrom('company' as const, 'notes' as const, 'name' as const, 'tagAdd' as const, 'tagAdd' as const, 'tagRemove' as const, 'archive' as const), value: n, stamp }) },
  fc.record({ op: fc.constant('removeContact' as const), who: n }),
  fc.record({ op: fc.constant('addInteraction' as const), who: n, also: n, day: fc.nat({ max: DAYS.length - 1 }), stamp, note: n }),
  { weight: 2, arbitrary: fc.record({ op: fc.constant('editInteraction' as const), which: n, field: fc.constantFrom('note' as const, 'kind' as const, 'with' as const), value: n, stamp }) },
  fc.record({ op: fc.constant('removeInteraction' as const), which: n }),
  fc.record({ op: fc.constant('addPromise' as const), who: n, stamp }),
  fc.record({ op: fc.constant('donePromise' as const), which: n, day: fc.nat({ max: DAYS.length - 1 }), stamp }),
  fc.record({ op: fc.constant('setting' as const), value: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ op: fc.constant('tagCadence' as const), tag: fc.nat({ max: 3 }), value: fc.integer({ min: 0, max: 3 }) }),
  { weight: 2, arbitrary: fc.record({ op: fc.constant('addEvent' as const), name: fc.nat({ max: 1 }), day: fc.nat({ max: 1 }), stamp, who: n }) },
  fc.record({ op: fc.constant('editEvent' as const), which: n, value: n, stamp }),
  fc.record({ op: fc.constant('want' as const), who: n, value: n, stamp }),
);

/** Applies edits as netlog's commands would; `side` makes new ids unique to this device. */
function apply(j: Journal, ops: Op[], side: string): Journal {
  let k = 0;
  const id = () => `${side}${k++}`;
  for (const o of ops) {
    const cs = j.contacts;
    const is = j.interactions;
    const at = <T,>(list: T[], i: number) => (list.length ? list[i % list.length] : undefined);
    switch (o.op) {
      case 'addContact': {
        const name = NAMES[o.name]!;
        if (cs.some((c) => nameKey(c.name) === nameKey(name))) break;
        const c: Contact = { id: id(), name, aliases: [], emails: [], phones: [], tags: [`t${o.tag % 4}`], createdAt: STAMPS[o.stamp]!, archived: false };
        j = { ...j, contacts: [...cs, c] };
        break;
      }
      case 'editContact': {
        // Tag edits go to the first two people, so both devices often edit the same person's tags.
        const c = at(cs, o.field.startsWith('tag') ? o.who % 2 : o.who);
        if (!c) break;
        const next: Contact = { ...c, updatedAt: STAMPS[o.stamp]! };
        if (o.field === 'company') next.company = `Co ${o.value % 3}`;
        if (o.field === 'notes') next.notes = `note ${o.value % 3}`;
        if (o.field === 'name') next.name = `${c.name.split(' ')[0]} ${o.value % 3}`;
        if (o.field === 'tagAdd' && !c.tags.includes(`t${o.value % 4}`)) next.tags = [...c.tags, `t${o.value % 4}`];
        if (o.field === 'tagRemove') next.tags = c.tags.filter((t) => t !== `t${o.value % 4}`);
        if (o.field === 'archive') next.archived = !c.archived;
        j = { ...j, contacts: cs.map((x) => (x.id === c.id ? next : x)) };
        break;
      }
      case 'removeContact': {
        const c = at(cs, o.who);
        if (c) j = removeContact(j, c.id, '2026-06-01T12:00:00.000Z').journal;
        break;
      }
      case 'addInteraction': {
        const a = at(cs, o.who);
        if (!a) break;
        const b = at(cs, o.also);
        const ids = b && b.id !== a.id && o.also % 2 === 0 ? [a.id, b.id] : [a.id];
        const day = DAYS[o.day]!;
        j = { ...j, interactions: [...is, { id: id(), date: day, contactIds: ids, kind: 'coffee', ...(o.note % 2 ? { note: `n${o.note}` } : {}), gave: o.note % 3 ? [{ type: 'intro' }] : [], asked: [], received: [], createdAt: STAMPS[o.stamp]! }] };
        break;
      }
      case 'editInteraction': {
        const i = at(is, o.which);
        if (!i) break;
        const next = { ...i, updatedAt: STAMPS[o.stamp]! };
        if (o.field === 'note') next.note = `edited ${o.value % 3}`;
        if (o.field === 'kind') next.kind = o.value % 2 ? 'call' : 'meal';
        const c = at(cs, o.value);
        if (o.field === 'with' && c && !i.contactIds.includes(c.id)) next.contactIds = [...i.contactIds, c.id];
        j = { ...j, interactions: is.map((x) => (x.id === i.id ? next : x)) };
        break;
      }
      case 'removeInteraction': {
        const i = at(is, o.which);
        if (i) j = { ...j, interactions: is.filter((x) => x.id !== i.id), promises: j.promises.filter((p) => p.interactionId !== i.id) };
        break;
      }
      case 'addPromise': {
        const c = at(cs, o.who);
        const i = is.find((x) => c && x.contactIds[0] === c.id);
        if (c) j = { ...j, promises: [...j.promises, { id: id(), contactId: c.id, text: 'send the deck', due: '2026-10-01', createdAt: STAMPS[o.stamp]!, doneOn: null, ...(i ? { interactionId: i.id } : {}) }] };
        break;
      }
      case 'donePromise': {
        const p = at(j.promises, o.which);
        if (p) j = { ...j, promises: j.promises.map((x) => (x.id === p.id ? { ...x, doneOn: DAYS[o.day]!, updatedAt: STAMPS[o.stamp]! } : x)) };
        break;
      }
      case 'setting':
        j = { ...j, settings: { ...j.settings, defaultCadenceDays: o.value * 30 } };
        break;
      case 'tagCadence': {
        const tags = { ...(j.settings.tagCadences ?? {}) };
        if (o.value === 0) delete tags[`t${o.tag}`];
        else tags[`t${o.tag}`] = o.value * 7;
        j = { ...j, settings: { ...j.settings, tagCadences: tags } };
        break;
      }
      case 'addEvent': {
        // An event and someone met there, as `add --event` makes them.
        const name = ['Web Summit', 'Meetup', 'Demo Day'][o.name]!;
        const c = at(cs, o.who);
        if (!c || j.events.some((e) => nameKey(e.name) === nameKey(name) && e.date === DAYS[o.day])) break;
        const ev = { id: id(), name, date: DAYS[o.day]!, createdAt: STAMPS[o.stamp]! };
        j = { ...j, events: [...j.events, ev], interactions: [...is, { id: id(), date: ev.date, contactIds: [c.id], kind: 'event', eventId: ev.id, gave: [], asked: [], received: [], createdAt: STAMPS[o.stamp]! }] };
        break;
      }
      case 'editEvent': {
        const e = at(j.events, o.which);
        if (e) j = { ...j, events: j.events.map((x) => (x.id === e.id ? { ...x, location: `Hall ${o.value % 3}`, updatedAt: STAMPS[o.stamp]! } : x)) };
        break;
      }
      case 'want': {
        // A new want, or the first open one met.
        const c = at(cs, o.who);
        if (!c) break;
        const open = (c.wants ?? []).find((w) => w.metOn === null);
        const wants = open && o.value % 2 ? (c.wants ?? []).map((w) => (w.id === open.id ? { ...w, metOn: DAYS[2]! } : w)) : [...(c.wants ?? []), { id: id(), text: `want ${o.value % 4}`, since: DAYS[0]!, metOn: null }];
        j = { ...j, contacts: cs.map((x) => (x.id === c.id ? { ...x, wants, updatedAt: STAMPS[o.stamp]! } : x)) };
        break;
      }
    }
  }
  return j;
}

const empty: Journal = { version: 1, settings: {}, contacts: [], interactions: [], promises: [], events: [] };
const ops = fc.array(opArb, { maxLength: 26 });
const histories = fc.tuple(ops, ops, ops).map(([b, o, t]) => {
  const base = apply(empty, b, 'b');
  return { base, ours: apply(base, o, 'o'), theirs: apply(base, t, 'x') };
});

const sorted = (j: Journal) => ({
  settings: j.settings,
  contacts: [...j.contacts].sort((a, b) => (a.id < b.id ? -1 : 1)),
  interactions: [...j.interactions].sort((a, b) => (a.id < b.id ? -1 : 1)),
  promises: [...j.promises].sort((a, b) => (a.id < b.id ? -1 : 1)),
  events: [...j.events].sort((a, b) => (a.id < b.id ? -1 : 1)),
});

const RUNS = { numRuns: 300 };

describe('merge properties', () => {
  it('the inputs are valid journals (the generator is honest)', () => {
    fc.assert(
      fc.property(histories, ({ base, ours, theirs }) => {
        for (const j of [base, ours, theirs]) expect(journalProblems(j)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('the histories reach every rule (so the properties below are not vacuous)', () => {
    const seen = { settled: 0, folded: 0, foldedEvents: 0, keptEdited: 0, revived: 0, bothChanged: 0, bothTagged: 0 };
    for (const { base, ours, theirs } of fc.sample(histories, { numRuns: 800, seed: 7 })) {
      const { report } = merge(base, ours, theirs);
      for (const k of ['settled', 'folded', 'keptEdited', 'revived'] as const) if (report[k].length) seen[k]++;
      if (report.folded.some((f) => f.collection === 'events')) seen.foldedEvents++;
      if (report.ours.contacts.changed && report.theirs.contacts.changed) seen.bothChanged++;
      // The same person given a new tag on each device.
      const tagged = (j: Journal, id: string) => j.contacts.find((c) => c.id === id)?.tags.join() ?? '';
      if (base.contacts.some((c) => tagged(ours, c.id) !== c.tags.join() && tagged(theirs, c.id) !== c.tags.join())) seen.bothTagged++;
    }
    for (const [rule, count] of Object.entries(seen)) expect(count, rule).toBeGreaterThan(3);
  });

  it('the result passes validation and check', () => {
    fc.assert(
      fc.property(histories, ({ base, ours, theirs }) => {
        const m = merge(base, ours, theirs).journal;
        checkJournal(m, 'merged');
        expect(journalProblems(m)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('nothing added on either side is lost', () => {
    fc.assert(
      fc.property(histories, ({ base, ours, theirs }) => {
        const { journal: m, report } = merge(base, ours, theirs);
        const folded = new Map(report.folded.map((f) => [f.otherId, f.keptId]));
        for (const side of [ours, theirs]) {
          for (const c of ['contacts', 'interactions', 'promises', 'events'] as const) {
            const had = new Set(base[c].map((r) => r.id));
            const have = new Set(m[c].map((r) => r.id));
            for (const r of side[c]) if (!had.has(r.id)) expect(have.has(r.id) || ((c === 'contacts' || c === 'events') && have.has(folded.get(r.id) ?? '')), `${c} ${r.id}`).toBe(true);
          }
          // A tag one side added to a person is on that person in the result.
          for (const c of side.contacts) {
            const was = base.contacts.find((x) => x.id === c.id);
            const now = m.contacts.find((x) => x.id === (folded.get(c.id) ?? c.id));
            if (!now) continue;
            for (const tag of c.tags) if (!was?.tags.includes(tag)) expect(now.tags).toContain(tag);
          }
        }
      }),
      RUNS,
    );
  });

  it('merge(b, x, x) = x, merge(b, b, x) = x and merge(b, x, b) = x', () => {
    fc.assert(
      fc.property(histories, ({ base, ours }) => {
        expect(merge(base, ours, ours).journal).toEqual(ours);
        expect(merge(base, base, ours).journal).toEqual(ours);
        expect(merge(base, ours, base).journal).toEqual(ours);
      }),
      RUNS,
    );
  });

  it('swapping the sides gives the same records', () => {
    fc.assert(
      fc.property(histories, ({ base, ours, theirs }) => {
        expect(sorted(merge(base, theirs, ours).journal)).toEqual(sorted(merge(base, ours, theirs).journal));
      }),
      RUNS,
    );
  });

  it('merging again with the result changes nothing (both devices converge)', () => {
    fc.assert(
      fc.property(histories, ({ base, ours, theirs }) => {
        const m = merge(base, ours, theirs).journal;
        expect(merge(ours, m, m).journal).toEqual(m);
        expect(merge(theirs, theirs, m).journal).toEqual(m);
      }),
      { numRuns: 100 },
    );
  });
});
