// Turning an import file's bytes into text, whatever program wrote it: UTF-8 (with or without
// a BOM), UTF-16 (with or without a BOM: Outlook's "Unicode" CSV), or a legacy code page named
// by a CHARSET parameter or guessed. Node's TextDecoder (full ICU in Node 20) does every
// decoding; nothing here is a code table.

/**
 * Common spellings of charsets that the WHATWG Encoding standard does not list as labels, but
 * that phones and mail programs write. Only names are mapped here, never characters.
 */
const ALIASES: Record<string, string> = {
  'shift-jis': 'shift_jis',
  sjis: 'shift_jis',
  cp932: 'shift_jis',
  ms932: 'shift_jis',
  'windows-932': 'shift_jis',
  'x-ms-cp932': 'shift_jis',
  eucjp: 'euc-jp',
  'euc_jp': 'euc-jp',
  euckr: 'euc-kr',
  'euc_kr': 'euc-kr',
  cp949: 'euc-kr',
  cp936: 'gbk',
  cp950: 'big5',
  'big5-hkscs': 'big5',
  utf8: 'utf-8',
  'utf-16': 'utf-16le',
  ucs2: 'utf-16le',
  'ucs-2': 'utf-16le',
  'iso-8859-8-i': 'iso-8859-8-i',
};

/** The charset label as TextDecoder knows it ("SHIFT_JIS" → "shift_jis", "Shift-JIS" too). */
export function charsetLabel(charset: string): string {
  const l = charset.trim().replace(/^"|"$/g, '').toLowerCase();
  return ALIASES[l] ?? l;
}

export type Decoded = { text: string } | { error: 'label' | 'bytes' };

/**
 * Decodes bytes in one charset, strictly: bytes that do not fit it are an error, never U+FFFD.
 * For a legacy (non-Unicode) charset, C1 control characters in the result also count as "does
 * not fit": real text has none, and they are what a wrong code page produces.
 */
export function decodeStrict(bytes: Uint8Array, charset: string): Decoded {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charsetLabel(charset), { fatal: true, ignoreBOM: true });
  } catch {
    return { error: 'label' };
  }
  let text: string;
  try {
    // Node 20 decodes windows-1252 (and its aliases latin1, ascii…) on a fast path that reads
    // 0x80-0x9F as C1 controls (nodejs/node#56542); a streaming decode goes through ICU, which
    // maps them as the standard says (0x80 → €, 0x93 → “).
    text = decoder.decode(bytes, { stream: true }) + decoder.decode();
  } catch {
    return { error: 'bytes' };
  }
  if (text.includes('\uFFFD')) return { error: 'bytes' };
  if (!decoder.encoding.startsWith('utf-') && /[\u0080-\u009f]/.test(text)) return { error: 'bytes' };
  return { text };
}

