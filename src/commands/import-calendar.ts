import type { Ctx } from '../context.js';
import { CancelledError, JournalError, UsageError } from '../errors.js';
import { importCalendar, type CalendarImportResult } from '../core/calendar-import.js';
import { readCalendar } from '../formats/calendar.js';
import { decodeLines } from '../formats/text.js';
import { calendarProducer, renderCalendarImport } from '../ui/render/calendar-import.js';
import { toJson } from '../ui/json.js';
import { safe } from '../ui/sanitize.js';
import { sinceOption } from './options.js';

// `netlog import FILE.ics` (SPEC §6.5), loaded only for a calendar: read it, plan the
// interactions on the journal as it is, ask (or require --yes), then add them under the lock.

export interface CalendarImportFlags {
  since?: string;
  yes: boolean;
  dryRun: boolean;
}

/** Imports a calendar export's past events with known people as interactions. */
export async function importCalendarFile(ctx: Ctx, file: string, bytes: Uint8Array, flags: CalendarImportFlags): Promise<void> {
  const since = flags.since !== undefined ? sinceOption('--since', flags.since, ctx.today) : undefined;
  let calendar: Awaited<ReturnType<typeof readCalendar>>;
  try {
    calendar = await readCalendar(decodeLines(bytes).text);
  } catch (e) {
    throw new JournalError(`cannot import ${safe(file)}: ${(e as Error).message}`, 'netlog reads iCalendar (.ics) exports from Google Calendar, Outlook and Apple Calendar');
  }
  // netlog's own export is what is due and key dates: importing it would log every suggestion as a meeting.
  if (/^-\/\/netlog\/\//i.test(calendar.producer ?? '')) {
    throw new UsageError(`${safe(file)} is netlog's own calendar export (what is due, and key dates): it holds no meetings to import`, 'import the calendar you keep your meetings in (Google Calendar, Outlook, Apple Calendar)');
  }
  const options = { today: ctx.today, ...(since ? { since } : {}), ...(calendar.owner ? { owner: calendar.owner } : {}) };
  const plan = importCalendar(await ctx.store.read(), calendar.series, options, ctx.editEnv());
  const producer = calendarProducer(calendar.producer);
  for (const w of plan.warnings) ctx.info(safe(w));

  let result: CalendarImportResult = plan;
  let written = false;
  if (!flags.dryRun && plan.added.length > 0) {
    if (!flags.yes) {
      const what = `${plan.added.length} interaction${plan.added.length === 1 ? '' : 's'} from ${safe(file)}`;
      if (!ctx.interactive) throw new UsageError(`would add ${what}; add --yes to write them`, `see them first: netlog import ${safe(file)} --dry-run`);
      const { yesNo } = await ctx.prompts();
      if (!(await yesNo(`Add ${what}?`, true))) throw new CancelledError('nothing imported');
    }
    // Planned again under the lock, on the journal as it is now.
    result = await ctx.store.update((journal) => {
      const r = importCalendar(journal, calendar.series, options, ctx.editEnv());
      return { journal: r.journal, result: r };
    });
    written = true;
  }

  if (ctx.json) {
    const { journal: _journal, ...rest } = result;
    ctx.out(toJson({ file, format: 'ics', producer, dryRun: flags.dryRun, ...(since ? { since } : {}), ...rest }));
    return;
  }
  if (ctx.quiet && written) return;
  ctx.out((await import('../ui/wrap.js')).fitLines(renderCalendarImport(file, producer, result, { dryRun: flags.dryRun, contacts: (await ctx.store.read()).contacts }, ctx.theme), ctx.width));
}
