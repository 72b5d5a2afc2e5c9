import { describe, expect, it } from 'vitest';
import { expectRefused, sandboxes, type Sandbox, runJson, expectClean } from '../helpers/cli.js';
import { contact, journal, meeting, promiseWithId } from '../helpers/journal.js';

// Correcting the record through the built CLI (SPEC §6.2): ids you can see and type, strict dates,
// edit, rm. Every refusal leaves the journal byte for byte as it was.

const TODAY = '2026-11-20';
const NOON = `${TODAY}T12:00:00.000Z`;
const make = sandboxes();

function small(): Sandbox {
  return make({
    data: journal({
      contacts: [contact('dana0001', 'Dana Lee'), contact('sam00001', 'Sam'), contact('priya001', 'Priya Natarajan')],
      interactions: [
        meeting('abcd1111', '2026-11-10', ['dana0001'], { kind: 'coffee', note: 'hiring a designer', gave: [{ type: 'intro', note: 'to Sam' }] }),
        meeting('abcd2222', '2026-11-12', ['sam00001', 'dana0001'], { note: 'first line\nsecond line' }),
        meeting('xyz00001', '2026-11-15', ['priya001']),
      ],
      promises: [promiseWithId('pr000001', 'dana0001', '2026-11-14', null, 'send the case study'), { ...promiseWithId('pr000002', 'priya001', '2026-11-30'), interactionId: 'xyz00001' }],
    }),
  });
}

describe('ids you can see', () => {
  it('history and contact show print the shortest unique prefix, at least 4 characters', async () => {
    const s = small();
    const h = await runJson(s, ['history']);
    expect(h.interactions.map((i: { shortId: string }) => i.shortId)).toEqual(['xyz0', 'abcd2', 'abcd1']);
    const out = (await s.run(['history'], { tty: true })).stdout;
    expect(out).toMatch(/^ID +Date/);
    expect(out).toMatch(/\nabcd2 +Thu 12 Nov/);
    expect((await s.run(['history'])).stdout).toMatch(/^ID\tDate\tKind\tWith\tWhat\nxyz0\tSun 15 Nov\t/);
    const page = await runJson(s, ['contact', 'show', 'Dana Lee']);
    expect(page.timeline.map((t: { shortId: string }) => t.shortId)).toEqual(['abcd2', 'abcd1']);
    expect((await s.run(['contact', 'show', 'Dana Lee'], { tty: true })).stdout).toMatch(/\nabcd1 +Tue 10 Nov +coffee/);
    expect((await s.run(['contact', 'show', 'Dana Lee'])).stdout).toMatch(/\nabcd1\tTue 10 Nov\tcoffee\t/);
  });

  it('multi-line notes print as lines', async () => {
    const s = small();
    const out = (await s.run(['history'], { tty: true })).stdout;
    expect(out).toMatch(/first line\n.*second line/);
    expect(out).not.toContain('\\n');
    // piped, one interaction is one line
    expect((await s.run(['history'])).stdout).toContain('\tfirst line second line\n');
  });

  it.each([
    [['edit', 'abcd', '--note', 'x'], /"abcd" matches 2 interactions: abcd1111 \(2026-11-10 coffee with Dana Lee\), abcd2222/],
    [['edit', 'zzzz', '--note', 'x'], /no interaction with an id starting "zzzz"/],
    [['rm', 'abc', '--yes'], /"abc" matches 2 interactions/],
    [['done', 'pr00'], /"pr00" matches 2 promises: pr000001 \(to Dana Lee: send the case study\)/],
    [['done', 'nope'], /no promise with an id starting "nope"/],
  ])('%j: ambiguous or unknown ids exit 2 naming the candidates', async (args, message) => {
    await expectRefused(small(), args, 2, message);
  });

  it('a unique prefix works, in any case', async () => {
    const s = small();
    expect((await runJson(s, ['done', 'PR000001'])).doneOn).toBe(TODAY);
    expect((await runJson(s, ['edit', 'XYZ0', '--kind', 'call'])).kind).toBe('call');
  });
});

describe('one today, strict dates', () => {
  it.each([
    [['add', 'Dana', '--date', 'tomorrow'], /--date: 2026-11-21 is after today \(2026-11-20\)/],
    [['add', 'Dana', '--date', ''], /--date needs a date/],
    [['add', 'Dana', '--date', 'next tuesday'], /"next tuesday" is not a date[\s\S]*did you mean "tuesday" \(2026-11-17\)/],
    [['add', 'Dana', '--promise', 'x', '--by', 'in 2 weeks'], /"in 2 weeks" is not a date[\s\S]*did you mean "in 2w" \(2026-12-04\)/],
    [['add', 'Dana', '--date', '2026-11-10', '--promise', 'x', '--by', '2026-11-05'], /--by: 2026-11-05 is before the interaction it was promised in \(2026-11-10\)/],
    [['add', 'Dana', '--kind', 'cofee'], /unknown kind "cofee" \(did you mean coffee\?\)/],
    [['add', 'Dana', '--gave', 'intros'], /unknown type "intros" \(did you mean intro\?\)/],
    [['add', 'Dna'], /"Dna" is not in your journal but looks like "Dana Lee"/],
    [['add', 'Sma'], /"Sma" is not in your journal but looks like "Sam"/],
    [['history', '--since', '2 weeks'], /did you mean "2w ago"|not a date/],
    [['edit', 'xyz0', '--date', 'tomorrow'], /is after today/],
  ])('%j is refused', async (args, message) => {
    await expectRefused(small(), args, 2, message);
  });

  it('--new still creates the short name; createdAt is noon UTC of NETLOG_TODAY', async () => {
    const s = small();
    const i = await runJson(s, ['add', 'Sma', '--new']);
    const sma = s.json().contacts.find((c: { name: string }) => c.name === 'Sma');
    expect(sma.createdAt).toBe(NOON);
    expect(i.createdAt).toBe(NOON);
  });
});

