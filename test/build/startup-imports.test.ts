import { afterAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, SAMPLE, baseEnv } from '../helpers/cli.js';

// `--help` and usage errors must run only commander and the wiring, never the store, TypeBox,
// chalk, inquirer or a command's module. dist/cli.cjs is one file, but esbuild runs a module
// reached only through `await import()` when it is first imported, so what runs at start is
// what src/cli.ts reaches by static imports: this builds the sources split into chunks and
// follows those. A static import added in src/cli.ts or a command file (src/commands/*.ts,
// loaded to define every command) would quietly slow every run. (`--version` alone is answered
// by bin/netlog.cjs before any of this loads.)

describe('the bundle netlog starts from', () => {
  it('statically loads only commander and the command wiring', async () => {
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: ['src/cli.ts'],
      outdir: 'dist-check',
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const outputs = result.metafile.outputs;
    const loaded = new Set<string>();
    const visit = (out: string) => {
      if (loaded.has(out)) return;
      loaded.add(out);
      for (const imp of outputs[out]!.imports) if (imp.kind === 'import-statement' && !imp.external) visit(imp.path);
    };
    visit('dist-check/cli.js');
    const inputs = [...loaded].flatMap((o) => Object.keys(outputs[o]!.inputs));
    const ours = inputs.filter((i) => i.startsWith('src/')).sort();
    expect(ours).toContain('src/cli.ts');
    // The wiring (src/cli.ts, the process streams, the command definitions in src/commands/), the error classes, and two
    // small pure helpers the error path needs (escaping text, suggesting a subcommand); nothing
    // else of ours. The helpers the actions share load with the actions.
    expect(ours.filter((f) => !/^src\/cli\.ts$|^src\/process-io\.ts$|^src\/commands\/[\w-]+\.ts$|^src\/errors\.ts$|^src\/ui\/sanitize\.ts$|^src\/core\/names\.ts$|^src\/version\.ts$/.test(f))).toEqual([]);
    expect(ours).toContain('src/commands/due.ts');
    for (const helper of ['options', 'resolve', 'add-input', 'contact-options', 'tag-option', 'describe']) expect(ours).not.toContain(`src/commands/${helper}.ts`);
    const packages = new Set(inputs.filter((i) => i.startsWith('node_modules/')).map((i) => i.split('/')[1]));
    expect([...packages].sort()).toEqual(['@commander-js', 'commander']);
  });
});

describe('what a read loads of Node itself', () => {
  it('due, report and contacts load neither node:crypto nor child_process (only writes need them)', () => {
    // Node's own list of the built-in modules it has loaded, printed as the process exits.
    const hook = "process.on('exit', () => require('node:fs').writeSync(2, '\\nMODULES ' + process.moduleLoadList.join(',') + '\\n'))";
    for (const args of [['due'], ['report'], ['contacts'], ['history', '--limit', '3']]) {
      const r = spawnSync(process.execPath, ['-e', `${hook}; process.argv.splice(1, 0, ${JSON.stringify(BIN)}); require(${JSON.stringify(BIN)})`, ...args], {
        env: baseEnv({ NETLOG_FILE: SAMPLE }),
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
      const loaded = /MODULES (.*)/.exec(r.stderr)![1]!.split(',');
      expect(loaded.filter((m) => /^NativeModule (crypto|child_process|internal\/crypto\/)/.test(m))).toEqual([]);
    }
  });
});

describe('what a run compiles and loads', () => {
  // bin/netlog.cjs compiles each bundle of dist/ with vm.Script: this records which, and Node's
  // own list of the built-in modules loaded, as the process exits.
  const hook =
    "const vm = require('node:vm'); const Real = vm.Script; const seen = [];" +
    `vm.Script = class extends Real { constructor(code, o) { super(code, o); seen.push(require('node:path').relative(${JSON.stringify(join(ROOT, 'dist'))}, o.filename)); } };` +
    "process.on('exit', () => require('node:fs').writeSync(2, '\\nCOMPILED ' + seen.join(',') + '\\nMODULES ' + process.moduleLoadList.join(',') + '\\n'))";
  const dir = mkdtempSync(join(tmpdir(), 'netlog-startup-'));
  const file = join(dir, 'journal.json');
  copyFileSync(SAMPLE, file);
  // As a journal is in daily use: not changed in the last seconds (store/trust.ts's racy case).
  utimesSync(file, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function run(args: string[], code = 0) {
    // After `--`, the arguments are netlog's, not Node's (`node -e … --help` is Node's help).
    const r = spawnSync(process.execPath, ['-e', `${hook}; process.argv.splice(1, 0, ${JSON.stringify(BIN)}); require(${JSON.stringify(BIN)})`, '--', ...args], {
      env: baseEnv({ NETLOG_FILE: file }),
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(code);
    return { compiled: /COMPILED (.*)/.exec(r.stderr)![1]!.split(',').filter(Boolean), modules: /MODULES (.*)/.exec(r.stderr)![1]!.split(',') };
  }

  it('the first read checks the journal with the schema library; later reads compile only our two bundles', () => {
    expect(run(['due']).compiled).toContain('vendor/typebox.cjs');
    for (const args of [['due'], ['report'], ['contacts'], ['history', '--limit', '3']]) {
      const r = run(args);
      expect(r.compiled).toEqual(['cli.cjs', 'back.cjs']);
      // Written to a pipe straight from its file descriptor: no stream module, no fs/promises.
      expect(r.modules.filter((m) => /^NativeModule (stream|net|tty|readline|fs\/promises|internal\/streams\/(readable|writable|duplex))$/.test(m))).toEqual([]);
    }
  });

  it('--help and a usage error compile only the front', () => {
    expect(run(['--help']).compiled).toEqual(['cli.cjs']);
    expect(run(['due', '--bogus'], 2).compiled).toEqual(['cli.cjs']);
    expect(run(['bogus'], 2).compiled).toEqual(['cli.cjs']);
  });
});
