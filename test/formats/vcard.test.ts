import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseProperty, parseVCards, readVCardRecords, splitEscaped, unescapeText, writeVCards } from '../../src/formats/vcard.js';
import { decodeText } from '../../src/formats/text.js';
import type { Contact } from '../../src/core/schema.js';
import { ROOT } from '../helpers/cli.js';

const fixture = (name: string) => decodeText(readFileSync(join(ROOT, 'fixtures', 'import', name)));
const card = (...lines: string[]) => ['BEGIN:VCARD', ...lines, 'END:VCARD'].join('\r\n') + '\r\n';
const one = (...lines: string[]) => readVCardRecords(card(...lines))[0]!;

describe('vCard properties', () => {
  it.each([
    ['FN:Dana Lee', { name: 'fn', value: 'Dana Lee', params: {} }],
    ['item1.EMAIL;type=INTERNET;type=pref:a@b.example', { group: 'item1', name: 'email', value: 'a@b.example', params: { type: ['internet', 'pref'] } }],
    ['TEL;CELL;PREF:+1 555', { name: 'tel', value: '+1 555', params: { type: ['cell', 'pref'] } }],
    ['TEL;VALUE=uri;TYPE="voice,cell":tel:+44', { name: 'tel', value: 'tel:+44', params: { value: ['uri'], type: ['voice', 'cell'] } }],
    ['NOTE;QUOTED-PRINTABLE:caf=C3=A9', { name: 'note', value: 'café', params: { encoding: ['quoted-printable'] } }],
    ['fn:lower case', { name: 'fn', value: 'lower case', params: {} }],
  ])('%s', (line, expected) => {
    expect(parseProperty(line)).toEqual(expected);
  });

  it('ignores a line with no colon', () => {
    expect(parseProperty('garbage')).toBeUndefined();
  });

  it.each([
    ['a;b;c', ';', ['a', 'b', 'c']],
    ['Acme\\, Inc.;Design', ';', ['Acme\\, Inc.', 'Design']],
    ['O\\;Brien;Ana', ';', ['O\\;Brien', 'Ana']],
    ['a\\,b,c', ',', ['a\\,b', 'c']],
  ] as const)('splitEscaped(%s)', (value, sep, parts) => {
    expect(splitEscaped(value, sep)).toEqual(parts);
  });

  it.each([
    ['a\\,b', 'a,b'],
    ['a\\;b', 'a;b'],
    ['a\\\\b', 'a\\b'],
    ['line\\nnext\\Nthird', 'line\nnext\nthird'],
    ['c:\\\\temp\\\\n', 'c:\\temp\\n'],
  ])('unescapeText(%s)', (value, text) => {
    expect(unescapeText(value)).toBe(text);
  });
});

