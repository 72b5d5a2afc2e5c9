import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyHeader, connectedOn, csvDialect, readCsvRecords, unneutralise } from '../../src/formats/csv.js';
import { neutralise, writeContactsCsv } from '../../src/formats/csv-export.js';
import { decodeText } from '../../src/formats/text.js';
import { readImport } from '../../src/formats/import.js';
import type { Contact } from '../../src/core/schema.js';
import { ROOT } from '../helpers/cli.js';

const fixture = (name: string) => decodeText(readFileSync(join(ROOT, 'fixtures', 'import', name)));
const records = (name: string) => readCsvRecords(fixture(name))!;

describe('CSV headers', () => {
  it.each([
    ['Name', 'name'],
    ['First Name', 'first'],
    ['Given Name', 'first'],
    ['Family Name', 'last'],
    ['E-mail 1 - Value', 'email'],
    ['E-mail 1 - Label', undefined],
    ['E-mail Display Name', undefined],
    ['Email Address', 'email'],
    ['E-mail 2 Address', 'email'],
    ['email', 'email'],
    ['Phone 1 - Value', 'phone'],
    ['Mobile Phone', 'phone'],
    ['Business Fax', undefined],
    ['Organization Name', 'company'],
    ['Organization 1 - Name', 'company'],
    ['Company', 'company'],
    ['Position', 'role'],
    ['Job Title', 'role'],
    ['Labels', 'tags'],
    ['Group Membership', 'tags'],
    ['Connected On', 'connectedOn'],
    ['URL', 'url'],
    ['Birthday', 'birthday'],
    ['Anniversary', undefined],
  ])('%s → %s', (header, field) => {
    expect(classifyHeader(header)).toBe(field);
  });

  it.each([
    [['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On'], 'linkedin'],
    [['First Name', 'Last Name', 'Email Address', 'Company', 'Position', 'Connected On'], 'linkedin'],
    [['First Name', 'Last Name', 'E-mail 1 - Value'], 'google'],
    [['Name', 'Given Name', 'Group Membership'], 'google'],
    [['First Name', 'Last Name', 'E-mail Address'], 'csv'],
    [['name', 'email'], 'csv'],
  ] as const)('dialect of %j is %s', (header, dialect) => {
    expect(csvDialect([...header])).toBe(dialect);
  });

  it.each([
    ['12 Mar 2024', '2024-03-12'],
    ['3 Jan 2023', '2023-01-03'],
    ['05-Jun-2019', '2019-06-05'],
    ['2024-03-12', '2024-03-12'],
    ['someday', 'someday'],
  ])('Connected On %s → %s', (text, day) => {
    expect(connectedOn(text)).toBe(day);
  });
});

describe('CSV fixtures', () => {
  it('LinkedIn, current layout: skips the notes preamble, keeps URL and date as a note', () => {
    const { format, records: r } = records('linkedin-connections.csv');
    expect(format).toBe('linkedin');
    expect(r.map((x) => x.name)).toEqual(['Dana Lee', 'Marcus Bell', '', 'Zoë Kowalski']);
    expect(r[0]).toMatchObject({
      line: 5,
      emails: ['dana@studio.example'],
      company: 'Lee & Partners, LLC',
      role: 'Founder',
      source: 'LinkedIn',
      notes: 'Connected on LinkedIn on 2024-03-12: https://www.linkedin.com/in/danalee',
    });
    expect(r[2]!.problem).toBe('no name');
  });

  it('LinkedIn, older layout without preamble or URL', () => {
    const { format, records: r } = records('linkedin-old.csv');
    expect(format).toBe('linkedin');
    expect(r[0]).toMatchObject({ name: 'Owen Park', emails: ['owen@park.example'], company: 'Park Property', role: 'Director', notes: 'Connected on LinkedIn on 2019-06-05' });
  });

  it('Google Contacts: " ::: " separators, labels as tags without system labels, multi-line notes', () => {
    const { format, records: r } = records('google-contacts.csv');
    expect(format).toBe('google');
    expect(r[0]).toMatchObject({
      name: 'Aisha Rahman',
      emails: ['aisha@rahman.example', 'a.rahman@gmail.example'],
      phones: ['+1 555 0111', '+1 555 0112'],
      company: 'Rahman Legal',
      role: 'Partner',
      tags: ['Clients', 'Lawyers'],
      source: 'Google Contacts',
      notes: 'Met through Dana,\nlikes climbing',
    });
    expect(r[1]).toMatchObject({ name: 'Tom Nguyen', aliases: ['Tommy'], tags: [] });
    expect(r[2]).toMatchObject({ name: 'City Plumbing', company: 'City Plumbing', tags: ['Home'] });
    expect(r[3]!.problem).toBe('no name');
  });

  it('Google Contacts, legacy layout', () => {
    const { format, records: r } = records('google-legacy.csv');
    expect(format).toBe('google');
    expect(r[0]).toMatchObject({ name: 'Felix Brandt', emails: ['felix@brandt.example'], company: 'Brandt Ventures', role: 'GP', tags: ['Investors'] });
  });

  it('Outlook in Windows-1252: accents survive, display names and faxes are not emails or phones', () => {
    const { format, records: r } = records('outlook.csv');
    expect(format).toBe('csv');
    expect(r[0]).toMatchObject({ name: 'José Martínez', emails: ['jose@cafe.example'], phones: ['+34 600 111 222'], company: 'Café Martínez', role: 'Owner', tags: ['Suppliers', 'Local'] });
    expect(r[0]!.source).toBeUndefined();
  });

  it('generic CSV: a bad row is reported and the rest read; neutralised cells are restored', () => {
    const { records: r } = records('generic.csv');
    expect(r.map((x) => [x.line, x.name, x.problem])).toEqual([
      [2, 'Kim Sato', undefined],
      [3, '', expect.stringMatching(/unreadable CSV row/)],
      [4, 'Lee Wong', undefined],
    ]);
    expect(r[0]!.notes).toBe('=1+2 is not a formula');
    expect(r[2]).toMatchObject({ phones: ['+1 555 0177'], tags: ['a', 'b'] });
  });

  it('a CSV with no name column is not read', () => {
    expect(readImport('email,phone\na@b.example,1\n')).toMatchObject({ error: expect.stringMatching(/no CSV header naming a name column/) });
    expect(readImport('  \n')).toEqual({ error: 'the file is empty' });
    expect(readImport('Name\nA\n', 'vcf')).toMatchObject({ error: expect.stringMatching(/no vCards/) });
  });
});

