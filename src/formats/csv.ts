import { parse } from 'csv-parse/sync';
import { BIRTHDAY, readKeyDate } from '../core/key-dates.js';
import type { ImportRecord } from '../core/import.js';
import { cleanText } from './text.js';
import { readArchived, readCadenceText } from './netlog-fields.js';

// Contacts from CSV: LinkedIn's Connections.csv, Google Contacts, Outlook, and any CSV whose
// header names a name column. One header-driven mapping serves them all; the dialects differ
// in a preamble (LinkedIn's "Notes:" paragraph), separators inside cells (Google's " ::: ")
// and where the contacts came from.

export type CsvFormat = 'csv' | 'linkedin' | 'google';

type Field = 'title' | 'name' | 'first' | 'middle' | 'last' | 'email' | 'phone' | 'company' | 'role' | 'tags' | 'notes' | 'source' | 'aliases' | 'url' | 'connectedOn' | 'cadence' | 'archived' | 'birthday';

/** "E-mail 1 - Value" → "e mail 1 value" */
const norm = (h: string) => h.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

const EXACT: Record<string, Field> = {
  name: 'name', 'full name': 'name', 'display name': 'name', 'contact name': 'name', 'file as': 'name',
  'first name': 'first', 'given name': 'first', firstname: 'first', first: 'first',
  'middle name': 'middle', 'additional name': 'middle',
  'last name': 'last', 'family name': 'last', surname: 'last', lastname: 'last', last: 'last',
  company: 'company', organization: 'company', organisation: 'company', 'organization name': 'company',
  'organization 1 name': 'company', employer: 'company',
  position: 'role', title: 'title', 'job title': 'role', role: 'role', 'organization title': 'role', 'organization 1 title': 'role',
  tags: 'tags', labels: 'tags', 'group membership': 'tags', categories: 'tags', groups: 'tags',
  notes: 'notes', note: 'notes',
  source: 'source',
  nickname: 'aliases', aliases: 'aliases',
  url: 'url', 'profile url': 'url',
  'connected on': 'connectedOn',
  // netlog's own export.
  cadence: 'cadence', archived: 'archived',
  // Google's (and Outlook's) birthday column.
  birthday: 'birthday', 'birth date': 'birthday', birthdate: 'birthday', 'date of birth': 'birthday',
};

/** What a header cell holds, if it is something netlog keeps. */
export function classifyHeader(header: string): Field | undefined {
  const h = norm(header);
  if (h in EXACT) return EXACT[h];
  // Labels and types of emails and phones ("E-mail 1 - Label") are not values.
  if (/\b(label|type|kind|display)\b/.test(h)) return undefined;
  if (/\be ?mails?\b|\bemail address\b/.test(h) || /^e mail/.test(h)) return 'email';
  if (/\b(phone|phones|mobile|cell|telephone|tel)\b/.test(h) && !/\bfax\b/.test(h)) return 'phone';
  return undefined;
}

const hasName = (fields: (Field | undefined)[]) => fields.some((f) => f === 'name' || f === 'first' || f === 'last');

export interface CsvTable {
  format: CsvFormat;
  header: string[];
  /** 1-based line of the header. */
  headerLine: number;
  rows: { line: number; cells: string[] }[];
  /** Rows csv-parse could not read (a stray quote), with why. */
  errors: { line: number; message: string }[];
}

/** Which CSV dialect a header is. */
export function csvDialect(header: string[]): CsvFormat {
  const h = header.map(norm);
  if (h.includes('first name') && h.includes('last name') && h.includes('connected on')) return 'linkedin';
  if (h.some((x) => /^(e mail|phone) \d+ value$/.test(x)) || (h.includes('given name') && h.includes('group membership'))) return 'google';
  return 'csv';
}

/** csv-parse's message in the user's words. */
function csvErrorText(err: Error & { code?: string }): string {
  const field = /field (\d+)/.exec(err.message)?.[1];
  if (/QUOTE/.test(err.code ?? '')) {
    return `a stray quote${field !== undefined ? ` in column ${Number(field) + 1}` : ''}; a cell holding " must be in quotes, with "" for each "`;
  }
  return err.message.replace(/^Invalid Record Length: |^Invalid Opening Quote: /, '');
}

