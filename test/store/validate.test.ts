import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectJournalText, parseJournal, parseJournalText } from '../../src/store/validate.js';
import { canMigrate, migrate, MIGRATIONS } from '../../src/store/migrate.js';
import { serializeJournal } from '../../src/store/serialize.js';
import { journalProblems } from '../../src/core/check.js';
import type { Journal } from '../../src/core/schema.js';
import { emptyJournal } from '../../src/core/journal.js';
import { safe } from '../../src/ui/sanitize.js';
import { SAMPLE, ROOT } from '../helpers/cli.js';

const sample = readFileSync(SAMPLE, 'utf8');
const F = '/data/journal.json';

describe('parseJournal: errors name the file and the place', () => {
  it.each([
    ['{\n  "version": 1,\n  "contacts": [}\n}', `${F}:3:16: not valid JSON (expected a value)`],
    ['{"version": 1', `${F}:1:14: not valid JSON (expected , or })`],
    ['{"version": 1, "a": "x\ty"}', `${F}:1:21: not valid JSON (a control character inside a string)`],
    ['\0\0', `${F}:1:1: not valid JSON (unexpected character)`],
    ['', `${F}: the file is empty, not a journal`],
    ['"journal"', `${F}: expected a JSON object at the top level, found "journal"`],
    ['null', `${F}: expected a JSON object at the top level, found null`],
    ['{"version": "1"}', `${F}: version: expected a journal version number, found "1"`],
    ['{"version": 1.5}', `${F}: version: expected a journal version number, found 1.5`],
    ['{"version": 7}', `${F}: journal version 7 is newer than this netlog understands (version 1)`],
    ['{"version": 1, "settings": {}, "contacts": [], "interactions": [], "promises": [], "events": {}}', `${F}: events: expected array (found {})`],
  ])('%j', (text, message) => {
    expect(() => parseJournal(text, F)).toThrow(message);
  });

  it('names the JSON path and the record id of a bad field', () => {
    const j = JSON.parse(sample);
    j.promises[2].doneOn = 'yesterday';
    expect(() => parseJournal(JSON.stringify(j), F)).toThrow(new RegExp(`^${F}: promises\\[2\\]\\.doneOn \\(id ${j.promises[2].id}\\): `));
  });

  it('accepts a BOM and CRLF', () => {
    expect(parseJournal(`\uFEFF${sample.replace(/\n/g, '\r\n')}`, F)).toEqual(JSON.parse(sample));
  });

  it('check lists many schema problems at once, and consistency problems on a well-formed file', () => {
    const j = JSON.parse(sample);
    j.interactions[0].kind = 'x';
    j.interactions[1].date = '2026-1-1';
    expect(inspectJournalText(JSON.stringify(j), F).problems.map((p) => p.path)).toEqual(['interactions[0].kind', 'interactions[1].date']);
    expect(inspectJournalText(sample, F)).toMatchObject({ version: 1, problems: [] });
    expect(inspectJournalText('{', F).problems[0]).toMatchObject({ path: 'line 1, column 2' });
  });
});

