#!/usr/bin/env node
// `npm run bench`: times whole netlog processes against the physical floor of the same work.
// A benchmark, not a test: it prints a table and never fails on a slow figure (exit 1 only when
// it cannot run, e.g. dist/ is not built or a netlog command errors).
//
// Each row is a pair: a netlog command and its yardstick, run in turn (A B B A A B …) on the same
// file; the ratio is taken pair by pair and the median printed, so a machine that speeds up or
// slows down during the run moves both sides alike.
//
//   npm run bench                     start-up, 1k and 100k interactions, 7 runs each
//   npm run bench -- --quick          start-up and 1k, 5 runs
//   npm run bench -- --runs 11 --sizes 1k,10k,100k
//   npm run bench -- --bin ../old/bin/netlog.cjs      the same table for another build
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateJournal, journalText } from './gen.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const TODAY = '2026-11-20';
const SIZES = { '1k': [1_000, 200], '10k': [10_000, 1_000], '100k': [100_000, 5_000] };
// Issue 16's targets: wall-clock ratio to the yardstick, and peak memory to the floor's.
const TARGETS = {
  startup: 1.3,
  '1k': { due: 1.3, report: 1.3, contacts: 1.3 },
  '100k': { due: 2, report: 1.3, history: 1.3, add: 1.5, memory: 1.5 },
};

function parseArgs(argv) {
  const o = { runs: 7, sizes: ['1k', '100k'], keep: false, bin: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') ((o.runs = 5), (o.sizes = ['1k']));
    else if (a === '--bin') o.bin = resolve(argv[++i]);
    else if (a === '--runs') o.runs = Math.max(1, Number(argv[++i]) || 1);
    else if (a === '--sizes') o.sizes = argv[++i].split(',').filter((s) => s in SIZES);
    else if (a === '--keep') o.keep = true;
    else if (a === '-h' || a === '--help') {
      console.log('usage: npm run bench -- [--quick] [--runs N] [--sizes 1k,10k,100k] [--bin PATH] [--keep]');
      process.exit(0);
    } else {
      console.error(`bench: unknown option ${a}`);
      process.exit(2);
    }
  }
  return o;
}

const opts = parseArgs(process.argv.slice(2));
const BIN = opts.bin ?? join(ROOT, 'bin', 'netlog.cjs');
if (!opts.bin && !existsSync(join(ROOT, 'dist', 'cli.cjs'))) {
  console.error('bench: dist/cli.cjs is missing; run `npm run build` first');
  process.exit(1);
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const dir = mkdtempSync(join(tmpdir(), 'netlog-bench-'));
const baseEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, TZ: 'UTC', LANG: 'C.UTF-8', NO_COLOR: '1', NETLOG_TODAY: TODAY };

