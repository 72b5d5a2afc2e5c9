import { describe, expect, it } from 'vitest';
import { SAMPLE, sandboxes } from '../helpers/cli.js';
import { visibleWidth } from '../../src/ui/table.js';

// The in-process runner (test/helpers/cli.ts) stands in for a process: what a command takes
// from the outside comes through its Io, and a run leaves this process as it found it.

const box = sandboxes();
const widest = (text: string) => Math.max(0, ...text.split('\n').map(visibleWidth));

describe('the in-process runner', () => {
  it('leaves the process environment, exit code and folder as they were', async () => {
    const env = { ...process.env };
    const cwd = process.cwd();
    const s = box({ fixture: SAMPLE });
    expect((await s.run(['add', 'Miriam Okafor', '-q'], { env: { NETLOG_LOCK_TIMEOUT: '100', COLUMNS: '50' } })).code).toBe(0);
    expect((await s.run(['due', '--bogus'])).code).toBe(2);
    expect(process.env).toEqual(env);
    expect(process.exitCode).toBeUndefined();
    expect(process.cwd()).toBe(cwd);
  });

  it('undo names a change that has no description by its command line, from the run\'s own arguments', async () => {
    const s = box({ fixture: SAMPLE });
    expect((await s.run(['settings', '--follow-up-days', '3', '-q'])).code).toBe(0);
    expect((await s.run(['snooze', 'Miriam', 'in 2w', '-q'])).code).toBe(0);
    const list = JSON.parse((await s.run(['undo', '--list', '--json'])).stdout).changes.map((c: { change: string }) => c.change);
    expect(list).toEqual(['netlog snooze Miriam "in 2w" -q', 'netlog settings --follow-up-days 3 -q']);
  });

  it('tty: stdout is a terminal of `columns` width; without tty, columns is COLUMNS', async () => {
    const s = box({ fixture: SAMPLE });
    for (const columns of [50, 70]) {
      const onTerminal = await s.run(['due'], { tty: true, columns });
      expect(onTerminal.code).toBe(0);
      expect(widest(onTerminal.stdout)).toBeLessThanOrEqual(columns);
      expect(onTerminal.stdout).toMatch(/Priya/);
      const piped = await s.run(['due'], { columns });
      expect(piped.stdout).toBe((await s.run(['due'], { env: { COLUMNS: String(columns) } })).stdout);
    }
    // Help wraps its options to the terminal too (commander asks the Io, not process.stdout); piped, to 80.
    const help = async (opts: { tty?: boolean; columns?: number }) => (await s.run(['add', '--help'], opts)).stdout;
    expect(await help({ tty: true, columns: 50 })).not.toBe(await help({ tty: true, columns: 200 }));
    expect(await help({})).toBe(await help({ tty: true, columns: 80 }));
    // A terminal's width wins over COLUMNS.
    expect((await s.run(['due'], { tty: true, columns: 50, env: { COLUMNS: '200' } })).stdout).toBe((await s.run(['due'], { tty: true, columns: 50 })).stdout);
  });

  it('tty: colour when the terminal allows it, none under NO_COLOR; still no prompts, stdin is not a terminal', async () => {
    const s = box({ fixture: SAMPLE });
    expect((await s.run(['due'], { tty: true })).stdout).not.toContain('\u001b[');
    expect((await s.run(['due'], { tty: true, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } })).stdout).toContain('\u001b[');
    const add = await s.run(['add'], { tty: true });
    expect(add.code).toBe(2);
    expect(add.stderr).toMatch(/^netlog: whom did you meet\? name at least one person/);
  });
});
