import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { UsageError } from '../errors.js';
import { safe } from '../ui/sanitize.js';
import type { TagCadenceRow } from '../reports/tags.js';
import { command, examples, withContext } from './define.js';

/**
 * `netlog tag cadence [TAG] [CADENCE]`: list the tiers, show one, set one, or (--clear) drop one
 * so its people follow the default again.
 */
export const tagCadence = (parent: CommandUnknownOpts) =>
  command(
    parent,
    'cadence',
    'list tag cadences, show one, set one, or clear one',
    examples('netlog tag cadence', 'netlog tag cadence investor monthly', 'netlog tag cadence investor', 'netlog tag cadence old-colleagues never', 'netlog tag cadence investor --clear'),
  )
    .argument('[tag]', 'the tag')
    .argument('[cadence]', 'weekly, biweekly, monthly, quarterly, yearly, never, or 10d, 6w, 2m, 1y')
    .option('--clear', "remove the tag's cadence: its people follow the default again")
    .action(
      withContext(async (ctx, tag, cadence, opts) => {
        const [{ resolveSettings }, { describeCadence }, { setTagCadence }, { tagCadenceList, tagCadenceRow }, { cadenceOption }, { renderTable }, { toJson }] = await Promise.all([
          import('../core/journal.js'),
          import('../core/cadence.js'),
          import('../core/cadence-edits.js'),
          import('../reports/tags.js'),
          import('./options.js'),
          import('../ui/table.js'),
          import('../ui/json.js'),
        ]);
        const describeRow = (r: TagCadenceRow) => (r.set ? describeCadence(r.cadenceDays) : `${describeCadence(r.cadenceDays)} (the default)`);
        const name = tag?.trim();
        if (tag !== undefined && !name) throw new UsageError('the tag is empty');
        if (opts.clear && name === undefined) throw new UsageError('--clear needs a tag', 'e.g. netlog tag cadence investor --clear');
        if (opts.clear && cadence !== undefined) throw new UsageError('give a cadence or --clear, not both');
        const days = cadence !== undefined ? cadenceOption('cadence', cadence) : undefined;

        if (name === undefined) {
          const journal = await ctx.store.read();
          const rows = tagCadenceList(journal);
          const def = resolveSettings(journal.settings).defaultCadenceDays;
          if (ctx.json) {
            ctx.out(toJson({ defaultCadenceDays: def, tags: rows }));
            return;
          }
          const { fitLines } = await import('../ui/wrap.js');
          const head = fitLines(ctx.theme.heading(`Tag cadences (the default: ${describeCadence(def)})`), ctx.width);
          if (rows.length === 0) {
            ctx.out(fitLines(`${head}\n  no tags yet. Set a tier with: netlog tag cadence investor monthly`, ctx.width));
            return;
          }
          const table = renderTable(
            [{ header: 'Tag', wrap: true }, { header: 'Cadence', wrap: true }, { header: 'People', align: 'right' }],
            rows.map((r) => [safe(r.tag), r.set ? describeRow(r) : ctx.theme.dim(describeRow(r)), String(r.contacts)]),
            ctx.width,
            ctx.theme,
          );
          ctx.out(`${head}\n${table}`);
          ctx.info(ctx.theme.dim("A person's own cadence wins; else the shortest cadence of their tags; else the default."));
          return;
        }

        if (days === undefined && !opts.clear) {
          const row = tagCadenceRow(await ctx.store.read(), name);
          if (ctx.json) ctx.out(toJson(row));
          else ctx.out(`${safe(row.tag)}: ${describeRow(row)}, ${row.contacts} ${row.contacts === 1 ? 'person' : 'people'}`);
          return;
        }

        const r = await ctx.store.update((journal) => {
          const edit = setTagCadence(journal, name, opts.clear ? undefined : days);
          return { journal: edit.journal, result: { changed: edit.changed, row: tagCadenceRow(edit.journal, edit.key) } };
        });
        if (ctx.json) {
          ctx.out(toJson({ ...r.row, changed: r.changed }));
          return;
        }
        if (ctx.quiet) return;
        const t = safe(r.row.tag);
        if (opts.clear) ctx.out(r.changed ? `${t} has no cadence of its own now: its people follow the default (${describeCadence(r.row.cadenceDays)}).` : `${t} had no cadence set. Nothing changed.`);
        else ctx.out(`${t}: ${describeCadence(r.row.cadenceDays)} for ${r.row.contacts} ${r.row.contacts === 1 ? 'person' : 'people'}${r.changed ? '' : ' (unchanged)'}.`);
        if (r.row.contacts === 0) ctx.info(`note: no contact has the tag "${t}" yet`);
      }),
    );
