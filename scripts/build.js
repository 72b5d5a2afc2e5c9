// Builds dist/ with esbuild: src/cli.ts and everything it imports (dependencies included) bundled
// as ESM. Start-up is dominated by module loading, so one small entry file plus lazily loaded
// chunks (each command, the store, inquirer) beats hundreds of separate files.
// Type-checking stays with `tsc --noEmit` in `npm test`; esbuild only strips types.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const analyze = process.argv.includes('--analyze');

// commander loads node:child_process when it starts (only to run git-style external subcommands,
// which netlog does not have); that load alone is ~5 ms of a ~50 ms start. This hands commander a
// stand-in that loads the real module on first use.
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
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
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
  plugins: [lazyChildProcess],
  // src/version.ts: `--version` answers without reading package.json.
  define: { __NETLOG_VERSION__: JSON.stringify(pkg.version) },
});
if (analyze) {
  const { analyzeMetafile } = await import('esbuild');
  console.log(await analyzeMetafile(result.metafile));
}
