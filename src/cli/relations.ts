import type { Command } from 'commander';
import type { Io } from '../context.js';
import { action, collect, examples } from './shared.js';
import { UsageError } from '../errors.js';
import { editDistance } from '../core/names.js';

// contact add|show|edit|merge|archive|unarchive|rm, contacts, history: the people and their log.

/** The profile flags `contact add` and `contact edit` share. */
function profileOptions(cmd: Command, verb: 'add' | 'edit'): Command {
  const list = verb === 'add' ? '(repeatable)' : '(repeatable; adds to the list)';
  const text = verb === 'edit' ? '; "" clears it' : '';
  return cmd
    .option('--email <address>', `an email address ${list}`, collect)
    .option('--phone <number>', `a phone number ${list}`, collect)
    .option('--company <name>', `where they work${text}`)
    .option('--role <title>', `what they do there${text}`)
    .option('-t, --tag <tag>', `a tag such as investor or client; a,b gives two ${list}`, collect)
    .option('--alias <name>', `another name they go by (nickname, maiden name) ${list}`, collect)
    .option('--every <cadence>', `how often to be in touch: weekly, monthly, quarterly, yearly, never, 10d, 6w, 2m${verb === 'edit' ? '; inherit = back to tag/default' : ''}`)
    .option('--source <text>', `where you met them${text}`)
    .option('-n, --note <text>', `notes about them${text}`);
}

