import type { Command, CommandUnknownOpts, OptionValues } from '@commander-js/extra-typings';
import { collect, examples, group } from './define.js';

/** `netlog contact`: the group of add, show, edit, merge, archive, unarchive and rm (see src/cli.ts). */
export const contact = (parent: CommandUnknownOpts) =>
  group(
    parent,
    'contact',
    'add, show, edit, merge, archive or remove a person',
    examples('netlog contact add "Dana Lee" --company Acme --tag client --every monthly', 'netlog contact show Dana', 'netlog contact edit Dana --role CTO --untag client'),
  );

/** The profile flags `contact add` and `contact edit` share. */
export function profileOptions<Args extends unknown[], Opts extends OptionValues, Globals extends OptionValues>(cmd: Command<Args, Opts, Globals>, verb: 'add' | 'edit') {
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
