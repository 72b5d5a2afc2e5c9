import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBin, runNetlog } from '../helpers/cli.js';
import { version } from '../../src/version.js';

// One home for the version: package.json. The bin answers `--version` alone; the CLI answers it
// among other flags; both say what package.json says.

describe('the version', () => {
  const want = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

  it.each([[['--version']], [['-V']], [['--version', '--json']], [['--json', '-V']]])('%j prints package.json version, from the bin and in process', async (args) => {
    expect(runBin(args)).toMatchObject({ code: 0, stdout: `${want}\n`, stderr: '' });
    expect(await runNetlog(args)).toMatchObject({ code: 0, stdout: `${want}\n`, stderr: '' });
  });

  it('is the same when run from the sources', () => {
    expect(version()).toBe(want);
  });
});
