import { cleanName, contactNamer, didYouMean, resolveName, typoOf } from '../core/names.js';
import { pendingFor, seriesOf, type Participant } from '../core/edits.js';
import type { ItemSpec } from '../core/items.js';
import type { Contact, Interaction, Item, Journal, NetEvent, NetPromise } from '../core/schema.js';
import { findById } from '../core/ids.js';
import { heldWants, type HeldWant } from '../core/wants.js';
import type { Ctx } from '../context.js';
import { UsageError } from '../errors.js';
import { safe } from '../ui/sanitize.js';
import { existingContact } from './options.js';

// Turns typed names into participants (SPEC §4 `add`), asking in a terminal when a name is
// ambiguous or looks like a typo of someone already in the journal, refusing otherwise.

export async function resolveParticipants(ctx: Ctx, journal: Journal, names: string[], allowNew: boolean): Promise<Participant[]> {
  const out: Participant[] = [];
  for (const raw of names) {
    const name = cleanName(raw);
    if (!/[\p{L}\p{N}]/u.test(name)) throw new UsageError(`"${safe(name)}" is not a name`, 'names need a letter or a digit; separate several people with spaces, quoting full names');
    const r = resolveName(journal.contacts, name);
    if ((r.kind === 'exact' || r.kind === 'first') && r.contact.archived) {
      ctx.info(`${safe(r.contact.name)} is archived: logged anyway (bring them back with: netlog contact unarchive "${safe(r.contact.name)}")`);
    }
    switch (r.kind) {
      case 'exact':
        out.push({ id: r.contact.id });
        break;
      case 'first':
        ctx.info(`"${safe(name)}" is ${safe(r.contact.name)}`);
        out.push({ id: r.contact.id });
        break;
      case 'ambiguous': {
        if (!ctx.interactive) {
          throw new UsageError(
            `"${safe(name)}" matches several contacts: ${r.candidates.map((c) => safe(c.name)).join(', ')}`,
            'use the full name',
          );
        }
        const { choose } = await ctx.prompts();
        const pick = await choose<string | null>(`Which "${safe(name)}"?`, [
          ...r.candidates.map((c) => ({ name: safe(c.name), value: c.id as string | null, ...(c.company ? { description: safe(c.company) } : {}) })),
          { name: `Someone new called "${safe(name)}"`, value: null },
        ]);
        out.push(pick === null ? { newName: name } : { id: pick });
        break;
      }
      case 'near': {
        if (allowNew) {
          out.push({ newName: name });
          break;
        }
        const list = r.candidates.map((c) => `"${safe(c.name)}"`).join(' or ');
        if (!ctx.interactive) {
          throw new UsageError(`"${safe(name)}" is not in your journal but looks like ${list}`, 'use the exact name, or add --new to create a new contact');
        }
        const { choose } = await ctx.prompts();
        const pick = await choose<string | null>(`"${safe(name)}" is new. Did you mean someone you know?`, [
          ...r.candidates.map((c) => ({ name: safe(c.name), value: c.id as string | null })),
          { name: `No: add "${safe(name)}" as a new contact`, value: null },
        ]);
        out.push(pick === null ? { newName: name } : { id: pick });
        break;
      }
      case 'none':
        out.push({ newName: name });
        break;
    }
  }
  return out;
}

/** Re-checks new names against the journal as it is now, so a contact made meanwhile is reused. */
export function refreshParticipants(journal: Journal, participants: Participant[]): Participant[] {
  const ids = new Set(journal.contacts.map((c) => c.id));
  return participants.map((p) => {
    if ('id' in p) {
      if (!ids.has(p.id)) throw new UsageError('a contact was removed while you were typing; run the command again');
      return p;
    }
    const r = resolveName(journal.contacts, p.newName);
    return r.kind === 'exact' ? { id: r.contact.id } : p;
  });
}

/** How a contact is told apart in a pick list: company, role, archived. */
function describe(c: Contact): string | undefined {
  const parts = [c.company, c.role].filter((x): x is string => !!x).map(safe);
  if (c.archived) parts.push('archived');
  return parts.length ? parts.join(' · ') : undefined;
}

