import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { NetlogError } from '../errors.js';
import { command, examples, withContext } from './define.js';

/** Exit 1 without a second message: the report already said what is wrong. */
class ProblemsFound extends NetlogError {
  constructor(n: number) {
    super(`${n} problem${n === 1 ? '' : 's'} found`, 1);
  }
}

/** `netlog check`: validate the journal and report every problem found. */
export const check = (parent: CommandUnknownOpts) =>
  command(
    parent,
    'check',
    'validate the journal and report problems (exit 1 when there are any)',
    examples('netlog check', 'netlog check --json | jq .problems', 'netlog --file ~/Dropbox/journal.json check'),
  )
    .action(
      withContext(async (ctx, _opts) => {
        const [{ JOURNAL_VERSION }, { toJson }, { renderCheck }, { fitLines }] = await Promise.all([import('../core/journal.js'), import('../ui/json.js'), import('../ui/render/safety.js'), import('../ui/wrap.js')]);
        const r = await ctx.store.inspect();
        const j = r.journal;
        const report = {
          file: ctx.store.file,
          exists: r.exists,
          version: r.version ?? null,
          migrates: r.version !== undefined && r.version < JOURNAL_VERSION,
          ok: r.problems.length === 0,
          counts: j ? { contacts: j.contacts.length, interactions: j.interactions.length, promises: j.promises.length, events: j.events.length } : null,
          problems: r.problems,
        };
        if (ctx.json) ctx.out(toJson(report));
        else if (!ctx.quiet || !report.ok) ctx.out(fitLines(renderCheck(report, ctx.theme), ctx.width));
        if (!report.ok) throw new ProblemsFound(r.problems.length);
      }),
    );
