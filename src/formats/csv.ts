import { parse } from 'csv-parse/sync';
import { BIRTHDAY, readKeyDate } from '../core/key-dates.js';
import { MONTH_NAMES } from '../core/dates.js';
import type { ImportRecord } from '../core/import.js';
import { cleanText } from './text.js';
import { readArchived, readCadenceText } from './netlog-fields.js';

// Contacts from CSV: LinkedIn's Connections.csv, Google Contacts, Outlook, and any CSV whose
// header names a name column. One header-driven mapping serves them all; the dialects differ
// in a preamble (LinkedIn's "Notes:" paragraph), separators inside cells (Google's " ::: ")
// and where the contacts came from. The headers are read in the languages Google and Outlook
// export in (English, German, French, Spanish), and the delimiter is sniffed: a European Excel
// writes semicolons, some exporters tabs.

export type CsvFormat = 'csv' | 'linkedin' | 'google';

type Field = 'title' | 'name' | 'first' | 'middle' | 'last' | 'email' | 'phone' | 'company' | 'role' | 'tags' | 'notes' | 'source' | 'aliases' | 'url' | 'connectedOn' | 'cadence' | 'archived' | 'birthday';

/** "E-mail 1 - Value" → "e mail 1 value", "Prénom" → "prenom" */
const norm = (h: string) =>
  h
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

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
  // German (Outlook, Google)
  vorname: 'first', nachname: 'last', 'weitere vornamen': 'middle', 'zweiter vorname': 'middle',
  firma: 'company', unternehmen: 'company', 'organisation 1 name': 'company',
  'organisation 1 titel': 'role', berufsbezeichnung: 'role', anrede: 'title',
  notizen: 'notes', kategorien: 'tags', gruppenmitgliedschaft: 'tags', spitzname: 'aliases',
  // French
  prenom: 'first', nom: 'last', 'nom de famille': 'last', 'deuxieme prenom': 'middle', 'autres prenoms': 'middle',
  societe: 'company', entreprise: 'company', 'organisation 1 nom': 'company', 'organisation 1 titre': 'role',
  fonction: 'role', poste: 'role', titre: 'title', 'appartenance a un groupe': 'tags',
  libelles: 'tags', surnom: 'aliases', 'nom complet': 'name',
  // Spanish
  nombre: 'first', apellidos: 'last', apellido: 'last', 'segundo nombre': 'middle', 'nombre completo': 'name',
  organizacion: 'company', compania: 'company', empresa: 'company', 'organizacion 1 nombre': 'company',
  'organizacion 1 cargo': 'role', 'organizacion 1 titulo': 'role', puesto: 'role', cargo: 'role', tratamiento: 'title',
  notas: 'notes', categorias: 'tags', etiquetas: 'tags', 'pertenencia a grupos': 'tags', apodo: 'aliases', sobrenombre: 'aliases',
  // Google's (and Outlook's) birthday column.
  birthday: 'birthday', 'birth date': 'birthday', birthdate: 'birthday', 'date of birth': 'birthday',
};

// The words for "label", "type", "display name" beside an email or phone column: not values.
const NOT_A_VALUE = /\b(label|type|typ|tipo|kind|display|etiquette|libelle|etiqueta|angezeigter|anzeigename|affichage|mostrar)\b/;
const EMAIL = /\be ?mails?\b|\bemail address\b|^e mail|\bmessagerie\b|\bcorreo\b/;
const PHONE = /\b(phone|phones|mobile|cell|telephone|tel|telefon|telefono|mobiltelefon|autotelefon|handy|movil|celular|portable|pager)\b/;
const FAX = /\b(fax|telefax|telecopie)\b/;

/** What a header cell holds, if it is something netlog keeps. */
export function classifyHeader(header: string): Field | undefined {
  const h = norm(header);
  // A sentence (LinkedIn's notes preamble) is not a column name, whatever words it has.
  if (h.length > 60) return undefined;
  if (h in EXACT) return EXACT[h];
  // Labels and types of emails and phones ("E-mail 1 - Label") are not values.
  if (NOT_A_VALUE.test(h)) return undefined;
  if (EMAIL.test(h)) return 'email';
  if (PHONE.test(h) && !FAX.test(h)) return 'phone';
  return undefined;
}

