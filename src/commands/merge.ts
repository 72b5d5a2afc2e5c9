import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { command, examples, withContext } from './define.js';

/**
 * `netlog merge BASE OURS THEIRS [-o OUT]`: a three-way merge of journal files, in git's merge
 * driver convention (%O %A %B): the result replaces OURS (or goes to OUT); an input that is not
 * a valid journal stops it with every file untouched. Never conflict markers.
 */
export const mergeJournals = (parent: CommandUnknownOpts) =>
  command(
    parent,
    'merge',
    "three-way merge of journal files; git's merge driver (%O %A %B): writes the result over OURS",
    examples('netlog merge base.json laptop.json desktop.json -o merged.json', 'netlog merge old.json journal.json copy.json --json | jq .settled') +
      '\nNever writes conflict markers. A field changed on both sides keeps the later change\n' +
      '(updatedAt); a losing name becomes an alias, a losing note is appended. Exit 1, with\n' +
      'OURS untouched, when an input is not a valid journal. `netlog sync init` registers it with git.\n',
  )
    .argument('<base>', 'the common ancestor (an empty or missing file: none, a two-way merge)')
    .argument('<ours>', 'our version; replaced by the result unless --out is given')
    .argument('<theirs>', 'their version')
    .option('-o, --out <file>', 'write the result here instead of over OURS')
    .action(
      withContext(async (ctx, basePath, oursPath, theirsPath, opts) => {
        const [{ merge }, { readJournalFile, writeMerged }, { mergeSummary }, { toJson }] = await Promise.all([
          import('../core/merge.js'),
          import('../store/merge-files.js'),
          import('../ui/render/merge.js'),
          import('../ui/json.js'),
        ]);
        // An empty or missing BASE is an empty journal: git passes an empty file when both sides added the file.
        const base = await readJournalFile(basePath, { emptyIsNew: true });
        const ours = await readJournalFile(oursPath);
        const theirs = await readJournalFile(theirsPath);
        const { journal, report } = merge(base, ours, theirs);
        const written = await writeMerged(opts.out ?? oursPath, journal);
        if (ctx.json) ctx.out(toJson({ written, ...report }));
        for (const line of mergeSummary(report)) ctx.info(`netlog merge: ${line}`);
      }),
    );
