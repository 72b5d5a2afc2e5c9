import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { command, examples, withContext } from './define.js';

/** `netlog brief NAME`: one screen before you meet someone (SPEC §6.3). */
export const brief = (parent: CommandUnknownOpts) =>
  command(
    parent,
    'brief',
    'one screen before you meet someone: how you met, stage, balance, last notes, promises, wants, dates, intros, a suggestion',
    examples('netlog brief Dana', 'netlog brief "Dana Lee" --json | jq .suggestion'),
  )
    .argument('<name>', 'name, alias or unique first name')
    .action(
      withContext(async (ctx, name, _opts) => {
        const [{ pickContact }, { briefOf }, { toJson }] = await Promise.all([import('./resolve.js'), import('../reports/brief.js'), import('../ui/json.js')]);
        const journal = await ctx.store.read();
        const contact = await pickContact(ctx, journal, name, { announce: false });
        const b = briefOf(journal, ctx.today, contact.id);
        if (ctx.json) return ctx.out(toJson(b));
        const { renderBrief } = await import('../ui/render/act.js');
        ctx.out(renderBrief(b, ctx.theme, ctx.width));
      }),
    );
