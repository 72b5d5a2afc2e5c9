import type { ImportRecord } from '../core/import.js';
import { readCsvRecords, type CsvFormat } from './csv.js';
import { charsetName, decodeLines, toBinary, unicodeBytes } from './text.js';
import { readVCardRecords } from './vcard.js';

// One entry point for `netlog import` of contacts: work out what kind of file it is (unless
// told), then hand its bytes to the right reader. Each reader decodes the bytes itself, since
// a vCard names a charset per value and a CSV names none.

export const IMPORT_FORMATS = ['vcf', 'csv', 'linkedin', 'google'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const FORMAT_LABEL: Record<ImportFormat, string> = {
  vcf: 'vCard',
  csv: 'CSV',
  linkedin: 'LinkedIn CSV',
  google: 'Google Contacts CSV',
};

export type ReadResult = { format: ImportFormat; records: ImportRecord[] } | { error: string; hint?: string };

/** True when the text holds a vCard (some programs put a line or two before it). */
export function looksLikeVCard(text: string): boolean {
  return /^[ \t]*begin:vcard[ \t]*$/im.test(text.slice(0, 4096));
}

/** True when the text is an iCalendar file (a calendar export). */
export function looksLikeCalendar(text: string): boolean {
  return /^[ \t]*begin:vcalendar[ \t]*$/im.test(text.slice(0, 4096));
}

/** The start of a file as text good enough to tell formats apart (any charset, UTF-16 too). */
export function sniffText(input: Uint8Array | string): string {
  return typeof input === 'string' ? input.slice(0, 4096) : toBinary(unicodeBytes(input.subarray(0, 8192)));
}

/** Reads an import file (its bytes, or text) as the given format, or as the format its content shows. */
export function readImport(input: Uint8Array | string, format?: ImportFormat): ReadResult {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const head = sniffText(bytes);
  if (head.trim() === '' && new TextDecoder().decode(unicodeBytes(bytes)).trim() === '') return { error: 'the file is empty' };
  if (format === 'vcf' || (format === undefined && looksLikeVCard(head))) {
    const records = readVCardRecords(bytes);
    if (records.length === 0) return { error: 'no vCards in it (no BEGIN:VCARD line)', hint: 'for a CSV file, use --format csv, linkedin or google' };
    return { format: 'vcf', records };
  }
  const { text, unreadable, charset } = decodeLines(bytes);
  const csv = readCsvRecords(text, format as CsvFormat | undefined);
  if (!csv) {
    return {
      error: 'not a vCard or a calendar, and no CSV header naming a name or email column',
      hint: 'netlog reads vCard (.vcf), iCalendar (.ics) and CSV files with a header such as Name, First Name, Last Name, Email',
    };
  }
  // A line whose bytes fit no charset is reported on the record it belongs to.
  for (const line of unreadable) {
    const r = [...csv.records].reverse().find((x) => x.line <= line);
    if (r) r.warnings = [...(r.warnings ?? []), `line ${line}: bytes that are not text in UTF-8 or ${charsetName(charset)} were left out`];
  }
  return csv;
}
