import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { examples, group } from './define.js';

/** `netlog tag`: the group of tag subcommands (cadence; see src/cli.ts). */
export const tag = (parent: CommandUnknownOpts) =>
  group(parent, 'tag', 'tags as tiers: how often people with a tag should hear from you', examples('netlog tag cadence', 'netlog tag cadence investor monthly'));
