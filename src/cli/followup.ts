import type { Command } from 'commander';
import type { Io } from '../context.js';
import { action, examples } from './shared.js';

/** promises, done, snooze, tag cadence, settings, events: keeping up with people. */
export function registerFollowup(program: Command, io: Io): void {
  program
    .command('promises')
    .description('promises both ways, open ones overdue first: what you owe and what they owe you (--all adds kept and dropped ones)')
    .option('--all', 'include kept and dropped promises, and whether they were kept on time')
    .option('--contact <name>', 'only promises to or from this person')
    .option('--mine', 'only what you promised')
    .option('--theirs', 'only what they promised you')
    .addHelpText('after', examples('netlog promises', 'netlog promises --all --contact Dana', 'netlog promises --theirs', "netlog promises --json | jq -r '.promises[] | select(.owner == \"me\") | .id'"))
    .action(
      action(io, async (ctx, opts) => {
        const { promisesCommand } = await import('../commands/promises.js');
        await promisesCommand(ctx, opts as Parameters<typeof promisesCommand>[1]);
      }),
    );

  program
    .command('done')
    .description('mark a promise kept, yours or theirs (an already kept one is left as it is)')
    .argument('<id>', "the promise's id, or the first letters of it")
    .option('--on <when>', 'when you kept it (default: today)')
    .addHelpText('after', examples('netlog done 3dyv', 'netlog done 3dyvr0c9 --on yesterday'))
    .action(
      action(io, async (ctx, id: string, opts) => {
        const { doneCommand } = await import('../commands/done.js');
        await doneCommand(ctx, id, opts as Parameters<typeof doneCommand>[2]);
      }),
    );

  program
    .command('snooze')
    .description('not due before a date: snooze NAME 2w, or snooze NAME off')
    .argument('<name>', 'who')
    .argument('<when>', 'a date (friday, 2027-01-15, in 10d), a span from today (2w, 3m), or off')
    .addHelpText('after', examples('netlog snooze Dana 2w', 'netlog snooze "Dana Lee" 2027-01-15', 'netlog snooze Dana off'))
    .action(
      action(io, async (ctx, name: string, when: string) => {
        const { snoozeCommand } = await import('../commands/snooze.js');
        await snoozeCommand(ctx, name, when);
      }),
    );

  const tag = program
    .command('tag')
    .description('tags as tiers: how often people with a tag should hear from you')
    .addHelpText('after', examples('netlog tag cadence', 'netlog tag cadence investor monthly'));
  // `netlog tag` alone shows its subcommands instead of nothing.
  tag.action(() => tag.outputHelp());
  tag
    .command('cadence')
    .description('list tag cadences, show one, set one, or clear one')
    .argument('[tag]', 'the tag')
    .argument('[cadence]', 'weekly, biweekly, monthly, quarterly, yearly, never, or 10d, 6w, 2m, 1y')
    .option('--clear', 'remove the tag\'s cadence: its people follow the default again')
    .addHelpText('after', examples('netlog tag cadence', 'netlog tag cadence investor monthly', 'netlog tag cadence investor', 'netlog tag cadence old-colleagues never', 'netlog tag cadence investor --clear'))
    .action(
      action(io, async (ctx, t: string | undefined, cadence: string | undefined, opts) => {
        const { tagCadenceCommand } = await import('../commands/tag.js');
        await tagCadenceCommand(ctx, t, cadence, opts as Parameters<typeof tagCadenceCommand>[3]);
      }),
    );

  program
    .command('settings')
    .description('show the settings, or change the default cadence and the follow-up delay')
    .option('--default-cadence <cadence>', 'the cadence of people with none of their own or from a tag (default: quarterly)')
    .option('--follow-up-days <n>', 'days after a first meeting before a follow-up is due (default: 2)')
    .addHelpText('after', examples('netlog settings', 'netlog settings --default-cadence 2m --follow-up-days 3', 'netlog settings --json'))
    .action(
      action(io, async (ctx, opts) => {
        const { settingsCommand } = await import('../commands/settings.js');
        await settingsCommand(ctx, opts as Parameters<typeof settingsCommand>[1]);
      }),
    );

  program
    .command('events')
    .description('per event and per source: people met, followed up, relationships, referrals and business since')
    .addHelpText('after', examples('netlog events', "netlog events --json | jq '.events[] | {name, met, followedUp, relationships}'"))
    .action(
      action(io, async (ctx) => {
        const { eventsCommand } = await import('../commands/events.js');
        await eventsCommand(ctx);
      }),
    );
}
