#!/usr/bin/env node
// `npm run bench`: times whole netlog processes against the physical floor of the same work.
// A benchmark, not a test: it prints a table and never fails on a slow figure (exit 1 only when
// it cannot run, e.g. dist/ is not built or a netlog command errors).
//
//   npm run bench                     1k, 10k and 100k interactions, 7 runs each
//   npm run bench -- --quick          1k and 10k, 3 runs
//   npm run bench -- --runs 11 --sizes 100k
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateJournal, journalText } from './gen.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const BIN = join(ROOT, 'bin', 'netlog.cjs');
const TODAY = '2026-11-20';
const SIZES = { '1k': [1_000, 200], '10k': [10_000, 1_000], '100k': [100_000, 5_000] };

function parseArgs(argv) {
  const o = { runs: 7, sizes: ['1k', '10k', '100k'], keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') ((o.runs = 3), (o.sizes = ['1k', '10k']));
    else if (a === '--runs') o.runs = Math.max(1, Number(argv[++i]) || 1);
    else if (a === '--sizes') o.sizes = argv[++i].split(',').filter((s) => s in SIZES);
    else if (a === '--keep') o.keep = true;
    else if (a === '-h' || a === '--help') {
      console.log('usage: npm run bench -- [--quick] [--runs N] [--sizes 1k,10k,100k] [--keep]');
      process.exit(0);
    } else {
      console.error(`bench: unknown option ${a}`);
      process.exit(2);
    }
  }
  return o;
}

const opts = parseArgs(process.argv.slice(2));
if (!existsSync(join(ROOT, 'dist', 'cli.cjs'))) {
  console.error('bench: dist/cli.cjs is missing; run `npm run build` first');
  process.exit(1);
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const dir = mkdtempSync(join(tmpdir(), 'netlog-bench-'));
const baseEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, TZ: 'UTC', LANG: 'C.UTF-8', NO_COLOR: '1', NETLOG_TODAY: TODAY };

/** One process: argv after `node`, its journal, and an optional step before each run (not timed). */
function task(label, args, file, prepare) {
  return { label, args, env: { ...baseEnv, NETLOG_FILE: file }, prepare, times: [], rss: [], cpu: undefined };
}

/** CPU time (user + system, ms) of the children waited for so far, from /proc (Linux); else NaN. */
function childrenCpu() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[13]) + Number(f[14])) * 1000) / 100; // cutime + cstime, in 1/100 s ticks
  } catch {
    return NaN;
  }
}

