import type { Ctx } from '../context.js';
import { JournalError, UsageError } from '../errors.js';
import { readImportFile } from '../store/files.js';
import { FORMAT_LABEL, IMPORT_FORMATS, readImport, type ImportFormat } from '../formats/import.js';
import { importContacts, type ImportResult } from '../core/import.js';
import { renderImport, renderSkipped } from '../ui/render/import.js';
import { toJson } from '../ui/json.js';
import { safe } from '../ui/sanitize.js';
import { cadenceOption } from './options.js';

export interface ImportOptions {
  format?: string;
  tag?: string[];
  dryRun?: boolean;
  every?: string;
}

/** `netlog import FILE`: contacts from a phone, Google, LinkedIn or any CSV. */
export async function importCommand(ctx: Ctx, file: string, opts: ImportOptions): Promise<void> {
  const format = opts.format?.toLowerCase() as ImportFormat | undefined;
  if (format !== undefined && !IMPORT_FORMATS.includes(format)) {
    throw new UsageError(`--format: unknown format "${opts.format}"`, `formats: ${IMPORT_FORMATS.join(', ')}`);
  }
  const tags = (opts.tag ?? []).map((t) => t.trim());
  if (tags.some((t) => t === '')) throw new UsageError('--tag needs a tag name');
  const cadence = opts.every !== undefined ? { cadenceDays: cadenceOption('--every', opts.every) } : {};

  const read = readImport(await readImportFile(file), format);
  if ('error' in read) throw new JournalError(`cannot import ${safe(file)}: ${read.error}`, read.hint);

  const run = (journal: Parameters<typeof importContacts>[0]) => importContacts(journal, read.records, { tags, ...cadence }, ctx.editEnv());
  let result: ImportResult;
  if (opts.dryRun) {
    result = run(await ctx.store.read());
  } else {
    result = await ctx.store.update((journal) => {
      const r = run(journal);
      return { journal: r.journal, result: r };
    });
  }

  if (ctx.json) {
    ctx.out(toJson({ file, format: read.format, dryRun: opts.dryRun === true, counts: result.counts, named: result.named, records: result.outcomes }));
    return;
  }
  for (const line of renderSkipped(result)) ctx.info(line);
  // As with `add`, a confirmation is chatter that -q silences; a dry run's report is the point.
  if (ctx.quiet && !opts.dryRun) return;
  ctx.out(renderImport(file, FORMAT_LABEL[read.format], result, opts.dryRun === true, ctx.theme));
}
