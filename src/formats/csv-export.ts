import type { ExportRow } from '../reports/contacts.js';
import { stringify } from 'csv-stringify/sync';
import { cleanText } from './text.js';
import { writeArchived, writeCadenceCell } from './netlog-fields.js';

// Contacts as a spreadsheet-safe CSV. A cell a spreadsheet would run as a formula (starting
// with = + - @, a tab or a carriage return) gets a leading apostrophe (OWASP's advice);
// `netlog import` removes it again.

export type ContactRow = ExportRow;

/** The cell with formula-starting characters neutralised. */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export const CSV_HEADER = ['Name', 'Aliases', 'Emails', 'Phones', 'Company', 'Role', 'Tags', 'Source', 'Notes', 'Stage', 'Balance', 'Last touch', 'Cadence', 'Archived'];

/** One row per contact; several emails, phones or tags are joined with "; ". */
export function writeContactsCsv(rows: readonly ContactRow[]): string {
  const text = (s: string | undefined) => neutralise(cleanText(s ?? ''));
  const list = (xs: string[]) => text(xs.join('; '));
  const data = rows.map(({ contact: c, stage, balance, lastTouch, cadence }) => [
    text(c.name),
    list(c.aliases),
    list(c.emails),
    list(c.phones),
    text(c.company),
    text(c.role),
    list(c.tags),
    text(c.source),
    text(c.notes),
    stage,
    String(balance),
    lastTouch ?? '',
    text(writeCadenceCell(cadence)),
    writeArchived(c.archived),
  ]);
  // Quote cells with line breaks or edge spaces so every reader keeps them whole.
  return stringify([CSV_HEADER, ...data], { record_delimiter: 'windows', quoted_match: [/[\r\n]/, /^\s|\s$/] });
}
