import { describeCounts, type Collection, type Counts, type MergeReport, type Settled } from '../../core/merge.js';
import { safe } from '../sanitize.js';

// What a merge did, in sentences for stderr: what came from each side and what it settled.

/** "3 interactions, 1 contact added; 1 contact changed", or '' for nothing. */
export function changesText(counts: Record<Collection, Counts>): string {
  return (['added', 'changed', 'deleted'] as const)
    .map((what) => {
      const list = describeCounts(counts, what);
      return list ? `${list} ${what}` : '';
    })
    .filter(Boolean)
    .join('; ');
}

const quote = (v: unknown) => (v === undefined || v === null ? 'nothing' : typeof v === 'string' ? `"${safe(v.length > 40 ? `${v.slice(0, 37)}...` : v)}"` : safe(JSON.stringify(v)));

function settledText(s: Settled): string {
  const what = s.collection === 'settings' ? `setting ${s.field}` : `${safe(s.label)}: ${s.field}`;
  if (s.how === 'alias') return `${what} changed on both sides: kept ${quote(s.kept)} (the later change), ${quote(s.other)} is now an alias`;
  if (s.how === 'appended') return `${what} changed on both sides: both texts kept, the earlier one appended`;
  if (s.how === 'kept-text') return `${what} cleared on one side and rewritten on the other: the text is kept`;
  return `${what} changed on both sides: kept ${quote(s.kept)} (the later change), dropped ${quote(s.other)}`;
}

/** The summary lines of a merge; `names` says what to call each side ("ours"/"theirs", "this device"/"origin"). */
export function mergeSummary(report: MergeReport, names: { ours: string; theirs: string } = { ours: 'ours', theirs: 'theirs' }): string[] {
  const lines: string[] = [];
  const ours = changesText(report.ours);
  const theirs = changesText(report.theirs);
  lines.push(`from ${names.ours}: ${ours || 'no changes'}`);
  lines.push(`from ${names.theirs}: ${theirs || 'no changes'}`);
  for (const s of report.settled) lines.push(`settled: ${settledText(s)}`);
  for (const f of report.folded) lines.push(`folded: ${safe(f.name)} was added on both sides; kept as one ${f.collection === 'contacts' ? 'contact' : 'event'}`);
  for (const k of report.keptEdited) lines.push(`kept: ${k.collection.replace(/s$/, '')} ${safe(k.label)} was deleted on ${k.deletedBy === 'ours' ? names.ours : names.theirs} but edited on the other side`);
  for (const r of report.revived) lines.push(`kept: ${r.collection.replace(/s$/, '')} ${safe(r.label)} was deleted, but new records refer to it`);
  return lines;
}
