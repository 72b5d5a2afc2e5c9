import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readVCardRecords } from '../../src/formats/vcard.js';
import { readImport } from '../../src/formats/import.js';
import { ROOT } from '../helpers/cli.js';

// vCards as real producers write them (origins in fixtures/import/README), and every charset
// case of issue 13: decoded after unfolding, per value by CHARSET, per card by guess, never
// silently into mojibake.

const bytesOf = (name: string) => readFileSync(join(ROOT, 'fixtures', 'import', name));
const hex = (h: string) => Buffer.from(h.replace(/\s/g, ''), 'hex');
const ascii = (s: string) => Buffer.from(s, 'latin1');
const file = (...parts: (string | Buffer)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? ascii(p) : p)));

type Expect = { name: string; emails: string[]; phones: string[]; company?: string; dates?: { label: string; date: string }[] };

describe('vCards from real producers', () => {
  it.each<[string, string, Expect[]]>([
    ['android-2.1.vcf', 'Android 2.1, QP UTF-8 and Latin-1', [
      { name: 'Jürgen Müller', emails: ['juergen@example.de'], phones: ['+49 170 1234567', '+49 30 765432'], company: 'Bäckerei Müller' },
      { name: 'Renée François', emails: [], phones: ['0611223344'] },
      { name: '', emails: [], phones: ['+1 555 0100'] },
      { name: 'Chidi Okafor', emails: ['chidi.okafor@work.example', 'chidi@example.ng'], phones: [] },
    ]],
    ['android-docomo-shift_jis.vcf', 'Android (docomo) Shift_JIS: raw, QP, and unlabelled', [
      { name: '太郎 山田', emails: ['taro@docomo.example'], phones: ['090-1234-5678'] },
      { name: '山田 花子', emails: [], phones: ['080-0000-1111'] },
      { name: '一郎 佐藤', emails: ['ichiro@example.jp'], phones: [] },
    ]],
    ['apple-macos-ezvcard.vcf', 'Apple macOS Address Book', [
      {
        name: 'Mr. John Richter,James Doe Sr.',
        emails: ['john.doe@ibm.com'],
        phones: ['905-777-1234', '905-666-1234', '905-555-1234', '905-111-1234', '905-222-1234'],
        company: 'IBM',
        dates: [{ label: 'birthday', date: '2012-06-06' }],
      },
    ]],
    ['google-gmail-ezvcard.vcf', 'Google Contacts (Gmail) export', [
      {
        name: 'VCard Test',
        emails: ['email@example.com', 'homeemail@example.com', 'workemail@example.com', 'otheremail@example.com', 'customcategory@example.com'],
        phones: ['5555551111', '5555551112', '5555551113', '5555551115', '5555551119'],
        company: 'TheCompany',
        dates: [{ label: 'birthday', date: '1912-06-23' }, { label: 'anniversary', date: '1930-03-20' }],
      },
      { name: 'Arnold Smith', emails: ['asmithk@gmail.com'], phones: [] },
      { name: 'Chris Beatle', emails: ['chrisy55d@yahoo.com'], phones: [] },
    ]],
    ['outlook-2019-2.1.vcf', 'Outlook 2019 (vCard 2.1)', [
      // The sample's phone numbers are placeholders ("work-phone-number"): the import leaves them out, saying so.
      { name: 'Sir surename secondname forename jun.', emails: ['test1@test1.de', 'test2@test2.de', 'test3@test3.de'], phones: ['work-phone-number', 'private-phone-number', 'mobile-phone-number'], company: 'Companyname' },
    ]],
    ['thunderbird-netscape-2.1.vcf', 'Thunderbird / Netscape Messenger', [
      { name: 'Martin Knoblauch', emails: ['Martin.Knoblauch@TeraPort.de'], phones: ['+49-170-4904759', '+49-89-510857-309'], company: 'TeraPort GmbH' },
      { name: 'Stefan Breitegger', emails: ['tuxstef@tuxstef.org'], phones: ['0720 597 427', '0680 233 13 04'] },
    ]],
    ['kde-kcontacts.vcf', 'KDE (kcontacts)', [{ name: 'Test User', emails: ['thejoe@abc.com', 'johndoe@abc.com'], phones: [] }]],
    ['evolution-ezvcard.vcf', 'Evolution (folded mid-word, escaped commas)', [
      {
        name: 'Mr. John Richter, James Doe Sr.',
        emails: ['john.doe@ibm.com'],
        phones: ['905-666-1234', '905-555-1234'],
        company: 'IBM',
        dates: [{ label: 'birthday', date: '1980-03-22' }, { label: 'anniversary', date: '1980-03-22' }],
      },
    ]],
    ['nokia-2.1-evolution.vcf', 'Nokia 2.1 from the Evolution test suite (QP soft breaks)', [
      { name: 'Michael Brüning', emails: ['ext-Michael.Bruning@nokia.com'], phones: ['+491622433834', '017623384942', '+4973117546691'], dates: [{ label: 'birthday', date: '1978-12-29' }] },
      { name: 'Foo Bar', emails: ['foo.bar@example.org'], phones: [] },
    ]],
  ])('%s (%s)', (name, _producer, expected) => {
    const records = readVCardRecords(bytesOf(name));
    expect(records.map((r) => ({ name: r.name, emails: r.emails, phones: r.phones, ...(r.company ? { company: r.company } : {}), ...(r.dates ? { dates: r.dates } : {}) }))).toEqual(expected);
    // Nothing in a real producer's file is unreadable.
    expect(records.flatMap((r) => r.warnings ?? []).filter((w) => /not text/.test(w))).toEqual([]);
  });
});

