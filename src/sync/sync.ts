import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bestBase, diffJournals, merge, type Collection, type Counts, type MergeReport } from '../core/merge.js';
import type { Journal } from '../core/schema.js';
import { emptyJournal } from '../core/journal.js';
import { JournalError } from '../errors.js';
import type { Store } from '../store/store.js';
import { targetOf } from '../store/journal-file.js';
import { lockPathFor, withLock } from '../store/lock.js';
import { parseJournalText } from '../store/validate.js';
import { changesText } from '../ui/render/merge.js';
import { Git, gitMessage } from './git.js';
import { addRepoLines, ensureFolder, existing, exists, repoPaths, writeLines } from './repo-files.js';

// Carrying the journal between devices (SPEC §6.4): through git, with `netlog merge` as the
// merge driver, or — in a folder a sync tool keeps — by merging the conflict copies it leaves.

export interface SyncEnv {
  store: Store;
  env: NodeJS.ProcessEnv;
}

/** This netlog's own bin (bin/netlog.cjs), found from the running module (dist/ or src/). */
export function ownBin(): string {
  // The CommonJS bundle defines import.meta.url as __filename (a path); the sources have a file: URL.
  const here = import.meta.url;
  let dir = dirname(here.startsWith('file:') ? fileURLToPath(here) : here);
  for (let up = 0; up < 5; up++) {
    const bin = join(dir, 'bin', 'netlog.cjs');
    if (existsSync(bin)) return bin;
    dir = dirname(dir);
  }
  return resolve(process.argv[1] ?? 'netlog');
}

/** A word for git's shell (the driver line is run by sh). */
const sh = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** The driver git runs: this node and this netlog by absolute path, so no global install is needed. */
export function driverCommand(): string {
  return `${sh(process.execPath)} ${sh(ownBin())} merge %O %A %B`;
}

interface Place {
  target: string;
  dir: string;
  name: string;
  git: Git;
}

async function place(s: SyncEnv): Promise<Place> {
  const target = await targetOf(s.store.file);
  const dir = dirname(target);
  return { target, dir, name: basename(target), git: new Git(dir, s.env) };
}

/** The merge driver registered in this repository (config is not cloned, so `sync` checks it every time). */
async function registerDriver(p: Place): Promise<void> {
  const driver = driverCommand();
  if ((await p.git.ask(['config', '--get', 'merge.netlog.driver'])) !== driver) {
    await p.git.ok(['config', 'merge.netlog.name', 'netlog journal merge'], 'registering the merge driver');
    await p.git.ok(['config', 'merge.netlog.driver', driver], 'registering the merge driver');
  }
  await addRepoLines(p.dir, p.name);
}

export interface InitResult {
  repository: string;
  created: boolean;
  journal: string;
  driver: string;
  remote?: string;
}

/** `netlog sync init [REMOTE]`. */
export async function syncInit(s: SyncEnv, remote?: string): Promise<InitResult> {
  const p = await place(s);
  await ensureFolder(p.dir);
  let top = await p.git.ask(['rev-parse', '--show-toplevel']);
  const created = top === undefined;
  if (created) {
    // git's own default branch name, as `git init --bare` gives the remote: a clone then checks it out.
    await p.git.ok(['init', '-q'], 'git init');
    top = await p.git.ask(['rev-parse', '--show-toplevel']);
  }
  await registerDriver(p);
  if (remote) {
    const url = await p.git.ask(['remote', 'get-url', 'origin']);
    if (url === undefined) await p.git.ok(['remote', 'add', 'origin', remote], 'adding the remote');
    else if (url !== remote) await p.git.ok(['remote', 'set-url', 'origin', remote], 'setting the remote');
  }
  return { repository: top ?? p.dir, created, journal: p.target, driver: driverCommand(), ...(remote ? { remote } : {}) };
}

export interface CopyMerged {
  copy: string;
  movedTo?: string;
  /** Why a copy was left where it is (not a valid journal). */
  skipped?: string;
  base?: 'backup' | 'none';
  report?: MergeReport;
}

export interface SyncResult {
  mode: 'git' | 'folder';
  committed?: string;
  /** What the pull brought into this journal, and what the push sent. */
  incoming?: Record<Collection, Counts>;
  outgoing?: Record<Collection, Counts>;
  pushed: boolean;
  remote?: string;
  branch?: string;
  /** What the merge driver settled while pulling, in words. */
  settled?: string[];
  copies: CopyMerged[];
}

