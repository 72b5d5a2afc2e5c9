import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
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
    // No name, email or phone: nothing to reach them by; the import skips it, saying so.
    expect(r[2]).toMatchObject({ name: '', emails: [], phones: [] });
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
    // A row with only a phone is a person too; the import names them after the number.
    expect(r[3]).toMatchObject({ name: '', phones: ['555-0160'] });
    expect(r[3]!.problem).toBeUndefined();
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

  it('a CSV with neither a name nor an email column is not read', () => {
    expect(readImport('city,phone\nOslo,1\n')).toMatchObject({ error: expect.stringMatching(/no CSV header naming a name or email column/) });
    expect(readImport('email,phone\na@b.example,555\n')).toMatchObject({ format: 'csv', records: [{ emails: ['a@b.example'] }] });
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

describe('CSV dialects: delimiters, encodings, languages', () => {
  it.each([
    ['Vorname', 'first'],
    ['Nachname', 'last'],
    ['Weitere Vornamen', 'middle'],
    ['E-Mail-Adresse', 'email'],
    ['E-Mail 2: Adresse', 'email'],
    ['E-Mail-Typ', undefined],
    ['E-Mail: Angezeigter Name', undefined],
    ['Mobiltelefon', 'phone'],
    ['Telefon geschäftlich', 'phone'],
    ['Fax geschäftlich', undefined],
    ['Firma', 'company'],
    ['Position', 'role'],
    ['Kategorien', 'tags'],
    ['Notizen', 'notes'],
    ['Prénom', 'first'],
    ['Nom', 'last'],
    ['Nom de famille', 'last'],
    ['Adresse de messagerie', 'email'],
    ['Type de messagerie', undefined],
    ['Adresse e-mail 1 - Valeur', 'email'],
    ['Téléphone mobile', 'phone'],
    ['Télécopie (bureau)', undefined],
    ['Société', 'company'],
    ['Fonction', 'role'],
    ['Nombre', 'first'],
    ['Apellidos', 'last'],
    ['Segundo nombre', 'middle'],
    ['Dirección de correo electrónico', 'email'],
    ['Nombre para mostrar del correo electrónico', undefined],
    ['Tipo de correo electrónico', undefined],
    ['Teléfono móvil', 'phone'],
    ['Compañía', 'company'],
    ['Puesto', 'role'],
    ['Notas', 'notes'],
  ])('%s → %s', (header, field) => {
    expect(classifyHeader(header)).toBe(field);
  });

  it('German Outlook: semicolons, Windows-1252, German headers', () => {
    const text = 'Vorname;Nachname;E-Mail-Adresse;E-Mail-Typ;Mobiltelefon;Fax geschäftlich;Firma;Position;Kategorien\r\n' + 'Jürgen;Müller;juergen@example.de;SMTP;+49 170 1234567;+49 30 1;Bäckerei Müller „Süd“;Inhaber;Lieferanten\r\n';
    // Windows-1252: „ is 0x84 and “ is 0x93 there (not Latin-1 control characters).
    const bytes = Buffer.from(text.replace('„', '\u0084').replace('“', '\u0093'), 'latin1');
    expect(readImport(bytes)).toMatchObject({
      format: 'csv',
      records: [{ name: 'Jürgen Müller', emails: ['juergen@example.de'], phones: ['+49 170 1234567'], company: 'Bäckerei Müller „Süd“', role: 'Inhaber', tags: ['Lieferanten'] }],
    });
  });

  it('French Google Contacts: UTF-8 with BOM, commas, French headers, still the Google dialect', () => {
    const text = '\uFEFFPrénom,Nom de famille,Adresse e-mail 1 - Libellé,Adresse e-mail 1 - Valeur,Téléphone 1 - Valeur,Organisation 1 - Nom\n' + 'Amélie,Lefèvre,* Travail,amelie@example.fr ::: a.lefevre@example.fr,+33 6 12 34 56 78,Éditions Lefèvre\n';
    expect(readImport(Buffer.from(text, 'utf8'))).toMatchObject({
      format: 'google',
      records: [{ name: 'Amélie Lefèvre', emails: ['amelie@example.fr', 'a.lefevre@example.fr'], phones: ['+33 6 12 34 56 78'], company: 'Éditions Lefèvre', source: 'Google Contacts' }],
    });
  });

  it('Spanish Outlook "Unicode text": tabs, UTF-16LE (with and without BOM), Spanish headers', () => {
    const text = 'Nombre\tSegundo nombre\tApellidos\tDirección de correo electrónico\tTeléfono móvil\tCompañía\tPuesto\r\n' + 'José\tLuis\tMartínez Ñúñez\tjose@example.es\t+34 600 111 222\tCafé Martínez\tDueño\r\n';
    const expected = { name: 'José Luis Martínez Ñúñez', emails: ['jose@example.es'], phones: ['+34 600 111 222'], company: 'Café Martínez', role: 'Dueño' };
    expect(readImport(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toMatchObject({ format: 'csv', records: [expected] });
    expect(readImport(Buffer.from(text, 'utf16le'))).toMatchObject({ format: 'csv', records: [expected] });
  });

  it('sniffs the delimiter from the header, not from commas inside quoted cells', () => {
    expect(readImport('Name;Email;Notes\n"Lee, Dana";dana@example.com;"a, b, c"\n')).toMatchObject({ records: [{ name: 'Lee, Dana', emails: ['dana@example.com'], notes: 'a, b, c' }] });
    expect(readImport('Name\tEmail\nDana Lee\tdana@example.com\n')).toMatchObject({ records: [{ name: 'Dana Lee', emails: ['dana@example.com'] }] });
    expect(readImport('Name,Email\n"Lee; Dana",dana@example.com\n')).toMatchObject({ records: [{ name: 'Lee; Dana' }] });
  });

  it('a UTF-8 file with one Windows-1252 line reads both right, line by line', () => {
    const bytes = Buffer.concat([Buffer.from('Name,Email\nZoë Kowalski,zoe@example.com\n', 'utf8'), Buffer.from('Renée François,renee@example.fr\n', 'latin1')]);
    expect(readImport(bytes)).toMatchObject({ records: [{ name: 'Zoë Kowalski' }, { name: 'Renée François' }] });
  });

  it('a line whose bytes fit no charset is reported on its record, not turned into mojibake', () => {
    // 0x81 is no character in Windows-1252 and no lead byte UTF-8 accepts here.
    const bytes = Buffer.concat([Buffer.from('Name,Email\nDana Lee,dana@example.com\nRen', 'latin1'), Buffer.from([0x81]), Buffer.from('e,renee@example.fr\n', 'latin1')]);
    const read = readImport(bytes);
    expect(read).toMatchObject({ records: [{ name: 'Dana Lee' }, { name: 'Rene', warnings: [expect.stringMatching(/^line 3: bytes that are not text in UTF-8 or windows-1252 were left out/)] }] });
  });

  it('"Name <address>" cells and a name only in the address', () => {
    const read = readImport('Name,Email\n,"""Omega"" <omega@example.com>"\nDana Lee,<dana@example.com>\n');
    expect(read).toMatchObject({ records: [{ emails: ['"Omega" <omega@example.com>'] }, { emails: ['<dana@example.com>'] }] });
  });
});

describe('CSV decoding, whatever the bytes', () => {
  it('property: no name read from a CSV holds U+FFFD or a C1 control', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 30 }), fc.constantFrom(',', ';', '\t'), (raw, sep) => {
        const cell = Buffer.from(raw.filter((b) => ![0x0a, 0x0d, 0x22, 0x2c, 0x3b, 0x09].includes(b)));
        const bytes = Buffer.concat([Buffer.from(`Name${sep}Email\n`), cell, Buffer.from(`${sep}a@example.com\n`)]);
        const read = readImport(bytes);
        if ('records' in read) for (const r of read.records) expect(r.name).not.toMatch(/[\uFFFD\u0080-\u009f]/);
      }),
      { numRuns: 300 },
    );
  });

  it('U+FFFD already in a UTF-8 file is left out of the name, with a warning', () => {
    expect(readImport(Buffer.from('Name,Email\nJos\uFFFD Garc\uFFFDa,jose@example.com\n', 'utf8'))).toMatchObject({
      records: [{ name: 'Jos Garca', warnings: [expect.stringMatching(/^line 2: characters the file had already lost/)] }],
    });
  });
});
