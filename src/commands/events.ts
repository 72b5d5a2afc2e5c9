import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { command, examples, withContext } from './define.js';

/** `netlog events`: per event and per source, what came of the people met there. */
export const events = (parent: CommandUnknownOpts) =>
  command(
    parent,
    'events',
    'per event and per source: people met, followed up, relationships, referrals and business since',
    examples('netlog events', "netlog events --json | jq '.events[] | {name, met, followedUp, relationships}'"),
  )
    .action(
      withContext(async (ctx, _opts) => {
        const [{ buildEventsReport }, { eventsLegend, renderEvents }, { toJson }] = await Promise.all([import('../reports/events.js'), import('../ui/render/events.js'), import('../ui/json.js')]);
        const report = buildEventsReport(await ctx.store.read(), ctx.today);
        if (ctx.json) return ctx.out(toJson(report));
        ctx.out(renderEvents(report, ctx.theme, ctx.width));
        const legend = eventsLegend(report, ctx.theme, ctx.width);
        if (legend) ctx.aside(legend);
      }),
    );
