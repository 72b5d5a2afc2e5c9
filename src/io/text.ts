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
    return new TextDecoder('windows-1252').decode(body);
  }
}

/** Decodes bytes in a named charset; unknown charsets fall back to UTF-8, then Windows-1252. */
export function decodeCharset(bytes: Uint8Array, charset: string | undefined): string {
  if (charset) {
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