/** `netlog sync`: through git when the journal is in a repository, else merges sync-tool copies. */
export async function sync(s: SyncEnv): Promise<SyncResult> {
  const p = await place(s);
  let top: string | undefined;
  try {
    top = exists(p.dir) ? await p.git.ask(['rev-parse', '--show-toplevel']) : undefined;
  } catch (e) {
    // No git: a synced folder still works.
    if ((await s.store.conflictCopies()).length === 0) throw e;
  }
  // Copies a sync tool left are merged in first, in a repository too (that is what the notice promised).
  const copies = await mergeCopies(s, p);
  if (top === undefined) return { mode: 'folder', pushed: false, copies };
  const result = await withLock(lockPathFor(p.target), () => syncGit(s, p, top!));
  return { ...result, copies };
}

async function journalAt(p: Place, rev: string, rel: string): Promise<Journal> {
  const r = await p.git.run(['show', `${rev}:${rel}`]);
  if (r.code !== 0 || r.stdout.trim() === '') return emptyJournal();
  try {
    return parseJournalText(r.stdout, `${rev}:${rel}`).journal;
  } catch {
    return emptyJournal();
  }
}

/** "netlog: 3 interactions, 1 contact added" */
function commitMessage(before: Journal, after: Journal): string {
  const text = changesText(diffJournals(before, after));
  if (text) return `netlog: ${text}`;
  return JSON.stringify(before.settings) !== JSON.stringify(after.settings) ? 'netlog: settings changed' : 'netlog: sync set up';
}

async function syncGit(s: SyncEnv, p: Place, top: string): Promise<SyncResult> {
  // Paths below are relative to the repository's top, as git prints them.
  const git = new Git(top, s.env);
  const journal = await s.store.read(); // refuses an invalid journal before anything is committed
  await registerDriver(p);
  const rel = relative(top, p.target);
  const files = existing(top, repoPaths(p.dir, p.name).map((f) => relative(top, f)));
  const result: SyncResult = { mode: 'git', pushed: false, copies: [] };

  // 1. Commit the journal (only netlog's files, whatever else is staged).
  // -f: a journal inside a repository that ignores *.json is still the one thing to commit.
  await git.ok(['add', '-f', '--', ...files], 'git add');
  const hasHead = (await git.ask(['rev-parse', '-q', '--verify', 'HEAD'])) !== undefined;
  const staged = hasHead ? (await git.run(['diff', '--cached', '--quiet', 'HEAD', '--', ...files])).code !== 0 : true;
  if (staged) {
    const message = commitMessage(hasHead ? await journalAt(p, 'HEAD', rel) : emptyJournal(), journal);
    const r = await git.run(['commit', '-q', '-m', message, '--', ...files]);
    if (r.code !== 0) {
      const who = /tell me who you are|user\.email|user\.name/i.test(r.stderr);
      throw new JournalError(
        `git could not commit the journal: ${gitMessage(r)}`,
        who ? 'tell git who you are: git config --global user.name "Your Name" && git config --global user.email you@example.com' : undefined,
      );
    }
    result.committed = message;
  }

  // 2. Pull: fetch, then merge through the driver.
  const remotes = (await git.ask(['remote'])) ?? '';
  if (!remotes.split('\n').includes('origin')) return result;
  result.remote = (await git.ask(['remote', 'get-url', 'origin'])) ?? 'origin';
  const branch = await git.ask(['symbolic-ref', '--short', '-q', 'HEAD']);
  if (!branch) throw new JournalError('the journal repository is not on a branch (detached HEAD)', `check it out with git in ${top}`);
  const fetched = await git.run(['fetch', '-q', 'origin']);
  if (fetched.code !== 0) throw new JournalError(`cannot fetch from ${result.remote}: ${gitMessage(fetched)}`, 'check the remote (netlog sync init REMOTE sets it); nothing was changed');
  const upstream = await upstreamOf(git, branch);
  result.branch = upstream ?? branch;
  if (upstream) {
    const before = await journalAt(p, 'HEAD', rel);
    result.settled = await pull(git, top, rel, `origin/${upstream}`);
    const after = await journalAt(p, 'HEAD', rel);
    result.incoming = diffJournals(before, after);
  }

  // 3. Push what origin does not have.
  const remoteJournal = upstream ? await journalAt(p, `origin/${upstream}`, rel) : emptyJournal();
  const head = await git.ask(['rev-parse', 'HEAD']);
  const there = upstream ? await git.ask(['rev-parse', `origin/${upstream}`]) : undefined;
  if (head && head !== there) {
    const pushed = await git.run(['push', '-q', 'origin', `HEAD:refs/heads/${result.branch}`]);
    if (pushed.code !== 0) {
      throw new JournalError(
        `${result.remote} refused the push: ${gitMessage(pushed)}`,
        /fetch first|non-fast-forward/.test(pushed.stderr) ? 'another device synced in between: run `netlog sync` again' : 'your changes are committed locally; run `netlog sync` again once the remote accepts them',
      );
    }
    if (!upstream) await git.run(['branch', '-q', `--set-upstream-to=origin/${result.branch}`]);
    result.pushed = true;
    result.outgoing = diffJournals(remoteJournal, await journalAt(p, 'HEAD', rel));
  }
  return result;
}

