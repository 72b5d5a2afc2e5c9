import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueFacts, dueList, type DueSpec } from '../../src/reports/due.js';
import { DUE_SUMMARY, fromSummary, latestInteraction, toSummary } from '../../src/reports/due-summary.js';
import { addedDays, fromAnswer, toAnswer } from '../../src/reports/due-answer.js';
import type { Journal } from '../../src/core/schema.js';
import { ITEM_TYPES, KINDS } from '../../src/core/journal.js';
import { addDays } from '../../src/core/dates.js';
import { contact, interaction, journal, promise } from '../helpers/journal.js';
import { generateJournal } from '../../bench/gen.js';

// A due list answered from the kept summary (reports/due-summary.ts, through JSON as it is kept)
// must be the due list of the journal itself, for any day on or after the latest interaction,
// with --within, --tag and --limit. Journals: random ones from the test builders (wants, key
// dates, links, items for one person, notes of spaces, promises both ways, snoozes, tag and
// contact cadences), and larger ones from the bench's generator.

const TODAY = '2026-11-20';
const TAGS = ['vip', 'investor', 'design', 'Lisbon'];
const day = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((n) => addDays(TODAY, n));

const item = (ids: string[]) =>
  fc.record(
    {
      type: fc.constantFrom(...ITEM_TYPES),
      for: fc.constantFrom(...ids),
      link: fc.constantFrom(...ids),
      note: fc.constantFrom('deck', 'intro'),
    },
    { requiredKeys: ['type'] },
  );

const randomJournal: fc.Arbitrary<Journal> = fc.integer({ min: 1, max: 12 }).chain((n) => {
  const ids = Array.from({ length: n }, (_, k) => `c${k}`);
  const contacts = fc.tuple(
    ...ids.map((id, k) =>
      fc
        .record({
          tags: fc.subarray(TAGS),
          archived: fc.boolean(),
          snoozed: fc.option(day(-20, 40)),
          cadence: fc.option(fc.oneof(fc.integer({ min: 1, max: 90 }), fc.constant(null))),
          wants: fc.array(fc.record({ text: fc.constantFrom('a designer', 'an investor in Lisbon', 'a bookkeeper'), since: day(-200, 0), met: fc.option(day(-100, 10)) }), { maxLength: 2 }),
          dates: fc.array(fc.record({ label: fc.constantFrom('birthday', 'anniversary'), date: fc.constantFrom('1990-11-25', '--11-21', '--02-29', '2001-12-03') }), { maxLength: 2 }),
          introducedBy: fc.option(fc.constantFrom(...ids)),
          role: fc.option(fc.constantFrom('Brand Designer', 'Investor', 'CFO')),
          created: day(-400, -1),
        })
        .map((r) =>
          contact(id, `Person ${String.fromCharCode(65 + k)}${k % 3 === 0 ? ' Lee' : ''}`, {
            tags: r.tags,
            archived: r.archived,
            createdAt: `${r.created}T12:00:00.000Z`,
            ...(r.snoozed ? { snoozedUntil: r.snoozed } : {}),
            ...(r.cadence !== null ? { cadenceDays: r.cadence } : {}),
            ...(r.wants.length ? { wants: r.wants.map((w, j) => ({ id: `w${k}${j}`, text: w.text, since: w.since, metOn: w.met })) } : {}),
            ...(r.dates.length ? { dates: r.dates } : {}),
            ...(r.introducedBy ? { introducedBy: r.introducedBy } : {}),
            ...(r.role ? { role: r.role } : {}),
          }),
        ),
    ),
  );
  const interactions = fc.array(
    fc
      .record({
        date: day(-300, 0),
        who: fc.subarray(ids, { minLength: 1, maxLength: Math.min(3, n) }),
        kind: fc.constantFrom(...KINDS),
        note: fc.option(fc.constantFrom('Coffee. Talked about the deck.', '   ', 'Breakfast club. She wants a designer for the launch.', '')),
        gave: fc.array(item(ids), { maxLength: 2 }),
        asked: fc.array(item(ids), { maxLength: 2 }),
        received: fc.array(item(ids), { maxLength: 2 }),
        hour: fc.integer({ min: 10, max: 12 }),
      })
      .map((r) =>
        interaction(r.date, r.who, {
          kind: r.kind,
          gave: r.gave,
          asked: r.asked,
          received: r.received,
          createdAt: `${r.date}T${r.hour}:00:00.000Z`,
          ...(r.note !== null ? { note: r.note } : {}),
        }),
      ),
    { maxLength: 40 },
  );
  const promises = fc.array(
    fc
      .record({ who: fc.constantFrom(...ids), due: day(-30, 30), done: fc.option(day(-30, 5)), dropped: fc.option(day(-30, 5)), owner: fc.constantFrom('me', 'them', undefined) })
      .map((r) => promise(r.who, r.due, r.done, { ...(r.dropped ? { droppedOn: r.dropped } : {}), ...(r.owner ? { owner: r.owner as 'me' | 'them' } : {}) })),
    { maxLength: 8 },
  );
  const settings = fc.record(
    { defaultCadenceDays: fc.integer({ min: 1, max: 120 }), followUpDays: fc.integer({ min: 0, max: 14 }), tagCadences: fc.dictionary(fc.constantFrom(...TAGS), fc.oneof(fc.integer({ min: 1, max: 60 }), fc.constant(null))) },
    { requiredKeys: [] },
  );
  return fc.record({ contacts, interactions, promises, settings }).map((p) => journal(p));
});

