import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { command, examples, withContext } from './define.js';

/** Hides a person from due and contacts, keeping their history, or (archived false) brings them back. */
async function setArchived(ctx: Ctx, name: string, archived: boolean): Promise<void> {
  const [core, { pickContact }, { renderArchived }, { toJson }] = await Promise.all([
    import('../core/contacts.js'),
    import('./resolve.js'),
    import('../ui/render/contacts.js'),
    import('../ui/json.js'),
  ]);
  const contact = await pickContact(ctx, await ctx.store.read(), name);
  const r = await ctx.store.update((journal) => {
    const a = core.setArchived(journal, contact.id, archived, ctx.editEnv().now);
    return { journal: a.journal, result: a };
  });
  if (ctx.json) ctx.out(toJson({ contact: r.contact, changed: r.changed }));
  else if (!ctx.quiet || !r.changed) ctx.out(renderArchived(r.contact, r.changed, ctx.theme));
}

/** `netlog contact archive NAME`: hide a person from due and contacts, keeping history. */
export const contactArchive = (parent: CommandUnknownOpts) =>
  command(
    parent,
    'archive',
    'hide a person from due and contacts, keeping their history (--undo brings them back)',
    examples('netlog contact archive "Jasper Quinn"', 'netlog contact archive Jasper --undo', 'netlog contacts --archived'),
  )
    .argument('<name>', 'name, alias or unique first name')
    .option('--undo', 'bring an archived contact back (same as contact unarchive)')
    .action(withContext((ctx, name, opts) => setArchived(ctx, name, opts.undo !== true)));

/** `netlog contact unarchive NAME`: bring an archived contact back. */
export const contactUnarchive = (parent: CommandUnknownOpts) =>
  command(parent, 'unarchive', 'bring an archived contact back', examples('netlog contact unarchive "Jasper Quinn"'))
    .argument('<name>', 'name, alias or unique first name')
    .action(withContext((ctx, name, _opts) => setArchived(ctx, name, false)));
