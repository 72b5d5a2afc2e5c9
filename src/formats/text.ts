// Turning an import file's bytes into text, whatever program wrote it: UTF-8 (with or without
// a BOM), UTF-16 with a BOM (Outlook's "Unicode" CSV), or a legacy Windows code page.

/** Decodes file bytes: BOM-aware, UTF-8 when valid, else Windows-1252 (what old exporters wrote). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return decodeWindows1252(body);
  }
}

// Bytes 0x80-0x9F in Windows-1252 (€, curly quotes, dashes…). Node's TextDecoder reads them as
// Latin-1 control characters (nodejs/node#56542), so they are mapped here.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Windows-1252 bytes as text. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b);
  return out;
}

/** Decodes bytes in a named charset; unknown charsets fall back to UTF-8, then Windows-1252. */
export function decodeCharset(bytes: Uint8Array, charset: string | undefined): string {
  if (charset) {
    // As browsers do (WHATWG Encoding), Latin-1 and ASCII labels mean Windows-1252.
    if (/^(windows-1252|cp1252|iso-8859-1|latin1|us-ascii|ascii)$/i.test(charset.trim())) return decodeWindows1252(bytes);
    try {
      return new TextDecoder(charset.trim().toLowerCase(), { fatal: true }).decode(bytes);
    } catch {
      // unknown label or bytes that do not fit it: guess as for a whole file
    }
  }
  return decodeText(bytes);
}

// Control characters other than newline and tab have no place in a contact field (SPEC §5);
// they are dropped on import and on export.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** The text with control characters removed and line endings made \n. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

/**
 * Folds one content line for vCard/iCalendar (RFC 5545 §3.1, RFC 6350 §3.2): at most 75 octets
 * per line, continuation lines start with a space, never splitting a UTF-8 character.
 */
export function foldLine(line: string, limit = 75): string {
  const out: string[] = [];
  let cur = '';
  let curBytes = 0;
  let max = limit;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (curBytes + n > max) {
      out.push(cur);
      cur = ' ';
      curBytes = 1;
      max = limit;
    }
    cur += ch;
    curBytes += n;
  }
  out.push(cur);
  return out.join('\r\n');
}