describe('vCard charsets', () => {
  const card = (...lines: (string | Buffer)[]) => file('BEGIN:VCARD\r\nVERSION:2.1\r\n', ...lines, 'END:VCARD\r\n');

  it.each([
    ['Shift_JIS', hex('8E529363'), '山田'],
    ['EUC-JP', hex('bbb3c5c4'), '山田'],
    ['ISO-2022-JP', hex('1b24423b3345441b2842'), '山田'],
    ['GB18030', hex('c9bdccef'), '山田'],
    ['Big5', hex('a473a5d0'), '山田'],
    ['EUC-KR', hex('c7d1b1b9'), '한국'],
  ])('a value in %s by its CHARSET (raw bytes)', (charset, bytes, text) => {
    expect(readVCardRecords(card(`FN;CHARSET=${charset}:`, bytes, '\r\n'))[0]!.name).toBe(text);
  });

  it.each([
    ['KOI8-R', hex('e9d7c1ce'), 'Иван'],
    ['ISO-8859-7', hex('c1ebddeee1'), 'Αλέξα'],
    ['windows-1251', hex('c8e2e0ed'), 'Иван'],
    ['ISO-8859-2', hex('a3f3ddea'), 'ŁóÝę'],
    ['windows-1252', hex('93e980'), '“é€'],
    ['latin1', hex('e9'), 'é'],
  ])('%s decodes by its label', (charset, bytes, text) => {
    expect(readVCardRecords(card(`FN;CHARSET=${charset}:`, bytes, '\r\n'))[0]!.name).toBe(text);
  });

  it('quoted-printable and base64 values decode to bytes first, then by their charset', () => {
    expect(readVCardRecords(card('FN;CHARSET=Shift_JIS;ENCODING=QUOTED-PRINTABLE:=83=52=83=80\r\n'))[0]!.name).toBe('コム');
    expect(readVCardRecords(card('FN;CHARSET=Shift_JIS;ENCODING=BASE64:g1KDgA==\r\n'))[0]!.name).toBe('コム');
    expect(readVCardRecords(card('FN;CHARSET=UTF-8;ENCODING=B:44Kz44Og\r\n'))[0]!.name).toBe('コム');
  });

  it('unfolds before decoding: a fold inside a two-byte character is not mojibake (the ownCloud case)', () => {
    // "Αλέξης" in UTF-8, folded after the first byte of "έ".
    const utf8 = Buffer.from('Αλέξης', 'utf8');
    const [r] = readVCardRecords(file('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:', utf8.subarray(0, 5), '\r\n ', utf8.subarray(5), '\r\nEND:VCARD\r\n'));
    expect(r!.name).toBe('Αλέξης');
  });

  it('guesses per card, never per file: a Latin-1 card does not spoil the UTF-8 cards beside it', () => {
    const records = readVCardRecords(
      file(
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:', Buffer.from('Zoë Kowalski', 'utf8'), '\r\nEND:VCARD\r\n',
        'BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Ren', hex('e9'), 'e Fran', hex('e7'), 'ois\r\nEND:VCARD\r\n',
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:', Buffer.from('Jürgen Müller', 'utf8'), '\r\nEND:VCARD\r\n',
      ),
    );
    expect(records.map((r) => r.name)).toEqual(['Zoë Kowalski', 'Renée François', 'Jürgen Müller']);
  });

  it('a card with no CHARSET is read in the charset the file names elsewhere (Shift_JIS)', () => {
    const records = readVCardRecords(bytesOf('android-docomo-shift_jis.vcf'));
    expect(records[2]!.name).toBe('一郎 佐藤');
  });

  it.each([
    ['UTF-16LE with BOM', (s: string) => Buffer.concat([hex('fffe'), Buffer.from(s, 'utf16le')])],
    ['UTF-16LE without BOM', (s: string) => Buffer.from(s, 'utf16le')],
    ['UTF-16BE with BOM', (s: string) => Buffer.concat([hex('feff'), Buffer.from(s, 'utf16le').swap16()])],
    ['UTF-16BE without BOM', (s: string) => Buffer.from(s, 'utf16le').swap16()],
    ['UTF-8 with BOM', (s: string) => Buffer.concat([hex('efbbbf'), Buffer.from(s, 'utf8')])],
  ])('%s', (_label, encode) => {
    const text = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë 山田\r\nEMAIL:zoe@example.com\r\nEND:VCARD\r\n';
    expect(readImport(encode(text))).toMatchObject({ format: 'vcf', records: [{ name: 'Zoë 山田', emails: ['zoe@example.com'] }] });
  });

  it('a value that fits no charset is left out and reported with its line, never turned into mojibake', () => {
    // 0x81 0x20 is not Shift_JIS, not UTF-8; 0x81 is not a Windows-1252 character either.
    const [r] = readVCardRecords(card('FN:Dana Lee\r\n', 'NOTE;CHARSET=SHIFT_JIS:', hex('8120'), '\r\n'));
    expect(r!.name).toBe('Dana Lee');
    expect(r!.notes).toBeUndefined();
    expect(r!.warnings).toEqual([expect.stringMatching(/^line 4: left out NOTE: its bytes are not text in Shift_JIS, UTF-8/)]);
  });

  it('an unreadable name falls back to N, and says so', () => {
    const [r] = readVCardRecords(card('FN;CHARSET=UTF-8:', hex('8120'), '\r\n', 'N:Lee;Dana;;;\r\n'));
    expect(r!.name).toBe('Dana Lee');
    expect(r!.warnings?.[0]).toMatch(/^line 3: left out FN/);
  });

  it('an unknown CHARSET label still reads a UTF-8 value', () => {
    expect(readVCardRecords(card('FN;CHARSET=X-UNKNOWN:', Buffer.from('Zoë', 'utf8'), '\r\n'))[0]!.name).toBe('Zoë');
  });

  it('property: no decoded name ever holds U+FFFD or a C1 control, whatever the bytes', () => {
    const charsets = ['', ';CHARSET=UTF-8', ';CHARSET=SHIFT_JIS', ';CHARSET=ISO-8859-1', ';CHARSET=GB18030', ';CHARSET=EUC-KR', ';CHARSET=KOI8-R', ';CHARSET=windows-1251'];
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 24 }),
        fc.constantFrom(...charsets),
        fc.constantFrom('', ';ENCODING=QUOTED-PRINTABLE', ';ENCODING=BASE64'),
        (raw, charset, encoding) => {
          // No line breaks inside the value itself: those would end the line.
          const value = Buffer.from(raw.filter((b) => b !== 0x0a && b !== 0x0d));
          const encoded = encoding.includes('BASE64') ? ascii(value.toString('base64')) : encoding.includes('QUOTED') ? ascii([...value].map((b) => `=${b.toString(16).padStart(2, '0').toUpperCase()}`).join('')) : value;
          const records = readVCardRecords(file(`BEGIN:VCARD\r\nFN${charset}${encoding}:`, encoded, '\r\nN:Lee;Dana;;;\r\nEND:VCARD\r\n'));
          for (const r of records) expect(r.name).not.toMatch(/[\uFFFD\u0080-\u009f]/);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('guessing a card that names no charset', () => {
  const card = (...lines: (string | Buffer)[]) => Buffer.concat([Buffer.from('BEGIN:VCARD\r\nVERSION:2.1\r\n', 'latin1'), ...lines.map((l) => (typeof l === 'string' ? Buffer.from(l, 'latin1') : l)), Buffer.from('END:VCARD\r\n', 'latin1')]);
  it.each([
    ['windows-1251', 'c8e2e0ed20cfe5f2f0eee2', 'Иван Петров'],
    ['KOI8-R', 'e9d7c1ce20f0c5d4d2cfd7', 'Иван Петров'],
    ['Shift_JIS with kana', '8384837D835F20835E838D8345', 'ヤマダ タロウ'],
    ['windows-1252', '52656ee965204672616ee76f6973', 'Renée François'],
  ])('%s', (_charset, hexBytes, name) => {
    expect(readVCardRecords(card('FN:', Buffer.from(hexBytes, 'hex'), '\r\n'))[0]!.name).toBe(name);
  });
});

it('a decomposed name (as macOS writes it) comes in composed, so it is the same text as one typed', () => {
  const [r] = readVCardRecords('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoe\u0308 Kowalski\r\nEND:VCARD\r\n');
  expect(r!.name).toBe('Zoë Kowalski');
});

it('a value whose bytes do not fit the CHARSET it names is read by the card guess (a phone that says UTF-8 and writes Latin-1)', () => {
  const bytes = Buffer.concat([Buffer.from('BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=UTF-8:Ren', 'latin1'), Buffer.from([0xe9]), Buffer.from('e Fran', 'latin1'), Buffer.from([0xe7]), Buffer.from('ois\r\nEND:VCARD\r\n', 'latin1')]);
  const [r] = readVCardRecords(bytes);
  expect(r!.name).toBe('Renée François');
  expect(r!.warnings).toBeUndefined();
});

it('U+FFFD already in the file is left out of the value, with a warning', () => {
  const [r] = readVCardRecords('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jos\uFFFD Garc\uFFFDa\r\nEND:VCARD\r\n');
  expect(r).toMatchObject({ name: 'Jos Garca', warnings: [expect.stringMatching(/^line 3: FN had characters the file had already lost/)] });
});