/** The branch on origin this one syncs with: the same name, else origin's only branch. */
async function upstreamOf(git: Git, branch: string): Promise<string | undefined> {
  if (await git.ask(['rev-parse', '-q', '--verify', `refs/remotes/origin/${branch}`])) return branch;
  const refs = ((await git.ask(['for-each-ref', '--format=%(refname:strip=3)', 'refs/remotes/origin'])) ?? '').split('\n').filter((r) => r && r !== 'HEAD');
  return refs.length === 1 ? refs[0] : undefined;
}

/** Merges origin's branch; netlog's own small files are settled by taking both sides' lines. */
async function pull(git: Git, top: string, rel: string, ref: string): Promise<string[]> {
  const r = await git.run(['merge', '-q', '--no-edit', '--allow-unrelated-histories', '-m', `netlog: merge from ${ref}`, ref], { env: { GIT_MERGE_AUTOEDIT: 'no' } });
  // What the merge driver settled (its summary lines), for the person syncing.
  const settled = `${r.stdout}\n${r.stderr}`
    .split('\n')
    .map((l) => /^netlog merge: ((?:settled|folded|kept): .*)$/.exec(l.trim())?.[1])
    .filter((l): l is string => l !== undefined);
  if (r.code === 0) return settled;
  const conflicted = ((await git.ask(['diff', '--name-only', '--diff-filter=U'])) ?? '').split('\n').filter(Boolean);
  if (conflicted.length === 0) throw new JournalError(`git could not merge ${ref}: ${gitMessage(r)}`, 'nothing was merged; see `git status` in the journal folder');
  const abort = async (message: string, hint: string): Promise<never> => {
    await git.run(['merge', '--abort']);
    throw new JournalError(message, hint);
  };
  if (conflicted.includes(rel)) await abort(`the journal on ${ref} could not be merged: ${gitMessage(r)}`, 'nothing was merged; your journal is unchanged (is the other device on an older netlog?)');
  const others = conflicted.filter((f) => !/(^|\/)\.git(attributes|ignore)$/.test(f));
  if (others.length) await abort(`files beside the journal conflict (${others.join(', ')}); netlog merges only the journal`, `nothing was merged; resolve them with git in ${top}`);
  for (const f of conflicted) {
    const lines = new Set<string>();
    for (const stage of [':2:', ':3:']) for (const l of ((await git.ask(['show', `${stage}${f}`])) ?? '').split('\n')) if (l.trim()) lines.add(l);
    await writeLines(top, f, lines);
    await git.ok(['add', '--', f], 'git add');
  }
  await git.ok(['commit', '-q', '--no-edit'], 'committing the merge', { env: { GIT_MERGE_AUTOEDIT: 'no' } });
  return settled;
}

/** Outside git: each copy a sync tool left is merged in (three-way when a backup is a common ancestor), then moved to the backups folder. */
async function mergeCopies(s: SyncEnv, p: Place): Promise<CopyMerged[]> {
  await s.store.noticeCopies(true);
  const copies = await s.store.conflictCopies();
  const out: CopyMerged[] = [];
  for (const copy of copies) {
    let theirs: Journal;
    try {
      theirs = await s.store.readConflictCopy(copy);
    } catch (e) {
      out.push({ copy, skipped: e instanceof Error ? e.message : String(e) });
      continue;
    }
    const candidates = await s.store.earlierJournals();
    const done = await s.store.update(
      (ours) => {
        const base = bestBase(candidates, ours, theirs);
        const m = merge(base ?? emptyJournal(), ours, theirs);
        return { journal: m.journal, result: { report: m.report, base: base ? ('backup' as const) : ('none' as const) } };
      },
      `sync: merged ${basename(copy)}`,
    );
    const movedTo = await s.store.putAwayConflictCopy(copy);
    out.push({ copy, movedTo, ...done });
  }
  return out;
}
