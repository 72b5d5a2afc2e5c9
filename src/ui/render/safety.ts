import type { Change } from '../../store/backups.js';
import type { Undone } from '../../store/store.js';
import type { Problem } from '../../core/check.js';
import type { Theme } from '../theme.js';
import { plural } from '../format.js';
import { safe } from '../sanitize.js';

const when = (iso: string) => iso.replace('T', ' ').replace(/:\d\d\.\d+Z$/, ' UTC');

/** What `undo` did, in one or two lines. */
export function renderUndone(u: Undone, theme: Theme): string {
  const more = u.remaining.length ? `${plural(u.remaining.length, 'earlier change')} can still be undone.` : 'No earlier change is recorded.';
  return `Undid: ${theme.name(safe(u.change.change))} ${theme.dim(`(made ${when(u.change.at)})`)}\n${theme.dim(more)}`;
}

/** The undo list, newest first. */
export function renderChanges(changes: Change[], theme: Theme): string {
  if (changes.length === 0) return 'No changes recorded: nothing to undo.';
  return [theme.heading('Changes netlog undo can reverse, newest first'), ...changes.map((c, n) => `${String(n + 1).padStart(3)}  ${theme.dim(when(c.at))}  ${safe(c.change)}`)].join('\n');
}

export interface CheckReport {
  file: string;
  exists: boolean;
  version: number | null;
  migrates: boolean;
  ok: boolean;
  counts: { contacts: number; interactions: number; promises: number; events: number } | null;
  problems: Problem[];
}

/** `check`'s findings: "no problems", or one line per problem with its place. */
export function renderCheck(r: CheckReport, theme: Theme): string {
  const out: string[] = [];
  if (!r.exists) return `${safe(r.file)}: no journal yet (the first change creates it): no problems`;
  if (r.counts) {
    const c = r.counts;
    out.push(`${safe(r.file)}: ${plural(c.contacts, 'contact')}, ${plural(c.interactions, 'interaction')}, ${plural(c.promises, 'promise')}, ${plural(c.events, 'event')}`);
  } else out.push(safe(r.file));
  if (r.migrates) out.push(theme.warn(`journal version ${r.version}: it will be migrated (and the old file kept) on the next change`));
  if (r.ok) out.push(theme.good('No problems.'));
  else {
    out.push(theme.bad(`${plural(r.problems.length, 'problem')}:`));
    for (const p of r.problems) out.push(`  ${safe(p.path)}${p.id ? theme.dim(` (id ${safe(p.id)})`) : ''}: ${safe(p.message)}`);
  }
  return out.join('\n');
}
