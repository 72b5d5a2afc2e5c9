import type { ImportRecord } from '../core/import.js';
import type { Contact, KeyDate } from '../core/schema.js';
import { BIRTHDAY, readKeyDate, vcardDate, vcardProperty } from '../core/key-dates.js';
import { charsetLabel, charsetName, cleanText, decodeStrict, foldLine, fromBinary, guessLegacy, isUtf8, toBinary, unicodeBytes } from './text.js';
import { readArchived, readCadenceText } from './netlog-fields.js';

// vCard 2.1, 3.0 and 4.0 (RFC 2425/2426/6350) as phones and mail programs really write them.
// Hand-written because none of the npm parsers we tried handles these cases together (see the
// import tests): `vcf` keeps quoted-printable undecoded and splits N on escaped semicolons,
// ical.js refuses vCard 2.1's bare parameters, and vcard4 reads 4.0 only.
//
// The reader works on bytes until it knows a value's charset: lines are unfolded first (a fold
// may fall inside a multi-byte character), then a file that is valid UTF-8 is UTF-8; otherwise
// each value is decoded by its CHARSET parameter, and one without by the best guess for its own
// card (never for the whole file, so one Latin-1 card cannot spoil its UTF-8 neighbours).
// Quoted-printable and base64 values become bytes first, then text. A value that fits no
// charset is left out and reported with its line, never turned into mojibake.

export interface VProperty {
  group?: string;
  /** Lower case: "fn", "email", "x-ablabel". */
  name: string;
  /** Lower-case parameter names; 2.1's bare parameters ("TEL;CELL") are filed under "type". */
  params: Record<string, string[]>;
  /** The value as text: decoded (quoted-printable, base64, charset), still vCard-escaped. */
  value: string;
}

export interface VCard {
  /** The line BEGIN:VCARD is on (1-based). */
  line: number;
  props: VProperty[];
  /** Values that could not be read, with the line they are on. */
  problems: string[];
}

/** A property as read, its value still bytes (one char per byte). */
interface RawProperty {
  line: number;
  group?: string;
  name: string;
  params: Record<string, string[]>;
  raw: string;
}

const QP_LINE = /^[^:]*quoted-printable/i;

/** Joins folded lines (and quoted-printable soft line breaks), remembering where each starts. */
function logicalLines(text: string): { line: number; text: string }[] {
  const raw = text.split(/\r\n|\r|\n/);
  const out: { line: number; text: string }[] = [];
  let softBreak = false;
  raw.forEach((l, i) => {
    const last = out[out.length - 1];
    if (last && softBreak) {
      last.text = last.text.slice(0, -1) + l;
    } else if (last && /^[ \t]/.test(l)) {
      last.text += l.slice(1);
    } else {
      out.push({ line: i + 1, text: l });
    }
    const cur = out[out.length - 1];
    softBreak = cur !== undefined && cur.text.endsWith('=') && QP_LINE.test(cur.text);
  });
  return out;
}

