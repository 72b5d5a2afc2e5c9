import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { UsageError } from '../errors.js';
import { collect, command, examples, withContext } from './define.js';

/** `netlog add`: log an interaction with one or more people. */
export const add = (parent: CommandUnknownOpts) =>
  command(
    parent,
    'add',
    'log an interaction (asks for everything when run with no names in a terminal)',
    examples(
      'netlog add Dana --kind call --wants "a brand designer" --wants "a first hire in Lisbon"',
      'netlog add Dana --gave intro:"to Sam Ortiz" --meets 7kq2',
      'netlog add "Dana Lee" --kind coffee --date yesterday --note "hiring a designer" \\\n      --gave intro:"to Sam, designer" --asked advice:pricing --promise "send the case study" --by friday',
      'netlog add Dana Sam Priya --event "Chamber breakfast" --gave advice@Sam:"pricing"',
      'netlog add "Rita Moreno" --via Dana --company Acme --tag client --every monthly',
      'netlog add Dana --intro "Sam Ortiz" --they-promise "send the brief" --by friday',
      'netlog add Dana --kept 3dyv      # this meeting kept that promise',
      'netlog add            # in a terminal: asks who, what, when',
    ),
  )
    .argument('[names...]', 'who you met; a first name works when it is unique')
    .option('-k, --kind <kind>', 'meeting, coffee, meal, call, video, email, message, event or other (default: meeting)')
    .option('-d, --date <when>', 'when it happened (default: today)')
    .option('-n, --note <text>', 'a note about it')
    .option('-g, --gave <type[@name][:note]>', 'something you gave: intro, referral, advice, info, help, business, gift, other; @NAME: for one person in a group (repeatable)', collect)
    .option('-a, --asked <type[@name][:note]>', 'something you asked for (repeatable)', collect)
    .option('-r, --received <type[@name][:note]>', 'something you received (repeatable)', collect)
    .option('-p, --promise <text>', 'something you promised to do (repeatable)', collect)
    .option('--they-promise <text>', 'something they promised to do for you (repeatable)', collect)
    .option('--by <when>', 'when the promises of this add are due (default: tomorrow)')
    .option('--kept <id>', 'a promise this meeting kept: marked kept on its date (repeatable; in a terminal you are asked about the ones you owe)', collect)
    .option('-e, --event <name>', 'the event where you met (the same name on another day is another occurrence of the series)')
    .option('--intro <name>', 'you introduced the people met to this person: both sides are credited (repeatable)', collect)
    .option('--via <name>', 'who introduced you to the people this add creates (credited with the intro)')
    .option('-t, --tag <tag>', 'for the people this add creates: a tag (repeatable; a,b gives two)', collect)
    .option('--company <name>', 'for the people this add creates: where they work')
    .option('--role <title>', 'for the people this add creates: what they do')
    .option('--email <address>', 'for the people this add creates: an email address (repeatable)', collect)
    .option('--phone <number>', 'for the people this add creates: a phone number (repeatable)', collect)
    .option('--source <text>', 'for the people this add creates: where you met them')
    .option('--every <cadence>', 'for the people this add creates: how often to be in touch (weekly, monthly, 6w, …)')
    .option('--new', 'create new contacts, or a new event, even when a name looks like a typo of one in the journal')
    .option('--wants <text>', 'what they are looking for, open until met; recorded on the first person named (repeatable)', collect)
    .option('--meets <want-id>', 'the want (id or its first letters) that what you gave meets: marks it met')
    .action(
      withContext(async (ctx, names, opts) => {
        const [
          { describeAdded, fromFlags, fromPrompts, joinSplitNames, profileFrom, promisesKept },
          { logInteraction },
          { eventName, itemTargets, pickContact, refreshParticipants, resolveParticipants, wantById },
          { renderAdded },
          { shortDate, wrapText },
          { toJson },
          { safe },
        ] = await Promise.all([
          import('./add-input.js'),
          import('../core/edits.js'),
          import('./resolve.js'),
          import('../ui/render/add.js'),
          import('../ui/format.js'),
          import('../ui/json.js'),
          import('../ui/sanitize.js'),
        ]);
        type Contact = import('../core/schema.js').Contact;
        let input;
        if (names.length > 0) input = fromFlags(ctx, names, opts);
        else if (ctx.interactive) input = await fromPrompts(ctx);
        else throw new UsageError('whom did you meet? name at least one person', 'e.g. netlog add "Dana Lee" --kind coffee (run it in a terminal with no names to be asked)');

        // Resolve names (and ask about them) before taking the write path, so no prompt waits inside it.
        const before = await ctx.store.read();
        if (input.event) input.event = await eventName(ctx, before, input.event, opts.new === true);
        input.names = await joinSplitNames(ctx, before, input.names, opts.new === true);
        const participants = await resolveParticipants(ctx, before, input.names, opts.new === true);
        const meets = input.meets !== undefined ? wantById(before, input.meets, '--meets') : undefined;
        if (meets && !participants.some((p) => 'id' in p && p.id === meets.contact.id)) {
          throw new UsageError(
            `want ${meets.want.id} ("${safe(meets.want.text)}") is ${safe(meets.contact.name)}'s, who is not in this interaction`,
            `log it with them: netlog add "${safe(meets.contact.name)}" --gave … --meets ${meets.want.id}`,
          );
        }
        const gave = itemTargets(before, participants, input.gave, '--gave');
        const asked = itemTargets(before, participants, input.asked, '--asked');
        const received = itemTargets(before, participants, input.received, '--received');
        const profile = profileFrom(opts);
        const creates = participants.some((p) => 'newName' in p);
        if (Object.keys(profile).length && !creates) throw new UsageError('--tag, --company, --role, --email, --phone, --source and --every are for the people this add creates; everyone named is already in your journal', 'change a profile with: netlog contact edit NAME …');
        const via = opts.via !== undefined ? await pickContact(ctx, before, opts.via) : undefined;
        if (via && !creates) throw new UsageError('--via says who introduced the people this add creates; everyone named is already in your journal');
        if (via && participants.some((p) => 'id' in p && p.id === via.id)) throw new UsageError(`--via: ${safe(via.name)} is one of the people met`);
        const intros: Contact[] = [];
        for (const name of opts.intro ?? []) {
          const c = await pickContact(ctx, before, name).catch((e: unknown) => {
            // Someone you introduced people to is someone you know: say how to add them.
            if (e instanceof UsageError && e.message.startsWith('no contact named')) {
              throw new UsageError(`--intro: ${e.message}`, `add them first: netlog contact add ${JSON.stringify(safe(name.trim()))}`);
            }
            throw e;
          });
          if (participants.some((p) => 'id' in p && p.id === c.id)) throw new UsageError(`--intro: ${safe(c.name)} is one of the people met`, '--intro NAME: the person you introduced the people met to');
          if (!intros.includes(c)) intros.push(c);
        }
        const kept = await promisesKept(ctx, before, participants, opts.kept ?? [], input.date);

        const added = await ctx.store.update((journal) => {
          const r = logInteraction(
            journal,
            {
              participants: refreshParticipants(journal, participants),
              date: input.date,
              kind: input.kind,
              ...(input.note ? { note: input.note } : {}),
              gave,
              asked,
              received,
              promises: input.promises,
              ...(input.event ? { event: { name: input.event } } : {}),
              ...(Object.keys(profile).length ? { profile } : {}),
              ...(via ? { via: via.id } : {}),
              ...(intros.length ? { intros: intros.map((c) => c.id) } : {}),
              keeps: kept.map((p) => p.id),
              wants: input.wants,
              ...(meets ? { meets: meets.want.id } : {}),
            },
            ctx.editEnv(),
          );
          return { journal: r.journal, result: r };
        }, describeAdded);

        if (added.foldedEvent && !ctx.json) ctx.info(`"${safe(input.event!.trim())}" is ${safe(added.event!.name)}${added.createdEvent ? ': a new occurrence of the series' : ''}`);
        if (ctx.json) ctx.out(toJson(added.interaction));
        else if (!ctx.quiet) {
          const names = new Map([...added.journal.contacts].map((c) => [c.id, c.name]));
          const notes = [
            ...input.wants.map((w) => `${safe(added.contacts[0]!.name)} wants ${safe(w)}`),
            ...(meets
              ? [meets.want.metOn === null ? `Met ${safe(meets.contact.name)}'s want: ${safe(meets.want.text)}` : `${safe(meets.contact.name)}'s want "${safe(meets.want.text)}" was already met on ${meets.want.metOn}`]
              : []),
          ];
          const lines = [renderAdded(added, ctx.today, ctx.theme) + notes.map((n) => ` ${n}.`).join('')];
          for (const p of added.closed) lines.push(`Kept: "${safe(p.text)}" ${p.owner === 'them' ? 'from' : 'to'} ${ctx.theme.name(safe(names.get(p.contactId) ?? ''))} (due ${shortDate(p.due, ctx.today)}).`);
          if (via) lines.push(`Introduced by ${ctx.theme.name(safe(via.name))}.`);
          if (intros.length) lines.push(`Introduced them to ${intros.map((c) => ctx.theme.name(safe(c.name))).join(', ')}.`);
          // Word-wrapped on a narrow terminal (the terminal would cut words); whole lines in a pipe.
          ctx.out(lines.map((l) => wrapText(l, ctx.width)).join('\n'));
        }
      }),
    );
