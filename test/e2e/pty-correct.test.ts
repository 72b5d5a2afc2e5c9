import { afterEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers/cli.js';
import { KEY, runInPty } from '../helpers/pty.js';
import { contact, event, journal, meeting, promiseWithId } from '../helpers/journal.js';

// rm and the offer to close what you owe, with the real prompts in a pseudo-terminal.

const TODAY = '2026-11-20';
let s: Sandbox | undefined;
afterEach(() => s?.cleanup());

function owed(): Sandbox {
  return sandbox(
    {
      data: journal({
        contacts: [contact('dana0001', 'Dana Lee'), contact('sam00001', 'Sam Ortiz')],
        interactions: [meeting('int00001', '2026-11-10', ['dana0001']), meeting('int00002', '2026-11-12', ['sam00001'])],
        promises: [
          { ...promiseWithId('pr000001', 'dana0001', '2026-11-14', null, 'send the case study'), interactionId: 'int00001' },
          promiseWithId('pr000002', 'dana0001', '2026-11-30', null, 'intro to Priya'),
          { ...promiseWithId('pr000003', 'dana0001', '2026-11-30', null, 'their CFO intro'), owner: 'them' },
        ],
      }),
    },
    TODAY,
  );
}

const env = (sb: Sandbox) => ({ NETLOG_FILE: sb.file, NETLOG_TODAY: TODAY });

describe('correcting in a terminal', () => {
  it('rm asks first: no writes nothing (exit 130), yes deletes it and its promise', () => {
    s = owed();
    const before = s.text();
    const no = runInPty(['rm', 'int00001'], {
      env: env(s),
      steps: [{ expect: 'Delete the meeting with Dana Lee on 2026-11-10' }, { expect: 'and 1 promise made in it?' }, { expect: '(y/N)', send: 'n' }, { send: KEY.enter }],
    });
    expect(no.timedOut, no.output).toBe(false);
    expect(no.code, no.output).toBe(130);
    expect(no.output).toContain('netlog: nothing deleted');
    expect(s.text()).toBe(before);

    const yes = runInPty(['rm', 'int00001'], {
      env: env(s),
      steps: [{ expect: '(y/N)', send: 'y' }, { send: KEY.enter }, { expect: 'Deleted the meeting with Dana Lee' }],
    });
    expect(yes.timedOut, yes.output).toBe(false);
    expect(yes.code, yes.output).toBe(0);
    const j = s.json();
    expect(j.interactions.map((i: { id: string }) => i.id)).toEqual(['int00002']);
    expect(j.promises.map((p: { id: string }) => p.id)).toEqual(['pr000002', 'pr000003']);
  });

  it('logging a meeting with someone you owe offers to close each open promise (yours only)', () => {
    s = owed();
    const r = runInPty(['add', 'Dana Lee', '--kind', 'call'], {
      env: env(s),
      steps: [
        { expect: 'You promised Dana Lee "send the case study"' },
        { expect: 'Kept it? (y/N)', send: 'y' },
        { send: KEY.enter },
        { expect: 'You promised Dana Lee "intro to Priya"' },
        { expect: 'Kept it? (y/N)', send: 'n' },
        { send: KEY.enter },
        { expect: 'Kept: "send the case study" to Dana Lee' },
      ],
    });
    expect(r.timedOut, r.output).toBe(false);
    expect(r.code, r.output).toBe(0);
    expect(r.output).not.toContain('their CFO intro');
    const ps = s.json().promises;
    expect(ps.map((p: { id: string; doneOn: string | null }) => [p.id, p.doneOn])).toEqual([
      ['pr000001', TODAY],
      ['pr000002', null],
      ['pr000003', null],
    ]);
  });

  it('an event name that looks like one logged before is asked about: the series, or a new event', () => {
    const demo = () =>
      sandbox({ data: journal({ contacts: [contact('dana0001', 'Dana Lee')], events: [event('ev000001', 'Demo Night', '2026-11-05')] }) }, TODAY);
    s = demo();
    const same = runInPty(['add', 'Dana Lee', '--event', 'demo nite'], {
      env: env(s),
      steps: [{ expect: '"demo nite" is a new event. Did you mean one you have been to?' }, { expect: 'Demo Night', send: KEY.enter }, { expect: 'at Demo Night' }],
    });
    expect(same.timedOut, same.output).toBe(false);
    expect(same.code, same.output).toBe(0);
    expect(s.json().events.map((e: { name: string }) => e.name)).toEqual(['Demo Night', 'Demo Night']);
    s.cleanup();

    s = demo();
    const fresh = runInPty(['add', 'Dana Lee', '--event', 'demo nite'], {
      env: env(s),
      steps: [{ expect: 'is a new event' }, { expect: 'No: "demo nite" is a new event', send: KEY.down }, { send: KEY.enter }, { expect: 'at demo nite' }],
    });
    expect(fresh.timedOut, fresh.output).toBe(false);
    expect(fresh.code, fresh.output).toBe(0);
    expect(s.json().events.map((e: { name: string }) => e.name)).toEqual(['Demo Night', 'demo nite']);
  });
});