/** Splits on a separator outside double quotes. */
function splitOutsideQuotes(s: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of s) {
    if (ch === '"') quoted = !quoted;
    if (ch === sep && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Quoted-printable to bytes (one char per byte in, one char per byte out). */
function quotedPrintableBytes(value: string): string {
  return value.replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Splits one content line (bytes, one char per byte) into group, name, parameters and raw value. */
function parseRaw(line: string, lineNo: number): RawProperty | undefined {
  let colon = -1;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon < 0) return undefined;
  const [head, ...paramTexts] = splitOutsideQuotes(line.slice(0, colon), ';');
  const dot = head!.indexOf('.');
  const group = dot >= 0 ? head!.slice(0, dot) : undefined;
  const name = (dot >= 0 ? head!.slice(dot + 1) : head!).trim().toLowerCase();
  if (!name) return undefined;
  const params: Record<string, string[]> = {};
  for (const p of paramTexts) {
    const eq = p.indexOf('=');
    const key = eq >= 0 ? p.slice(0, eq).trim().toLowerCase() : 'type';
    const raw = eq >= 0 ? p.slice(eq + 1) : p;
    let values = splitOutsideQuotes(raw, ',').map((v) => v.trim().replace(/^"(.*)"$/, '$1'));
    // TYPE="voice,cell" means two types, whatever the quotes say.
    if (key === 'type') values = values.flatMap((v) => v.split(','));
    // vCard 2.1 writes the encoding as a bare parameter: "NOTE;QUOTED-PRINTABLE:…"
    const isEncoding = eq < 0 && /^(quoted-printable|base64|b|8bit|7bit)$/i.test(raw.trim());
    const k = isEncoding ? 'encoding' : key;
    params[k] = [...(params[k] ?? []), ...values.map((v) => (k === 'type' || k === 'encoding' ? v.toLowerCase() : v))];
  }
  return { line: lineNo, ...(group ? { group } : {}), name, params, raw: line.slice(colon + 1) };
}

// Embedded media: never text, never decoded.
const MEDIA = new Set(['photo', 'logo', 'sound', 'key']);
const isBase64 = (p: RawProperty) => (p.params.encoding ?? []).some((e) => e === 'base64' || e === 'b');

/** The value's bytes after its transfer encoding (quoted-printable, base64), one char per byte. */
function valueBytes(p: RawProperty): string {
  const enc = p.params.encoding ?? [];
  if (enc.includes('quoted-printable')) return quotedPrintableBytes(p.raw);
  if (isBase64(p)) return Buffer.from(p.raw.replace(/\s+/g, ''), 'base64').toString('latin1');
  return p.raw;
}

// ISO-2022-JP and its kin are 7-bit: such a value is "valid UTF-8" and still not UTF-8.
const STATEFUL = /^(iso-2022-|csiso2022|utf-7)/;
const ESCAPE_SEQUENCE = /\x1b[$(][@ABDJ]/;

/**
 * Decodes a card's values: the charsets to try for each, in order, and a report for those that
 * fit none. `fileIsUtf8`: the unfolded file is valid UTF-8, so every 8-bit value in it is UTF-8.
 */
function decodeCard(raws: RawProperty[], fileIsUtf8: boolean, fileCharsets: string[]): { props: VProperty[]; problems: string[] } {
  const texts = raws.filter((p) => !(MEDIA.has(p.name) && isBase64(p)));
  const bytesOf = new Map(texts.map((p) => [p, valueBytes(p)] as const));
  const declared = (p: RawProperty) => p.params.charset?.[0];
  // The card's own guess, from the values that are neither ASCII nor UTF-8 and name no charset
  // (or one their bytes do not fit: phones that say CHARSET=UTF-8 and write Latin-1).
  const unlabelled = texts
    .filter((p) => !ASCII.test(bytesOf.get(p)!))
    .map((p) => ({ charset: declared(p), bytes: fromBinary(bytesOf.get(p)!) }))
    .filter(({ charset, bytes }) => !isUtf8(bytes) && !(charset && 'text' in decodeStrict(bytes, charset)))
    .map(({ bytes }) => bytes);
  const cardCharsets = texts.map(declared).filter((c): c is string => c !== undefined);
  const guess = unlabelled.length ? guessLegacy(unlabelled, [...new Set([...cardCharsets, ...fileCharsets])]) : undefined;
  const props: VProperty[] = [];
  const problems: string[] = [];
  for (const p of texts) {
    const binary = bytesOf.get(p)!;
    const charset = declared(p);
    const stateful = charset !== undefined && STATEFUL.test(charsetLabel(charset));
    const escaped = ESCAPE_SEQUENCE.test(binary);
    const encoded = isBase64(p) || (p.params.encoding ?? []).includes('quoted-printable');
    let value: string | undefined;
    let order: string[] = [];
    // Plain ASCII reads the same in every charset netlog meets, except the 7-bit ISO-2022 ones.
    if (ASCII.test(binary) && !stateful && !escaped) value = binary;
    else if (fileIsUtf8 && !encoded && !stateful && !escaped) value = Buffer.from(binary, 'latin1').toString('utf8');
    else {
      if (escaped && !charset) order = ['iso-2022-jp'];
      else if (stateful) order = [charset!];
      else order = [...(charset ? [charset] : []), 'utf-8', ...(guess ? [guess] : [])];
      const bytes = fromBinary(binary);
      for (const label of order) {
        const d = decodeStrict(bytes, label);
        if ('text' in d) {
          value = d.text;
          break;
        }
      }
    }
    // U+FFFD written in the file: characters an earlier program could not read. Left out, and said.
    if (value !== undefined && value.includes('\uFFFD')) {
      value = value.replace(/\uFFFD/g, '');
      problems.push(`line ${p.line}: ${p.name.toUpperCase()} had characters the file had already lost (U+FFFD, shown as �); they were left out`);
    }
    if (value === undefined) {
      const tried = [...new Set(order.length ? order.map(charsetName) : ['UTF-8'])].join(', ');
      problems.push(`line ${p.line}: left out ${p.name.toUpperCase()}: its bytes are not text in ${tried}`);
      continue;
    }
    props.push({ ...(p.group ? { group: p.group } : {}), name: p.name, params: p.params, value });
  }
  return { props, problems };
}

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

/** Parses one content line of text (already Unicode); undefined when it is not one (no colon). */
export function parseProperty(line: string): VProperty | undefined {
  const raw = parseRaw(toBinary(new TextEncoder().encode(line)), 1);
  if (!raw) return undefined;
  const { props } = decodeCard([raw], true, []);
  return props[0] ?? { ...(raw.group ? { group: raw.group } : {}), name: raw.name, params: raw.params, value: '' };
}

/** Reads every card in the file (nested 2.1 AGENT cards are skipped): bytes as read, or text. */
export function parseVCards(input: Uint8Array | string): VCard[] {
  const bytes = unicodeBytes(typeof input === 'string' ? new TextEncoder().encode(input) : input);
  const lines = logicalLines(toBinary(bytes));
  const fileIsUtf8 = isUtf8(fromBinary(lines.map((l) => l.text).join('\n')));
  const cards: { line: number; raws: RawProperty[] }[] = [];
  let current: { line: number; raws: RawProperty[] } | undefined;
  let depth = 0;
  for (const { line, text: l } of lines) {
    const t = l.trim();
    if (/^begin:vcard$/i.test(t)) {
      depth += 1;
      if (depth === 1) current = { line, raws: [] };
      continue;
    }
    if (/^end:vcard$/i.test(t)) {
      if (depth === 1 && current) cards.push(current);
      if (depth > 0) depth -= 1;
      if (depth === 0) current = undefined;
      continue;
    }
    if (depth !== 1 || !current || t === '') continue;
    const prop = parseRaw(l, line);
    if (prop) current.raws.push(prop);
  }
  // A last card without END:VCARD (a cut-off file) still counts.
  if (current) cards.push(current);
  // Charsets the file names, most used first: the best guess for a card that names none.
  const counts = new Map<string, number>();
  for (const c of cards) for (const p of c.raws) for (const cs of p.params.charset ?? []) counts.set(cs, (counts.get(cs) ?? 0) + 1);
  const fileCharsets = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([cs]) => cs);
  return cards.map((c) => ({ line: c.line, ...decodeCard(c.raws, fileIsUtf8, fileCharsets) }));
}

/** Splits on an unescaped separator. */
export function splitEscaped(value: string, sep: ';' | ','): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '\\' && i + 1 < value.length) {
      cur += ch + value[i + 1];
      i += 1;
    } else if (ch === sep) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Undoes vCard text escaping: \\ \, \; \n. */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\,;nN:])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

