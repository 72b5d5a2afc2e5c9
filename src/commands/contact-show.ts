import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { command, examples, withContext } from './define.js';

/** `netlog contact show NAME`: a person's page. */
export const contactShow = (parent: CommandUnknownOpts) =>
  command(
    parent,
    'show',
    "a person's page: profile, cadence, stage, balance, open promises, wants, key dates, intros, timeline",
    examples('netlog contact show "Dana Lee"', 'netlog contact show Dana --all', "netlog contact show Dana --json | jq '.stage'"),
  )
    .argument('<name>', 'name, alias or unique first name')
    .option('--limit <n>', 'timeline entries to show (default: 10)')
    .option('--all', 'show the whole timeline')
    .action(
      withContext(async (ctx, name, opts) => {
        const [{ contactShow }, { countOption }, { pickContact }, { renderContactPage }, { toJson }] = await Promise.all([
          import('../reports/brief.js'),
          import('./options.js'),
          import('./resolve.js'),
          import('../ui/render/contacts.js'),
          import('../ui/json.js'),
        ]);
        const limit = opts.all ? undefined : opts.limit !== undefined ? countOption('--limit', opts.limit, 1) : 10;
        const journal = await ctx.store.read();
        const contact = await pickContact(ctx, journal, name, { announce: false });
        const { page: shown, brief: b, intros } = contactShow(journal, ctx.today, contact.id, limit === undefined ? {} : { limit });
        if (ctx.json) {
          ctx.out(toJson({ ...shown, wants: contact.wants ?? [], dates: contact.dates ?? [], upcomingDates: b.dates, intros }));
          return;
        }
        const { contactExtras } = await import('../ui/render/act.js');
        ctx.out(renderContactPage(shown, ctx.today, ctx.theme, ctx.width, contactExtras(b, intros, ctx.theme, ctx.width)));
      }),
    );