/** Reads CSV text into a header and rows; the header is the first row that names a name column. */
export function readCsvTable(text: string): CsvTable | undefined {
  const errors: { line: number; message: string }[] = [];
  const records = parse(text, {
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      if (!err) return;
      const line = (err as { lines?: number }).lines ?? 0;
      // csv-parse can report one broken record more than once (a stray quote, then what
      // follows it); the user hears about it once.
      if (errors.some((e) => e.line === line)) return;
      errors.push({ line, message: csvErrorText(err) });
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];
  // LinkedIn's export starts with a notes paragraph; look past a few such rows for the header.
  const at = records.slice(0, 10).findIndex((r) => hasName(r.record.map(classifyHeader)));
  if (at < 0) return undefined;
  const header = records[at]!.record;
  return {
    format: csvDialect(header),
    header,
    headerLine: records[at]!.info.lines,
    rows: records.slice(at + 1).map((r) => ({ line: r.info.lines, cells: r.record })),
    errors,
  };
}

/** Undoes formula neutralisation ('=1+2 → =1+2) so an exported CSV reads back the same. */
export function unneutralise(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** LinkedIn's "12 Mar 2024" (or an ISO date) as YYYY-MM-DD; the text itself when unrecognised. */
export function connectedOn(text: string): string {
  const m = /^(\d{1,2})[ -]([A-Za-z]{3})[a-z]*[ -](\d{4})$/.exec(text.trim());
  const month = m ? MONTHS.indexOf(m[2]!.toLowerCase()) : -1;
  if (m && month >= 0) return `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return text.trim();
}

const SOURCE: Record<CsvFormat, string | undefined> = { linkedin: 'LinkedIn', google: 'Google Contacts', csv: undefined };

/** Reads a CSV export into import records; `format` overrides the detected dialect. */
export function readCsvRecords(text: string, format?: CsvFormat): { records: ImportRecord[]; format: CsvFormat } | undefined {
  const table = readCsvTable(text);
  if (!table) return undefined;
  const dialect = format ?? table.format;
  const fields = table.header.map(classifyHeader);
  const records: ImportRecord[] = table.rows.map(({ line, cells }) => {
    const get = (f: Field) =>
      cells
        .map((c, i) => (fields[i] === f ? cleanText(unneutralise(c)).trim() : ''))
        .filter(Boolean);
    // Google puts several values in one cell with " ::: "; netlog's own export uses "; ".
    const many = (f: Field, seps: RegExp) => get(f).flatMap((v) => v.split(seps)).map((v) => v.trim()).filter(Boolean);
    const one = (f: Field) => get(f)[0];
    const name = one('name') ?? [one('first'), one('middle'), one('last')].filter(Boolean).join(' ');
    const company = one('company');
    let tags = many('tags', / ::: |;|,/);
    // Google's system labels ("* myContacts", "* starred") are not the user's.
    if (dialect === 'google') tags = tags.filter((t) => !t.startsWith('*'));
    const notes = [one('notes')];
    const url = one('url');
    const connected = one('connectedOn');
    if (dialect === 'linkedin' && (connected || url)) {
      notes.push([connected ? `Connected on LinkedIn on ${connectedOn(connected)}` : 'On LinkedIn', url].filter(Boolean).join(': '));
    }
    // Outlook's "Title" is Mr./Dr.; a job title column wins when there is one.
    const role = one('role') ?? one('title');
    const source = one('source') ?? SOURCE[dialect];
    const note = notes.filter(Boolean).join('\n');
    const fallback = name || company || '';
    const cadence = readCadenceText(one('cadence'));
    const bday = one('birthday');
    const birthday = bday ? readKeyDate(bday) : undefined;
    const warnings = [...(cadence.warning ? [cadence.warning] : []), ...(bday && !birthday ? [`left out the birthday "${bday}": not a date`] : [])];
    return {
      line,
      name: fallback,
      aliases: many('aliases', / ::: |;|,/),
      emails: many('email', / ::: |;|,|\s+/),
      phones: many('phone', / ::: |;/),
      ...(company ? { company } : {}),
      ...(role ? { role } : {}),
      tags,
      ...(source ? { source } : {}),
      ...(note ? { notes: note } : {}),
      ...(cadence.cadenceDays !== undefined ? { cadenceDays: cadence.cadenceDays } : {}),
      ...(birthday ? { dates: [{ label: BIRTHDAY, date: birthday }] } : {}),
      ...(readArchived(one('archived')) ? { archived: true } : {}),
      ...(fallback ? {} : { problem: 'no name' }),
      ...(warnings.length ? { warnings } : {}),
    };
  });
  for (const e of table.errors) {
    records.push({ line: e.line, name: '', aliases: [], emails: [], phones: [], tags: [], problem: `unreadable CSV row (${e.message})` });
  }
  records.sort((a, b) => a.line - b.line);
  return { records, format: dialect };
}
