import type { Ctx } from '../context.js';
import { readJournalFile, writeMerged } from '../store/merge-files.js';
import { merge } from '../core/merge.js';
import { mergeSummary } from '../ui/render/merge.js';
import { toJson } from '../ui/json.js';

export interface MergeOptions {
  out?: string;
}

/**
 * `netlog merge BASE OURS THEIRS [-o OUT]`: a three-way merge of journal files, in git's merge
 * driver convention (%O %A %B): the result replaces OURS (or goes to OUT); an input that is not
 * a valid journal stops it with OURS untouched. Never conflict markers.
 */
export async function mergeCommand(ctx: Ctx, basePath: string, oursPath: string, theirsPath: string, opts: MergeOptions): Promise<void> {
  // An empty or missing BASE is an empty journal: git passes an empty file when both sides added the file.
  const base = await readJournalFile(basePath, { emptyIsNew: true });
  const ours = await readJournalFile(oursPath);
  const theirs = await readJournalFile(theirsPath);
  const { journal, report } = merge(base, ours, theirs);
  const written = await writeMerged(opts.out ?? oursPath, journal);
  if (ctx.json) ctx.out(toJson({ written, ...report }));
  for (const line of mergeSummary(report)) ctx.info(`netlog merge: ${line}`);
}