/** One process: argv after `node`, its journal, its expected exit code, an optional untimed step before each run. */
function task(label, args, file, { prepare, exit = 0, env = {} } = {}) {
  return { label, args, env: { ...baseEnv, NETLOG_FILE: file, ...env }, prepare, exit };
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

function spawn(t, wrapTime) {
  t.prepare?.();
  const argv = wrapTime ? [wrapTime.bin, wrapTime.args.concat(process.execPath, ...t.args)] : [process.execPath, t.args];
  const cpu0 = childrenCpu();
  const start = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv[1], { env: t.env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 256 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = childrenCpu() - cpu0;
  if (r.status !== t.exit) {
    console.error(`bench: ${t.label} failed (exit ${r.status}, expected ${t.exit}):\n${r.stderr}`);
    process.exit(1);
  }
  return { ms, cpu };
}

/** Peak RSS in KB, from /usr/bin/time or, without it, from a preloaded exit hook. */
function peakRss(t) {
  if (TIME) {
    const out = join(dir, 'time.txt');
    spawn(t, { bin: TIME, args: ['-f', '%M', '-o', out] });
    return Number(readFileSync(out, 'utf8').trim().split('\n').pop());
  }
  const hooked = { ...t, args: ['-r', join(HERE, 'rss-hook.cjs'), ...t.args] };
  const r = spawnSync(process.execPath, hooked.args, { env: t.env, stdio: ['ignore', 'ignore', 'pipe'] });
  const m = /NETLOG_BENCH_MAXRSS=(\d+)/.exec(r.stderr.toString());
  return m ? Number(m[1]) : NaN;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const mean = (xs) => xs.reduce((x, y) => x + y, 0) / xs.length;

/**
 * Runs each pair's two commands in turn, `runs` times, after one untimed run of each (the page
 * cache, a first run on the file, and a check that both work). Rotates the pairs each round and
 * alternates which side goes first.
 */
function measure(pairs, runs) {
  for (const p of pairs) for (const t of [p.a, p.b]) spawn(t);
  for (const p of pairs) Object.assign(p, { ratios: [], aMs: [], bMs: [], aCpu: [], bCpu: [], aRss: [], bRss: [] });
  for (let r = 0; r < runs; r++) {
    for (let k = 0; k < pairs.length; k++) {
      const p = pairs[(k + r) % pairs.length];
      const [first, second] = r % 2 ? [p.b, p.a] : [p.a, p.b];
      const x = spawn(first);
      const y = spawn(second);
      const [a, b] = r % 2 ? [y, x] : [x, y];
      p.ratios.push(a.ms / b.ms);
      p.aMs.push(a.ms);
      p.bMs.push(b.ms);
      p.aCpu.push(a.cpu);
      p.bCpu.push(b.cpu);
    }
  }
  for (let r = 0; r < Math.min(3, runs); r++) for (const p of pairs) (p.aRss.push(peakRss(p.a)), p.bRss.push(peakRss(p.memB ?? p.b)));
  for (const p of pairs) rows.push(p);
}

const rows = [];
/** A row of the table: `a` measured against `b`; peak memory against `memB` (default `b`). */
const pair = (size, what, a, b, target, { memB, memTarget } = {}) => ({ size, what, a, b, target, memB, memTarget });

const started = Date.now();
const none = join(dir, 'none.json');
const nodeE0 = task('node -e 0', ['-e', '0'], none);
// What any ES-module CLI pays before its first line runs: Node's ESM loader (for reference).
const emptyEsm = join(dir, 'empty.mjs');
writeFileSync(emptyEsm, 'export {};\n');
process.stderr.write('bench: start-up… ');
measure(
  [
    pair('-', '--version vs node -e 0', task('netlog --version', [BIN, '--version'], none), nodeE0, TARGETS.startup),
    pair('-', '--help vs node -e 0', task('netlog --help', [BIN, '--help'], none), nodeE0, TARGETS.startup),
    pair('-', 'usage error vs node -e 0', task('netlog due --bogus', [BIN, 'due', '--bogus'], none, { exit: 2 }), nodeE0, TARGETS.startup),
    pair('-', '(empty ESM file vs node -e 0)', task('empty .mjs', [emptyEsm], none), nodeE0),
  ],
  opts.runs * 2,
);

const sizeInfo = [];
for (const size of opts.sizes) {
  const [nInteractions, nContacts] = SIZES[size];
  const t = TARGETS[size] ?? {};
  process.stderr.write(`${size}: generating… `);
  const journal = generateJournal({ interactions: nInteractions, contacts: nContacts, today: TODAY });
  const file = join(dir, `journal-${size}.json`);
  writeFileSync(file, journalText(journal));
  // As a journal is in daily use: last changed a while ago (netlog trusts a file it has checked
  // only when it was not modified in the last seconds: store/trust.ts).
  utimesSync(file, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
  const someone = journal.contacts.find((c) => !c.archived).name;
  sizeInfo.push(`${size} = ${nInteractions} interactions, ${nContacts} contacts, ${journal.promises.length} promises, ` +
    `${journal.events.length} events, ${(statSync(file).size / 1e6).toFixed(1)} MB`);

  process.stderr.write('reading… ');
  const floorRead = task('read floor', [join(HERE, 'floor-read.js')], file);
  const netlog = (cmd, env) => task(`netlog ${cmd}`, [BIN, cmd], file, { env });
  const mem = t.memory === undefined ? {} : { memB: floorRead, memTarget: t.memory };
  const reads = [
    size === '100k'
      ? pair(size, 'due (warm) vs node -e 0', netlog('due'), nodeE0, t.due, mem)
      : pair(size, 'due vs read floor', netlog('due'), floorRead, t.due, mem),
    pair(size, 'report vs read floor', netlog('report'), floorRead, t.report, mem),
    pair(size, size === '100k' ? 'history vs read floor' : 'contacts vs read floor', netlog(size === '100k' ? 'history' : 'contacts'), floorRead, size === '100k' ? t.history : t.contacts, mem),
  ];
  // What the code cache saves (for the design notes; no target).
  if (size === '1k' && !opts.bin) reads.push(pair(size, '(due, code cache off, vs read floor)', netlog('due', { NETLOG_CODE_CACHE: '0' }), floorRead));
  if (size === '100k') {
    reads.push(pair(size, '(due vs read floor)', netlog('due'), floorRead));
    // The first `due` of a day, or another question: the list worked out from the per-contact
    // summary, without the answer kept by the last run (its two records are removed first, untimed).
    const fresh = task('netlog due (summary)', [BIN, 'due'], file, {
      prepare: () => ['due-answer.json', 'due-shown.json'].forEach((n) => rmSync(join(`${file}.backups`, n), { force: true })),
    });
    reads.push(pair(size, '(due from its summary vs node -e 0)', fresh, nodeE0));
  }
  measure(reads, opts.runs);

  process.stderr.write('writing… ');
  // Each write starts from a fresh copy, so every run appends to a journal of the same size.
  // netlog's add also takes the lock and keeps a backup (a hard link) for undo. Before each run
  // (not timed) the copy is dated back and read once by netlog, as on a day that starts with
  // `netlog due`: add then works on a journal netlog has checked.
  const addFile = join(dir, `add-${size}.json`);
  const floorFile = join(dir, `floor-${size}.json`);
  const checked = task('netlog contacts', [BIN, 'contacts', '--json'], addFile);
  const add = task('netlog add', [BIN, 'add', someone, '--kind', 'coffee', '--note', 'bench', '--gave', 'intro:to Sam', '--promise', 'send the deck'], addFile, {
    prepare: () => {
      copyFileSync(file, addFile);
      utimesSync(addFile, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
      spawn(checked);
    },
  });
  const floorWrite = task('write floor', [join(HERE, 'floor-write.js'), someone], floorFile, { prepare: () => copyFileSync(file, floorFile) });
  measure([pair(size, 'add vs write floor', add, floorWrite, t.add, t.memory === undefined ? {} : { memTarget: t.memory })], opts.runs);
}
process.stderr.write('done\n\n');

const ms = (x) => `${x.toFixed(0)} ms`;
const mb = (kb) => (Number.isFinite(kb) ? `${(kb / 1024).toFixed(0)} MB` : '?');
const verdict = (r, target) => (target === undefined ? '' : r <= target ? ` ≤${target} ok` : ` >${target} MISS`);
const table = [
  ['size', 'what', 'netlog', 'yardstick', 'ratio (target)', 'CPU ratio', 'peak RSS', 'its RSS', 'RSS ratio (target)'],
  ...rows.map((r) => {
    const ratio = median(r.ratios);
    // CPU time comes in clock ticks (see childrenCpu): the mean over runs says more than a median.
    const cpu = mean(r.aCpu) / mean(r.bCpu);
    const ra = median(r.aRss);
    const rb = median(r.bRss);
    return [r.size, r.what, ms(median(r.aMs)), ms(median(r.bMs)), `${ratio.toFixed(2)}×${verdict(ratio, r.target)}`, Number.isFinite(cpu) ? `${cpu.toFixed(2)}×` : '?',
      mb(ra), mb(rb), `${(ra / rb).toFixed(2)}×${verdict(ra / rb, r.memTarget)}`];
  }),
];
const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
const line = (row) => `| ${row.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(`netlog bench: node ${process.version}, ${process.platform}-${process.arch}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}${opts.bin ? `, bin ${opts.bin}` : ''}`);
console.log(`ratio: median of ${opts.runs} pairs run in turn (start-up: ${opts.runs * 2}); netlog, yardstick: medians; CPU ratio: mean user+sys time; ` +
  `peak RSS: median of ${Math.min(3, opts.runs)}, via ${TIME ? '/usr/bin/time' : 'process.resourceUsage()'}; 100k due is measured warm (after a first run on the file)`);
console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (other work on the machine makes wall-clock figures noisy; the ratios less so)`);
for (const s of sizeInfo) console.log(s);
console.log('');
console.log(line(table[0]));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of table.slice(1)) console.log(line(row));
console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s)`);

if (opts.keep) console.log(`journals kept in ${dir}`);
else rmSync(dir, { recursive: true, force: true });