export function registerRelations(program: Command, io: Io): void {
  const contact = program
    .command('contact')
    .description('add, show, edit, merge, archive or remove a person')
    .addHelpText(
      'after',
      examples('netlog contact add "Dana Lee" --company Acme --tag client --every monthly', 'netlog contact show Dana', 'netlog contact edit Dana --role CTO --untag client'),
    )
    // `netlog contact` alone lists its subcommands (commander would print them to stderr).
    .usage('<command> [options]')
    .argument('[command]')
    .allowExcessArguments()
    .action((sub: string | undefined) => {
      if (sub === undefined) return contact.outputHelp();
      const names = contact.commands.map((c) => c.name());
      const near = names.find((n) => editDistance(n, sub, 2) <= 2);
      throw new UsageError(`unknown contact command "${sub}"${near ? ` (did you mean ${near}?)` : ''}`, `commands: ${names.join(', ')}`);
    });

  profileOptions(
    contact.command('add').description('add a person (refuses an existing name; a likely duplicate needs --new)').argument('<name>', 'their full name'),
    'add',
  )
    .option('--new', 'add them even when the name looks like someone already in the journal')
    .addHelpText(
      'after',
      examples(
        'netlog contact add "Dana Lee" --email dana@acme.com --company Acme --role "Head of Ops" --tag client --every monthly',
        'netlog contact add "Sam Ortiz" --source "Chamber breakfast" --note "designer, likes cycling"',
        'netlog contact add "Sam" --new          # when "Sam Lee" exists and this is someone else',
      ),
    )
    .action(
      action(io, async (ctx, name: string, opts) => {
        const { contactAddCommand } = await import('../commands/contact-add.js');
        await contactAddCommand(ctx, name, opts as Parameters<typeof contactAddCommand>[2]);
      }),
    );

  contact
    .command('show')
    .description("a person's page: profile, cadence, stage, balance, open promises, timeline")
    .argument('<name>', 'name, alias or unique first name')
    .option('--limit <n>', 'timeline entries to show (default: 10)')
    .option('--all', 'show the whole timeline')
    .addHelpText('after', examples('netlog contact show "Dana Lee"', 'netlog contact show Dana --all', "netlog contact show Dana --json | jq '.stage'"))
    .action(
      action(io, async (ctx, name: string, opts) => {
        const { contactShowCommand } = await import('../commands/contact-show.js');
        await contactShowCommand(ctx, name, opts as Parameters<typeof contactShowCommand>[2]);
      }),
    );

  profileOptions(
    contact
      .command('edit')
      .description('change a profile: list flags add values, --untag/--remove-* take them away, "" clears a text field')
      .argument('<name>', 'name, alias or unique first name'),
    'edit',
  )
    .option('--rename <new>', 'change their name')
    .option('--untag <tag>', 'remove a tag (repeatable)', collect)
    .option('--remove-email <address>', 'remove an email address (repeatable)', collect)
    .option('--remove-phone <number>', 'remove a phone number (repeatable)', collect)
    .option('--remove-alias <name>', 'remove an alias (repeatable)', collect)
    .option('--birthday <when>', 'their birthday: YYYY-MM-DD, or MM-DD when you do not know the year (a Feb 29 birthday shows on Feb 28 in other years)')
    .option('--date <label=when>', 'another key date, yearly: --date "work anniversary=2019-06-01" (repeatable; same label replaces)', collect)
    .option('--remove-date <label>', 'remove a key date (birthday for the birthday; repeatable)', collect)
    .addHelpText(
      'after',
      examples(
        'netlog contact edit Dana --role CTO --tag investor --untag client',
        'netlog contact edit Dana --birthday 03-14 --date "work anniversary=2019-06-01"',
        'netlog contact edit Dana --remove-date birthday',
        'netlog contact edit "Dana Lee" --rename "Dana Lee-Park" --alias "Dana Lee"',
        'netlog contact edit Dana --remove-email old@acme.com --email dana@new.io',
        'netlog contact edit Dana --every inherit --company ""   # tag/default cadence; no company',
      ),
    )
    .action(
      action(io, async (ctx, name: string, opts) => {
        const { contactEditCommand } = await import('../commands/contact-edit.js');
        await contactEditCommand(ctx, name, opts as Parameters<typeof contactEditCommand>[2]);
      }),
    );

  contact
    .command('merge')
    .description("fold OTHER into KEEP: interactions, promises, aliases (OTHER's name too), emails, phones, tags; OTHER is removed")
    .argument('<keep>', 'the contact to keep')
    .argument('<other>', 'the duplicate to fold in and remove')
    .addHelpText('after', examples('netlog contact merge "Dana Lee" "Dana L"', 'netlog contact merge "Tomás Reyes" "Tom Reyes" --json'))
    .action(
      action(io, async (ctx, keep: string, other: string) => {
        const { contactMergeCommand } = await import('../commands/contact-merge.js');
        await contactMergeCommand(ctx, keep, other);
      }),
    );

  contact
    .command('archive')
    .description('hide a person from due and contacts, keeping their history (--undo brings them back)')
    .argument('<name>', 'name, alias or unique first name')
    .option('--undo', 'bring an archived contact back (same as contact unarchive)')
    .addHelpText('after', examples('netlog contact archive "Jasper Quinn"', 'netlog contact archive Jasper --undo', 'netlog contacts --archived'))
    .action(
      action(io, async (ctx, name: string, opts: { undo?: boolean }) => {
        const { contactArchiveCommand } = await import('../commands/contact-archive.js');
        await contactArchiveCommand(ctx, name, opts.undo !== true);
      }),
    );

  contact
    .command('unarchive')
    .description('bring an archived contact back')
    .argument('<name>', 'name, alias or unique first name')
    .addHelpText('after', examples('netlog contact unarchive "Jasper Quinn"'))
    .action(
      action(io, async (ctx, name: string) => {
        const { contactArchiveCommand } = await import('../commands/contact-archive.js');
        await contactArchiveCommand(ctx, name, false);
      }),
    );

  contact
    .command('rm')
    .alias('remove')
    .description(
      'remove a person for good: deletes their one-to-one interactions and promises, takes them out of group ones. Asks first; without a terminal needs --yes. To keep the history, archive instead',
    )
    .argument('<name>', 'name, alias or unique first name')
    .option('-y, --yes', 'do not ask')
    .addHelpText('after', examples('netlog contact rm "Test Person"', 'netlog contact rm "Test Person" --yes    # in scripts', 'netlog contact archive "Jasper Quinn"   # hide instead, keeping history'))
    .action(
      action(io, async (ctx, name: string, opts: { yes?: boolean }) => {
        const { contactRmCommand } = await import('../commands/contact-rm.js');
        await contactRmCommand(ctx, name, opts);
      }),
    );

  program
    .command('contacts')
    .description('everyone, with stage, balance, cadence and last touch (archived people only with --archived/--all)')
    .option('-t, --tag <tag>', 'only people with this tag')
    .option('--stage <stage>', 'only people at this stage: visibility, credibility or profitability')
    .option('--archived', 'only archived people')
    .option('--all', 'active and archived people')
    .addHelpText('after', examples('netlog contacts', 'netlog contacts --tag investor --stage credibility', "netlog contacts --json | jq -r '.contacts[] | select(.balance < 0) | .name'"))
    .action(
      action(io, async (ctx, opts) => {
        const { contactsCommand } = await import('../commands/contacts.js');
        await contactsCommand(ctx, opts as Parameters<typeof contactsCommand>[1]);
      }),
    );

  program
    .command('history')
    .alias('log')
    .description('the log of interactions, newest first')
    .option('-c, --contact <name>', 'only interactions with this person')
    .option('--since <when|span>', 'from this date, or 7d, 4w, 3m back from --until')
    .option('--until <when>', 'up to this date, inclusive')
    .option('-k, --kind <kind>', 'only this kind: meeting, coffee, meal, call, video, email, message, event, other (repeatable, or a,b)', collect)
    .option('--limit <n>', 'show at most N interactions')
    .addHelpText('after', examples('netlog history --limit 10', 'netlog log --contact Dana --since 3m', 'netlog history --kind coffee,meal --since 2026-01-01 --json'))
    .action(
      action(io, async (ctx, opts) => {
        const { historyCommand } = await import('../commands/history.js');
        await historyCommand(ctx, opts as Parameters<typeof historyCommand>[1]);
      }),
    );
}
