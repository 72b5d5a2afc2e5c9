import { Option, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { UsageError } from '../errors.js';
import { command, examples, withContext } from './define.js';

const FORMATS = ['json', 'csv', 'ics', 'vcf'] as const;
type ExportFormat = (typeof FORMATS)[number];

/** The format asked for, else the one --out's extension names, else json. */
function formatOf(format: ExportFormat | undefined, out: string | undefined): ExportFormat {
  if (format !== undefined) return format;
  const ext = /\.(json|csv|ics|vcf)$/i.exec(out ?? '')?.[1]?.toLowerCase();
  return FORMATS.find((f) => f === ext) ?? 'json';
}

/** `netlog export`: the journal, contacts for a spreadsheet or address book, or the due list for a calendar. */
export const exportCommand = (parent: CommandUnknownOpts) =>
  command(
    parent,
    'export',
    'take data out: the journal (json), contacts (csv, vcf), or the due list and key dates for a calendar (ics)',
    examples(
      'netlog export --format ics --out ~/netlog.ics    # then import it in your calendar',
      'netlog export --format csv > contacts.csv',
      'netlog export --out backup.json --force',
      'netlog export --format vcf --out contacts.vcf',
      'netlog export --format vcf --active > phone.vcf  # without archived contacts',
    ) +
      '\nContacts (csv, vcf) include archived ones, marked (CSV column Archived, vCard\n' +
      'X-NETLOG-ARCHIVED), so `netlog import` of an export brings everyone back. The CSV\n' +
      'Cadence column shows the cadence that applies; an inherited one says where it comes\n' +
      'from, e.g. "monthly (default)", and an import leaves it inherited.\n',
  )
    .addOption(new Option('-f, --format <format>', "json, csv, ics or vcf (default: from --out's extension, else json)").choices(FORMATS))
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .option('--force', 'replace the --out file when it exists')
    .option('--within <days>', 'ics: include what falls due in the next N days (default: 30)')
    .option('--active', 'csv, vcf: leave archived contacts out')
    .action(
      withContext(async (ctx, opts) => {
        const format = formatOf(opts.format, opts.out);
        if (opts.within !== undefined && format !== 'ics') throw new UsageError('--within only applies to --format ics');
        if (opts.active && format !== 'csv' && format !== 'vcf') throw new UsageError('--active only applies to --format csv or vcf');
        const [{ MAX_DAYS }, { countOption }] = await Promise.all([import('../core/journal.js'), import('./options.js')]);
        const within = opts.within !== undefined ? countOption('--within', opts.within, 0, MAX_DAYS) : 30;
        const journal = await ctx.store.read();
        // Archived contacts too by default (marked), so an export imports back whole.
        const contacts = opts.active ? journal.contacts.filter((c) => !c.archived) : journal.contacts;

        let text: string;
        let what: string;
        switch (format) {
          case 'json': {
            const { serializeJournal } = await import('../store/serialize.js');
            text = serializeJournal(journal);
            what = 'the journal';
            break;
          }
          case 'csv': {
            const [{ exportRows }, { writeContactsCsv }] = await Promise.all([import('../reports/contacts.js'), import('../formats/csv-export.js')]);
            const rows = exportRows(journal, ctx.today, contacts);
            text = writeContactsCsv(rows);
            what = `${rows.length} contacts`;
            break;
          }
          case 'vcf': {
            const { writeVCards } = await import('../formats/vcard.js');
            text = writeVCards(contacts);
            what = `${contacts.length} contacts`;
            break;
          }
          case 'ics': {
            const [{ dueList }, { icsStamp, writeIcs }] = await Promise.all([import('../reports/due.js'), import('../formats/ics.js')]);
            const items = dueList(journal, ctx.today, { on: ctx.today, within }).items;
            // Under NETLOG_TODAY the stamp is that day's midnight, so scripted exports are reproducible.
            const stamp = ctx.env.NETLOG_TODAY ? `${ctx.today.replace(/-/g, '')}T000000Z` : icsStamp(ctx.editEnv().now);
            // Key dates go in as yearly events (RRULE), whenever they fall.
            const yearly = journal.contacts
              .filter((c) => !c.archived)
              .flatMap((c) => (c.dates ?? []).map((k) => ({ contactId: c.id, name: c.name, label: k.label, date: k.date })));
            text = writeIcs(items, { today: ctx.today, stamp, yearly });
            const dated = items.filter((i) => i.type !== 'date').length;
            what = `${dated} calendar items (due within ${within} days)${yearly.length ? ` and ${yearly.length} yearly dates` : ''}`;
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
      }),
    );
