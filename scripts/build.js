// Builds dist/ with esbuild into CommonJS bundles that bin/netlog.cjs compiles with V8's code
// cache. CommonJS because Node starts it without its ES-module loader (resolving, linking and
// instantiating each module is a large part of a short run).
//
// Two bundles of our code, because reading and compiling code is most of a short run:
// - dist/cli.cjs, the front: src/cli.ts and what it imports statically — commander, the command
//   definitions, the error classes. `--help`, a usage error and the start of every command run
//   only this.
// - dist/back.cjs: everything the actions reach through `await import()` (the store, the core,
//   the reports, the renderers), loaded on a command's first `await import()`. A module of the
//   front that the back uses (the error classes, commander) is not copied: the back takes the
//   front's own, so there is one copy of each class.
// In each, a module runs on first use (esbuild wraps it), so a command runs only what it needs.
// inquirer (as big as the rest together, needed only at a terminal prompt) and ical.js (only for
// a calendar import) are bundles of their own, dist/vendor/NAME.cjs, loaded by require() on first
// use; they contain none of our code.
// Type-checking stays with `tsc --noEmit` in `npm test`; esbuild only strips types.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const analyze = process.argv.includes('--analyze');
const BUILD_PLACEHOLDER = 'netlog-build-id-not-yet-known';
const ROOT = fileURLToPath(new URL('..', import.meta.url));

// commander loads node:child_process when it starts (only to run git-style external subcommands,
// which netlog does not have), a noticeable part of a start. This hands commander a stand-in that
// loads the real module on first use.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};
// Dependencies no command needs on its usual path are bundles of their own, dist/vendor/NAME.cjs,
// loaded on first use (a require, not an import(): the bin runs the bundles as scripts, without
// the ES-module loader), so an everyday run neither reads nor compiles them. Imported from src/,
// each package becomes a stand-in that takes its part of its group's bundle. They contain none of
// our code. A group's packages share one bundle where they share state (TypeBox's compiler reads
// the formats the schema registers).
// - layout: slow to load (wrap-ansi's string-width builds an Intl.Segmenter as it loads), and a
//   piped run never calls them (a piped table is tab-separated lines; a pipe is not wrapped): its
//   stand-ins load it on their first call, not on import.
// - typebox: the schema and its compiled check, only for a file netlog has not checked yet.
// - csv, jsonc: import and export; a journal's syntax error.
// - inquirer (as big as the rest together, needed only at a terminal prompt), ical (a calendar import).
const VENDOR = {
  layout: { packages: ['cli-table3', 'wrap-ansi', 'string-width'], onCall: true },
  typebox: { packages: ['@sinclair/typebox', '@sinclair/typebox/compiler'] },
  csv: { packages: ['csv-parse/sync', 'csv-stringify/sync'] },
  jsonc: { packages: ['jsonc-parser'] },
  'inquirer-prompts': { packages: ['@inquirer/prompts'] },
  'ical-js': { packages: ['ical.js'] },
};
const groupOf = new Map(Object.entries(VENDOR).flatMap(([group, { packages }]) => packages.map((p) => [p, group])));
const escape = (p) => p.replace(/[.\/]/g, (c) => `\\${c}`);
const vendorFile = (group) => `./vendor/${group}.cjs`;
const apart = {
  name: 'apart',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${[...groupOf.keys()].map(escape).join('|')})$`) }, (args) =>
      /[\\/]src[\\/]/.test(args.importer) ? { path: args.path, namespace: 'apart' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'apart' }, (args) => {
      const group = groupOf.get(args.path);
      const part = `require(${JSON.stringify(vendorFile(group))})[${JSON.stringify(args.path)}]`;
      if (!VENDOR[group].onCall) return { contents: `module.exports = ${part};`, loader: 'js' };
      return {
        contents: `let real;
function onCall(...args) {
  real ??= ${part};
  const f = real.default ?? real;
  return new.target ? new f(...args) : f(...args);
}
module.exports = onCall;`,
        loader: 'js',
      };
    });
    b.onResolve({ filter: /^\.\/vendor\//, namespace: 'apart' }, (args) => ({ path: args.path, external: true }));
  },
};

const common = { bundle: true, format: 'cjs', platform: 'node', target: 'node20', legalComments: 'linked', logLevel: 'warning', absWorkingDir: ROOT, minifyWhitespace: true, minifySyntax: true };
const shared = {
  ...common,
  // src/version.ts finds package.json from its own place: in a bundle that is dist/.
  // __NETLOG_BUILD__ (version.ts buildId) is a placeholder here, the bundles' hash below.
  // __NETLOG_VERSION__: package.json's version, which stays its one home.
  define: {
    'import.meta.url': '__filename',
    __NETLOG_BUILD__: JSON.stringify(BUILD_PLACEHOLDER),
    __NETLOG_VERSION__: JSON.stringify(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version),
  },
  // jsonc-parser's "main" is a UMD build whose require() calls esbuild cannot follow; use its ESM build.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
};

const key = (path) => relative(ROOT, path).split('\\').join('/');
// The bundles reach each other through these two words, which the bin's require() answers
// (bin/netlog.cjs): each is a function from a module's key (its path in the repository) to it.
const linking = (b) => b.onResolve({ filter: /^netlog:(front|back)$/ }, (args) => ({ path: args.path, external: true }));

/**
 * For the front: a module reached by `await import()` is left to the back (a stand-in asks the
 * back for it), unless the front has it anyway (`front`, the keys of what it imports statically).
 */
const toBack = (front, asked) => ({
  name: 'to-back',
  setup(b) {
    linking(b);
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.kind !== 'dynamic-import' || args.pluginData === 'to-back' || (args.namespace !== 'file' && args.namespace !== '')) return undefined;
      const r = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'to-back' });
      if (r.errors.length > 0) return { errors: r.errors };
      if (r.external || r.namespace !== 'file' || front.has(key(r.path))) return r;
      asked.add(key(r.path));
      return { path: key(r.path), namespace: 'back' };
    });
    b.onLoad({ filter: /.*/, namespace: 'back' }, (args) => ({ contents: `module.exports = require('netlog:back')(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
});

