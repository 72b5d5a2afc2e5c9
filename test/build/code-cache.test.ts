import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, runBin, SAMPLE, SAMPLE_TODAY } from '../helpers/cli.js';

// bin/netlog.cjs compiles dist/cli.cjs with V8's code cache kept in dist/.code-cache. It is
// derived data: made on the first run, used while it matches the bundle, remade when it does not,
// and never needed. Each test runs its own copy of the bin, the bundle and package.json.

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function install() {
  const dir = mkdtempSync(join(tmpdir(), 'netlog-cache-'));
  dirs.push(dir);
  for (const part of ['bin', 'dist', 'package.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true, filter: (p) => !p.includes('.code-cache') });
  const bin = join(dir, 'bin', 'netlog.cjs');
  const cacheDir = join(dir, 'dist', '.code-cache');
  const env = { NETLOG_FILE: SAMPLE, NETLOG_TODAY: SAMPLE_TODAY, XDG_CACHE_HOME: join(dir, 'xdg') };
  const run = (args: string[]) => runBin(args, env, undefined, bin);
  const caches = () => (existsSync(cacheDir) ? readdirSync(cacheDir).sort() : []);
  return { dir, bin, cacheDir, run, caches };
}

const expected = (args: string[]) => runBin(args, { NETLOG_FILE: SAMPLE, NETLOG_TODAY: SAMPLE_TODAY, NETLOG_CODE_CACHE: '0' });
const header = (file: string) => readFileSync(file).subarray(0, 200).toString('latin1').split('\n')[0]!;

describe('the code cache', () => {
  it('is made by the first run of a command and used, unchanged, by the next', () => {
    const i = install();
    const want = expected(['due', '--json']);
    expect(i.run(['due', '--json'])).toEqual(want);
    // One for each bundle the run compiled: the front (dist/cli.cjs, 0) and the back (1).
    const names = i.caches();
    expect(names).toHaveLength(2);
    const id = /^([0-9a-f]{16})-0-due\.v8$/.exec(names[0]!)![1]!;
    expect(names).toEqual([`${id}-0-due.v8`, `${id}-1-due.v8`]);
    const stamps = () => names.map((n) => statSync(join(i.cacheDir, n), { bigint: true })).map((st) => [st.ino, st.mtimeNs]);
    const before = stamps();
    expect(i.run(['due', '--json'])).toEqual(want);
    expect(stamps()).toEqual(before);
    // A run that fails makes no cache (what it compiled is not what the command needs).
    expect(i.run(['report', '--bogus']).code).toBe(2);
    expect(i.caches()).toEqual(names);
    // Other commands share one cache a bundle, which a daily command without its own starts from.
    expect(i.run(['--help']).code).toBe(0);
    expect(i.run(['check']).code).toBe(0);
    const main = `${id}-0-main.v8`;
    expect(i.caches()).toContain(main);
    expect(i.caches()).toContain(`${id}-1-main.v8`);
    const shared = statSync(join(i.cacheDir, main), { bigint: true }).mtimeNs;
    expect(i.run(['report', '--bogus']).code).toBe(2);
    expect(i.run(['report', '--json']).stdout).toBe(expected(['report', '--json']).stdout);
    expect(i.caches().filter((n) => n.endsWith('-report.v8'))).toEqual([`${id}-0-report.v8`, `${id}-1-report.v8`]);
    expect(statSync(join(i.cacheDir, main), { bigint: true }).mtimeNs).toBe(shared);
    expect(stamps()).toEqual(before);
  });

  it('is remade, and never used, when its data is damaged or was made for another bundle', () => {
    const i = install();
    const want = expected(['report', '--json']);
    i.run(['report', '--json']);
    const [name] = i.caches();
    const file = join(i.cacheDir, name!);
    const good = readFileSync(file);
    const key = header(file);

    // Garbage after a matching first line: V8 refuses it; the run compiles from the source.
    writeFileSync(file, Buffer.concat([good.subarray(0, key.length + 1), Buffer.alloc(5000, 7)]));
    expect(i.run(['report', '--json'])).toEqual(want);
    expect(readFileSync(file).length).toBeGreaterThan(5000 + key.length + 1);
    expect(header(file)).toBe(key);

    // Cut short, or empty.
    writeFileSync(file, good.subarray(0, 10));
    expect(i.run(['report', '--json'])).toEqual(want);
    expect(header(file)).toBe(key);

    // The bundle changed (the same length, its build line kept): the cache is not believed.
    const bundle = join(i.dir, 'dist', 'cli.cjs');
    const src = readFileSync(bundle, 'utf8');
    const changed = src.replace("unknown command '", "UNKNOWN command '");
    expect(changed.length).toBe(src.length);
    writeFileSync(bundle, changed);
    utimesSync(bundle, new Date(2030, 0, 1), new Date(2030, 0, 1));
    const bogus = i.run(['bogus']);
    expect(bogus.stderr).toMatch(/^netlog: UNKNOWN command 'bogus'/);
    expect(i.run(['report', '--json'])).toEqual(want);
    expect(header(file)).not.toBe(key);
  });

  it('is optional: deleted, or impossible to write, the run is the same', () => {
    const i = install();
    const want = expected(['contacts', '--json']);
    expect(i.run(['contacts', '--json'])).toEqual(want);
    rmSync(i.cacheDir, { recursive: true });
    expect(i.run(['contacts', '--json'])).toEqual(want);
    expect(i.caches().map((n) => n.replace(/^[0-9a-f]{16}/, 'ID'))).toEqual(['ID-0-contacts.v8', 'ID-1-contacts.v8']);
    // The command's own, also after --file and its value.
    expect(i.run(['--file', SAMPLE, 'due', '--json']).code).toBe(0);
    expect(i.caches().map((n) => n.replace(/^[0-9a-f]{16}/, 'ID'))).toContain('ID-0-due.v8');
    // A file where the cache folder would be: nothing can be written there; nothing is said.
    rmSync(i.cacheDir, { recursive: true });
    writeFileSync(i.cacheDir, 'not a folder');
    expect(i.run(['contacts', '--json'])).toEqual(want);
    expect(readFileSync(i.cacheDir, 'utf8')).toBe('not a folder');
    expect(existsSync(join(i.dir, 'xdg'))).toBe(false);
    // NETLOG_CODE_CACHE=0 neither reads nor writes it.
    rmSync(i.cacheDir);
    expect(runBin(['contacts', '--json'], { NETLOG_FILE: SAMPLE, NETLOG_TODAY: SAMPLE_TODAY, NETLOG_CODE_CACHE: '0' }, undefined, i.bin)).toEqual(want);
    expect(existsSync(i.cacheDir)).toBe(false);
  });
});

describe('a dist/ that is not whole', () => {
  it('a missing back bundle, or one of another build, is "cannot load the CLI" with the npm install hint, not a netlog bug', () => {
    const i = install();
    const back = join(i.dir, 'dist', 'back.cjs');
    const text = readFileSync(back, 'utf8');
    rmSync(back);
    const missing = i.run(['contacts']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^netlog: cannot load the CLI \(dist\/back\.cjs: ENOENT.*\)\nhint: run 'npm install' \(it builds dist\/\) in /);
    writeFileSync(back, text.replace(/netlog-build=[0-9a-f]+-1\n$/, 'netlog-build=0000000000000000-1\n'));
    const other = i.run(['contacts']);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/^netlog: cannot load the CLI \(dist\/back\.cjs is not of the same build as dist\/cli\.cjs\)\nhint: /);
    // What needs only the front still works.
    expect(i.run(['--help']).code).toBe(0);
  });
});

describe('the laid-out help', () => {
  it('is kept by the first `netlog --help` of a build and width, printed from there after, and never used for another bundle', () => {
    const i = install();
    const want = expected(['--help']);
    expect(want.stdout).toMatch(/^Usage: netlog /);
    expect(i.run(['--help'])).toEqual(want);
    const [name] = i.caches().filter((n) => n.includes('-help-'));
    expect(name).toMatch(/^[0-9a-f]{16}-0-help-80-long\.txt$/);
    const file = join(i.cacheDir, name!);
    // Printed from the kept file: what is in it after its first line is what the next run prints.
    const [head] = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, `${head}\nKEPT HELP\n`);
    expect(i.run(['--help']).stdout).toBe('KEPT HELP\n');
    // Each form and width has its own; `netlog` alone and `netlog help` print the same help.
    expect(i.run([]).stdout).toBe(want.stdout);
    // An empty word is a mistyped command, kept help or not.
    expect(i.run(['']).code).toBe(2);
    expect(i.run(['help']).stdout).toBe(want.stdout);
    expect(i.run(['-h']).stdout).toBe(want.stdout);
    // A first line that does not match (another bundle, a damaged file): not believed, made again.
    writeFileSync(file, `${head!.replace(/ \d+$/, ' 1')}\nKEPT HELP\n`);
    expect(i.run(['--help'])).toEqual(want);
    expect(readFileSync(file, 'utf8')).toBe(`${head}\n${want.stdout}`);
    // The bundle changed (its build line kept): the kept help is not believed.
    const bundle = join(i.dir, 'dist', 'cli.cjs');
    writeFileSync(bundle, readFileSync(bundle, 'utf8').replace('A networking journal', 'A NETWORKING journal'));
    utimesSync(bundle, new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect(i.run(['--help']).stdout).toMatch(/A NETWORKING journal/);
  });

  it('keeps nothing for a usage error or a command’s help, nor under NETLOG_CODE_CACHE=0', () => {
    const i = install();
    expect(i.run(['--bogus']).code).toBe(2);
    expect(i.run(['due', '--help']).code).toBe(0);
    expect(runBin(['--help'], { NETLOG_FILE: SAMPLE, NETLOG_TODAY: SAMPLE_TODAY, NETLOG_CODE_CACHE: '0' }, undefined, i.bin).code).toBe(0);
    expect(i.caches().filter((n) => n.includes('help'))).toEqual([]);
  });
});
