import type { Ctx } from '../context.js';
import { resolveSettings } from '../core/schema.js';
import { describeCadence } from '../core/cadence.js';
import { setTagCadence } from '../core/cadence-edits.js';
import { tagCadenceList, tagCadenceRow, type TagCadenceRow } from '../reports/tags.js';
import { UsageError } from '../errors.js';
import { cadenceOption } from './options.js';
import { renderTable } from '../ui/table.js';
import { toJson } from '../ui/json.js';
import { safe } from '../ui/sanitize.js';

export interface TagCadenceOptions {
  clear?: boolean;
}

function describeRow(r: TagCadenceRow): string {
  return r.set ? describeCadence(r.cadenceDays) : `${describeCadence(r.cadenceDays)} (the default)`;
}

/**
 * `netlog tag cadence [TAG] [CADENCE]`: list the tiers, show one, set one, or (--clear) drop one
 * so its people follow the default again.
 */
export async function tagCadenceCommand(ctx: Ctx, tag: string | undefined, cadence: string | undefined, opts: TagCadenceOptions): Promise<void> {
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
    const head = ctx.theme.heading(`Tag cadences (the default: ${describeCadence(def)})`);
    if (rows.length === 0) {
      ctx.out(`${head}\n  no tags yet. Set a tier with: netlog tag cadence investor monthly`);
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
}