/**
 * Pure modules of the front that the back calls in its loops (a sort's comparison, a row's
 * escaping): the back has a copy of its own, so a call is a call, not two getters deep through
 * the stand-in. Only modules without classes or shared state may be listed (a class must be one
 * copy, or instanceof fails across the bundles).
 */
const COPIED = new Set(['src/core/names.ts', 'src/ui/sanitize.ts']);

/** For the back: a module the front has (by key) is the front's, through a stand-in (but COPIED). */
const fromFront = (front) => ({
  name: 'from-front',
  setup(b) {
    linking(b);
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === 'from-front' || (args.namespace !== 'file' && args.namespace !== '') || args.kind === 'entry-point') return undefined;
      const r = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'from-front' });
      if (r.errors.length > 0) return { errors: r.errors };
      if (r.external || r.namespace !== 'file' || !front.has(key(r.path)) || COPIED.has(key(r.path))) return r;
      return { path: key(r.path), namespace: 'front' };
    });
    b.onLoad({ filter: /.*/, namespace: 'front' }, (args) => ({ contents: `module.exports = require('netlog:front')(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
});

/** An entry exposing modules by key: `(key) => module`, each run on first use. */
const exposing = (keys) =>
  `const modules = {\n${[...keys].map((k) => `  ${JSON.stringify(k)}: () => require(${JSON.stringify(`./${k}`)}),`).join('\n')}\n};\n` +
  'const module_ = (key) => modules[key]();\n';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const plugins = [lazyChildProcess, apart];
// What the front imports statically: a first build that leaves every `await import()` out.
const probe = await build({ ...shared, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.cjs', write: false, metafile: true, plugins: [...plugins, toBack(new Set(), new Set())] });
const front = new Set(Object.keys(probe.metafile.inputs).filter((k) => !k.includes(':')));
const asked = new Set();
const result = await build({
  ...shared,
  stdin: {
    contents: `export * from './src/cli.ts';\n${exposing(front)}export { module_ as module };\n`,
    resolveDir: ROOT,
    sourcefile: 'front.js',
    loader: 'ts',
  },
  outfile: 'dist/cli.cjs',
  metafile: analyze,
  plugins: [...plugins, toBack(front, asked)],
});
const back = await build({
  ...shared,
  stdin: { contents: `${exposing(asked)}module.exports = module_;\n`, resolveDir: ROOT, sourcefile: 'back.js', loader: 'js' },
  outfile: 'dist/back.cjs',
  metafile: analyze,
  plugins: [fromFront(front), ...plugins],
});
for (const [group, { packages }] of Object.entries(VENDOR)) {
  const contents = `module.exports = {\n${packages.map((p) => `  ${JSON.stringify(p)}: require(${JSON.stringify(p)}),`).join('\n')}\n};\n`;
  await build({ ...common, alias: shared.alias, stdin: { contents, resolveDir: ROOT, sourcefile: `${group}.js` }, outfile: `dist/${vendorFile(group)}` });
}
// The build id: a hash of the bundles, in the front for version.ts's buildId, and the last line of
// each bundle (the bin keys its code cache by it, and by the file's size and times, so a cache
// made for other code is never used).
const files = ['cli.cjs', 'back.cjs', ...Object.keys(VENDOR).map(vendorFile)].map((f) => new URL(`../dist/${f}`, import.meta.url));
const texts = files.map((f) => readFileSync(f, 'utf8'));
const hash = createHash('sha256');
for (const t of texts) hash.update(t);
const id = hash.digest('hex').slice(0, 16);
if (!texts[0].includes(JSON.stringify(BUILD_PLACEHOLDER))) throw new Error('build: the build id placeholder is missing from the bundle');
// Each bundle is written as the function CommonJS wraps a module in, so the bin compiles the
// file's text as it is, without making a copy of it to wrap.
texts.forEach((t, n) =>
  writeFileSync(files[n], `(function (exports, require, module, __filename, __dirname) {${t.replaceAll(JSON.stringify(BUILD_PLACEHOLDER), JSON.stringify(id))}\n})\n//# netlog-build=${id}-${n}\n`),
);
if (analyze) {
  const { analyzeMetafile } = await import('esbuild');
  console.log(await analyzeMetafile(result.metafile));
  console.log(await analyzeMetafile(back.metafile));
}