const text = (v: string) => cleanText(unescapeText(v)).trim();

/** The contact fields a card holds. */
export function cardToRecord(card: VCard): ImportRecord {
  const props = card.props;
  const all = (name: string) => props.filter((p) => p.name === name);
  const first = (name: string) => all(name)[0];
  const preferred = (list: VProperty[]) =>
    [...list].sort((a, b) => Number(isPref(b)) - Number(isPref(a)));

  let name = first('fn') ? text(first('fn')!.value) : '';
  const n = first('n');
  if (!name && n) {
    const [family = '', given = '', additional = '', prefix = '', suffix = ''] = splitEscaped(n.value, ';').map(text);
    name = [prefix, given, additional, family, suffix].filter(Boolean).join(' ');
  }
  const org = first('org');
  const company = org ? text(splitEscaped(org.value, ';')[0] ?? '') : '';
  if (!name && company) name = company;
  const title = first('title') ?? first('role');
  const note = first('note');
  const source = first('x-netlog-source');
  const cadence = readCadenceText(first('x-netlog-cadence') ? text(first('x-netlog-cadence')!.value) : undefined);
  const archived = first('x-netlog-archived');
  const dates = cardDates(props);
  const tel = (v: string) => text(v).replace(/^tel:/i, '');
  const warnings = [...card.problems, ...(cadence.warning ? [cadence.warning] : [])];
  return {
    line: card.line,
    name,
    aliases: all('nickname').flatMap((p) => splitEscaped(p.value, ',').map(text)),
    emails: preferred(all('email')).map((p) => text(p.value).replace(/^mailto:/i, '')),
    // A fax number is not a way to reach a person for a coffee.
    phones: preferred(all('tel').filter((p) => !(p.params.type ?? []).includes('fax'))).map((p) => tel(p.value)),
    ...(company ? { company } : {}),
    ...(title ? { role: text(title.value) } : {}),
    tags: all('categories').flatMap((p) => splitEscaped(p.value, ',').map(text)),
    ...(source ? { source: text(source.value) } : {}),
    ...(note ? { notes: text(note.value) } : {}),
    ...(cadence.cadenceDays !== undefined ? { cadenceDays: cadence.cadenceDays } : {}),
    ...(dates.length ? { dates } : {}),
    ...(archived && readArchived(text(archived.value)) ? { archived: true } : {}),
    ...(warnings.length ? { warnings } : {}),
  };
}