// A header names who the rows are: a name column, or an email column (rows with only an
// address are people too).
const isHeader = (fields: (Field | undefined)[]) => fields.some((f) => f === 'name' || f === 'first' || f === 'last' || f === 'email');

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
  if (
    h.some((x) => /^(e mail|phone|telefon|telephone|telefono|adresse e mail|correo electronico) \d+ (value|wert|valeur|valor)$/.test(x)) ||
    (h.includes('given name') && h.includes('group membership'))
  ) {
    return 'google';
  }
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

export const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The delimiter the file uses: the one whose header row (among the first lines) names a name
 * or email column in the most columns. A comma when none does.
 */
export function sniffDelimiter(text: string): (typeof DELIMITERS)[number] {
  let best: { delimiter: (typeof DELIMITERS)[number]; columns: number } = { delimiter: ',', columns: 0 };
  for (const delimiter of DELIMITERS) {
    let rows: string[][];
    try {
      rows = parse(text, { bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, to_line: 20 }) as string[][];
    } catch {
      continue;
    }
    const header = rows.slice(0, 10).find((r) => isHeader(r.map(classifyHeader)));
    const columns = header ? header.map(classifyHeader).filter(Boolean).length : 0;
    if (columns > best.columns) best = { delimiter, columns };
  }
  return best.delimiter;
}

/** Reads CSV text into a header and rows; the header is the first row that names a name or email column. */
export function readCsvTable(text: string, delimiter = sniffDelimiter(text)): CsvTable | undefined {
  const errors: { line: number; message: string }[] = [];
  const records = parse(text, {
    delimiter,
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
  const at = records.slice(0, 10).findIndex((r) => isHeader(r.record.map(classifyHeader)));
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


/** LinkedIn's "12 Mar 2024" (or an ISO date) as YYYY-MM-DD; the text itself when unrecognised. */
export function connectedOn(text: string): string {
  const m = /^(\d{1,2})[ -]([A-Za-z]{3})[a-z]*[ -](\d{4})$/.exec(text.trim());
  const month = m ? MONTH_NAMES.findIndex((n) => n.slice(0, 3).toLowerCase() === m[2]!.toLowerCase()) : -1;
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
    // U+FFFD in the file itself: characters an earlier program could not read. Left out, and said.
    const lost = cells.some((c, i) => fields[i] !== undefined && c.includes('\uFFFD'));
    const get = (f: Field) =>
      cells
        .map((c, i) => (fields[i] === f ? cleanText(unneutralise(c)).replace(/\uFFFD/g, '').trim() : ''))
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
    const warnings = [
      ...(cadence.warning ? [cadence.warning] : []),
      ...(bday && !birthday ? [`left out the birthday "${bday}": not a date`] : []),
      ...(lost ? [`line ${line}: characters the file had already lost (U+FFFD, shown as �) were left out`] : []),
    ];
    return {
      line,
      name: fallback,
      aliases: many('aliases', / ::: |;|,/),
      // "Omega" <omega@example.com> stays whole (the import takes the address out); bare
      // addresses may be separated by spaces too.
      emails: many('email', / ::: |;|,/).flatMap((e) => (e.includes('<') ? [e] : e.split(/\s+/))).filter(Boolean),
      phones: many('phone', / ::: |;/),
      ...(company ? { company } : {}),
      ...(role ? { role } : {}),
      tags,
      ...(source ? { source } : {}),
      ...(note ? { notes: note } : {}),
      ...(cadence.cadenceDays !== undefined ? { cadenceDays: cadence.cadenceDays } : {}),
      ...(birthday ? { dates: [{ label: BIRTHDAY, date: birthday }] } : {}),
      ...(readArchived(one('archived')) ? { archived: true } : {}),
      ...(warnings.length ? { warnings } : {}),
    };
  });
  for (const e of table.errors) {
    records.push({ line: e.line, name: '', aliases: [], emails: [], phones: [], tags: [], problem: `unreadable CSV row (${e.message})` });
  }
  records.sort((a, b) => a.line - b.line);
  return { records, format: dialect };
}
