import { describe, expect, it } from 'vitest';
import { cleanText, decodeCharset, decodeText } from '../../src/formats/text.js';

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
