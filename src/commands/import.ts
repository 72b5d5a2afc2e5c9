import { Option, type CommandUnknownOpts } from '@commander-js/extra-typings';
import type { ImportFormat } from '../formats/import.js';
import type { Journal } from '../core/schema.js';
import { JournalError, UsageError } from '../errors.js';
import { safe } from '../ui/sanitize.js';
import { collect, examples, withContext } from './define.js';

/** `netlog import FILE`: contacts from a phone, Google, LinkedIn or any CSV. */
export const importCommand = (parent: CommandUnknownOpts) =>
  parent
    .command('import')
    .description('bring contacts in from a vCard file, LinkedIn, Google Contacts or any CSV')
    .argument('<file>', 'the file to read (.vcf, or .csv with a header row)')
    .addOption(new Option('--format <format>', 'what the file is (default: worked out from its content)').choices(['vcf', 'csv', 'linkedin', 'google'] as const satisfies readonly ImportFormat[]))
    .option('-t, --tag <tag>', 'tag every imported contact (repeatable)', collect)
    .option('--every <cadence>', 'cadence for the contacts it adds whose file gives none, e.g. never or yearly (existing ones keep theirs)')
    .option('--dry-run', 'show what would change, and write nothing')
    .addHelpText(
      'after',
      examples(
        'netlog import contacts.vcf                 # from a phone or a mail program',
        'netlog import Connections.csv --tag linkedin --every never  # LinkedIn: Settings > Data privacy > Get a copy',
        'netlog import google.csv --dry-run          # see what would change first',
      ) +
        '\nAn import only adds and fills gaps: a field you set (cadence included) is never overwritten.\n' +
        "netlog's own csv and vcf exports read back with cadence, tags, source and archived.\n",
    )
    .action(
      withContext(async (ctx, file, opts) => {
        const [{ readImportFile }, { decodeText }, { FORMAT_LABEL, readImport }, { importContacts }, { renderImport, renderSkipped }, { toJson }, { cadenceOption }] = await Promise.all([
          import('../store/files.js'),
          import('../formats/text.js'),
          import('../formats/import.js'),
          import('../core/import.js'),
          import('../ui/render/import.js'),
          import('../ui/json.js'),
          import('./options.js'),
        ]);
        const tags = (opts.tag ?? []).map((t) => t.trim());
        if (tags.some((t) => t === '')) throw new UsageError('--tag needs a tag name');
        const cadence = opts.every !== undefined ? { cadenceDays: cadenceOption('--every', opts.every) } : {};

        const read = readImport(decodeText(await readImportFile(file)), opts.format);
        if ('error' in read) throw new JournalError(`cannot import ${safe(file)}: ${read.error}`, read.hint);

        const run = (journal: Journal) => importContacts(journal, read.records, { tags, ...cadence }, ctx.editEnv());
        const result = opts.dryRun
          ? run(await ctx.store.read())
          : await ctx.store.update((journal) => {
              const r = run(journal);
              return { journal: r.journal, result: r };
            });

        if (ctx.json) {
          ctx.out(toJson({ file, format: read.format, dryRun: opts.dryRun === true, counts: result.counts, records: result.outcomes }));
          return;
        }
        for (const line of renderSkipped(result)) ctx.info(line);
        // As with `add`, a confirmation is chatter that -q silences; a dry run's report is the point.
        if (ctx.quiet && !opts.dryRun) return;
        ctx.out(renderImport(file, FORMAT_LABEL[read.format], result, opts.dryRun === true, ctx.theme));
      }),
    );
