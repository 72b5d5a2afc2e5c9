// Builds dist/ with esbuild: src/cli.ts and everything it imports (dependencies included) bundled
// into one CommonJS file, dist/cli.cjs, that bin/netlog.cjs compiles with V8's code cache.
// CommonJS because Node starts it without its ES-module loader (resolving, linking and
// instantiating each module is a large part of a short run); one file because the code cache
// is per script. Modules reached only through `await import()` stay lazy: esbuild wraps them
// and runs them on first use, so `--help` still runs only commander and the command wiring.
// inquirer (as big as the rest together, needed only at a terminal prompt) and ical.js (only for
// a calendar import) are bundles of their own, dist/vendor/NAME.cjs, loaded by require() on first
// use; they contain none of our code, so our error classes stay one copy.
// Type-checking stays with `tsc --noEmit` in `npm test`; esbuild only strips types.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const analyze = process.argv.includes('--analyze');
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
// cli-table3, wrap-ansi and string-width are slow to load (wrap-ansi's string-width builds an
// Intl.Segmenter as it loads), and piped runs never call them: a piped table is tab-separated
// lines, and a pipe is not wrapped. Imported from src/, each becomes a stand-in that loads the
// real (bundled) module on first call.
const LAZY = ['cli-table3', 'wrap-ansi', 'string-width'];
const lazyDependencies = {
  name: 'lazy-dependencies',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${LAZY.join('|')})$`) }, (args) =>
      /[\\/]src[\\/]/.test(args.importer) ? { path: args.path, namespace: 'lazy-dependency' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-dependency' }, (args) => ({
      contents: `let real;
function lazy(...args) {
  real ??= require(${JSON.stringify(args.path)});
  const f = real.default ?? real;
  return new.target ? new f(...args) : f(...args);
}
module.exports = lazy;`,
      loader: 'js',
      resolveDir: ROOT,
    }));
  },
};
// Imported from src/, each of these becomes a stand-in that require()s its own bundle (a
// require, not an import(): the bin runs the bundle as a script, without the ES-module loader).
const APART = ['@inquirer/prompts', 'ical.js'];
const bundleName = (pkg) => `vendor/${pkg.replace(/^@/, '').replace(/[/.]/g, '-')}.cjs`;
const apart = {
  name: 'apart',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${APART.map((p) => p.replace(/[.]/g, '\\.')).join('|')})$`) }, (args) =>
      /[\\/]src[\\/]/.test(args.importer) ? { path: args.path, namespace: 'apart' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'apart' }, (args) => ({ contents: `module.exports = require('./${bundleName(args.path)}');`, loader: 'js' }));
    b.onResolve({ filter: /^\.\/vendor\//, namespace: 'apart' }, (args) => ({ path: args.path, external: true }));
  },
};

const common = { bundle: true, format: 'cjs', platform: 'node', target: 'node20', legalComments: 'linked', logLevel: 'warning', absWorkingDir: ROOT, minifyWhitespace: true, minifySyntax: true };
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const result = await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.cjs',
  // src/version.ts finds package.json from its own place: in the bundle that is dist/cli.cjs.
  define: { 'import.meta.url': '__filename' },
  metafile: analyze,
  // jsonc-parser's "main" is a UMD build whose require() calls esbuild cannot follow; use its ESM build.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  plugins: [lazyChildProcess, lazyDependencies, apart],
});
for (const pkg of APART) {
  await build({ ...common, stdin: { contents: `module.exports = require(${JSON.stringify(pkg)});`, resolveDir: ROOT, sourcefile: bundleName(pkg) }, outfile: `dist/${bundleName(pkg)}` });
}
// The bin keys its code cache by this hash of the bundle (and by the file's size and times), so a
// cache made for other code is never used. It is the bundle's last line.
const bundle = new URL('../dist/cli.cjs', import.meta.url);
const id = createHash('sha256').update(readFileSync(bundle)).digest('hex').slice(0, 16);
appendFileSync(bundle, `//# netlog-build=${id}\n`);
if (analyze) {
  const { analyzeMetafile } = await import('esbuild');
  console.log(await analyzeMetafile(result.metafile));
}
