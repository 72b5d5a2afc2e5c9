// Builds dist/ with esbuild: src/cli.ts and everything it imports (dependencies included) bundled
// as ESM. Start-up is dominated by module loading, so one small entry file plus lazily loaded
// chunks (each command, the store, inquirer) beats hundreds of separate files.
// Type-checking stays with `tsc --noEmit` in `npm test`; esbuild only strips types.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const analyze = process.argv.includes('--analyze');

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
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
    }));
  },
};
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const result = await build({
  entryPoints: ['src/cli.ts'],
  outdir: 'dist',
  bundle: true,
  // Chunks keep `import('./commands/x.js')` lazy: --version loads only the entry file.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  // Bundled CommonJS dependencies (commander, cli-table3) call require() for Node built-ins.
  banner: { js: "import { createRequire as __netlogCreateRequire } from 'node:module'; const require = __netlogCreateRequire(import.meta.url);" },
  legalComments: 'linked',
  logLevel: 'warning',
  metafile: analyze,
  // jsonc-parser's "main" is a UMD build whose require() calls esbuild cannot follow; use its ESM build.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  plugins: [lazyChildProcess, lazyDependencies],
});
if (analyze) {
  const { analyzeMetafile } = await import('esbuild');
  console.log(await analyzeMetafile(result.metafile));
}
