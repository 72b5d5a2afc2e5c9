import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueList } from '../../src/reports/due.js';
import { gist } from '../../src/reports/due-context.js';
import { contextLine, dueHeading, renderDue, SCREENFUL } from '../../src/ui/render/due.js';
import { makeTheme } from '../../src/ui/theme.js';
import { contact, journal, meeting, promiseWithId } from '../helpers/journal.js';

const TODAY = '2026-11-20';
const theme = makeTheme();
const piped = makeTheme('pipe');

describe('due context', () => {
  const j = journal({
    settings: { defaultCadenceDays: 30 },
    contacts: [
      contact('a', 'Ann Archer', { wants: [
        { id: 'w1', text: 'a designer', since: '2026-09-01', metOn: null },
        { id: 'w2', text: 'a bookkeeper', since: '2026-09-01', metOn: '2026-10-01' }, // met: not listed
        { id: 'w3', text: 'a flat', since: '2026-12-01', metOn: null }, // recorded after the day asked about
      ] }),
      contact('s', 'Sam Ortiz', { tags: ['designer'] }),
      contact('b', 'Bo Brown'),
    ],
    interactions: [
      meeting('i1', '2026-08-01', ['a'], { note: 'Hiring for the rebrand. Budget is small.' }),
      meeting('i2', '2026-09-01', ['a'], { kind: 'call' }), // the last one has no note
      meeting('i3', '2026-12-01', ['a'], { note: 'later: not seen from 2026-11-20' }),
      meeting('i4', '2026-08-01', ['b']),
      meeting('i5', '2026-08-02', ['b'], { asked: [{ type: 'advice' }] }),
      meeting('i6', '2026-11-19', ['s']),
      meeting('i7', '2026-11-18', ['s']),
    ],
    promises: [
      promiseWithId('t1', 'b', '2026-11-18', null, 'the CFO intro'),
      promiseWithId('t2', 'b', '2026-11-30', null, 'a reference'),
      promiseWithId('t3', 'b', '2026-11-01', null, 'dropped thing'),
      promiseWithId('t4', 'b', '2026-11-01', '2026-11-02', 'done thing'),
      promiseWithId('m1', 'a', '2026-11-15', null, 'send the deck'),
      promiseWithId('m2', 'a', '2026-11-10', null, 'dropped mine'),
    ].map((p) => (p.id.startsWith('t') ? { ...p, owner: 'them' as const } : p)).map((p) => (p.id === 't3' || p.id === 'm2' ? { ...p, droppedOn: '2026-11-05' } : p)),
  });
  const list = dueList(j, TODAY, { on: TODAY });
  const byType = (t: string) => list.items.filter((i) => i.type === t);

  it('picks the last interaction, the latest note, open wants and what they owe', () => {
    const ann = list.items.find((i) => i.type === 'touch' && i.name === 'Ann Archer')!;
    // The note is i1's (Aug 1), not the last call's: lastNoteDate says so.
    expect(ann.context).toEqual({ lastDate: '2026-09-01', lastKind: 'call', lastNote: 'Hiring for the rebrand. Budget is small.', lastNoteDate: '2026-08-01', wants: ['a designer'], theyOwe: [] });
    const bo = list.items.find((i) => i.type === 'touch' && i.name === 'Bo Brown')!;
    expect(bo.context).toEqual({ lastDate: '2026-08-02', lastKind: 'meeting', wants: [], theyOwe: ['the CFO intro', 'a reference'] });
  });

  it('a note from before the last interaction says when it was written, not as the last one\'s', () => {
    const ann = list.items.find((i) => i.type === 'touch' && i.name === 'Ann Archer')!;
    expect(contextLine(ann.context, TODAY, ann)).toBe('last: call 3 months ago; note 4 months ago — "Hiring for the rebrand"');
    // When the last interaction has the note, it is quoted as that interaction's.
    const own = { lastDate: '2026-09-01', lastKind: 'call' as const, lastNote: 'Budget is small.', wants: [], theyOwe: [] };
    expect(contextLine(own, TODAY)).toBe('last: call 3 months ago — "Budget is small"');
  });

  it('their promises are check-ins; dropped promises are never due; mine stay promises', () => {
    expect(byType('check-in').map((i) => [i.name, (i as any).text, i.overdueDays])).toEqual([['Bo Brown', 'the CFO intro', 2]]);
    expect(byType('promise').map((i) => (i as any).text)).toEqual(['send the deck']);
    expect(list.items.map((i) => i.type)).toEqual(['promise', 'check-in', 'touch', 'touch']);
  });

  it('suggests something specific: someone who fits what they want, or giving first', () => {
    const touches = byType('touch') as any[];
    expect(touches.find((t) => t.name === 'Ann Archer').suggestion).toBe('introduce Ann to Sam Ortiz (tagged designer) — Ann wants a designer');
    expect(touches.find((t) => t.name === 'Bo Brown').suggestion).toMatch(/^you owe them: give first/);
    // owed nothing, nothing wanted: what they promised you is the reason to call
    const even = { ...j, interactions: j.interactions.map((i) => (i.id === 'i5' ? { ...i, asked: [] } : i)) };
    expect((dueList(even, TODAY, { on: TODAY }).items.find((i) => i.type === 'touch' && i.name === 'Bo Brown') as any).suggestion).toBe('ask how the CFO intro is coming along — they promised it');
  });

  it('piped, the lines of an item are one line, the spaces where they meet made one (text ending in spaces too)', () => {
    const spaced = { ...j, promises: j.promises.map((p) => (p.id === 'm1' ? { ...p, text: 'send the deck \u00a0 ' } : p)) };
    const out = renderDue(dueList(spaced, TODAY, { on: TODAY }), piped, Infinity, { explain: true, all: false });
    const line = out.split('\n').find((l) => l.includes('send the deck'))!;
    expect(line.split('\t')).toEqual([
      '1',
      'promise',
      'Ann Archer',
      '5 days late',
      'you promised: send the deck last: call 3 months ago; note 4 months ago — "Hiring for the rebrand" · wants: a designer why: promised by 2026-11-15, 5 days overdue',
    ]);
    for (const l of out.split('\n').slice(2)) expect(l.split('\t')).toHaveLength(5);
  });

  it('gist gives what the full pattern gives, also when it takes its short cut', () => {
    // The rule as it was before the short cut for one short clause.
    const full = (note: string, max = 60) => {
      const parts = note.split(/(?<=[.!?;])\s|\n/).map((x) => x.trim()).filter(Boolean);
      while (parts.length > 1 && parts[0]!.split(/\s+/).length <= 3) parts.shift();
      const first = (parts[0] ?? '').replace(/[.;]$/, '');
      return first.length <= max ? first : `${first.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
    };
    const note = fc.array(fc.constantFrom('a', 'word', ' ', '  ', '.', ';', '!', '?', '\n', '\t', 'é', '\u00a0'), { maxLength: 30 }).map((xs) => xs.join(''));
    fc.assert(fc.property(note, fc.integer({ min: 1, max: 70 }), (n, max) => {
      expect(gist(n, max)).toBe(full(n, max));
    }), { numRuns: 2000 });
    for (const n of ['', 'Coffee', ' Coffee', 'Coffee ', 'a'.repeat(60), 'a'.repeat(61)]) expect(gist(n)).toBe(full(n));
  });

  it('gist keeps the first sentence, cut at a word', () => {
    expect(gist('Hiring for the rebrand. Budget is small.')).toBe('Hiring for the rebrand');
    expect(gist('one two three four five six', 12)).toBe('one two…');
  });
});

describe('paging', () => {
  const many = journal({
    settings: { defaultCadenceDays: 30 },
    contacts: Array.from({ length: 25 }, (_, n) => contact(`c${n}`, `Person ${String(n).padStart(2, '0')}`)),
  });
  const list = dueList(many, TODAY, { on: TODAY });

  it('a terminal shows one screenful and says how many more', () => {
    expect(list.total).toBe(25);
    const text = renderDue(list, theme, 120, { explain: false, all: false });
    expect(text).toContain(`Person ${String(SCREENFUL - 1).padStart(2, '0')}`);
    expect(text).not.toContain(`Person ${SCREENFUL}`);
    expect(text.trimEnd().split('\n').at(-1)).toBe('and 5 more — netlog due --all');
  });

  it('--all on a terminal, and a pipe, list everything', () => {
    expect(renderDue(list, theme, 120, { explain: false, all: true })).not.toContain('more — netlog due --all');
    const lines = renderDue(list, piped, Infinity, { explain: false, all: false }).split('\n');
    expect(lines).toHaveLength(26); // header line, 25 items (the heading is dueHeading's, for stderr)
    expect(lines[0]).toBe('#\tWhat\tWho\tWhen\tWhy / what to do');
    expect(lines[1]!.split('\t').slice(0, 4)).toEqual(['1', 'touch', 'Person 00', '293 days late']);
    expect(dueHeading(list, piped)).toBe('Due today, Fri 20 Nov: 25 touches');
    expect(lines.join('\n')).not.toContain('more — netlog due --all');
  });

  it('--limit keeps the total', () => {
    const limited = dueList(many, TODAY, { on: TODAY, limit: 3 });
    expect([limited.items.length, limited.total]).toEqual([3, 25]);
  });
});