const ANNIVERSARY = new Set(['anniversary', 'x-anniversary', 'x-evolution-anniversary', 'x-ms-anniversary']);

/**
 * BDAY, ANNIVERSARY (and the 3.0 producers' X- variants), Apple's X-ABDATE with the X-ABLABEL of
 * its group, and netlog's own X-NETLOG-DATE:label=date, as key dates (the first of each label).
 */
function cardDates(props: VProperty[]): KeyDate[] {
  const abLabel = (p: VProperty) => {
    const l = props.find((x) => x.name === 'x-ablabel' && x.group !== undefined && x.group === p.group);
    const t = l ? text(l.value).replace(/^_\$!<(.*)>!\$_$/, '$1').toLowerCase() : '';
    return t || 'date';
  };
  const out: KeyDate[] = [];
  for (const p of props) {
    const own = p.name === 'x-netlog-date' ? /^(.+?)=(.+)$/.exec(text(p.value)) : null;
    const label =
      p.name === 'bday' ? BIRTHDAY : ANNIVERSARY.has(p.name) ? 'anniversary' : p.name === 'x-abdate' ? abLabel(p) : own?.[1]?.trim();
    const date = label ? readKeyDate(own ? own[2]! : text(p.value)) : undefined;
    if (label && date && !out.some((d) => d.label === label)) out.push({ label, date });
  }
  return out;
}

function isPref(p: VProperty): boolean {
  return (p.params.type ?? []).includes('pref') || (p.params.pref !== undefined && p.params.pref[0] !== '');
}

/** Reads a vCard file (its bytes, or text) into import records. */
export function readVCardRecords(input: Uint8Array | string): ImportRecord[] {
  return parseVCards(input).map(cardToRecord);
}

/** Escapes text for a vCard value. */
export function escapeText(value: string): string {
  return cleanText(value).replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\n/g, '\\n');
}

/** Contacts as vCard 4.0 (RFC 6350): CRLF line ends, lines folded at 75 octets. */
export function writeVCards(contacts: readonly Contact[]): string {
  const lines: string[] = [];
  for (const c of contacts) {
    const words = c.name.split(' ');
    const family = words.length > 1 ? words[words.length - 1]! : '';
    const given = words.length > 1 ? words.slice(0, -1).join(' ') : c.name;
    lines.push('BEGIN:VCARD', 'VERSION:4.0', `FN:${escapeText(c.name)}`, `N:${escapeText(family)};${escapeText(given)};;;`);
    if (c.aliases.length) lines.push(`NICKNAME:${c.aliases.map(escapeText).join(',')}`);
    c.emails.forEach((e, i) => lines.push(`EMAIL${i === 0 && c.emails.length > 1 ? ';PREF=1' : ''}:${escapeText(e)}`));
    c.phones.forEach((p, i) => lines.push(`TEL;VALUE=text${i === 0 && c.phones.length > 1 ? ';PREF=1' : ''}:${escapeText(p)}`));
    if (c.company) lines.push(`ORG:${escapeText(c.company)}`);
    if (c.role) lines.push(`TITLE:${escapeText(c.role)}`);
    if (c.tags.length) lines.push(`CATEGORIES:${c.tags.map(escapeText).join(',')}`);
    if (c.notes) lines.push(`NOTE:${escapeText(c.notes)}`);
    for (const d of c.dates ?? []) {
      const prop = vcardProperty(d.label);
      lines.push(prop ? `${prop}:${vcardDate(d.date)}` : `X-NETLOG-DATE:${escapeText(`${d.label}=${d.date}`)}`);
    }
    if (c.source) lines.push(`X-NETLOG-SOURCE:${escapeText(c.source)}`);
    // Only the contact's own cadence: an inherited one stays inherited after an import.
    if (c.cadenceDays !== undefined) lines.push(`X-NETLOG-CADENCE:${c.cadenceDays === null ? 'never' : c.cadenceDays}`);
    if (c.archived) lines.push('X-NETLOG-ARCHIVED:yes');
    lines.push(`UID:urn:netlog:${c.id}`, 'END:VCARD');
  }
  return lines.map((l) => foldLine(l)).join('\r\n') + (lines.length ? '\r\n' : '');
}