describe('vCard quirks', () => {
  it('unfolds lines folded with a space or a tab', () => {
    expect(one('FN:Dana', ' Lee', 'NOTE:one', '\ttwo').notes).toBe('onetwo');
    expect(one('FN:Dana', ' Lee').name).toBe('DanaLee');
  });

  it('joins quoted-printable soft line breaks and decodes the charset', () => {
    const r = one('VERSION:2.1', 'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen =', 'M=C3=BCller');
    expect(r.name).toBe('Jürgen Müller');
    expect(one('VERSION:2.1', 'N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Fran=E7ois;Ren=E9e;;;').name).toBe('Renée François');
    expect(one('VERSION:2.1', 'N;CHARSET=SHIFT_JIS;QUOTED-PRINTABLE:=8E=52=93=63;=91=BE=98=59;;;').name).toBe('太郎 山田');
  });

  it('builds the name from N when there is no FN, and from ORG when there is neither', () => {
    expect(one('N:Lee;Dana;Q;Dr.;PhD').name).toBe('Dr. Dana Q Lee PhD');
    expect(one('ORG:City Plumbing;Service').name).toBe('City Plumbing');
    // No name at all is not a problem for the reader: the import names them after the phone.
    expect(one('TEL:555')).toMatchObject({ name: '', phones: ['555'] });
    expect(one('TEL:555').problem).toBeUndefined();
  });

  it('reads escaped commas and semicolons in structured and plain values', () => {
    const r = one('FN:Ana O\\, Brien', 'ORG:Acme\\, Inc.;Design', 'TITLE:Head\\; Brand', 'CATEGORIES:a\\,b,c');
    expect(r).toMatchObject({ name: 'Ana O, Brien', company: 'Acme, Inc.', role: 'Head; Brand', tags: ['a,b', 'c'] });
  });

  it('keeps every email and phone, preferred ones first, from itemN. groups too', () => {
    const r = one('FN:A', 'item1.EMAIL;type=INTERNET:x@a.example', 'item1.X-ABLabel:other', 'item2.EMAIL;type=INTERNET;type=pref:y@a.example', 'EMAIL;PREF=1:z@a.example', 'TEL:1', 'TEL;VALUE=uri:tel:+44-20');
    expect(r.emails).toEqual(['y@a.example', 'z@a.example', 'x@a.example']);
    expect(r.phones).toEqual(['1', '+44-20']);
  });

  it('ignores embedded photos and nested AGENT cards', () => {
    const cards = parseVCards(
      card('VERSION:2.1', 'FN:Boss', 'PHOTO;ENCODING=BASE64;JPEG:/9j/4AAQ', ' SkZJRg==', '', 'AGENT:', 'BEGIN:VCARD', 'FN:Assistant', 'END:VCARD', 'EMAIL:boss@x.example'),
    );
    expect(cards).toHaveLength(1);
    const r = readVCardRecords(card('VERSION:2.1', 'FN:Boss', 'PHOTO;ENCODING=BASE64;JPEG:/9j/4AAQ', ' SkZJRg==', '', 'AGENT:', 'BEGIN:VCARD', 'FN:Assistant', 'END:VCARD', 'EMAIL:boss@x.example'))[0]!;
    expect(r).toMatchObject({ name: 'Boss', emails: ['boss@x.example'] });
    expect(JSON.stringify(r)).not.toMatch(/9j|SkZJ/);
  });

  it('reads several cards, lower-case keywords, LF or CR line ends, and a last card cut off', () => {
    const text = 'begin:vcard\nfn:One\nend:vcard\rBEGIN:VCARD\rFN:Two\rEND:VCARD\r\nBEGIN:VCARD\r\nFN:Three\r\n';
    expect(readVCardRecords(text).map((r) => [r.name, r.line])).toEqual([['One', 1], ['Two', 4], ['Three', 7]]);
  });

  it('drops control characters from values', () => {
    expect(one('FN:Evil\u001b[31m Name').name).toBe('Evil[31m Name');
  });
});

describe('vCard fixtures', () => {
  it('android-2.1.vcf: quoted-printable UTF-8 and Latin-1, soft breaks, a photo, a card with no name', () => {
    const r = readVCardRecords(fixture('android-2.1.vcf'));
    expect(r.map((x) => x.name)).toEqual(['Jürgen Müller', 'Renée François', '', 'Chidi Okafor']);
    expect(r[0]).toMatchObject({
      emails: ['juergen@example.de'],
      phones: ['+49 170 1234567', '+49 30 765432'],
      company: 'Bäckerei Müller',
      notes: 'Met at the Hannover fair; wants an intro to a designer\nSecond line',
    });
    expect(r[2]).toMatchObject({ name: '', phones: ['+1 555 0100'] });
    expect(r[3]!.emails).toEqual(['chidi.okafor@work.example', 'chidi@example.ng']);
  });

  it('apple-3.0.vcf: groups, escapes, folded note, categories, lower-case card', () => {
    const r = readVCardRecords(fixture('apple-3.0.vcf'));
    expect(r[0]).toMatchObject({
      name: "Ana O'Brien",
      emails: ['ana@acme.example', 'ana.obrien@home.example'],
      phones: ['(555) 010-2000'],
      company: 'Acme, Inc.',
      role: 'Head of Design; Brand',
      tags: ['design', 'Mentors'],
      notes: 'Prefers mornings, never Mondays.\nLikes the long version of every story, so bring time.',
    });
    expect(r[1]).toMatchObject({ name: 'Sam Ortiz', aliases: ['Sammy'], emails: ['sam@ortiz.example'], phones: ['+1-555-0199'] });
  });

  it('outlook-4.0.vcf: tel: URIs, PREF, quoted parameters, data: photo', () => {
    const [r] = readVCardRecords(fixture('outlook-4.0.vcf'));
    expect(r).toMatchObject({ name: 'Priya Natarajan', emails: ['priya@finco.example', 'priya.n@mail.example'], phones: ['+44-20-7946-0018'], company: 'FinCo', role: 'CFO' });
  });
});

