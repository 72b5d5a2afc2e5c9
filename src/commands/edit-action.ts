import type { Ctx } from '../context.js';
import { editInteraction, type InteractionPatch, type Participant } from '../core/edits.js';
import { shortIds } from '../core/ids.js';
import { UsageError } from '../errors.js';
import { interactionDate, itemsOption, kindOption } from './options.js';
import { eventName, interactionById, itemTargets, resolveParticipants } from './resolve.js';
import { renderEdited } from '../ui/render/correct.js';
import { toJson } from '../ui/json.js';

export interface EditOptions {
  date?: string;
  kind?: string;
  note?: string;
  gave?: string[];
  asked?: string[];
  received?: string[];
  with?: string[];
  event?: string;
  new?: boolean;
}

/** `netlog edit ID`: changes one interaction, saying what changed (old → new). */
export async function editCommand(ctx: Ctx, id: string, opts: EditOptions): Promise<void> {
  const given = (['date', 'kind', 'note', 'gave', 'asked', 'received', 'with', 'event'] as const).filter((k) => opts[k] !== undefined);
  if (given.length === 0) throw new UsageError('nothing to change', 'give one of --date, --kind, --note, --gave, --asked, --received, --with, --event');
  const before = await ctx.store.read();
  const target = interactionById(before, id);

  const patch: InteractionPatch = {};
  if (opts.date !== undefined) patch.date = interactionDate('--date', opts.date, ctx.today);
  if (opts.kind !== undefined) patch.kind = kindOption(opts.kind);
  if (opts.note !== undefined) patch.note = opts.note.trim() ? opts.note : null;
  let participants: Participant[] = target.contactIds.map((c) => ({ id: c }));
  if (opts.with !== undefined) {
    const names = opts.with.flatMap((n) => n.split(',')).map((n) => n.trim()).filter(Boolean);
    if (names.length === 0) throw new UsageError('--with needs at least one name', 'an interaction is with someone; to delete it use: netlog rm ID');
    participants = await resolveParticipants(ctx, before, names, opts.new === true);
    patch.participants = participants;
  }
  for (const list of ['gave', 'asked', 'received'] as const) {
    if (opts[list] !== undefined) patch[list] = itemTargets(before, participants, itemsOption(`--${list}`, opts[list]), `--${list}`);
  }
  if (opts.event !== undefined) patch.event = opts.event.trim() ? await eventName(ctx, before, opts.event, opts.new === true) : null;

  const r = await ctx.store.update((journal) => {
    const i = interactionById(journal, target.id);
    const e = editInteraction(journal, i.id, patch, ctx.editEnv());
    return { journal: e.journal, result: e };
  }, (e) => `edit interaction ${e.interaction.id} (${e.changes.map((c) => c.field).join(', ') || 'nothing'})`);

  if (ctx.json) ctx.out(toJson(r.interaction));
  else if (!ctx.quiet) ctx.out(renderEdited(r, shortIds(before.interactions.map((i) => i.id)).get(r.interaction.id) ?? r.interaction.id, ctx.theme));
}
