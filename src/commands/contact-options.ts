import type { ContactPatch, NewContactInput } from '../core/contacts.js';
import { UsageError } from '../errors.js';
import { cadenceOption } from './options.js';
import type { KeyDate } from '../core/schema.js';
import type { Day } from '../core/dates.js';
import { BIRTHDAY, KEY_DATE_FORMS, parseKeyDate } from '../core/key-dates.js';

// The profile flags `contact add` and `contact edit` share, turned into core inputs.

/** The profile flags (defined in contact.ts), as `contact add` and `contact edit` pass them. */
export interface ProfileOptions {
  email?: string[];
  phone?: string[];
  company?: string;
  role?: string;
  tag?: string[];
  alias?: string[];
  every?: string;
  source?: string;
  note?: string;
}

/** `contact edit`'s options (contact-edit.ts). */
export interface EditOptions extends ProfileOptions {
  rename?: string;
  untag?: string[];
  removeEmail?: string[];
  removePhone?: string[];
  removeAlias?: string[];
  birthday?: string;
  /** LABEL=WHEN (repeatable). */
  date?: string[];
  removeDate?: string[];
}

function keyDate(flag: string, label: string, when: string, today: Day): KeyDate {
  const date = parseKeyDate(when, today);
  if (!date) throw new UsageError(`${flag}: "${when}" is not a date`, `write ${KEY_DATE_FORMS}`);
  return { label, date };
}

/** --birthday and --date LABEL=WHEN as key dates to set, --remove-date as labels to remove. */
function keyDates(o: EditOptions, today: Day): { set: KeyDate[]; remove: string[] } | undefined {
  const set: KeyDate[] = [];
  if (o.birthday !== undefined) set.push(keyDate('--birthday', BIRTHDAY, o.birthday, today));
  for (const d of o.date ?? []) {
    const eq = d.indexOf('=');
    const label = eq < 0 ? '' : d.slice(0, eq).trim().replace(/\s+/g, ' ');
    if (!label) throw new UsageError(`--date: "${d}" is not LABEL=WHEN`, 'e.g. --date "work anniversary=2019-06-01" or --date anniversary=06-01');
    set.push(keyDate('--date', label, d.slice(eq + 1), today));
  }
  const remove = (o.removeDate ?? []).map((l) => l.trim()).filter(Boolean);
  return set.length || remove.length ? { set, remove } : undefined;
}

/** `--tag a,b --tag c` → ["a", "b", "c"]. */
function tags(values: string[] | undefined): string[] | undefined {
  return values?.flatMap((v) => v.split(',')).map((t) => t.trim()).filter(Boolean);
}

export function newContactInput(name: string, o: ProfileOptions): NewContactInput {
  if (o.every !== undefined && o.every.trim().toLowerCase() === 'inherit') throw new UsageError('--every inherit is for contact edit; a new contact inherits unless --every is given');
  return {
    name,
    ...(o.company !== undefined ? { company: o.company } : {}),
    ...(o.role !== undefined ? { role: o.role } : {}),
    ...(o.source !== undefined ? { source: o.source } : {}),
    ...(o.note !== undefined ? { notes: o.note } : {}),
    ...(o.every !== undefined ? { cadenceDays: cadenceOption('--every', o.every) } : {}),
    aliases: o.alias ?? [],
    emails: o.email ?? [],
    phones: o.phone ?? [],
    tags: tags(o.tag) ?? [],
  };
}

const text = (v: string | undefined) => (v === undefined ? undefined : v.trim() === '' ? null : v);

/** The change `contact edit` asks for; a usage error when it asks for nothing. */
export function contactPatch(o: EditOptions, today: Day): ContactPatch {
  const patch: ContactPatch = {};
  const dates = keyDates(o, today);
  if (dates) patch.dates = dates;
  if (o.rename !== undefined) patch.rename = o.rename;
  for (const [field, value] of [['company', o.company], ['role', o.role], ['source', o.source], ['notes', o.note]] as const) {
    const v = text(value);
    if (v !== undefined) patch[field] = v;
  }
  if (o.every !== undefined) patch.cadenceDays = ['inherit', 'default'].includes(o.every.trim().toLowerCase()) ? 'inherit' : cadenceOption('--every', o.every);
  const add = { aliases: o.alias, emails: o.email, phones: o.phone, tags: tags(o.tag) };
  const remove = { aliases: o.removeAlias, emails: o.removeEmail, phones: o.removePhone, tags: tags(o.untag) };
  const some = (x: Record<string, string[] | undefined>) => Object.values(x).some((v) => v && v.length > 0);
  if (some(add)) patch.add = Object.fromEntries(Object.entries(add).filter(([, v]) => v?.length));
  if (some(remove)) patch.remove = Object.fromEntries(Object.entries(remove).filter(([, v]) => v?.length));
  if (Object.keys(patch).length === 0) {
    throw new UsageError('nothing to change', 'give a flag such as --company, --tag, --every, --rename, --birthday (see netlog contact edit --help)');
  }
  return patch;
}