describe('journalProblems', () => {
  const base = (): Journal => ({
    ...emptyJournal(),
    contacts: [{ id: 'a', name: 'A', aliases: [], emails: [], phones: [], tags: [], createdAt: '2026-01-01T00:00:00Z', archived: false }],
    interactions: [{ id: 'i', date: '2026-05-01', contactIds: ['a'], kind: 'call', gave: [], asked: [], received: [], createdAt: '2026-05-01T00:00:00Z' }],
    promises: [{ id: 'p', contactId: 'a', text: 't', due: '2026-05-02', createdAt: '2026-05-01T00:00:00Z', doneOn: null, interactionId: 'i' }],
  });
  it.each<[string, (j: Journal) => void, string[]]>([
    ['a clean journal', () => {}, []],
    ['a dangling contact id', (j) => j.interactions[0]!.contactIds.push('zz'), ['interactions[0].contactIds[1]: no contact with id zz']],
    ['a contact twice in one interaction', (j) => j.interactions[0]!.contactIds.push('a'), ['interactions[0].contactIds[1]: contact a is listed twice']],
    ['a dangling event', (j) => (j.interactions[0]!.eventId = 'e'), ['interactions[0].eventId: no event with id e']],
    ['a promise to nobody', (j) => (j.promises[0]!.contactId = 'q'), ['promises[0].contactId: no contact with id q']],
    ['a promise from a missing interaction', (j) => (j.promises[0]!.interactionId = 'q'), ['promises[0].interactionId: no interaction with id q']],
    ['a promise due before it was made', (j) => (j.promises[0]!.due = '2026-04-30'), ['promises[0].due: due 2026-04-30, before the interaction it was made in (2026-05-01)']],
    ['an implausible year', (j) => (j.interactions[0]!.date = '0026-05-01'), ['interactions[0].date: implausible date 0026-05-01']],
    ['a duplicate id', (j) => j.contacts.push({ ...j.contacts[0]! }), ['contacts[1].id: duplicate contact id, also used by contacts[0]']],
    [
      'a want id used twice, and a want met before it was recorded',
      (j) => (j.contacts[0]!.wants = [{ id: 'w', text: 'x', since: '2026-05-01', metOn: null }, { id: 'w', text: 'y', since: '2026-05-01', metOn: '2026-04-01' }]),
      ['contacts[0].wants[1].id: duplicate want id w, also used by contacts[0].wants[0]', 'contacts[0].wants[1].metOn: met 2026-04-01, before it was recorded (2026-05-01)'],
    ],
    ['an implausible key date (a year unknown is fine)', (j) => (j.contacts[0]!.dates = [{ label: 'birthday', date: '1066-10-14' }, { label: 'x', date: '--02-29' }]), ['contacts[0].dates[0].date: implausible date 1066-10-14']],
  ])('%s', (_, change, expected) => {
    const j = base();
    change(j);
    expect(journalProblems(j).map((p) => `${p.path}: ${p.message}`)).toEqual(expected);
  });
});

describe('migrations', () => {
  const v0 = JSON.parse(readFileSync(`${ROOT}/fixtures/journal-v0.json`, 'utf8'));

  it('reads the version-0 fixture as a valid current journal, keeping unknown fields', () => {
    const { journal, version } = parseJournalText(JSON.stringify(v0), F);
    expect(version).toBe(0);
    expect(journal.version).toBe(1);
    expect(journal.interactions[0]).toMatchObject({ contactIds: ['c0dana01'], received: [] });
    expect((journal as unknown as { syncedBy: string }).syncedBy).toBe('a newer tool');
    expect(v0.interactions[0].contactId).toBe('c0dana01'); // the input is not mutated
  });

  it('runs a chain of steps in order and refuses a gap', () => {
    const registry = { 0: (d: Record<string, unknown>) => ({ ...d, a: 1 }), 1: (d: Record<string, unknown>) => ({ ...d, b: (d.a as number) + 1 }) };
    expect(migrate({ version: 0 }, 0, registry, 2)).toEqual({ version: 2, a: 1, b: 2 });
    expect(canMigrate(0, registry, 2)).toBe(true);
    expect(canMigrate(0, { 1: registry[1] }, 2)).toBe(false);
    expect(canMigrate(0)).toBe(Boolean(MIGRATIONS[0]));
  });
});

describe('serializeJournal', () => {
  it('writes the sample journal back byte for byte (stable order, 2-space indent)', () => {
    expect(serializeJournal(parseJournal(sample, F))).toBe(sample);
  });

  it('keeps unknown keys after the known ones', () => {
    const j = { ...emptyJournal(), zeta: 1, contacts: [{ extra: true, id: 'a', name: 'A', aliases: [], emails: [], phones: [], tags: [], createdAt: '2026-01-01T00:00:00Z', archived: false }] };
    const out = JSON.parse(serializeJournal(j as unknown as Journal));
    expect(Object.keys(out)).toEqual(['version', 'settings', 'contacts', 'interactions', 'promises', 'events', 'zeta']);
    expect(Object.keys(out.contacts[0]).at(-1)).toBe('extra');
  });
});

describe('safe', () => {
  it.each([
    ['plain Zoë 李', 'plain Zoë 李'],
    ['\u001b[31mred', '\\x1B[31mred'],
    ['\u001b]0;title\u0007', '\\x1B]0;title\\x07'],
    ['\u009b2J', '\\x9B2J'],
    ['a\u202Eb\u2066c', 'a\\u202Eb\\u2066c'],
    ['line\nbreak\r\t', 'line\\nbreak\\r\\t'],
    ['x\u2028y', 'x\\u2028y'],
  ])('%j', (input, output) => expect(safe(input)).toBe(output));
});