/** True when the bytes are valid UTF-8. */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 by its BOM, or, without one, by the zero bytes ASCII text has on one side of each pair. */
export function utf16Kind(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const n = Math.min(bytes.length - (bytes.length % 2), 1024);
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero += 1;
    if (bytes[i + 1] === 0) oddZero += 1;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/**
 * The file's bytes with Unicode sorted out first: UTF-16 (with or without BOM) re-encoded as
 * UTF-8, a UTF-8 BOM dropped. Anything else is returned as it is, for the reader to decode
 * value by value.
 */
export function unicodeBytes(bytes: Uint8Array): Uint8Array {
  const utf16 = utf16Kind(bytes);
  if (utf16) {
    const hasBom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    const text = new TextDecoder(utf16).decode(bytes.subarray(hasBom ? 2 : 0));
    return new TextEncoder().encode(text);
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3);
  return bytes;
}

/** The text as bytes, one char per byte: how the vCard reader keeps bytes until it knows their charset. */
export const toBinary = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
export const fromBinary = (binary: string): Uint8Array => Buffer.from(binary, 'latin1');

// Japanese text in Shift_JIS or EUC-JP decodes with kana in it; Latin-1 text misread as either
// yields, at most, a few stray kanji. That is what tells the two apart without a label.
const KANA = /[\u3041-\u30ff]/;

/**
 * The legacy charset that reads every one of these byte strings (none of which is UTF-8):
 * the charsets named elsewhere in the same card or file first, then Japanese when it reads as
 * Japanese, then Windows-1252 (what Western exporters wrote). Undefined when none reads them all.
 */
export function guessLegacy(samples: readonly Uint8Array[], declared: readonly string[] = []): string | undefined {
  if (samples.length === 0) return undefined;
  const readsAll = (label: string) => samples.every((s) => 'text' in decodeStrict(s, label));
  for (const label of declared) if (!charsetLabel(label).startsWith('utf-') && readsAll(label)) return label;
  for (const label of ['shift_jis', 'euc-jp']) {
    if (readsAll(label) && samples.some((s) => KANA.test((decodeStrict(s, label) as { text: string }).text))) return label;
  }
  const cyrillic = cyrillicCodePage(samples);
  if (cyrillic && readsAll(cyrillic)) return cyrillic;
  return readsAll('windows-1252') ? 'windows-1252' : undefined;
}

/**
 * Russian (and other Cyrillic) text in a Windows or KOI8 code page is whole words of bytes from
 * 0xC0 up, where Western text has an accented letter here and there. Lower-case letters, the
 * most common, sit in 0xE0–0xFF in windows-1251 and in 0xC0–0xDF in KOI8-R.
 */
function cyrillicCodePage(samples: readonly Uint8Array[]): 'windows-1251' | 'koi8-r' | undefined {
  let high = 0;
  let inWords = 0;
  let upperHalf = 0;
  for (const s of samples) {
    let run = 0;
    for (let i = 0; i <= s.length; i++) {
      const b = s[i];
      if (b !== undefined && b >= 0xc0) {
        run += 1;
        high += 1;
        if (b >= 0xe0) upperHalf += 1;
      } else {
        if (run >= 3) inWords += run;
        run = 0;
      }
    }
  }
  if (high < 3 || inWords < high * 0.6) return undefined;
  return upperHalf >= high / 2 ? 'windows-1251' : 'koi8-r';
}

/** A display name for a charset label in messages, as the registry spells it ("Shift_JIS", "UTF-8", "windows-1252"). */
export function charsetName(label: string): string {
  let name: string;
  try {
    name = new TextDecoder(charsetLabel(label)).encoding;
  } catch {
    return label;
  }
  if (name === 'shift_jis') return 'Shift_JIS';
  if (name === 'big5') return 'Big5';
  return name.startsWith('windows-') || name.startsWith('x-') ? name : name.toUpperCase();
}

/**
 * Decodes a whole text file (CSV): UTF-16 and BOMs as above; a file valid as UTF-8 is UTF-8;
 * otherwise each line on its own (a file put together from two sources can mix them): UTF-8
 * when the line is, else the file's best legacy guess. `unreadable` lists the 1-based lines
 * whose bytes fit no charset tried; their undecodable bytes are dropped, and the caller says so.
 */
export function decodeLines(input: Uint8Array): { text: string; unreadable: number[]; charset: string } {
  const bytes = unicodeBytes(input);
  if (isUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), unreadable: [], charset: 'utf-8' };
  const lines = splitByteLines(bytes);
  const legacy = lines.filter((l) => !isUtf8(l.bytes));
  const guess = guessLegacy(legacy.map((l) => l.bytes)) ?? 'windows-1252';
  const unreadable: number[] = [];
  const text = lines
    .map((l, i) => {
      if (isUtf8(l.bytes)) return new TextDecoder('utf-8').decode(l.bytes) + l.eol;
      const d = decodeStrict(l.bytes, guess);
      if ('text' in d) return d.text + l.eol;
      unreadable.push(i + 1);
      // Keep the rest of the line readable; the bytes that fit nothing are left out, and said.
      return cleanText(new TextDecoder(charsetLabel(guess)).decode(l.bytes)).replace(/\uFFFD/g, '') + l.eol;
    })
    .join('');
  return { text, unreadable, charset: guess };
}

function splitByteLines(bytes: Uint8Array): { bytes: Uint8Array; eol: string }[] {
  const out: { bytes: Uint8Array; eol: string }[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a || bytes[i] === 0x0d) {
      const crlf = bytes[i] === 0x0d && bytes[i + 1] === 0x0a;
      out.push({ bytes: bytes.subarray(start, i), eol: crlf ? '\r\n' : bytes[i] === 0x0d ? '\r' : '\n' });
      if (crlf) i += 1;
      start = i + 1;
    }
  }
  if (start < bytes.length) out.push({ bytes: bytes.subarray(start), eol: '' });
  return out;
}

/** Decodes file bytes: BOM-aware, UTF-8 when valid, else line by line as decodeLines does. */
export function decodeText(bytes: Uint8Array): string {
  return decodeLines(bytes).text;
}

/** Decodes bytes in a named charset; a label it does not know, or bytes that do not fit it, fall back to decodeText. */
export function decodeCharset(bytes: Uint8Array, charset: string | undefined): string {
  if (charset) {
    const d = decodeStrict(bytes, charset);
    if ('text' in d) return d.text;
  }
  return decodeText(bytes);
}

// Control characters other than newline and tab have no place in a contact field (SPEC §5);
// they are dropped on import and on export.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * The text with control characters removed, line endings made \n, and in composed form (NFC):
 * macOS writes "Zoë" decomposed (e + combining diaeresis), which looks the same and is not.
 */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, '').normalize('NFC');
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
