#!/usr/bin/env node
'use strict';
// CommonJS on purpose: Node starts a CommonJS file without setting up its ES-module loader. So
// `netlog --version` answers from here, and everything else runs the bundled CLI (dist/cli.cjs
// and, for a command's action, dist/back.cjs) compiled with V8's code cache.
const argv = process.argv.slice(2);

// The commands people run every day get a cache each (what a run compiles depends on the
// command); every other run shares one. Only a performance hint: a word not listed still works.
const OWN_CACHE = new Set(['due', 'report', 'contacts', 'history', 'add', 'promises', 'contact', 'events']);

/** What to do when dist/ cannot be loaded. */
const hint = () => `run 'npm install' (it builds dist/) in ${require('node:path').dirname(__dirname)}`;

/** Where the files derived from the bundles are kept (kept()), found on first use. */
let cacheFolder;

if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  let front;
  try {
    front = load();
  } catch (e) {
    process.stderr.write(`netlog: cannot load the CLI (${e.message})\nhint: ${hint()}\n`);
    process.exitCode = 1;
  }
  // NETLOG_CODE_CACHE=0: nothing is kept beside the bundles (neither code nor the laid-out help).
  const bin = process.env.NETLOG_CODE_CACHE === '0' || !front?.id ? undefined : { kept: (name) => kept(`${front.id}-${name}.txt`, front.key) };
  if (front) front.exports.main(argv, undefined, bin).then((code) => void (process.exitCode = code));
}

/**
 * Compiles the front bundle, dist/cli.cjs (its exports are its main's); the back bundle,
 * dist/back.cjs, is compiled when the front first asks for one of its modules, a vendor bundle
 * on first use (scripts/build.js). Compiling is a good part of a short run, and Node 20 keeps no
 * compiled code between runs (22's module.enableCompileCache does), so each bundle is compiled
 * with V8's code cache.
 */
function load() {
  const path = require('node:path');
  const dist = path.join(__dirname, '..', 'dist');
  let front;
  let back;
  // The vendor bundles (dist/vendor/NAME.cjs: dependencies bundled apart) are compiled the same way.
  const vendors = new Map();
  const linked = (word) => {
    if (word === 'netlog:front') return (key) => front.module(key);
    if (word === 'netlog:back') return (key) => (back ??= part('back.cjs'))(key);
    if (!word.startsWith('./vendor/')) return undefined;
    if (!vendors.has(word)) vendors.set(word, part(word));
    return vendors.get(word);
  };
  const compiled = compile(path.join(dist, 'cli.cjs'), linked);
  front = compiled.exports;
  const build = compiled.id?.replace(/-\d+$/, '');
  // A later bundle, loaded while a command runs: missing, damaged or of another build (dist/
  // rebuilt or upgraded half-way) is the front's own failure, with the same hint as below.
  const part = (name) => {
    let got;
    try {
      got = compile(path.join(dist, name), linked);
    } catch (e) {
      throw cannotLoad(`${path.join('dist', name)}: ${e.message}`);
    }
    if (got.id?.replace(/-\d+$/, '') !== build) throw cannotLoad(`${path.join('dist', name)} is not of the same build as dist/cli.cjs`);
    return got.exports;
  };
  const cannotLoad = (why) => new (front.module('src/errors.ts').JournalError)(`cannot load the CLI (${why})`, hint());
  return compiled;
}

/**
 * Runs a CommonJS bundle as Node would, compiled with V8's code cache, and returns its exports,
 * its build id and what identifies this very file (for what is kept beside it); `linked(word)`
 * answers the bundles' require() of each other. The cache is derived data (STYLE
 * §15): keyed by the bundle's hash and stat, Node's version, the platform and the command word,
 * rewritten when it does not match or V8 refuses it, and harmless to delete. It lives beside the
 * bundle, or under $XDG_CACHE_HOME when that folder is read-only; NETLOG_CODE_CACHE=0 turns it off.
 */
