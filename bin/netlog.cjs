#!/usr/bin/env node
'use strict';
// CommonJS on purpose: Node starts a CommonJS file without setting up its ES-module loader. So
// `netlog --version` answers from here, and everything else runs the bundled CLI (dist/cli.cjs
// and, for a command's action, dist/back.cjs) compiled with V8's code cache.
const argv = process.argv.slice(2);

// The commands people run every day get a cache each (what a run compiles depends on the
// command); every other run shares one. Only a performance hint: a word not listed still works.
const OWN_CACHE = new Set(['due', 'report', 'contacts', 'history', 'add', 'promises', 'contact', 'events']);

if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  let main;
  try {
    main = load();
  } catch (e) {
    process.stderr.write(`netlog: cannot load the CLI (${e.message})\nhint: run 'npm install' (it builds dist/) in ${require('node:path').dirname(__dirname)}\n`);
    process.exitCode = 1;
  }
  if (main) main(argv).then((code) => void (process.exitCode = code));
}

/**
 * Compiles the front bundle, dist/cli.cjs, and returns its main; the back bundle, dist/back.cjs,
 * is compiled when the front first asks for one of its modules, a vendor bundle on first use
 * (scripts/build.js). Compiling is
 * a good part of a short run, and Node 20 keeps no compiled code between runs (22's
 * module.enableCompileCache does), so each bundle is compiled with V8's code cache.
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
    if (word === 'netlog:back') return (key) => (back ??= compile(path.join(dist, 'back.cjs'), linked))(key);
    if (!word.startsWith('./vendor/')) return undefined;
    if (!vendors.has(word)) vendors.set(word, compile(path.join(dist, word), linked));
    return vendors.get(word);
  };
  front = compile(path.join(dist, 'cli.cjs'), linked);
  return front.main;
}

/**
 * Runs a CommonJS bundle as Node would, compiled with V8's code cache, and returns its exports;
 * `linked(word)` answers the bundles' require() of each other. The cache is derived data (STYLE
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
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const vm = require('node:vm');
  const off = process.env.NETLOG_CODE_CACHE === '0';
  const cache = off ? undefined : codeCache(fs, path, file, source, st);
  const cached = cache?.read();
  const script = new vm.Script(wrapped, { filename: file, ...(cached ? { cachedData: cached.code } : {}) });
  if (cache && (!cached?.own || script.cachedDataRejected)) {
    // Made at exit, so it holds the functions this run compiled, not only the top level; only
    // by a run that worked, so `due --bogus` does not make the cache every `due` then uses.
    process.once('exit', (code) => void (code === 0 && cache.write(script.createCachedData())));
  }
  const mod = { exports: {} };
  const plain = require('node:module').createRequire(file);
  const req = (word) => linked(word) ?? plain(word);
  script.runInThisContext()(mod.exports, req, mod, file, path.dirname(file));
  return mod.exports;
}

function codeCache(fs, path, file, source, st) {
  const id = /\/\/# netlog-build=([\w-]+)\n$/.exec(source.slice(-64))?.[1];
  if (id === undefined) return undefined;
  const word = argv.find((a) => !a.startsWith('-'));
  const own = OWN_CACHE.has(word) ? word : 'main';
  // One folder for the caches of every bundle (dist/ and dist/vendor/).
  const dir = path.join(__dirname, '..', 'dist');
  let folder;
  let shared = false;
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    folder = path.join(dir, '.code-cache');
  } catch {
    const base = process.env.XDG_CACHE_HOME || path.join(require('node:os').homedir(), '.cache');
    folder = path.join(base, 'netlog', 'code-cache');
    shared = true;
  }
  const at = path.join(folder, `${id}-${own}.v8`);
  // Any cache of this bundle fits it; until a command has its own, it starts from the shared one.
  const fallback = own === 'main' ? undefined : path.join(folder, `${id}-main.v8`);
  // Everything the cached code was made from, as the first line of the cache file.
  const key = Buffer.from(`netlog code cache 1 ${id} ${st.dev} ${st.ino} ${st.size} ${st.mtimeNs} ${st.ctimeNs} ${process.version} ${process.platform} ${process.arch}\n`);
  return {
    /** The cached code, and whether it is this command's own. */
    read() {
      for (const file of fallback ? [at, fallback] : [at]) {
        let data;
        try {
          data = fs.readFileSync(file);
        } catch {
          continue;
        }
        if (data.length > key.length && data.subarray(0, key.length).equals(key)) return { code: data.subarray(key.length), own: file === at };
      }
      return undefined;
    },
    write(code) {
      // A temp file renamed into place: a reader sees a whole cache or none. Any failure
      // (read-only, full disk) only means the next run compiles again.
      const tmp = `${at}.${process.pid}.tmp`;
      try {
        fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
        fs.writeFileSync(tmp, Buffer.concat([key, code]), { mode: 0o600 });
        fs.renameSync(tmp, at);
        // Under $XDG_CACHE_HOME, caches of other builds are left by upgrades: drop the old ones.
        if (shared) {
          for (const other of fs.readdirSync(folder)) {
            const p = path.join(folder, other);
            if (!other.startsWith(`${id}-`) && Date.now() - fs.statSync(p).mtimeMs > 30 * 86400e3) fs.unlinkSync(p);
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
