import { describe, expect, it } from 'vitest';
import { charsetName, cleanText, decodeCharset, decodeStrict, decodeText, utf16Kind } from '../../src/formats/text.js';

describe('decodeText', () => {
  const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Name\nZoë', 'utf16le')]);
  const utf16be = Buffer.from([0xfe, 0xff, 0x00, 0x5a, 0x00, 0xeb]);
  it.each([
    ['UTF-8', Buffer.from('Zoë'), 'Zoë'],
    ['UTF-8 with BOM', Buffer.from('\ufeffZoë'), 'Zoë'],
    ['UTF-16LE with BOM', utf16le, 'Name\nZoë'],
    ['UTF-16BE with BOM', utf16be, 'Zë'],
    ['Windows-1252', Buffer.from([0x4a, 0x6f, 0x73, 0xe9, 0x20, 0x80]), 'José €'],
  ])('%s', (_, bytes, text) => {
    expect(decodeText(bytes)).toBe(text);
  });

  it.each([
    ['iso-8859-1', [0xe7], 'ç'],
    ['UTF-8', [0xc3, 0xa7], 'ç'],
    ['no-such-charset', [0xc3, 0xa7], 'ç'],
    ['utf-8', [0xe7], 'ç'],
    ['windows-1252', [0x93, 0x41, 0x94], '“A”'],
  ])('decodeCharset %s', (charset, bytes, text) => {
    expect(decodeCharset(Uint8Array.from(bytes), charset)).toBe(text);
  });

  it('cleanText keeps newlines and tabs, drops other control characters', () => {
    expect(cleanText('a\r\nb\rc\td\u0000\u001b[31m\u0085')).toBe('a\nb\nc\td[31m');
  });
});

describe('decodeStrict: Node 20 TextDecoder, no tables of ours', () => {
  it.each([
    ['windows-1252', [0x80, 0x93, 0x41, 0x94], { text: '€“A”' }],
    ['latin1', [0x80, 0xe9], { text: '€é' }],
    ['windows-1252', [0x81], { error: 'bytes' }],
    ['SHIFT_JIS', [0x8e, 0x52], { text: '山' }],
    ['Shift-JIS', [0x8e, 0x52], { text: '山' }],
    ['cp932', [0x8e, 0x52], { text: '山' }],
    ['shift_jis', [0x8e], { error: 'bytes' }],
    ['euc-jp', [0x80], { error: 'bytes' }],
    ['utf-8', [0xef, 0xbf, 0xbd], { error: 'bytes' }],
    ['x-no-such', [0x41], { error: 'label' }],
  ] as const)('%s %j → %j', (label, bytes, result) => {
    expect(decodeStrict(Uint8Array.from(bytes), label)).toEqual(result);
  });

  it.each([
    ['UTF-16LE BOM', [0xff, 0xfe, 0x41, 0x00], 'utf-16le'],
    ['UTF-16BE BOM', [0xfe, 0xff, 0x00, 0x41], 'utf-16be'],
    ['UTF-16LE, no BOM', [...Buffer.from('BEGIN:VCARD\r\n', 'utf16le')], 'utf-16le'],
    ['UTF-16BE, no BOM', [...Buffer.from('BEGIN:VCARD\r\n', 'utf16le').swap16()], 'utf-16be'],
    ['UTF-8', [...Buffer.from('BEGIN:VCARD\r\n')], undefined],
  ])('utf16Kind: %s', (_, bytes, kind) => {
    expect(utf16Kind(Uint8Array.from(bytes))).toBe(kind);
  });

  it('charsetName spells charsets as the registry does', () => {
    expect(['shift_jis', 'utf8', 'latin1', 'koi8-r', 'big5', 'unknown-x'].map(charsetName)).toEqual(['Shift_JIS', 'UTF-8', 'windows-1252', 'KOI8-R', 'Big5', 'unknown-x']);
  });
});