const contact = (c: Partial<Contact>): Contact => ({ id: 'abc12345', name: 'X', aliases: [], emails: [], phones: [], tags: [], createdAt: '2026-01-01T00:00:00.000Z', archived: false, ...c });

describe('vCard 4.0 writer', () => {
  it('writes CRLF lines of at most 75 octets, escaping text', () => {
    const text = writeVCards([contact({ name: 'Zoë Ærøskøbing-Łukasiewicz', company: 'A, B; C', notes: `${'ü'.repeat(60)}\nback\\slash`, tags: ['a,b'] })]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text).toContain('ORG:A\\, B\\; C');
    expect(text).toMatch(/^VERSION:4\.0\r$/m);
  });

  it('reads back what it wrote, for any text', () => {
    const word = fc.string({ minLength: 1, maxLength: 30 }).map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length > 0 && !/[\u0000-\u001f\u007f-\u009f]/.test(s));
    fc.assert(
      fc.property(word, word, fc.array(word, { maxLength: 3 }), (name, company, tags) => {
        const uniqueTags = [...new Map(tags.filter((t) => !t.includes(',')).map((t) => [t.toLowerCase(), t])).values()];
        const [r] = readVCardRecords(writeVCards([contact({ name, company, tags: uniqueTags, notes: `${company}\n${name}` })]));
        expect(r).toMatchObject({ name, company, tags: uniqueTags, notes: `${company}\n${name}` });
      }),
      { numRuns: 200 },
    );
  });
});

describe('netlog fields in vCards', () => {
  it.each([
    // [the contact's own cadence, archived, lines written, cadenceDays read back]
    [undefined, false, [], undefined],
    [42, false, ['X-NETLOG-CADENCE:42'], 42],
    [null, true, ['X-NETLOG-CADENCE:never', 'X-NETLOG-ARCHIVED:yes'], null],
    [7, true, ['X-NETLOG-CADENCE:7', 'X-NETLOG-ARCHIVED:yes'], 7],
  ] as const)('cadence %s, archived %s → %j → %s', (cadenceDays, archived, lines, days) => {
    const c = contact({ name: 'Ann Lee', tags: ['investor'], source: 'PyCon', archived, ...(cadenceDays !== undefined ? { cadenceDays } : {}) });
    const text = writeVCards([c]);
    expect(text.split('\r\n').filter((l) => /^X-NETLOG-(CADENCE|ARCHIVED)/.test(l))).toEqual(lines);
    const [r] = readVCardRecords(text);
    expect(r).toMatchObject({ name: 'Ann Lee', tags: ['investor'], source: 'PyCon' });
    expect(r!.cadenceDays).toBe(days);
    expect(r!.archived).toBe(archived || undefined);
  });

  it('reads a cadence written in words, and warns about one it cannot read', () => {
    const card = (v: string) => readVCardRecords(`BEGIN:VCARD\r\nFN:Ann\r\nX-NETLOG-CADENCE:${v}\r\nX-NETLOG-ARCHIVED:no\r\nEND:VCARD\r\n`)[0]!;
    expect(card('every 6 weeks')).toMatchObject({ cadenceDays: 42 });
    expect(card('every 6 weeks').archived).toBeUndefined();
    expect(card('soon').cadenceDays).toBeUndefined();
    expect(card('soon').warnings).toEqual([expect.stringContaining('left out cadence "soon"')]);
  });
});