function compile(file, linked) {
  const fs = require('node:fs');
  const path = require('node:path');
  const fd = fs.openSync(file, 'r');
  let source;
  let st;
  try {
    st = fs.fstatSync(fd, { bigint: true });
    source = fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
  const vm = require('node:vm');
  const off = process.env.NETLOG_CODE_CACHE === '0';
  const id = /\/\/# netlog-build=([\w-]+)\n$/.exec(source.slice(-64))?.[1];
  // Everything the bundle's text is, as the first line of each file kept for it.
  const key = `${id} ${st.dev} ${st.ino} ${st.size} ${st.mtimeNs} ${st.ctimeNs}`;
  const cache = off || id === undefined ? undefined : codeCache(id, key);
  const cached = cache?.read();
  // The file is the function CommonJS would wrap it in (scripts/build.js).
  const script = new vm.Script(source, { filename: file, ...(cached ? { cachedData: cached.code } : {}) });
  if (cache && (!cached?.own || script.cachedDataRejected)) {
    // Made at exit, so it holds the functions this run compiled, not only the top level; only
    // by a run that worked, so `due --bogus` does not make the cache every `due` then uses.
    process.once('exit', (code) => void (code === 0 && cache.write(script.createCachedData())));
  }
  const mod = { exports: {} };
  // Module.createRequire, taken from this module's own class: loading node:module would also load
  // Node's ES-module loader.
  const plain = module.constructor.createRequire(file);
  const req = (word) => linked(word) ?? plain(word);
  script.runInThisContext()(mod.exports, req, mod, file, path.dirname(file));
  return { exports: mod.exports, id, key };
}

/** The code cache of the bundle with this build id and key: the command word's own, else the shared one. */
function codeCache(id, key) {
  // The first word that is not an option, nor --file's value (src/cli.ts GLOBAL_VALUES).
  const word = argv.find((a, n) => !a.startsWith('-') && argv[n - 1] !== '--file');
  const own = OWN_CACHE.has(word) ? word : 'main';
  const mine = kept(`${id}-${own}.v8`, `code cache 1 ${key} ${process.version} ${process.platform} ${process.arch}`);
  // Any cache of this bundle fits it; until a command has its own, it starts from the shared one.
  const shared = own === 'main' ? undefined : kept(`${id}-main.v8`, `code cache 1 ${key} ${process.version} ${process.platform} ${process.arch}`);
  return {
    /** The cached code, and whether it is this command's own. */
    read() {
      const code = mine.read();
      if (code) return { code, own: true };
      const other = shared?.read();
      return other ? { code: other, own: false } : undefined;
    },
    write: (code) => mine.write(code),
  };
}

/**
 * A file derived from a bundle, kept in the cache folder: dist/.code-cache, or
 * $XDG_CACHE_HOME/netlog/code-cache when dist/ is read-only. Its first line says what it was made
 * from (`key`); `read` gives the rest only when that line matches. Any failure to write
 * (read-only, full disk) only means the next run makes it again.
 */
function kept(name, key) {
  const fs = require('node:fs');
  const path = require('node:path');
  const { folder, shared } = (cacheFolder ??= findCacheFolder(fs, path));
  const at = path.join(folder, name);
  const head = Buffer.from(`netlog ${key}\n`);
  return {
    read() {
      let data;
      try {
        data = fs.readFileSync(at);
      } catch {
        return undefined;
      }
      return data.length > head.length && data.subarray(0, head.length).equals(head) ? data.subarray(head.length) : undefined;
    },
    write(data) {
      // A temp file renamed into place: a reader sees a whole file or none.
      const tmp = `${at}.${process.pid}.tmp`;
      try {
        fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
        fs.writeFileSync(tmp, Buffer.concat([head, typeof data === 'string' ? Buffer.from(data) : data]), { mode: 0o600 });
        fs.renameSync(tmp, at);
        // Under $XDG_CACHE_HOME, files of other builds are left by upgrades: drop the old ones.
        if (shared) {
          const build = name.slice(0, name.indexOf('-'));
          for (const other of fs.readdirSync(folder)) {
            const p = path.join(folder, other);
            if (!other.startsWith(`${build}-`) && Date.now() - fs.statSync(p).mtimeMs > 30 * 86400e3) fs.unlinkSync(p);
          }
        }
      } catch {
        try {
          fs.unlinkSync(tmp);
        } catch {
          // nothing was written
        }
      }
    },
  };
}

function findCacheFolder(fs, path) {
  // One folder for the files of every bundle (dist/ and dist/vendor/).
  const dist = path.join(__dirname, '..', 'dist');
  try {
    fs.accessSync(dist, fs.constants.W_OK);
    return { folder: path.join(dist, '.code-cache'), shared: false };
  } catch {
    const base = process.env.XDG_CACHE_HOME || path.join(require('node:os').homedir(), '.cache');
    return { folder: path.join(base, 'netlog', 'code-cache'), shared: true };
  }
}
