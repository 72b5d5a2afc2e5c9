import type { ImportRecord } from '../core/import.js';
import type { Contact, KeyDate } from '../core/schema.js';
import { BIRTHDAY, readKeyDate, vcardDate, vcardProperty } from '../core/key-dates.js';
import { cleanText, decodeCharset, foldLine } from './text.js';
import { readArchived, readCadenceText } from './netlog-fields.js';

// vCard 2.1, 3.0 and 4.0 (RFC 2425/2426/6350) as phones and mail programs really write them.
// Hand-written because none of the npm parsers we tried handles these cases together (see the
// import tests): `vcf` keeps quoted-printable undecoded and splits N on escaped semicolons,
// ical.js refuses vCard 2.1's bare parameters, and vcard4 reads 4.0 only.

export interface VProperty {
  group?: string;
  /** Lower case: "fn", "email", "x-ablabel". */
  name: string;
  /** Lower-case parameter names; 2.1's bare parameters ("TEL;CELL") are filed under "type". */
  params: Record<string, string[]>;
  /** The raw value: still escaped, already quoted-printable-decoded. */
  value: string;
}

export interface VCard {
  /** The line BEGIN:VCARD is on (1-based). */
  line: number;
  props: VProperty[];
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

function decodeQuotedPrintable(value: string, charset: string | undefined): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      for (const b of Buffer.from(value[i]!, 'utf8')) bytes.push(b);
    }
  }
  return decodeCharset(Uint8Array.from(bytes), charset);
}

/** Parses one content line; undefined when it is not one (no colon). */
export function parseProperty(line: string): VProperty | undefined {
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
  let value = line.slice(colon + 1);
  if (params.encoding?.includes('quoted-printable')) value = decodeQuotedPrintable(value, params.charset?.[0]);
  return { ...(group ? { group } : {}), name, params, value };
}

/** Reads every card in the text (nested 2.1 AGENT cards are skipped). */
export function parseVCards(text: string): VCard[] {
  const cards: VCard[] = [];
  let current: VCard | undefined;
  let depth = 0;
  for (const { line, text: l } of logicalLines(text)) {
    const t = l.trim();
    if (/^begin:vcard$/i.test(t)) {
      depth += 1;
      if (depth === 1) current = { line, props: [] };
      continue;
    }
    if (/^end:vcard$/i.test(t)) {
      if (depth === 1 && current) cards.push(current);
      if (depth > 0) depth -= 1;
      if (depth === 0) current = undefined;
      continue;
    }
    if (depth !== 1 || !current || t === '') continue;
    const prop = parseProperty(l);
    if (prop) current.props.push(prop);
  }
  // A last card without END:VCARD (a cut-off file) still counts.
  if (current) cards.push(current);
  return cards;
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

function isBinary(p: VProperty): boolean {
  const enc = p.params.encoding ?? [];
  return enc.includes('base64') || enc.includes('b');
}

/** The contact fields a card holds. */
export function cardToRecord(card: VCard): ImportRecord {
  const props = card.props.filter((p) => !isBinary(p));
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
  return {
    line: card.line,
    name,
    aliases: all('nickname').flatMap((p) => splitEscaped(p.value, ',').map(text)),
    emails: preferred(all('email')).map((p) => text(p.value).replace(/^mailto:/i, '')),
    phones: preferred(all('tel')).map((p) => tel(p.value)),
    ...(company ? { company } : {}),
    ...(title ? { role: text(title.value) } : {}),
    tags: all('categories').flatMap((p) => splitEscaped(p.value, ',').map(text)),
    ...(source ? { source: text(source.value) } : {}),
    ...(note ? { notes: text(note.value) } : {}),
    ...(cadence.cadenceDays !== undefined ? { cadenceDays: cadence.cadenceDays } : {}),
    ...(dates.length ? { dates } : {}),
    ...(archived && readArchived(text(archived.value)) ? { archived: true } : {}),
    ...(name ? {} : { problem: 'no name (no FN, N or ORG)' }),
    ...(cadence.warning ? { warnings: [cadence.warning] } : {}),
  };
}

/** BDAY, ANNIVERSARY (X-ANNIVERSARY in 3.0) and netlog's own X-NETLOG-DATE:label=date, as key dates. */
function cardDates(props: VProperty[]): KeyDate[] {
  const out: KeyDate[] = [];
  for (const p of props) {
    const own = p.name === 'x-netlog-date' ? /^(.+?)=(.+)$/.exec(text(p.value)) : null;
    const label = p.name === 'bday' ? BIRTHDAY : p.name === 'anniversary' || p.name === 'x-anniversary' ? 'anniversary' : own?.[1]?.trim();
    const date = label ? readKeyDate(own ? own[2]! : text(p.value)) : undefined;
    if (label && date) out.push({ label, date });
  }
  return out;
}

function isPref(p: VProperty): boolean {
  return (p.params.type ?? []).includes('pref') || (p.params.pref !== undefined && p.params.pref[0] !== '');
}

/** Reads a vCard file's text into import records. */
export function readVCardRecords(text: string): ImportRecord[] {
  return parseVCards(text).map(cardToRecord);
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