/**
 * Finds one existing contact for a typed name (exact name or alias, then a unique first name).
 * In a terminal an ambiguous name, or a likely typo, is picked from a list; without one they are
 * usage errors naming the candidates. `announce` says on stderr whom a first name was taken for.
 */
/** The person a list narrows to with --contact (picked as pickContact does, without saying whom), or none. */
export async function contactFilter(ctx: Ctx, journal: Journal, name: string | undefined): Promise<Contact | undefined> {
  return name === undefined ? undefined : pickContact(ctx, journal, name, { announce: false });
}

export async function pickContact(ctx: Ctx, journal: Journal, name: string, opts: { announce?: boolean } = {}): Promise<Contact> {
  const r = resolveName(journal.contacts, name);
  if (r.kind === 'exact') return r.contact;
  if (r.kind === 'first') {
    if (opts.announce !== false) ctx.info(`"${safe(name.trim())}" is ${safe(r.contact.name)}`);
    return r.contact;
  }
  if (!ctx.interactive || r.kind === 'none') return existingContact(journal, name);
  const { choose } = await ctx.prompts();
  const question = r.kind === 'ambiguous' ? `Which "${safe(name.trim())}"?` : `No one is called "${safe(name.trim())}". Did you mean:`;
  const pick = await choose<string | null>(question, [
    ...r.candidates.map((c) => {
      const d = describe(c);
      return { name: safe(c.name), value: c.id as string | null, ...(d ? { description: d } : {}) };
    }),
    ...(r.kind === 'near' ? [{ name: 'None of these', value: null }] : []),
  ]);
  const c = r.candidates.find((x) => x.id === pick);
  if (!c) throw new UsageError(`no contact named "${safe(name.trim())}"`, 'see `netlog contacts`');
  return c;
}

/** How a kind of record is named in messages about ids. */
export interface IdKind<T> {
  noun: string;
  plural: string;
  /** The command that lists them with their ids. */
  list: string;
  describe?: (record: T) => string;
  /** The flag the id was given with (`--meets`), named at the start of the messages. */
  flag?: string;
}

/**
 * The one resolver for typed ids: the record whose id is this text, or the only one it starts.
 * Unknown and ambiguous ids are usage errors (exit 2) that name the candidates.
 */
export function resolveId<T extends { id: string }>(records: readonly T[], text: string, kind: IdKind<T>): T {
  const r = findById(records, text);
  if (r.kind === 'one') return r.record;
  const typed = safe(text.trim());
  const flag = kind.flag ? `${kind.flag}: ` : '';
  if (r.kind === 'none') {
    if (!typed) throw new UsageError(`${flag}give the ${kind.noun}'s id`, `see \`${kind.list}\` for the ids`);
    throw new UsageError(`${flag}no ${kind.noun} with an id starting "${typed}"`, `see \`${kind.list}\` for the ids`);
  }
  const shown = r.candidates.slice(0, 8).map((c) => (kind.describe ? `${c.id} (${safe(kind.describe(c))})` : c.id));
  const more = r.candidates.length > shown.length ? `, and ${r.candidates.length - shown.length} more` : '';
  throw new UsageError(`${flag}"${typed}" matches ${r.candidates.length} ${kind.plural}: ${shown.join(', ')}${more}`, 'type more of the id');
}

/**
 * The event name to log: as typed, unless it looks like a typo of an event already in the journal
 * ("demo nite" after "Demo Night"), which is asked about in a terminal and refused otherwise
 * (`allowNew`, from --new, takes it as a new event), as a name that looks like a contact's is.
 */
export async function eventName(ctx: Ctx, journal: Journal, name: string, allowNew: boolean): Promise<string> {
  if (allowNew) return name;
  const near = typoOf(name, journal.events.map((e) => e.name));
  if (near.length === 0) return name;
  const list = near.map((n) => `"${safe(n)}"`).join(' or ');
  if (!ctx.interactive) throw new UsageError(`--event: "${safe(name)}" is no event in your journal: did you mean ${list}?`, 'use the exact name, or add --new for a new event');
  const { choose } = await ctx.prompts();
  return choose<string>(`"${safe(name)}" is a new event. Did you mean one you have been to?`, [
    ...near.map((n) => ({ name: safe(n), value: n })),
    { name: `No: "${safe(name)}" is a new event`, value: name },
  ]);
}

