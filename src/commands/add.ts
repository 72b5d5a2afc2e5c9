import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { UsageError } from '../errors.js';
import { collect, examples, withContext } from './define.js';

/** `netlog add`: log an interaction with one or more people. */
export const add = (parent: CommandUnknownOpts) =>
  parent
    .command('add')
    .description('log an interaction (asks for everything when run with no names in a terminal)')
    .argument('[names...]', 'who you met; a first name works when it is unique')
    .option('-k, --kind <kind>', 'meeting, coffee, meal, call, video, email, message, event or other (default: meeting)')
    .option('-d, --date <when>', 'when it happened (default: today)')
    .option('-n, --note <text>', 'a note about it')
    .option('-g, --gave <type[:note]>', 'something you gave: intro, referral, advice, info, help, business, gift, other (repeatable)', collect)
    .option('-a, --asked <type[:note]>', 'something you asked for (repeatable)', collect)
    .option('-r, --received <type[:note]>', 'something you received (repeatable)', collect)
    .option('-p, --promise <text>', 'something you promised to do (repeatable)', collect)
    .option('--by <when>', 'when the promise is due (default: tomorrow)')
    .option('-e, --event <name>', 'the event where you met')
    .option('--new', 'create new contacts even when a name looks like a typo of an existing one')
    .addHelpText(
      'after',
      examples(
        'netlog add "Dana Lee" --kind coffee --date yesterday --note "hiring a designer" \\\n      --gave intro:"to Sam, designer" --asked advice:pricing --promise "send the case study" --by friday',
        'netlog add Dana Sam Priya --event "Chamber breakfast"',
        'netlog add            # in a terminal: asks who, what, when',
      ),
    )
    .action(
      withContext(async (ctx, names, opts) => {
        const [{ describeAdded, fromFlags, fromPrompts, joinSplitNames }, { addInteraction }, { refreshParticipants, resolveParticipants }, { renderAdded }, { toJson }] =
          await Promise.all([
            import('./add-input.js'),
            import('../core/edits.js'),
            import('./resolve.js'),
            import('../ui/render/add.js'),
            import('../ui/json.js'),
          ]);
        let input;
        if (names.length > 0) input = fromFlags(ctx, names, opts);
        else if (ctx.interactive) input = await fromPrompts(ctx);
        else throw new UsageError('whom did you meet? name at least one person', 'e.g. netlog add "Dana Lee" --kind coffee (run it in a terminal with no names to be asked)');

        // Resolve names (and ask about them) before taking the write path, so no prompt waits inside it.
        const before = await ctx.store.read();
        input.names = await joinSplitNames(ctx, before, input.names, opts.new === true);
        const participants = await resolveParticipants(ctx, before, input.names, opts.new === true);

        const added = await ctx.store.update((journal) => {
          const r = addInteraction(
            journal,
            {
              participants: refreshParticipants(journal, participants),
              date: input.date,
              kind: input.kind,
              ...(input.note ? { note: input.note } : {}),
              gave: input.gave,
              asked: input.asked,
              received: input.received,
              promises: input.promises,
              ...(input.event ? { event: { name: input.event } } : {}),
            },
            ctx.editEnv(),
          );
          return { journal: r.journal, result: r };
        }, describeAdded);

        if (ctx.json) ctx.out(toJson(added.interaction));
        else if (!ctx.quiet) ctx.out(renderAdded(added, ctx.today, ctx.theme));
      }),
    );
