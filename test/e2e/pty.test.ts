import { afterEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers/cli.js';
import { KEY, runInPty } from '../helpers/pty.js';
import { journal, meeting, person } from '../helpers/journal.js';

// The real prompts (inquirer) in a real pseudo-terminal: what a person at a keyboard sees.

const TODAY = '2026-11-20';
let s: Sandbox | undefined;
afterEach(() => s?.cleanup());

function twoSams(): Sandbox {
  return sandbox({
    data: journal({
      contacts: [
        person('Sam Lee', { id: 'samlee01', company: 'Lee Design' }),
        person('Sam Ortiz', { id: 'samort01', company: 'Ortiz Print' }),
        person('Dana Park', { id: 'danapk01' }),
      ],
      interactions: [meeting('i0000001', '2026-11-01', ['samlee01', 'danapk01'])],
    }),
  }, TODAY);
}

const env = (sb: Sandbox) => ({ NETLOG_FILE: sb.file, NETLOG_TODAY: TODAY });

describe('prompts in a terminal', () => {
  it('add with an ambiguous first name offers a list and records the one chosen', () => {
    s = twoSams();
    const r = runInPty(['add', 'Sam', '--kind', 'coffee'], {
      env: env(s),
      steps: [
        { expect: 'Which "Sam"?' },
        { expect: 'Sam Lee' },
        { expect: 'Sam Ortiz' },
        { expect: 'Someone new called "Sam"' },
        { send: KEY.down },
        { expect: '❯ Sam Ortiz' },
        { send: KEY.enter },
        { expect: 'Logged coffee with Sam Ortiz today.' },
      ],
    });
    expect(r.timedOut, r.output).toBe(false);
    expect(r.code, r.output).toBe(0);
    const j = s.json();
    expect(j.contacts).toHaveLength(3);
    expect(j.interactions).toHaveLength(2);
    expect(j.interactions[1]).toMatchObject({ date: TODAY, kind: 'coffee', contactIds: ['samort01'] });
  });

  it('add with no names asks for everything and writes what was answered', () => {
    s = twoSams();
    const r = runInPty(['add'], {
      env: env(s),
      steps: [
        { expect: 'Who did you meet?', send: 'Dana Park, Rita Moreno\r' },
        { expect: 'What kind of interaction?', send: KEY.down },
        { expect: '❯ coffee', send: KEY.enter },
        { expect: 'When?', send: 'yesterday\r' },
        { expect: 'What did you give?', send: 'intro:to Sam; advice\r' },
        { expect: 'What did you ask for?', send: 'info:printer prices\r' },
        { expect: 'Note', send: 'talked about the new studio\r' },
        { expect: 'Did you promise anything?', send: 'send the case study\r' },
        { expect: 'By when?', send: 'friday\r' },
        { expect: 'Are they looking for something?', send: 'a printer for the studio\r' },
        { expect: 'Logged coffee with Dana Park and Rita Moreno' },
      ],
    });
    expect(r.timedOut, r.output).toBe(false);
    expect(r.code, r.output).toBe(0);
    const j = s.json();
    const rita = j.contacts.find((c: { name: string }) => c.name === 'Rita Moreno');
    expect(rita).toBeDefined();
    const added = j.interactions[1];
    expect(added).toMatchObject({
      date: '2026-11-19',
      kind: 'coffee',
      contactIds: ['danapk01', rita.id],
      note: 'talked about the new studio',
      gave: [{ type: 'intro', note: 'to Sam' }, { type: 'advice' }],
      asked: [{ type: 'info', note: 'printer prices' }],
      received: [],
    });
    // 2026-11-20 is a Friday: "friday" for a due date means the next one.
    expect(j.promises).toEqual([expect.objectContaining({ contactId: 'danapk01', text: 'send the case study', due: '2026-11-27', doneOn: null, interactionId: added.id })]);
    // the want goes to the first person named, as the promise does
    expect(j.contacts.find((c: { id: string }) => c.id === 'danapk01').wants).toEqual([expect.objectContaining({ text: 'a printer for the studio', since: '2026-11-19', metOn: null })]);
  });

  it('contact show with an ambiguous name is picked from a list', () => {
    s = twoSams();
    const r = runInPty(['contact', 'show', 'sam'], {
      env: env(s),
      // The highlighted choice shows its company below the list.
      steps: [{ expect: 'Which "sam"?' }, { expect: 'Sam Ortiz' }, { expect: 'Lee Design' }, { send: KEY.enter }, { expect: 'Sam Lee' }, { expect: '1/6 meetings' }],
    });
    expect(r.timedOut, r.output).toBe(false);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain('Lee Design');
  });

  it('a likely typo of a name offers the people it looks like', () => {
    s = twoSams();
    const r = runInPty(['history', '--contact', 'Sam Ortis', '--json'], {
      env: env(s),
      steps: [{ expect: 'No one is called "Sam Ortis". Did you mean:' }, { expect: 'None of these' }, { send: KEY.enter }, { expect: '"total": 0' }],
    });
    expect(r.timedOut, r.output).toBe(false);
    expect(r.code, r.output).toBe(0);

    const none = runInPty(['contact', 'show', 'Sam Ortis'], {
      env: env(s),
      steps: [{ expect: 'Did you mean:' }, { expect: 'None of these', send: KEY.down }, { expect: '❯ None of these', send: KEY.enter }, { expect: 'no contact named "Sam Ortis"' }],
    });
    expect(none.timedOut, none.output).toBe(false);
    expect(none.code, none.output).toBe(2);
  });

  it('contact rm asks first: no keeps the journal as it was (exit 130), yes removes', () => {
    s = twoSams();
    const before = s.text();
    const no = runInPty(['contact', 'rm', 'Sam Lee'], {
      env: env(s),
      steps: [{ expect: 'Remove Sam Lee for good?' }, { expect: '(y/N)', send: 'n' }, { send: KEY.enter }],
    });
    expect(no.timedOut, no.output).toBe(false);
    expect(no.code, no.output).toBe(130);
    expect(no.output).toContain('netlog: nothing removed');
    expect(s.text()).toBe(before);

    const yes = runInPty(['contact', 'rm', 'Sam Lee'], {
      env: env(s),
      steps: [{ expect: 'Remove Sam Lee for good?' }, { expect: 'group interaction' }, { expect: '(y/N)', send: 'y' }, { send: KEY.enter }, { expect: 'Removed Sam Lee' }],
    });
    expect(yes.timedOut, yes.output).toBe(false);
    expect(yes.code, yes.output).toBe(0);
    const j = s.json();
    expect(j.contacts.map((c: { id: string }) => c.id)).toEqual(['samort01', 'danapk01']);
    expect(j.interactions[0].contactIds).toEqual(['danapk01']);
  });

  it('contact add with a likely duplicate asks before adding', () => {
    s = twoSams();
    const r = runInPty(['contact', 'add', 'Sam', '--company', 'Sam & Co'], {
      env: env(s),
      steps: [{ expect: '"Sam" looks like "Sam Lee" or "Sam Ortiz". Add a separate contact anyway?' }, { expect: '(y/N)', send: 'y' }, { send: KEY.enter }, { expect: 'Added Sam (Sam & Co).' }],
    });
    expect(r.timedOut, r.output).toBe(false);
    expect(r.code, r.output).toBe(0);
    expect(s.json().contacts.at(-1)).toMatchObject({ name: 'Sam', company: 'Sam & Co' });
  });

  it('Ctrl-C at a prompt exits 130 and writes nothing', () => {
    s = twoSams();
    const before = s.text();
    const r = runInPty(['add', 'Sam'], { env: env(s), steps: [{ expect: 'Which "Sam"?' }, { send: KEY.ctrlC }] });
    expect(r.timedOut, r.output).toBe(false);
    expect(r.code, r.output).toBe(130);
    expect(s.text()).toBe(before);
  });
});