/** The records typed ids name: what messages call them, and the command that lists their ids. */
const ID_KINDS = {
  interaction: { noun: 'interaction', plural: 'interactions', list: 'netlog history' },
  promise: { noun: 'promise', plural: 'promises', list: 'netlog promises --all' },
  want: { noun: 'want', plural: 'wants', list: 'netlog ideas' },
} as const;

/** An interaction by id or prefix (edit, rm). */
export function interactionById(journal: Journal, text: string): Interaction {
  const name = contactNamer(journal.contacts);
  return resolveId(journal.interactions, text, { ...ID_KINDS.interaction, describe: (i) => `${i.date} ${i.kind} with ${i.contactIds.map(name).join(', ')}` });
}

/** A promise by id or prefix (done, promise edit, promise drop). */
export function promiseById(journal: Journal, text: string): NetPromise {
  const name = contactNamer(journal.contacts);
  return resolveId(journal.promises, text, { ...ID_KINDS.promise, describe: (p) => `${p.owner === 'them' ? 'from' : 'to'} ${name(p.contactId)}: ${p.text}` });
}

/** A want by id or prefix, with the contact who holds it (want done, add --meets). */
export function wantById(journal: Journal, text: string, flag?: string): HeldWant {
  return resolveId(heldWants(journal), text, { ...ID_KINDS.want, describe: (w) => `${w.contact.name}: ${w.want.text}`, ...(flag ? { flag } : {}) });
}

/**
 * Items typed TYPE@NAME:NOTE with NAME resolved among the people there (by name, alias or first
 * name): `for` is that contact's id, or a placeholder for a person this command creates
 * (pendingFor, filled in by the edit). A name that is no one there is a usage error.
 */
export function itemTargets(journal: Journal, participants: readonly Participant[], specs: readonly ItemSpec[], flag: string): Item[] {
  const byId = new Map(journal.contacts.map((c) => [c.id, c]));
  const present: Contact[] = participants.map((p, k) =>
    'id' in p ? byId.get(p.id)! : { id: pendingFor(k), name: p.newName, aliases: [], emails: [], phones: [], tags: [], createdAt: '', archived: false },
  );
  return specs.map((s) => {
    const item: Item = { type: s.type, ...(s.note ? { note: s.note } : {}) };
    if (s.forName === undefined) return item;
    const r = resolveName(present, s.forName);
    if (r.kind === 'exact' || r.kind === 'first') return { ...item, for: r.contact.id };
    const there = present.map((c) => safe(c.name)).join(', ');
    if (r.kind === 'ambiguous') throw new UsageError(`${flag}: "${safe(s.forName)}" matches several people there: ${r.candidates.map((c) => safe(c.name)).join(', ')}`, 'use the full name');
    throw new UsageError(`${flag}: "${safe(s.forName)}" is not one of the people there (${there})`, 'TYPE@NAME says whom in a group an item was for; name someone in the interaction');
  });
}

/**
 * The occurrences a typed event means: every occurrence of the series with that name (case and
 * spacing aside), only the one on `on` when given, or the one event whose id starts so.
 */
export function eventsNamed(journal: Journal, text: string, on?: string): NetEvent[] {
  const series = seriesOf(journal, text);
  if (series.length) {
    if (on === undefined) return series;
    const one = series.filter((e) => e.date === on);
    if (one.length === 0) throw new UsageError(`"${safe(series[0]!.name)}" has no occurrence on ${on}`, `its dates: ${series.map((e) => e.date).join(', ')}`);
    return one;
  }
  const byId = findById(journal.events, text);
  if (byId.kind === 'one') return [byId.record];
  const names = [...new Set(journal.events.map((e) => e.name))];
  const near = didYouMean(text.trim(), names);
  throw new UsageError(`no event named "${safe(text.trim())}"${near ? ` (${safe(near)})` : ''}`, 'see `netlog events` for their names');
}
