import type { Ctx } from '../context.js';
import { buildEventsReport } from '../reports/events.js';
import { renderEvents } from '../ui/render/events.js';
import { toJson } from '../ui/json.js';

/** `netlog events`: per event and per source, what came of the people met there. */
export async function eventsCommand(ctx: Ctx): Promise<void> {
  const journal = await ctx.store.read();
  const report = buildEventsReport(journal, ctx.today);
  if (ctx.json) ctx.out(toJson(report));
  else ctx.out(renderEvents(report, ctx.theme, ctx.width));
}
