import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { examples, subcommandGroup } from './define.js';

/** `netlog tag`: the group of tag subcommands (cadence; see src/cli.ts). */
export const tag = (parent: CommandUnknownOpts) => {
  const group = parent
    .command('tag')
    .description('tags as tiers: how often people with a tag should hear from you')
    .addHelpText('after', examples('netlog tag cadence', 'netlog tag cadence investor monthly'));
  // `netlog tag` alone shows its subcommands instead of nothing; a mistyped one gets "did you mean".
  return subcommandGroup(group, 'tag');
};
