import { addDays, parseWhen, type Day } from '../core/dates.js';
import { splitFullName } from '../core/names.js';
import { safe } from '../ui/sanitize.js';
import type { AddedInteraction, Participant } from '../core/edits.js';
import type { Contact, Journal, NetPromise } from '../core/schema.js';
import { KINDS, type Kind, type Owner } from '../core/journal.js';
import { parseItemSpec, type ItemSpec } from '../core/items.js';
import { contactProfile } from '../core/contacts.js';
import { isMine, isOpen, madeOn } from '../core/promises.js';
import type { Ctx } from '../context.js';
import { UsageError } from '../errors.js';
import { interactionDate, itemsOption, kindOption, whenOption } from './options.js';
import { newContactInput, type ProfileOptions } from './contact-options.js';
import { promiseById } from './resolve.js';
import { shortDate } from '../ui/format.js';

// What `netlog add` makes of its flags, or of its questions in a terminal, before it writes.

/** The options of add's definition (add.ts) that shape the input; add passes its typed options. */
export interface AddOptions {
  kind?: string;
  date?: string;
  note?: string;
  gave?: string[];
  asked?: string[];
  received?: string[];
  promise?: string[];
  theyPromise?: string[];
  by?: string;
  event?: string;
  /** What they are looking for (recorded on the first person named, as promises are). */
  wants?: string[];
  /** A want (id prefix) the give in this interaction meets. */
  meets?: string;
}

export interface AddInput {
  names: string[];
  kind: Kind;
  date: Day;
  note?: string;
  gave: ItemSpec[];
  asked: ItemSpec[];
  received: ItemSpec[];
  promises: { text: string; due: Day; owner?: Owner }[];
  event?: string;
  wants: string[];
  meets?: string;
}

export function fromFlags(ctx: Ctx, names: string[], o: AddOptions): AddInput {
  const date = o.date !== undefined ? interactionDate('--date', o.date, ctx.today) : ctx.today;
  if (o.by !== undefined && !o.promise?.length && !o.theyPromise?.length) throw new UsageError('--by needs a --promise or --they-promise');
  // "Within 24 hours" counts from now, even when the meeting is logged a few days late.
  const due = o.by !== undefined ? whenOption('--by', o.by, ctx.today, 'future') : addDays(ctx.today, 1);
  if (due < date) throw new UsageError(`--by: ${due} is before the interaction it was promised in (${date})`, 'a promise falls due on or after the day it was made');
  const texts = (o.promise ?? []).map((t) => t.trim());
  if (texts.some((t) => !t)) throw new UsageError('--promise needs some text');
  const theirs = (o.theyPromise ?? []).map((t) => t.trim());
  if (theirs.some((t) => !t)) throw new UsageError('--they-promise needs some text');
  if (o.event !== undefined && !o.event.trim()) throw new UsageError('--event needs a name');
  const wants = (o.wants ?? []).map((t) => t.trim().replace(/\s+/g, ' '));
  if (wants.some((t) => !t)) throw new UsageError('--wants needs some text', 'e.g. --wants "a designer for the rebrand"');
  if (o.meets !== undefined && !o.gave?.length) throw new UsageError('--meets needs a --gave: what you gave that meets the want', 'e.g. netlog add Dana --gave intro:"to Sam" --meets 7kq2');
  return {
    names,
    kind: o.kind !== undefined ? kindOption(o.kind) : o.event ? 'event' : 'meeting',
    date,
    ...(o.note?.trim() ? { note: o.note.trim() } : {}),
    gave: itemsOption('--gave', o.gave),
    asked: itemsOption('--asked', o.asked),
    received: itemsOption('--received', o.received),
    promises: [...texts.map((text) => ({ text, due })), ...theirs.map((text) => ({ text, due, owner: 'them' as const }))],
    ...(o.event ? { event: o.event.trim() } : {}),
    wants,
    ...(o.meets !== undefined ? { meets: o.meets } : {}),
  };
}

const splitList = (s: string, sep: string) =>
  s
    .split(sep)
    .map((x) => x.trim())
    .filter(Boolean);

function validItems(v: string): true | string {
  const bad = splitList(v, ';').find((x) => !parseItemSpec(x));
  return bad ? `"${bad}" is not TYPE or TYPE:NOTE (intro, referral, advice, info, help, business, gift, other)` : true;
}

