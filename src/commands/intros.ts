import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { command, examples, withContext } from './define.js';

/** `netlog intros`: introductions both ways, with what came of them (SPEC §6.3). */
export const intros = (parent: CommandUnknownOpts) =>
  command(
    parent,
    'intros',
    'introductions both ways: the ones you made and the ones made for you, with what came of them',
    examples('netlog intros', "netlog intros --json | jq '.made[] | {from: .from.name, to: .to.name, afterwards}'") +
      '\nAn intro you made is a gave intro or referral with the person it connected them with\n' +
      '(its link); one made for you is a contact\'s introducedBy, or a received intro with a link.\n',
  )
    .action(
      withContext(async (ctx, _opts) => {
        const [{ introsReport }, { toJson }] = await Promise.all([import('../reports/intros.js'), import('../ui/json.js')]);
        const r = introsReport(await ctx.store.read(), ctx.today);
        if (ctx.json) return ctx.out(toJson(r));
        const { renderIntros } = await import('../ui/render/act.js');
        ctx.out(renderIntros(r, ctx.theme, ctx.width));
      }),
    );