function spawn(t, { capture = false, wrapTime } = {}) {
  t.prepare?.();
  const argv = wrapTime ? [wrapTime.bin, wrapTime.args.concat(process.execPath, ...t.args)] : [process.execPath, t.args];
  const cpu0 = childrenCpu();
  const start = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv[1], { env: t.env, stdio: ['ignore', capture ? 'pipe' : 'ignore', 'pipe'], maxBuffer: 256 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  t.cpu?.push(childrenCpu() - cpu0);
  if (r.status !== 0) {
    console.error(`bench: ${t.label} failed (exit ${r.status}):\n${r.stderr}`);
    process.exit(1);
  }
  return { ms, stderr: r.stderr.toString(), stdout: capture ? r.stdout.toString() : '' };
}

/** Peak RSS in KB, from /usr/bin/time or, without it, from a preloaded exit hook. */
function peakRss(t) {
  if (TIME) {
    const out = join(dir, 'time.txt');
    spawn(t, { wrapTime: { bin: TIME, args: ['-f', '%M', '-o', out] } });
    return Number(readFileSync(out, 'utf8').trim().split('\n').pop());
  }
  const hooked = { ...t, args: ['-r', join(HERE, 'rss-hook.cjs'), ...t.args] };
  const m = /NETLOG_BENCH_MAXRSS=(\d+)/.exec(spawn(hooked).stderr);
  return m ? Number(m[1]) : NaN;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs the tasks interleaved (the order rotates each round so none always goes first). */
function measure(tasks, runs) {
  for (const t of tasks) spawn(t); // warm-up: page cache, and a check that it works
  for (const t of tasks) t.cpu = [];
  for (let r = 0; r < runs; r++) {
    for (let k = 0; k < tasks.length; k++) {
      const t = tasks[(k + r) % tasks.length];
      t.times.push(spawn(t).ms);
    }
  }
  for (const t of tasks) t.cpu = t.cpu.slice(0, runs);
  for (let r = 0; r < Math.min(3, runs); r++) for (const t of tasks) t.rss.push(peakRss(t));
}

const rows = [];
function compare(size, what, cmd, floor, target, memTarget) {
  const a = median(cmd.times);
  const b = median(floor.times);
  const ra = median(cmd.rss);
  const rb = median(floor.rss);
  // CPU time comes in clock ticks (see childrenCpu): the mean says more than the median on short runs.
  const mean = (xs) => xs.reduce((x, y) => x + y, 0) / xs.length;
  const cpuRatio = mean(cmd.cpu) / mean(floor.cpu);
  rows.push({ size, what, netlog: a, floor: b, ratio: a / b, target, cpuRatio, rssNetlog: ra, rssFloor: rb, rssRatio: ra / rb, memTarget });
}

const started = Date.now();
const nodeE0 = task('node -e 0', ['-e', '0'], join(dir, 'none.json'));
const version = task('netlog --version', [BIN, '--version'], join(dir, 'none.json'));
// What any ES-module CLI pays before its first line runs: Node's ESM loader (for reference).
const emptyEsm = join(dir, 'empty.mjs');
writeFileSync(emptyEsm, 'export {};\n');
const esm = task('empty .mjs', [emptyEsm], join(dir, 'none.json'));
process.stderr.write('bench: start-up… ');
measure([version, nodeE0, esm], opts.runs * 3);
compare('-', '--version vs node -e 0', version, nodeE0, 1.3);
compare('-', '(empty ESM file vs node -e 0)', esm, nodeE0);

const sizeInfo = [];
for (const size of opts.sizes) {
  const [nInteractions, nContacts] = SIZES[size];
  process.stderr.write(`${size}: generating… `);
  const journal = generateJournal({ interactions: nInteractions, contacts: nContacts, today: TODAY });
  const file = join(dir, `journal-${size}.json`);
  writeFileSync(file, journalText(journal));
  const someone = journal.contacts.find((c) => !c.archived).name;
  sizeInfo.push(`${size} = ${nInteractions} interactions, ${nContacts} contacts, ${journal.promises.length} promises, ` +
    `${journal.events.length} events, ${(statSync(file).size / 1e6).toFixed(1)} MB`);

  process.stderr.write('reading… ');
  const due = task('netlog due', [BIN, 'due'], file);
  const report = task('netlog report', [BIN, 'report'], file);
  const floorRead = task('read floor', [join(HERE, 'floor-read.js')], file);
  // netlog validates the whole file on every read: that is part of what is measured.
  measure([due, report, floorRead], opts.runs);
  compare(size, 'due vs read floor', due, floorRead, size === '100k' ? 1.3 : undefined, size === '100k' ? 1.5 : undefined);
  compare(size, 'report vs read floor', report, floorRead, size === '100k' ? 1.3 : undefined);

  process.stderr.write('writing… ');
  // Each write starts from a fresh copy, so every run appends to a journal of the same size.
  // netlog's add also takes the lock and keeps a backup (a hard link) for undo.
  const addFile = join(dir, `add-${size}.json`);
  const floorFile = join(dir, `floor-${size}.json`);
  const add = task('netlog add', [BIN, 'add', someone, '--kind', 'coffee', '--note', 'bench', '--gave', 'intro:to Sam', '--promise', 'send the deck'], addFile, () => copyFileSync(file, addFile));
  const floorWrite = task('write floor', [join(HERE, 'floor-write.js'), someone], floorFile, () => copyFileSync(file, floorFile));
  measure([add, floorWrite], opts.runs);
  compare(size, 'add vs write floor', add, floorWrite, size === '100k' ? 1.5 : undefined);
}
process.stderr.write('done\n\n');

const ms = (x) => `${x.toFixed(0)} ms`;
const mb = (kb) => (Number.isFinite(kb) ? `${(kb / 1024).toFixed(0)} MB` : '?');
const fmtRatio = (r, target) => `${r.toFixed(2)}×${target === undefined ? '' : r <= target ? ` ≤${target} ok` : ` >${target} MISS`}`;
const table = [
  ['size', 'what', 'netlog', 'floor', 'ratio (target)', 'CPU ratio', 'peak RSS', 'floor RSS', 'RSS ratio (target)'],
  ...rows.map((r) => [r.size, r.what, ms(r.netlog), ms(r.floor), fmtRatio(r.ratio, r.target), Number.isFinite(r.cpuRatio) ? `${r.cpuRatio.toFixed(2)}×` : '?',
    mb(r.rssNetlog), mb(r.rssFloor), fmtRatio(r.rssRatio, r.memTarget)]),
];
const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
const line = (row) => `| ${row.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(`netlog bench: node ${process.version}, ${process.platform}-${process.arch}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}`);
console.log(`wall-clock medians of ${opts.runs} runs (start-up: ${opts.runs * 3}), interleaved; CPU ratio: mean user+sys time; ` +
  `peak RSS: median of ${Math.min(3, opts.runs)}, via ${TIME ? '/usr/bin/time' : 'process.resourceUsage()'}`);
console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (other work on the machine makes wall-clock ratios noisy)`);
for (const s of sizeInfo) console.log(s);
console.log('');
console.log(line(table[0]));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of table.slice(1)) console.log(line(row));
console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s)`);

if (opts.keep) console.log(`journals kept in ${dir}`);
else rmSync(dir, { recursive: true, force: true });
