import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { command, examples, withContext } from './define.js';

/** `netlog ideas`: give-matching — who could help whom, and what to give the people you owe (SPEC §6.3). */
export const ideas = (parent: CommandUnknownOpts) =>
  command(
    parent,
    'ideas',
    'give-matching: for each open want, who in your journal fits it (and why); what to give the people you owe',
    examples('netlog ideas', 'netlog ideas --explain', "netlog ideas --json | jq -r '.ideas[] | .name + \" wants \" + .want + \": \" + (.candidates[0].name // \"nobody yet\")'") +
      '\nMatching is by words: the want\'s words against tags, role, company and notes, with case,\n' +
      'accents and plurals folded (designers = designer). People already introduced are left out.\n',
  )
    .option('--explain', 'show the points each match scored and how the list is ranked')
    .action(
      withContext(async (ctx, opts) => {
        const [{ ideasReport }, { toJson }] = await Promise.all([import('../reports/ideas.js'), import('../ui/json.js')]);
        const r = ideasReport(await ctx.store.read(), ctx.today);
        const explain = opts.explain === true;
        if (ctx.json) {
          ctx.out(
            toJson({
              ideas: r.ideas.map((i) => ({
                wantId: i.wantId,
                contactId: i.contactId,
                name: i.name,
                want: i.want,
                candidates: i.candidates.map((c) => ({ contactId: c.contactId, name: c.name, why: c.why, ...(explain ? { score: c.score } : {}) })),
              })),
              owed: r.owed,
            }),
          );
          return;
        }
        const { ideasHint, renderIdeas } = await import('../ui/render/act.js');
        // No open wants is words for a person: on stderr when piped.
        (r.ideas.length > 0 || r.owed.length > 0 ? ctx.out : ctx.footer)(renderIdeas(r, ctx.theme, ctx.width, explain));
        if (r.ideas.length > 0 || r.owed.length > 0) ctx.aside(ideasHint(ctx.theme, ctx.width));
      }),
    );
