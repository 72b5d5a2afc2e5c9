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
    .option('-g, --gave <type[:note]>', 'something you gave: intro, referral, advice, info, help, business, gift, other (repeatable)', collect)
    .option('-a, --asked <type[:note]>', 'something you asked for (repeatable)', collect)
    .option('-r, --received <type[:note]>', 'something you received (repeatable)', collect)
    .option('-p, --promise <text>', 'something you promised to do (repeatable)', collect)
    .option('--by <when>', 'when the promise is due (default: tomorrow)')
    .option('-e, --event <name>', 'the event where you met')
    .option('--new', 'create new contacts even when a name looks like a typo of an existing one')
    .option('--wants <text>', 'what they are looking for, open until met; recorded on the first person named (repeatable)', collect)
    .option('--meets <want-id>', 'the want (id or its first letters) that what you gave meets: marks it met')
    .addHelpText(
      'after',
      examples(
        'netlog add Dana --kind call --wants "a brand designer" --wants "a first hire in Lisbon"',
        'netlog add Dana --gave intro:"to Sam Ortiz" --meets 7kq2',
        'netlog add "Dana Lee" --kind coffee --date yesterday --note "hiring a designer" \\\n      --gave intro:"to Sam, designer" --asked advice:pricing --promise "send the case study" --by friday',
        'netlog add Dana Sam Priya --event "Chamber breakfast"',
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
    .option('--all', 'on a terminal, list everything (not just one screenful of 20)')
    .addHelpText(
      'after',
      examples('netlog due', 'netlog due --all --within 7 --tag investor', 'netlog due | cut -f2,5       # piped: one item a line, tab-separated', "netlog due --json | jq -r '.items[] | .name + \": \" + (.context.wants | join(\", \"))'"),
    )
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
