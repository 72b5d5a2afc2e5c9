import type { Ctx } from '../context.js';
import { addDays, type Day } from '../core/dates.js';
import { addPromise, dropPromise, editPromise, madeOn } from '../core/promises.js';
import type { NetPromise } from '../core/schema.js';
import { UsageError } from '../errors.js';
import { whenOption } from './options.js';
import { pickContact, promiseById } from './resolve.js';
import { changeLines } from '../ui/render/correct.js';
import { shortDate } from '../ui/format.js';
import { toJson } from '../ui/json.js';
import { safe } from '../ui/sanitize.js';
import { contactNamer } from '../core/names.js';

// `netlog promise add|edit|drop`: promises both ways, made with or without a meeting (SPEC §6.2).

const cleanText = (flag: string, text: string) => {
  const t = text.trim().replace(/\s+/g, ' ');
  if (!t) throw new UsageError(`${flag} needs some text`);
  return t;
};

function whose(p: NetPromise, name: string): string {
  return p.owner === 'them' ? `${name} promised you` : `you promised ${name}`;
}

export interface PromiseAddOptions {
  by?: string;
  theirs?: boolean;
}

/** `netlog promise add NAME TEXT`: a promise made outside a logged meeting (yours, or with --theirs theirs). */
export async function promiseAddCommand(ctx: Ctx, name: string, text: string, opts: PromiseAddOptions): Promise<void> {
  const body = cleanText('the promise', text);
  const due = opts.by !== undefined ? whenOption('--by', opts.by, ctx.today, 'future') : addDays(ctx.today, 1);
  if (due < ctx.today) throw new UsageError(`--by: ${due} is before today, when the promise is made`, 'a promise falls due on or after the day it was made');
  const before = await ctx.store.read();
  const contact = await pickContact(ctx, before, name);
  const r = await ctx.store.update((journal) => {
    const x = addPromise(journal, { contactId: contact.id, text: body, due, owner: opts.theirs ? 'them' : 'me' }, ctx.editEnv());
    return { journal: x.journal, result: x.promise };
  }, (p) => `promise add ${p.id} (${p.owner === 'them' ? 'from' : 'to'} ${contact.name})`);
  if (ctx.json) ctx.out(toJson(r));
  else if (!ctx.quiet) ctx.out(`Noted: ${whose(r, ctx.theme.name(safe(contact.name)))} "${safe(r.text)}" by ${shortDate(r.due, ctx.today)} [${r.id}].`);
}

export interface PromiseEditOptions {
  text?: string;
  by?: string;
}

/** `netlog promise edit ID`: a new text or due date. */
export async function promiseEditCommand(ctx: Ctx, id: string, opts: PromiseEditOptions): Promise<void> {
  if (opts.text === undefined && opts.by === undefined) throw new UsageError('nothing to change', 'give --text or --by');
  const text = opts.text !== undefined ? cleanText('--text', opts.text) : undefined;
  const due = opts.by !== undefined ? whenOption('--by', opts.by, ctx.today, 'future') : undefined;
  const r = await ctx.store.update((journal) => {
    const p = promiseById(journal, id);
    const made = madeOn(journal, p, ctx.today);
    if (due !== undefined && due < made) throw new UsageError(`--by: ${due} is before the promise was made (${made})`);
    const e = editPromise(journal, p.id, { ...(text !== undefined ? { text } : {}), ...(due !== undefined ? { due } : {}) }, ctx.editEnv().now);
    const name = contactNamer(journal.contacts)(p.contactId);
    return { journal: e.journal, result: { ...e, name } };
  }, (e) => `promise edit ${e.promise.id}`);
  if (ctx.json) ctx.out(toJson(r.promise));
  else if (!ctx.quiet) {
    if (r.changes.length === 0) ctx.out(`Nothing changed: the promise already reads so [${r.promise.id}].`);
    else ctx.out([`Edited the promise ${whose(r.promise, ctx.theme.name(safe(r.name)))} [${r.promise.id}]:`, ...changeLines(r.changes, ctx.theme)].join('\n'));
  }
}

/** `netlog promise drop ID`: no longer needed — neither kept nor broken, never due. */
export async function promiseDropCommand(ctx: Ctx, id: string, _opts: object): Promise<void> {
  const on: Day = ctx.today;
  const r = await ctx.store.update((journal) => {
    const p = promiseById(journal, id);
    const d = dropPromise(journal, p.id, on, ctx.editEnv().now);
    const name = contactNamer(journal.contacts)(p.contactId);
    return { journal: d.journal, result: { ...d, name } };
  }, (d) => `promise drop ${d.promise.id}`);
  if (ctx.json) ctx.out(toJson({ ...r.promise, changed: r.changed }));
  else if (!ctx.quiet) {
    const what = `"${safe(r.promise.text)}" (${whose(r.promise, ctx.theme.name(safe(r.name)))})`;
    if (!r.changed) ctx.out(r.promise.doneOn !== null ? `Already kept: ${what}. Nothing changed.` : `Already dropped: ${what}. Nothing changed.`);
    else ctx.out(`Dropped ${what}: no longer needed, never due, counted neither kept nor broken.`);
  }
}
