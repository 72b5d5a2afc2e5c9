import { Option, type CommandUnknownOpts } from '@commander-js/extra-typings';
import type { ImportFormat } from '../formats/import.js';
import type { Journal } from '../core/schema.js';
import { JournalError, UsageError } from '../errors.js';
import { safe } from '../ui/sanitize.js';
import { collect, command, examples, withContext } from './define.js';

/** `netlog import FILE`: contacts from a phone, Google, LinkedIn or any CSV; interactions from a calendar (.ics). */
export const importCommand = (parent: CommandUnknownOpts) =>
  command(
    parent,
    'import',
    'bring contacts in from a vCard file, LinkedIn, Google Contacts or any CSV, and past meetings from a calendar (.ics)',
    examples(
      'netlog import contacts.vcf                 # from a phone or a mail program',
      'netlog import Connections.csv --tag linkedin --every never  # LinkedIn: Settings > Data privacy > Get a copy',
      'netlog import google.csv --dry-run          # see what would change first',
      'netlog import calendar.ics --since 3m --dry-run   # past meetings with your contacts',
      'netlog import calendar.ics --since 2026-01-01 --yes',
    ) +
      '\nAn import only adds and fills gaps: a field you set (cadence included) is never overwritten.\n' +
      "netlog's own csv and vcf exports read back with cadence, tags, source and archived.\n" +
      'Any charset: vCard values by their CHARSET (Shift_JIS, GB18030, windows-1252…), UTF-16 too;\n' +
      'CSV with , ; or tab, headers in English, German, French or Spanish. Someone with an email\n' +
      'or a phone but no name is kept, named after the address (rename with contact edit).\n' +
      'A calendar (Google, Outlook, Apple export) adds its past events with your contacts as\n' +
      'interactions (recurring ones once per occurrence); importing it again adds nothing.\n',
  )
    .argument('<file>', 'the file to read (.vcf, .csv with a header row, or .ics)')
    .addOption(
      new Option('--format <format>', 'what the file is (default: worked out from its content)').choices(['vcf', 'csv', 'linkedin', 'google', 'ics'] as const satisfies readonly (ImportFormat | 'ics')[]),
    )
    .option('-t, --tag <tag>', 'contacts: tag every imported contact (repeatable)', collect)
    .option('--every <cadence>', 'contacts: cadence for the contacts it adds whose file gives none, e.g. never or yearly (existing ones keep theirs)')
    .option('--since <when|span>', 'calendar: only events from this date on (e.g. 2026-01-01, 3m)')
    .option('-y, --yes', 'calendar: add the interactions without asking (needed without a terminal)')
    .option('--dry-run', 'show what would change, and write nothing')
    .action(
      withContext(async (ctx, file, opts) => {
        const [{ readImportFile }, { looksLikeCalendar, sniffText }] = await Promise.all([import('../store/files.js'), import('../formats/import.js')]);
        const bytes = await readImportFile(file);
        const calendar = opts.format === 'ics' || (opts.format === undefined && (/\.(ics|ical|ifb)$/i.test(file) || looksLikeCalendar(sniffText(bytes))));
        if (calendar) {
          if (opts.tag || opts.every !== undefined) throw new UsageError('--tag and --every are for contact files; a calendar adds interactions, not contacts');
          const { importCalendarFile } = await import('./import-calendar.js');
          await importCalendarFile(ctx, file, bytes, { since: opts.since, yes: opts.yes === true, dryRun: opts.dryRun === true });
          return;
        }
        if (opts.since !== undefined || opts.yes) throw new UsageError('--since and --yes are for calendar files (.ics)');
        const format = opts.format as ImportFormat | undefined;
        const [{ FORMAT_LABEL, readImport }, { importContacts }, { renderImport, renderSkipped }, { toJson }, { cadenceOption }] = await Promise.all([
          import('../formats/import.js'),
          import('../core/import.js'),
          import('../ui/render/import.js'),
          import('../ui/json.js'),
          import('./options.js'),
        ]);
        const tags = (opts.tag ?? []).map((t) => t.trim());
        if (tags.some((t) => t === '')) throw new UsageError('--tag needs a tag name');
        const cadence = opts.every !== undefined ? { cadenceDays: cadenceOption('--every', opts.every) } : {};

        const read = readImport(bytes, format);
        if ('error' in read) throw new JournalError(`cannot import ${safe(file)}: ${read.error}`, read.hint);

        const run = (journal: Journal) => importContacts(journal, read.records, { tags, ...cadence }, ctx.editEnv());
        const result = opts.dryRun
          ? run(await ctx.store.read())
          : await ctx.store.update((journal) => {
              const r = run(journal);
              return { journal: r.journal, result: r };
            });

        if (ctx.json) {
          ctx.out(toJson({ file, format: read.format, dryRun: opts.dryRun === true, counts: result.counts, named: result.named, records: result.outcomes }));
          return;
        }
        for (const line of renderSkipped(result)) ctx.info(line);
        // As with `add`, a confirmation is chatter that -q silences; a dry run's report is the point.
        if (ctx.quiet && !opts.dryRun) return;
        ctx.out((await import('../ui/wrap.js')).fitLines(renderImport(file, FORMAT_LABEL[read.format], result, opts.dryRun === true, ctx.theme), ctx.width));
      }),
    );
