import type { Command } from 'commander';
import type { Io } from '../context.js';
import { action, collect, examples } from './shared.js';

/** add, due, report: the everyday loop. */
export function registerEveryday(program: Command, io: Io): void {
  program
    .command('add')
    .description('log an interaction (asks for everything when run with no names in a terminal)')
    .argument('[names...]', 'who you met; a first name works when it is unique')
    .option('-k, --kind <kind>', 'meeting, coffee, meal, call, video, email, message, event or other (default: meeting)')
    .option('-d, --date <when>', 'when it happened (default: today)')
    .option('-n, --note <text>', 'a note about it')
    .option('-g, --gave <type[@name][:note]>', 'something you gave: intro, referral, advice, info, help, business, gift, other; @NAME: for one person in a group (repeatable)', collect)
    .option('-a, --asked <type[@name][:note]>', 'something you asked for (repeatable)', collect)
    .option('-r, --received <type[@name][:note]>', 'something you received (repeatable)', collect)
    .option('-p, --promise <text>', 'something you promised to do (repeatable)', collect)
    .option('--they-promise <text>', 'something they promised to do for you (repeatable)', collect)
    .option('--by <when>', 'when the promises of this add are due (default: tomorrow)')
    .option('--kept <id>', 'a promise this meeting kept: marked kept on its date (repeatable; in a terminal you are asked about the ones you owe)', collect)
    .option('-e, --event <name>', 'the event where you met (the same name on another day is another occurrence of the series)')
    .option('--intro <name>', 'you introduced the people met to this person: both sides are credited (repeatable)', collect)
    .option('--via <name>', 'who introduced you to the people this add creates (credited with the intro)')
    .option('-t, --tag <tag>', 'for the people this add creates: a tag (repeatable; a,b gives two)', collect)
    .option('--company <name>', 'for the people this add creates: where they work')
    .option('--role <title>', 'for the people this add creates: what they do')
    .option('--email <address>', 'for the people this add creates: an email address (repeatable)', collect)
    .option('--phone <number>', 'for the people this add creates: a phone number (repeatable)', collect)
    .option('--source <text>', 'for the people this add creates: where you met them')
    .option('--every <cadence>', 'for the people this add creates: how often to be in touch (weekly, monthly, 6w, …)')
    .option('--new', 'create new contacts even when a name looks like a typo of an existing one')
    .addHelpText(
      'after',
      examples(
        'netlog add "Dana Lee" --kind coffee --date yesterday --note "hiring a designer" \\\n      --gave intro:"to Sam, designer" --asked advice:pricing --promise "send the case study" --by friday',
        'netlog add Dana Sam Priya --event "Chamber breakfast" --gave advice@Sam:"pricing"',
        'netlog add "Rita Moreno" --via Dana --company Acme --tag client --every monthly',
        'netlog add Dana --intro "Sam Ortiz" --they-promise "send the brief" --by friday',
        'netlog add Dana --kept 3dyv      # this meeting kept that promise',
        'netlog add            # in a terminal: asks who, what, when',
      ),
    )
    .action(
      action(io, async (ctx, names: string[], opts) => {
        const { addCommand } = await import('../commands/add.js');
        await addCommand(ctx, names, opts as Parameters<typeof addCommand>[2]);
      }),
    );

  program
    .command('due')
    .description('who needs a touch: open promises, follow-ups, then people past their cadence')
    .option('--on <when>', 'the day to look at (default: today)')
    .option('--within <days>', 'also show what falls due in the next N days')
    .option('--tag <tag>', 'only contacts with this tag')
    .option('--limit <n>', 'show at most N items')
    .option('--explain', 'say why each item is listed and how it ranked')
    .addHelpText('after', examples('netlog due', 'netlog due --within 7 --tag investor', 'netlog due --json | jq -r \'.items[].name\''))
    .action(
      action(io, async (ctx, opts) => {
        const { dueCommand } = await import('../commands/due.js');
        await dueCommand(ctx, opts as Parameters<typeof dueCommand>[1]);
      }),
    );

  program
    .command('report')
    .description('the weekly review: what you gave and asked, person by person')
    .option('--since <when|span>', 'start of the period: a date, or 7d, 4w, 3m back from --until (default: 7d)')
    .option('--until <when>', 'end of the period, inclusive (default: today)')
    .option('--contact <name>', 'only this person')
    .option('--tag <tag>', 'only contacts with this tag')
    .option('--weekly', 'add one column per week')
    .option('--monthly', 'add one column per month')
    .addHelpText('after', examples('netlog report', 'netlog report --since 3m --monthly', 'netlog report --contact Dana --since 2026-01-01 --json'))
    .action(
      action(io, async (ctx, opts) => {
        const { reportCommand } = await import('../commands/report.js');
        await reportCommand(ctx, opts as Parameters<typeof reportCommand>[1]);
      }),
    );
}
