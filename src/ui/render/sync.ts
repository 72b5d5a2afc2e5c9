import { basename } from 'node:path';
import type { InitResult, SyncResult } from '../../sync/sync.js';
import { changesText, mergeSummary } from './merge.js';
import { safe } from '../sanitize.js';

// What `netlog sync` and `sync init` did, as lines for stderr.

export function syncInitLines(r: InitResult): string[] {
  return [
    `${r.created ? 'made' : 'using'} the git repository ${safe(r.repository)}; ${safe(basename(r.journal))} merges with netlog's merge driver`,
    r.remote ? `remote: origin = ${safe(r.remote)}; now run: netlog sync` : 'no remote yet: add one with `netlog sync init REMOTE` (a server, or a bare repository on a USB stick)',
  ];
}

export function syncLines(r: SyncResult): string[] {
  const lines: string[] = [];
  if (r.mode === 'folder' && r.copies.length === 0) {
    lines.push('nothing to sync: the journal is not in a git repository and no sync-tool copies sit beside it', 'to sync through git: netlog sync init REMOTE');
  }
  for (const c of r.copies) {
    if (c.skipped) {
      lines.push(`left ${safe(basename(c.copy))} where it is: ${safe(c.skipped)}`);
      continue;
    }
    lines.push(`merged ${safe(basename(c.copy))} (${c.base === 'backup' ? 'three-way, from a backup both share' : 'two-way: no common backup'}); moved it to ${safe(c.movedTo ?? '')}`);
    for (const line of mergeSummary(c.report!, { ours: 'this journal', theirs: 'the copy' })) lines.push(`  ${line}`);
  }
  if (r.mode === 'folder') return lines;
  lines.push(r.committed ? `committed: ${safe(r.committed)}` : 'nothing new to commit');
  if (!r.remote) return [...lines, 'no remote: the journal is committed locally; add one with `netlog sync init REMOTE`'];
  const incoming = r.incoming && changesText(r.incoming);
  const outgoing = r.outgoing && changesText(r.outgoing);
  lines.push(`in from ${safe(r.remote)}: ${incoming || 'nothing new'}`);
  for (const line of r.settled ?? []) lines.push(`  ${safe(line)}`);
  lines.push(`out to ${safe(r.remote)}: ${r.pushed ? outgoing || 'commits, no journal changes' : 'nothing to send'}`);
  return lines;
}
