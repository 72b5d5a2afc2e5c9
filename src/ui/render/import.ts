import type { ImportOutcome, ImportResult } from '../../core/import.js';
import type { Theme } from '../theme.js';
import { safe } from '../sanitize.js';

function counts(r: ImportResult, dryRun: boolean): string {
  const c = r.counts;
  return dryRun
    ? `would add ${c.added}, update ${c.updated}, leave ${c.unchanged} unchanged, skip ${c.skipped}`
    : `${c.added} added, ${c.updated} updated, ${c.unchanged} unchanged, ${c.skipped} skipped`;
}

/** The summary line (and, for a dry run, what would happen to each record). */
export function renderImport(file: string, label: string, r: ImportResult, dryRun: boolean, theme: Theme): string {
  const head = `${dryRun ? 'Dry run, nothing written: ' : 'Imported '}${safe(file)} (${label}): ${counts(r, dryRun)}`;
  if (!dryRun) return theme.heading(head);
  const lines = r.outcomes.filter((o) => o.action !== 'unchanged' && o.action !== 'skipped').map((o) => `  ${describe(o, theme)}`);
  return [theme.heading(head), ...lines].join('\n');
}

function describe(o: ImportOutcome, theme: Theme): string {
  if (o.action === 'added') return `${theme.good('+')} ${theme.name(safe(o.name))}`;
  return `${theme.warn('~')} ${theme.name(safe(o.name))}: adds ${(o.changed ?? []).join(', ')} (matched by ${o.matchedBy})`;
}

/** One line per skipped record, saying why, and one per part of a record that was left out. */
export function renderSkipped(r: ImportResult): string[] {
  const who = (o: ImportOutcome) => `line ${o.line}${o.name ? ` (${safe(o.name)})` : ''}`;
  return r.outcomes.flatMap((o) =>
    o.action === 'skipped' ? [`skipped ${who(o)}: ${safe(o.reason ?? '')}`] : (o.warnings ?? []).map((w) => `${who(o)}: ${safe(w)}`),
  );
}