const spec = fc.record(
  { ahead: fc.integer({ min: 0, max: 40 }), within: fc.integer({ min: 0, max: 60 }), tag: fc.constantFrom(...TAGS), limit: fc.integer({ min: 1, max: 6 }) },
  { requiredKeys: ['ahead'] },
);

/** The summary as `due` finds it: made after a full read, kept as JSON, read back. */
function kept(j: Journal) {
  const latest = latestInteraction(j);
  const summary = fromSummary(JSON.parse(JSON.stringify({ data: toSummary(j, dueFacts(j), latest) })).data);
  expect(summary).toBeDefined();
  return summary!;
}

function same(j: Journal, s: { ahead: number; within?: number; tag?: string; limit?: number }): void {
  const summary = kept(j);
  // A day on or after the latest interaction (and today): the days the summary answers for.
  const from = summary.latest !== null && summary.latest > TODAY ? summary.latest : TODAY;
  const ask: DueSpec = { on: addDays(from, s.ahead), ...(s.within !== undefined ? { within: s.within } : {}), ...(s.tag !== undefined ? { tag: s.tag } : {}), ...(s.limit !== undefined ? { limit: s.limit } : {}) };
  expect(dueList(summary.journal, TODAY, ask, summary.facts)).toEqual(dueList(j, TODAY, ask));
  // The kept answer (reports/due-answer.ts): the whole list worked out from the summary, kept as
  // JSON and read back, then cut by --limit, is the list the journal gives with --limit.
  const { limit, ...question } = ask;
  const whole = dueList(summary.journal, TODAY, question, summary.facts);
  const q = { today: TODAY, on: ask.on, until: whole.until, tag: ask.tag ?? null };
  const answer = fromAnswer(JSON.parse(JSON.stringify(toAnswer(q, addedDays(summary.journal, summary.facts), whole))), q);
  expect(answer).toBeDefined();
  expect(answer!.added).toEqual(addedDays(j, dueFacts(j)));
  const items = limit === undefined ? answer!.list.items : answer!.list.items.slice(0, limit);
  expect({ ...answer!.list, items }).toEqual(dueList(j, TODAY, ask));
}

describe('the due summary', () => {
  it(`(${DUE_SUMMARY}) answers as the journal does, on random journals`, () => {
    fc.assert(fc.property(randomJournal, spec, (j, s) => same(j, s)), { numRuns: 400 });
  });

  it('answers as the journal does on larger generated journals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 120 }), spec, (seed, n, people, s) =>
        same(generateJournal({ interactions: n, contacts: people, today: TODAY, seed }), s),
      ),
      { numRuns: 25 },
    );
  });

  it('is something the property can tell apart: a summary missing one interaction answers differently', () => {
    const j = journal({ contacts: [contact('a', 'Ann')], interactions: [interaction('2026-11-01', ['a']), interaction('2026-06-01', ['a'])], settings: { defaultCadenceDays: 10 } });
    const fewer = { ...j, interactions: j.interactions.slice(1) };
    const summary = fromSummary(JSON.parse(JSON.stringify(toSummary(fewer, dueFacts(fewer), latestInteraction(fewer)))))!;
    expect(dueList(summary.journal, TODAY, { on: TODAY }, summary.facts)).not.toEqual(dueList(j, TODAY, { on: TODAY }));
  });

  it('is not one this netlog made when its shape is wrong', () => {
    for (const junk of [null, 1, 'x', [], {}, { format: 3 }, { format: 3, latest: 3 }, { format: 3, latest: null, settings: {}, contacts: [], promises: [], facts: {}, linked: [] }, { format: 3, latest: null, settings: {}, contacts: [{ id: 'a' }], promises: [], facts: [], linked: [] }, { format: 2, latest: null, settings: {}, contacts: [], promises: [], stats: [], touches: [], linked: [] }]) {
      expect(fromSummary(junk)).toBeUndefined();
    }
  });
});