describe('netlog edit', () => {
  it('changes fields, says old → new, stamps updatedAt, and keeps check clean', async () => {
    const s = small();
    const r = await s.run(['edit', 'abcd1', '--date', '2026-11-09', '--kind', 'call', '--note', 'hiring a developer', '--gave', 'advice:pricing', '--asked', 'info']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Edited interaction abcd1:');
    expect(r.stdout).toContain('date: 2026-11-10 → 2026-11-09');
    expect(r.stdout).toContain('kind: coffee → call');
    expect(r.stdout).toContain('note: hiring a designer → hiring a developer');
    expect(r.stdout).toContain('gave: intro:to Sam → advice:pricing');
    expect(r.stdout).toContain('asked: (none) → info');
    const i = s.json().interactions.find((x: { id: string }) => x.id === 'abcd1111');
    expect(i).toMatchObject({ date: '2026-11-09', kind: 'call', note: 'hiring a developer', gave: [{ type: 'advice', note: 'pricing' }], asked: [{ type: 'info' }], updatedAt: NOON });
    await expectClean(s);
  });

  it('--json prints the updated interaction; an empty value clears a list or the note', async () => {
    const s = small();
    const i = await runJson(s, ['edit', 'abcd1', '--gave', '', '--note', '']);
    expect(i.id).toBe('abcd1111');
    expect(i.gave).toEqual([]);
    expect(i.note).toBeUndefined();
  });

  it('--with replaces who was there, resolving names as add does; --event finds or makes the occurrence', async () => {
    const s = small();
    const i = await runJson(s, ['edit', 'abcd1', '--with', 'Sam', 'Rita Moreno', '--event', 'Chamber Breakfast', '--gave', 'intro@Rita:to Dana']);
    const rita = s.json().contacts.find((c: { name: string }) => c.name === 'Rita Moreno');
    expect(i.contactIds).toEqual(['sam00001', rita.id]);
    expect(i.gave).toEqual([{ type: 'intro', note: 'to Dana', for: rita.id }]);
    const event = s.json().events[0];
    expect(event).toMatchObject({ name: 'Chamber Breakfast', date: '2026-11-10' });
    expect(i.eventId).toBe(event.id);
    await expectClean(s);
  });

  it.each([
    [['edit', 'abcd1'], /nothing to change/],
    [['edit', 'abcd1', '--with', 'Dna'], /looks like "Dana Lee"/],
    [['edit', 'abcd1', '--gave', 'intro@Priya'], /"Priya" is not one of the people there \(Dana Lee\)/],
    [['edit', 'xyz0', '--date', '2026-12-01'], /after today/],
    [['edit', 'abcd1', '--kind', 'cofee'], /did you mean coffee/],
  ])('%j is refused, writing nothing', async (args, message) => {
    await expectRefused(small(), args, 2, message);
  });

  it('refuses a date that would put a promise made in it before the interaction', async () => {
    const s = make({
      data: journal({
        contacts: [contact('priya001', 'Priya')],
        interactions: [meeting('xyz00001', '2026-11-15', ['priya001'])],
        promises: [{ ...promiseWithId('pr000002', 'priya001', '2026-11-16'), interactionId: 'xyz00001' }],
      }),
    });
    await expectRefused(s, ['edit', 'xyz0', '--date', '2026-11-18'], 2, /a promise made in it \("promise pr000002"\) is due 2026-11-16, before 2026-11-18/);
  });

  it('says so when nothing changed, and writes nothing', async () => {
    const s = small();
    const before = s.text();
    const r = await s.run(['edit', 'abcd1', '--kind', 'coffee']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Nothing changed');
    expect(s.text()).toBe(before);
  });
});

describe('netlog rm', () => {
  it('deletes the interaction and the promises made in it, saying how many', async () => {
    const s = small();
    const r = await s.run(['rm', 'xyz0', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('Deleted the meeting with Priya Natarajan on 2026-11-15 (xyz0) and 1 promise made in it.\n');
    const j = s.json();
    expect(j.interactions.map((i: { id: string }) => i.id)).toEqual(['abcd1111', 'abcd2222']);
    expect(j.promises.map((p: { id: string }) => p.id)).toEqual(['pr000001']);
    await expectClean(s);
  });

  it('--json says what went', async () => {
    const r = await runJson(small(), ['rm', 'abcd1', '--yes']);
    expect(r.removed.id).toBe('abcd1111');
    expect(r.promisesDeleted).toBe(0);
  });

  it('needs --yes without a terminal', async () => {
    await expectRefused(small(), ['rm', 'xyz0'], 2, /deleting the meeting with Priya Natarajan on 2026-11-15 \(xyz0\) and 1 promise made in it: add --yes/);
  });
});
