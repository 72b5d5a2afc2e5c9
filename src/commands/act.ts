import type { Ctx } from '../context.js';
import { pickContact } from './resolve.js';
import { toJson } from '../ui/json.js';

// ideas, intros, brief: read-only advice from the journal (SPEC §6.3).

export interface IdeasOptions {
  explain?: boolean;
}

/** `netlog ideas`: who could help whom, and what to give the people you owe. */
export async function ideasCommand(ctx: Ctx, opts: IdeasOptions): Promise<void> {
  const journal = await ctx.store.read();
  const { ideasReport } = await import('../reports/ideas.js');
  const r = ideasReport(journal, ctx.today);
  if (ctx.json) {
    const explain = opts.explain === true;
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
  const { renderIdeas } = await import('../ui/render/act.js');
  ctx.out(renderIdeas(r, ctx.theme, ctx.width, opts.explain === true));
}

/** `netlog intros`: introductions you made and that were made for you, with what came of them. */
export async function introsCommand(ctx: Ctx): Promise<void> {
  const journal = await ctx.store.read();
  const { introsReport } = await import('../reports/intros.js');
  const r = introsReport(journal, ctx.today);
  if (ctx.json) return ctx.out(toJson(r));
  const { renderIntros } = await import('../ui/render/act.js');
  ctx.out(renderIntros(r, ctx.theme, ctx.width));
}

/** `netlog brief NAME`: one screen before you meet someone. */
export async function briefCommand(ctx: Ctx, name: string): Promise<void> {
  const journal = await ctx.store.read();
  const contact = await pickContact(ctx, journal, name, { announce: false });
  const { briefOf } = await import('../reports/brief.js');
  const b = briefOf(journal, ctx.today, contact.id);
  if (ctx.json) return ctx.out(toJson(b));
  const { renderBrief } = await import('../ui/render/act.js');
  ctx.out(renderBrief(b, ctx.theme, ctx.width));
}
