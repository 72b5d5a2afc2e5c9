import { MAX_DAYS } from '../core/schema.js';
import type { Ctx } from '../context.js';
import { resolveSettings } from '../core/schema.js';
import { describeCadence } from '../core/cadence.js';
import { setDefaults } from '../core/cadence-edits.js';
import { UsageError } from '../errors.js';
import { cadenceOption, countOption } from './options.js';
import { plural } from '../ui/format.js';
import { toJson } from '../ui/json.js';
import { safe } from '../ui/sanitize.js';

export interface SettingsOptions {
  defaultCadence?: string;
  followUpDays?: string;
}

/** `netlog settings`: show the journal's settings, or change the default cadence and follow-up delay. */
export async function settingsCommand(ctx: Ctx, opts: SettingsOptions): Promise<void> {
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
  ctx.out(
    [
      `Default cadence  ${describeCadence(s.defaultCadenceDays)} (${plural(s.defaultCadenceDays, 'day')})`,
      `Follow up        ${plural(s.followUpDays, 'day')} after a first meeting`,
      `Tag cadences     ${tiers.length ? tiers.join(', ') : 'none (netlog tag cadence TAG CADENCE)'}`,
    ].join('\n'),
  );
}
