import type { ImportRecord } from '../core/import.js';
import { readCsvRecords, type CsvFormat } from './csv.js';
import { readVCardRecords } from './vcard.js';

// One entry point for `netlog import`: work out what kind of file it is (unless told), then
// hand it to the right reader.

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

/** Reads an import file's text as the given format, or as the format its content shows. */
export function readImport(text: string, format?: ImportFormat): ReadResult {
  if (text.trim() === '') return { error: 'the file is empty' };
  if (format === 'vcf' || (format === undefined && looksLikeVCard(text))) {
    const records = readVCardRecords(text);
    if (records.length === 0) return { error: 'no vCards in it (no BEGIN:VCARD line)', hint: 'for a CSV file, use --format csv, linkedin or google' };
    return { format: 'vcf', records };
  }
  const csv = readCsvRecords(text, format as CsvFormat | undefined);
  if (!csv) {
    return {
      error: 'not a vCard, and no CSV header naming a name column',
      hint: 'netlog reads vCard (.vcf) files and CSV files with a header such as Name, First Name, Last Name, Email',
    };
  }
  return csv;
}
