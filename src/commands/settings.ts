import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { UsageError } from '../errors.js';
import { safe } from '../ui/sanitize.js';
import { command, examples, withContext } from './define.js';

/** `netlog settings`: show the journal's settings, or change the default cadence and follow-up delay. */
export const settings = (parent: CommandUnknownOpts) =>
  command(
    parent,
    'settings',
    'show the settings, or change the default cadence and the follow-up delay',
    examples('netlog settings', 'netlog settings --default-cadence 2m --follow-up-days 3', 'netlog settings --json'),
  )
    .option('--default-cadence <cadence>', 'the cadence of people with none of their own or from a tag (default: quarterly)')
    .option('--follow-up-days <n>', 'days after a first meeting before a follow-up is due (default: 2)')
    .action(
      withContext(async (ctx, opts) => {
        const [{ MAX_DAYS, resolveSettings }, { describeCadence }, { setDefaults }, { cadenceOption, countOption }, { plural }, { toJson }] = await Promise.all([
          import('../core/journal.js'),
          import('../core/cadence.js'),
          import('../core/cadence-edits.js'),
          import('./options.js'),
          import('../ui/format.js'),
          import('../ui/json.js'),
        ]);
        const change: { defaultCadenceDays?: number; followUpDays?: number } = {};
        if (opts.defaultCadence !== undefined) {
          const days = cadenceOption('--default-cadence', opts.defaultCadence);
          if (days === null) throw new UsageError('--default-cadence cannot be never', 'set never per person (contact edit --every never) or per tag (tag cadence TAG never)');
          change.defaultCadenceDays = days;
        }
        if (opts.followUpDays !== undefined) change.followUpDays = countOption('--follow-up-days', opts.followUpDays, 0, MAX_DAYS);

        const journal =
          Object.keys(change).length === 0
            ? await ctx.store.read()
            : await ctx.store.update((j) => {
                const edit = setDefaults(j, change);
                return { journal: edit.journal, result: edit.journal };
              });
        const s = resolveSettings(journal.settings);
        if (ctx.json) {
          ctx.out(toJson(s));
          return;
        }
        if (ctx.quiet && Object.keys(change).length > 0) return;
        const tiers = Object.entries(s.tagCadences).map(([t, d]) => `${safe(t)} ${describeCadence(d)}`);
        // Each value wraps under itself on a narrow terminal.
        const { wrapText } = await import('../ui/format.js');
        ctx.out(
          [
            `Default cadence  ${describeCadence(s.defaultCadenceDays)} (${plural(s.defaultCadenceDays, 'day')})`,
            `Follow up        ${plural(s.followUpDays, 'day')} after a first meeting`,
            `Tag cadences     ${tiers.length ? tiers.join(', ') : 'none (netlog tag cadence TAG CADENCE)'}`,
          ]
            .map((line) => wrapText(line, ctx.width, '', ' '.repeat(17)))
            .join('\n'),
        );
      }),
    );
