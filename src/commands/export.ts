import { MAX_DAYS } from '../core/schema.js';
import type { Ctx } from '../context.js';
import { UsageError } from '../errors.js';
import { serializeJournal } from '../store/serialize.js';
import { dueList } from '../reports/due.js';
import { exportRows } from '../reports/contacts.js';
import { writeContactsCsv } from '../formats/csv-export.js';
import { writeVCards } from '../formats/vcard.js';
import { icsStamp, writeIcs } from '../formats/ics.js';
import { countOption } from './options.js';

export const EXPORT_FORMATS = ['json', 'csv', 'ics', 'vcf'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  format?: string;
  out?: string;
  force?: boolean;
  within?: string;
  active?: boolean;
}

/** The format asked for, else the one --out's extension names, else json. */
function formatOf(opts: ExportOptions): ExportFormat {
  const f = opts.format?.toLowerCase();
  if (f !== undefined) {
    if (!(EXPORT_FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format: unknown format "${opts.format}"`, `formats: ${EXPORT_FORMATS.join(', ')}`);
    return f as ExportFormat;
  }
  const ext = /\.(json|csv|ics|vcf)$/i.exec(opts.out ?? '')?.[1]?.toLowerCase();
  if (ext) return ext as ExportFormat;
  return 'json';
}

/** `netlog export`: the journal, contacts for a spreadsheet or address book, or the due list for a calendar. */
export async function exportCommand(ctx: Ctx, opts: ExportOptions): Promise<void> {
  const format = formatOf(opts);
  if (opts.within !== undefined && format !== 'ics') throw new UsageError('--within only applies to --format ics');
  if (opts.active && format !== 'csv' && format !== 'vcf') throw new UsageError('--active only applies to --format csv or vcf');
  const within = opts.within !== undefined ? countOption('--within', opts.within, 0, MAX_DAYS) : 30;
  const journal = await ctx.store.read();
  // Archived contacts too by default (marked), so an export imports back whole.
  const contacts = opts.active ? journal.contacts.filter((c) => !c.archived) : journal.contacts;

  let text: string;
  let what: string;
  switch (format) {
    case 'json':
      text = serializeJournal(journal);
      what = 'the journal';
      break;
    case 'csv': {
      const rows = exportRows(journal, ctx.today, contacts);
      text = writeContactsCsv(rows);
      what = `${rows.length} contacts`;
      break;
    }
    case 'vcf': {
      text = writeVCards(contacts);
      what = `${contacts.length} contacts`;
      break;
    }
    case 'ics': {
      const items = dueList(journal, ctx.today, { on: ctx.today, within }).items;
      // Under NETLOG_TODAY the stamp is that day's midnight, so scripted exports are reproducible.
      const stamp = ctx.env.NETLOG_TODAY ? `${ctx.today.replace(/-/g, '')}T000000Z` : icsStamp(ctx.editEnv().now);
      text = writeIcs(items, { today: ctx.today, stamp });
      what = `${items.length} calendar items (due within ${within} days)`;
      break;
    }
  }

  if (opts.out === undefined || opts.out === '-') {
    // An empty address book prints nothing, not a blank line.
    if (text) ctx.out(text);
    return;
  }
  await ctx.store.writeExport(opts.out, text, opts.force === true);
  ctx.info(`Wrote ${what} to ${opts.out}`);
}
