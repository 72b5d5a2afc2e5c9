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
    .option('--wants <text>', 'what they are looking for, open until met; recorded on the first person named (repeatable)', collect)
    .option('--meets <want-id>', 'the want (id or its first letters) that what you gave meets: marks it met')
    .addHelpText(
      'after',
      examples(
        'netlog add Dana --kind call --wants "a brand designer" --wants "a first hire in Lisbon"',
        'netlog add Dana --gave intro:"to Sam Ortiz" --meets 7kq2',
        'netlog add "Dana Lee" --kind coffee --date yesterday --note "hiring a designer" \\\n      --gave intro:"to Sam, designer" --asked advice:pricing --promise "send the case study" --by friday',
        'netlog add Dana Sam Priya --event "Chamber breakfast"',
        'netlog add            # in a terminal: asks who, what, when',
      ),
    )
    .action(
      withContext(async (ctx, names, opts) => {
        const [{ describeAdded, fromFlags, fromPrompts, joinSplitNames }, { addInteraction }, { refreshParticipants, resolveParticipants }, { renderAdded }, { toJson }, { addWants, markWantMet }, { wantOption }, { safe }] =
          await Promise.all([
            import('./add-input.js'),
            import('../core/edits.js'),
            import('./resolve.js'),
            import('../ui/render/add.js'),
            import('../ui/json.js'),
            import('../core/wants.js'),
            import('./want-option.js'),
            import('../ui/sanitize.js'),
          ]);
        let input;
        if (names.length > 0) input = fromFlags(ctx, names, opts);
        else if (ctx.interactive) input = await fromPrompts(ctx);
        else throw new UsageError('whom did you meet? name at least one person', 'e.g. netlog add "Dana Lee" --kind coffee (run it in a terminal with no names to be asked)');

        // Resolve names (and ask about them) before taking the write path, so no prompt waits inside it.
        const before = await ctx.store.read();
        input.names = await joinSplitNames(ctx, before, input.names, opts.new === true);
        const participants = await resolveParticipants(ctx, before, input.names, opts.new === true);
        const meets = input.meets !== undefined ? wantOption('--meets', before, input.meets) : undefined;
        if (meets && !participants.some((p) => 'id' in p && p.id === meets.contact.id)) {
          throw new UsageError(
            `want ${meets.want.id} ("${safe(meets.want.text)}") is ${safe(meets.contact.name)}'s, who is not in this interaction`,
            `log it with them: netlog add "${safe(meets.contact.name)}" --gave … --meets ${meets.want.id}`,
          );
        }

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
          // Wants and a met want ride on the same write (SPEC §6.3).
          let next = r.journal;
          if (input.wants.length) next = addWants(next, r.contacts[0]!.id, input.wants, input.date, ctx.editEnv()).journal;
          if (meets) next = markWantMet(next, meets.want.id, input.date, ctx.editEnv()).journal;
          return { journal: next, result: r };
        }, describeAdded);

        if (ctx.json) ctx.out(toJson(added.interaction));
        else if (!ctx.quiet) {
          const notes = [
            ...input.wants.map((w) => `${safe(added.contacts[0]!.name)} wants ${safe(w)}`),
            ...(meets
              ? [meets.want.metOn === null ? `Met ${safe(meets.contact.name)}'s want: ${safe(meets.want.text)}` : `${safe(meets.contact.name)}'s want "${safe(meets.want.text)}" was already met on ${meets.want.metOn}`]
              : []),
          ];
          ctx.out(renderAdded(added, ctx.today, ctx.theme) + notes.map((n) => ` ${n}.`).join(''));
        }
      }),
    );
