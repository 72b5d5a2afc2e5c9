import { basename } from 'node:path';
import type { Ctx } from '../context.js';
import { sync, syncInit } from '../sync/sync.js';
import { changesText, mergeSummary } from '../ui/render/merge.js';
import { toJson } from '../ui/json.js';
import { safe } from '../ui/sanitize.js';

/** `netlog sync init [REMOTE]`: the journal's folder becomes (or joins) a git repository with netlog's merge driver. */
export async function syncInitCommand(ctx: Ctx, remote: string | undefined): Promise<void> {
  const r = await syncInit({ store: ctx.store, env: ctx.env }, remote);
  if (ctx.json) return ctx.out(toJson(r));
  ctx.info(`${r.created ? 'made' : 'using'} the git repository ${safe(r.repository)}; ${safe(basename(r.journal))} merges with netlog's merge driver`);
  ctx.info(r.remote ? `remote: origin = ${safe(r.remote)}; now run: netlog sync` : 'no remote yet: add one with `netlog sync init REMOTE` (a server, or a bare repository on a USB stick)');
}

/** `netlog sync`: commit, pull through the merge driver, push; or merge a sync tool's conflict copies. */
export async function syncCommand(ctx: Ctx): Promise<void> {
  const r = await sync({ store: ctx.store, env: ctx.env });
  if (ctx.json) return ctx.out(toJson(r));
  if (r.mode === 'folder' && r.copies.length === 0) {
    ctx.info('nothing to sync: the journal is not in a git repository and no sync-tool copies sit beside it');
    ctx.info('to sync through git: netlog sync init REMOTE');
  }
  for (const c of r.copies) {
    if (c.skipped) {
      ctx.info(`left ${safe(basename(c.copy))} where it is: ${safe(c.skipped)}`);
      continue;
    }
    ctx.info(`merged ${safe(basename(c.copy))} (${c.base === 'backup' ? 'three-way, from a backup both share' : 'two-way: no common backup'}); moved it to ${safe(c.movedTo ?? '')}`);
    for (const line of mergeSummary(c.report!, { ours: 'this journal', theirs: 'the copy' })) ctx.info(`  ${line}`);
  }
  if (r.mode === 'folder') return;
  ctx.info(r.committed ? `committed: ${safe(r.committed)}` : 'nothing new to commit');
  if (!r.remote) return ctx.info('no remote: the journal is committed locally; add one with `netlog sync init REMOTE`');
  const incoming = r.incoming && changesText(r.incoming);
  const outgoing = r.outgoing && changesText(r.outgoing);
  ctx.info(`in from ${safe(r.remote)}: ${incoming || 'nothing new'}`);
  ctx.info(`out to ${safe(r.remote)}: ${r.pushed ? outgoing || 'commits, no journal changes' : 'nothing to send'}`);
}
