import { cleanName, resolveName } from '../core/names.js';
import type { Participant } from '../core/edits.js';
import type { Contact, Journal } from '../core/schema.js';
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
