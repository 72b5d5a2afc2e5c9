import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { UsageError } from '../errors.js';
import { command, examples, group, withContext } from './define.js';

// `netlog event edit|merge` (SPEC §6.2): correct an event or make two series one.

/** `netlog event`: the group (see src/cli.ts). */
export const event = (parent: CommandUnknownOpts) =>
  group(
    parent,
    'event',
    'correct an event (name, date, location) or fold two into one series',
    examples('netlog event edit "Chamber breakfast" --rename "Chamber Breakfast Club"', 'netlog event merge "Chamber Breakfast" "Chamber brekfast"'),
  );

/** `netlog event edit NAME`: rename a series; change one occurrence's date or location. */
export const eventEdit = (parent: CommandUnknownOpts) =>
  command(
    parent,
    'edit',
    "rename a series (every occurrence), or change one occurrence's date or location",
    examples('netlog event edit "chamber breakfast" --rename "Chamber Breakfast Club"', 'netlog event edit "Demo Night" --location "Hub, 2nd floor"', 'netlog event edit "Chamber Breakfast" --on 2026-11-10 --date 2026-11-11'),
  )
    .argument('<name>', "the event's name (capitals and spacing do not matter) or id")
    .option('--rename <new>', 'a new name for every occurrence of the series')
    .option('--date <when>', 'the occurrence happened on another day')
    .option('--location <place>', 'where it was ("" clears it)')
    .option('--on <when>', 'which occurrence, when the series has several')
    .action(
      withContext(async (ctx, name, opts) => {
        const [{ editEvents }, { eventsNamed }, { interactionDate, whenOption }, { changeLines }, { toJson }, { safe }] = await Promise.all([
          import('../core/events.js'),
          import('./resolve.js'),
          import('./options.js'),
          import('../ui/render/correct.js'),
          import('../ui/json.js'),
          import('../ui/sanitize.js'),
        ]);
        if (opts.rename === undefined && opts.date === undefined && opts.location === undefined) throw new UsageError('nothing to change', 'give --rename, --date or --location');
        const on = opts.on !== undefined ? whenOption('--on', opts.on, ctx.today) : undefined;
        const date = opts.date !== undefined ? interactionDate('--date', opts.date, ctx.today) : undefined;
        const r = await ctx.store.update((journal) => {
          const ids = eventsNamed(journal, name, on).map((e) => e.id);
          const e = editEvents(
            journal,
            ids,
            { ...(opts.rename !== undefined ? { rename: opts.rename } : {}), ...(date !== undefined ? { date } : {}), ...(opts.location !== undefined ? { location: opts.location.trim() ? opts.location : null } : {}) },
            ctx.editEnv().now,
          );
          return { journal: e.journal, result: e };
        }, (e) => `event edit ${e.events[0]?.name ?? name}`);
        if (ctx.json) ctx.out(toJson({ events: r.events, changes: r.changes }));
        else if (!ctx.quiet) {
          const what = r.events.length > 1 ? `${safe(r.events[0]!.name)} (${r.events.length} occurrences)` : `${safe(r.events[0]!.name)} on ${r.events[0]!.date}`;
          ctx.out(r.changes.length === 0 ? `Nothing changed: ${what} already had all of that.` : [`Edited ${what}:`, ...changeLines(r.changes, ctx.theme)].join('\n'));
        }
      }),
    );

/** `netlog event merge KEEP OTHER`: OTHER's occurrences join KEEP's series. */
export const eventMerge = (parent: CommandUnknownOpts) =>
  command(
    parent,
    'merge',
    "fold OTHER into KEEP: OTHER's occurrences take KEEP's name; one on a day KEEP also has is folded into it (its interactions moved)",
    examples('netlog event merge "Chamber Breakfast" "Chamber brekfast"', 'netlog event merge 7kq2 9xw1     # two occurrences by id: one'),
  )
    .argument('<keep>', 'the event (series) to keep: name or id')
    .argument('<other>', 'the one to fold in: name or id')
    .action(
      withContext(async (ctx, keepName, otherName, _opts) => {
        const [{ mergeEvents }, { eventsNamed }, { toJson }, { safe }, { plural }, { seriesOf }] = await Promise.all([
          import('../core/events.js'),
          import('./resolve.js'),
          import('../ui/json.js'),
          import('../ui/sanitize.js'),
          import('../ui/format.js'),
          import('../core/edits.js'),
        ]);
        const r = await ctx.store.update((journal) => {
          const keep = eventsNamed(journal, keepName);
          const other = eventsNamed(journal, otherName);
          // Two ids (not names): two occurrences made one, whatever their dates.
          const byId = keep.length === 1 && other.length === 1 && seriesOf(journal, keepName).length === 0 && seriesOf(journal, otherName).length === 0;
          const m = mergeEvents(journal, keep.map((e) => e.id), other.map((e) => e.id), ctx.editEnv().now, byId);
          return { journal: m.journal, result: { ...m, name: keep[0]!.name } };
        }, (m) => `event merge into ${m.name}`);
        if (ctx.json) ctx.out(toJson({ name: r.name, renamed: r.renamed, folded: r.folded, interactions: r.interactions }));
        else if (!ctx.quiet) {
          const parts = [];
          if (r.renamed) parts.push(`${plural(r.renamed, 'occurrence')} joined the series`);
          if (r.folded) parts.push(`${plural(r.folded, 'occurrence')} folded in (${plural(r.interactions, 'interaction')} moved)`);
          ctx.out(`Merged ${safe(otherName.trim())} into ${safe(r.name)}: ${parts.join('; ')}.`);
        }
      }),
    );