describe('CSV export', () => {
  it('keeps multi-line notes, commas, quotes and edge spaces whole through a round trip', () => {
    const c: Contact = {
      id: 'x', name: 'Dana "DJ" Lee', aliases: ['DJ'], emails: ['d@x.example', 'e@x.example'], phones: ['+1 555', '555 0102'], company: 'Lee, Partners',
      tags: ['a', 'b'], notes: 'line one\nline two, with a comma\n  indented', createdAt: '2026-01-01T00:00:00Z', archived: false,
    };
    const text = writeContactsCsv([{ contact: c, stage: 'credibility', balance: 2, lastTouch: '2026-11-01', cadence: { days: 30, from: 'contact' } }]);
    expect(text.split('\r\n')).toHaveLength(3);
    const { records: [r] } = readCsvRecords(text)!;
    expect(r).toMatchObject({ name: c.name, aliases: c.aliases, emails: c.emails, phones: c.phones, company: c.company, tags: c.tags, notes: c.notes, cadenceDays: 30 });
    expect(r!.archived).toBeUndefined();
  });

  it.each([
    // [the cadence the row shows, archived, Cadence cell, Archived cell, cadenceDays read back]
    [{ days: 42, from: 'contact' }, false, 'every 6 weeks', '', 42],
    [{ days: null, from: 'contact' }, true, 'never', 'yes', null],
    [{ days: 30, from: 'contact' }, false, 'monthly', '', 30],
    [{ days: 10, from: 'contact' }, false, 'every 10 days', '', 10],
    // An inherited cadence is shown with where it comes from, and not pinned by an import.
    [{ days: 30, from: 'default' }, false, 'monthly (default)', '', undefined],
    [{ days: 14, from: 'tag', tag: 'investor' }, true, 'biweekly (tag investor)', 'yes', undefined],
  ] as const)('cadence %j, archived %s → %j, %j → reads back %s', (cadence, archived, cell, archivedCell, days) => {
    const c: Contact = { id: 'x', name: 'Ann', aliases: [], emails: [], phones: [], tags: [], createdAt: '2026-01-01T00:00:00Z', archived };
    const text = writeContactsCsv([{ contact: c, stage: 'visibility', balance: 0, lastTouch: null, cadence }]);
    expect(text.split('\r\n')[1]!.split(',').slice(-2)).toEqual([cell, archivedCell]);
    const { records: [r] } = readCsvRecords(text)!;
    expect(r!.cadenceDays).toBe(days);
    expect(r!.archived).toBe(archived || undefined);
    expect(r!.warnings).toBeUndefined();
  });

  it.each([
    ['30', 30, undefined],
    ['every 2 weeks', 14, undefined],
    ['Never', null, undefined],
    ['', undefined, undefined],
    ['sometimes', undefined, 'left out cadence "sometimes": not a cadence (say "monthly", "every 6 weeks", "never" or a number of days)'],
    ['0', undefined, expect.stringContaining('left out cadence "0"')],
  ])('a hand-made Cadence cell %j → %s', (cell, days, warning) => {
    const { records: [r] } = readCsvRecords(`Name,Cadence\nAnn,${cell}\n`)!;
    expect(r!.cadenceDays).toBe(days);
    expect(r!.warnings?.[0]).toEqual(warning);
  });
});

describe('formula neutralisation', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+1 555', "'+1 555"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['Dana', 'Dana'],
    ["'quoted", "'quoted"],
    ['', ''],
  ])('%j → %j and back', (cell, out) => {
    expect(neutralise(cell)).toBe(out);
    expect(unneutralise(neutralise(cell))).toBe(cell);
  });

  it('writes a CSV whose text cells never start a formula', () => {
    const c: Contact = {
      id: 'x', name: '=cmd|" /C calc"!A0', aliases: [], emails: ['@x'], phones: ['+1 555'], company: '-Acme', role: '\tLead',
      tags: ['+t'], notes: '=HYPERLINK("http://evil.example")', source: '@src', createdAt: '2026-01-01T00:00:00Z', archived: false,
    };
    const text = writeContactsCsv([{ contact: c, stage: 'visibility', balance: -2, lastTouch: null, cadence: { days: 30, from: 'default' } }]);
    const { records: [r] } = readCsvRecords(text)!;
    expect(r).toMatchObject({ name: c.name, emails: ['@x'], phones: ['+1 555'], company: '-Acme', role: 'Lead', tags: ['+t'], notes: c.notes, source: '@src' });
    const row = text.split('\r\n')[1]!;
    for (const cell of row.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+@\t\r]|^-[^0-9]/);
  });
});
