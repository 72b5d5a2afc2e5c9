import type { ImportOutcome, ImportResult } from '../../core/import.js';
import type { Theme } from '../theme.js';
import { safe } from '../sanitize.js';

function counts(r: ImportResult, dryRun: boolean): string {
  const c = r.counts;
  return dryRun
    ? `would add ${c.added}, update ${c.updated}, leave ${c.unchanged} unchanged, skip ${c.skipped}`
    : `${c.added} added, ${c.updated} updated, ${c.unchanged} unchanged, ${c.skipped} skipped`;
}

/** "3 named after their email, 1 after their phone — rename with contact edit", or nothing. */
export function renderNamed(r: ImportResult, dryRun: boolean): string[] {
  const { email, phone } = r.named;
  if (email + phone === 0) return [];
  const parts: string[] = [];
  if (email) parts.push(`${email} named after their email`);
  if (phone) parts.push(email ? `${phone} after their phone` : `${phone} named after their phone`);
  return [`${parts.join(', ')}${dryRun ? ' (would be)' : ''} — rename with contact edit`];
}

/** The summary line (and, for a dry run, what would happen to each record). */
export function renderImport(file: string, label: string, r: ImportResult, dryRun: boolean, theme: Theme): string {
  const head = `${dryRun ? 'Dry run, nothing written: ' : 'Imported '}${safe(file)} (${label}): ${counts(r, dryRun)}`;
  if (!dryRun) return [theme.heading(head), ...renderNamed(r, false)].join('\n');
  const lines = r.outcomes.filter((o) => o.action !== 'unchanged' && o.action !== 'skipped').map((o) => `  ${describe(o, theme)}`);
  return [theme.heading(head), ...renderNamed(r, true), ...lines].join('\n');
}

function describe(o: ImportOutcome, theme: Theme): string {
  if (o.action === 'added') return `${theme.good('+')} ${theme.name(safe(o.name))}${o.namedAfter ? ` (no name: named after their ${o.namedAfter})` : ''}`;
  return `${theme.warn('~')} ${theme.name(safe(o.name))}: adds ${(o.changed ?? []).join(', ')} (matched by ${o.matchedBy})`;
}

/** One line per skipped record, saying why, and one per part of a record that was left out. */
export function renderSkipped(r: ImportResult): string[] {
  const who = (o: ImportOutcome) => `line ${o.line}${o.name ? ` (${safe(o.name)})` : ''}`;
  return r.outcomes.flatMap((o) =>
    o.action === 'skipped' ? [`skipped ${who(o)}: ${safe(o.reason ?? '')}`] : (o.warnings ?? []).map((w) => `${who(o)}: ${safe(w)}`),
  );
}