/** With no names in a terminal: ask for everything. */
export async function fromPrompts(ctx: Ctx): Promise<AddInput> {
  const { ask, choose } = await ctx.prompts();
  const who = await ask('Who did you meet? (names, separated by commas)', { validate: (v) => (splitList(v, ',').length ? true : 'name at least one person') });
  const kind = await choose<Kind>('What kind of interaction?', KINDS.map((k) => ({ name: k, value: k })), 'meeting');
  const when = await ask('When?', {
    default: 'today',
    validate: (v) => {
      const day = parseWhen(v, ctx.today);
      if (!day) return 'try today, yesterday, 3d ago, friday or YYYY-MM-DD';
      return day <= ctx.today ? true : 'that is after today: netlog logs what happened';
    },
  });
  const gave = await ask('What did you give? (e.g. intro:to Sam; advice — blank for nothing)', { validate: validItems });
  const asked = await ask('What did you ask for? (blank for nothing)', { validate: validItems });
  const note = await ask('Note (blank for none)');
  const promise = await ask('Did you promise anything? (blank for no)');
  const by = promise.trim()
    ? await ask('By when?', { default: 'tomorrow', validate: (v) => (parseWhen(v, ctx.today, 'future') ? true : 'try tomorrow, friday, in 3d or YYYY-MM-DD') })
    : undefined;
  // What they need is what you can give next time (recorded on the first person named).
  const wants = await ask('Are they looking for something? (e.g. a designer — blank for no)');
  return fromFlags(ctx, splitList(who, ','), {
    kind,
    date: when,
    note,
    gave: splitList(gave, ';'),
    asked: splitList(asked, ';'),
    ...(promise.trim() ? { promise: [promise], by: by ?? 'tomorrow' } : {}),
    ...(wants.trim() ? { wants: [wants] } : {}),
  });
}

/** What an add did, for `netlog undo`: "add coffee with Dana Lee and Sam Ortiz". */
export function describeAdded(r: AddedInteraction): string {
  const names = r.contacts.map((c) => c.name);
  const who = names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `add ${r.interaction.kind} with ${who} on ${r.interaction.date}`;
}

/** "Dana" "Lee" typed without quotes, when "Dana Lee" is a contact: ask, or refuse without a terminal. */
export async function joinSplitNames(ctx: Ctx, journal: Journal, names: string[], allowNew: boolean): Promise<string[]> {
  if (allowNew) return names;
  const split = splitFullName(journal.contacts, names);
  if (!split) return names;
  const [a, b] = [names[split.index]!, names[split.index + 1]!];
  const full = safe(split.contact.name);
  if (!ctx.interactive) {
    throw new UsageError(`"${safe(a)}" and "${safe(b)}" look like one person, ${full}`, `quote a full name: netlog add "${full}" … (or add --new if they are two people)`);
  }
  const { yesNo } = await ctx.prompts();
  if (!(await yesNo(`Did you mean one person, ${full}?`, true))) return names;
  const joined = [...names.slice(0, split.index), split.contact.name, ...names.slice(split.index + 2)];
  return joinSplitNames(ctx, journal, joined, allowNew);
}

/** The profile flags for the people add creates, read and checked as `contact add` reads and checks them. */
export function profileFrom(o: ProfileOptions): Partial<Contact> {
  // Not add's --note: that is the interaction's (add has no --alias).
  const { note: _note, alias: _alias, ...flags } = o;
  const { name: _name, ...profile } = newContactInput('', flags);
  return contactProfile(profile);
}

/**
 * The promises this add closes: those named with --kept, and, in a terminal, the open ones you
 * owe the people met, each offered with a yes/no (default no).
 */
export async function promisesKept(ctx: Ctx, journal: Journal, participants: readonly Participant[], keptIds: readonly string[], date: Day): Promise<NetPromise[]> {
  const out: NetPromise[] = [];
  for (const id of keptIds) {
    const p = promiseById(journal, id);
    if (!isOpen(p)) throw new UsageError(`--kept: the promise "${safe(p.text)}" is already ${p.doneOn !== null ? `kept (${p.doneOn})` : 'dropped'}`);
    const made = madeOn(journal, p, ctx.today);
    if (date < made) throw new UsageError(`--kept: the promise "${safe(p.text)}" was made on ${made}, after this interaction (${date})`);
    if (!out.includes(p)) out.push(p);
  }
  if (!ctx.interactive || ctx.json) return out;
  const met = new Set(participants.flatMap((p) => ('id' in p ? [p.id] : [])));
  const names = new Map(journal.contacts.map((c) => [c.id, c.name]));
  const owed = journal.promises.filter((p) => met.has(p.contactId) && isMine(p) && isOpen(p) && !out.includes(p) && madeOn(journal, p, ctx.today) <= date);
  if (owed.length === 0) return out;
  const { yesNo } = await ctx.prompts();
  for (const p of owed) {
    if (await yesNo(`You promised ${safe(names.get(p.contactId) ?? '')} "${safe(p.text)}" (due ${shortDate(p.due, ctx.today)}). Kept it?`, false)) out.push(p);
  }
  return out;
}
