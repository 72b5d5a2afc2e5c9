import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandboxes, type Sandbox } from '../helpers/cli.js';
import { contact, journal, meeting } from '../helpers/journal.js';

// `netlog merge BASE OURS THEIRS [-o OUT]`, as git calls a merge driver.

const make = sandboxes();
const T1 = '2026-11-01T12:00:00.000Z';
const T2 = '2026-11-02T12:00:00.000Z';

const base = journal({ contacts: [contact('dana', 'Dana Lee', { company: 'Acme' })], interactions: [meeting('i1', '2026-10-01', ['dana'])] });
const ours = { ...base, contacts: [{ ...base.contacts[0]!, company: 'Globex', updatedAt: T2 }], interactions: [...base.interactions, meeting('o1', '2026-11-01', ['dana'])] };
const theirs = {
  ...base,
  contacts: [{ ...base.contacts[0]!, company: 'Initech', tags: ['client'], updatedAt: T1 }, contact('sam', 'Sam Ortiz', { createdAt: T1 })],
  interactions: [...base.interactions, meeting('t1', '2026-11-02', ['sam'])],
};

function files(s: Sandbox, b: unknown = base, o: unknown = ours, t: unknown = theirs) {
  const path = (n: string) => join(s.dir, n);
  for (const [n, v] of [['base.json', b], ['ours.json', o], ['theirs.json', t]] as const) writeFileSync(path(n), typeof v === 'string' ? v : `${JSON.stringify(v, null, 2)}\n`);
  return { b: path('base.json'), o: path('ours.json'), t: path('theirs.json'), read: (n: string) => readFileSync(path(n), 'utf8') };
}

describe('netlog merge', () => {
  it('writes the merge over OURS, says what it settled on stderr, and the result reads back', async () => {
    const s = make();
    const f = files(s);
    const r = await s.run(['merge', f.b, f.o, f.t]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const m = JSON.parse(f.read('ours.json'));
    expect(m.contacts.map((c: { name: string }) => c.name)).toEqual(['Dana Lee', 'Sam Ortiz']);
    expect(m.contacts[0]).toMatchObject({ company: 'Globex', tags: ['client'] });
    expect(m.interactions.map((i: { id: string }) => i.id)).toEqual(['i1', 'o1', 't1']);
    expect(f.read('ours.json')).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m);
    expect(r.stderr).toMatch(/from ours: 1 interaction added; 1 contact changed/);
    expect(r.stderr).toMatch(/from theirs: 1 interaction, 1 contact added; 1 contact changed/);
    expect(r.stderr).toMatch(/Dana Lee: company changed on both sides: kept "Globex".*dropped "Initech"/);
    expect(f.read('theirs.json')).toBe(`${JSON.stringify(theirs, null, 2)}\n`);
    const check = await s.run(['--file', f.o, 'check']);
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });

  it('--out leaves OURS alone; --json reports on stdout', async () => {
    const s = make();
    const f = files(s);
    const before = f.read('ours.json');
    const r = await s.run(['merge', f.b, f.o, f.t, '-o', join(s.dir, 'out.json'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(f.read('ours.json')).toBe(before);
    const out = JSON.parse(r.stdout);
    expect(out.written).toBe(join(s.dir, 'out.json'));
    expect(out.theirs.contacts).toEqual({ added: 1, changed: 1, deleted: 0 });
    expect(out.settled).toEqual([expect.objectContaining({ collection: 'contacts', id: 'dana', field: 'company', kept: 'Globex', other: 'Initech', from: 'ours' })]);
    expect(JSON.parse(f.read('out.json')).contacts).toHaveLength(2);
  });

  it('an empty BASE (git, when both sides added the file) is a two-way merge', async () => {
    const s = make();
    const f = files(s, '');
    const r = await s.run(['merge', f.b, f.o, f.t]);
    expect(r.code, r.stderr).toBe(0);
    const m = JSON.parse(f.read('ours.json'));
    expect(m.contacts.map((c: { id: string }) => c.id)).toEqual(['dana', 'sam']);
    expect(m.interactions).toHaveLength(3);
  });

  it.each([
    ['theirs is not JSON', base, ours, '{"version": 1, "contacts": [', /theirs\.json:1:\d+: not valid JSON/],
    ['ours breaks the schema', base, { ...ours, interactions: [{ id: 'x' }] }, theirs, /ours\.json: interactions\[0\]/],
    ['ours is empty', base, '', theirs, /ours\.json: the file is empty/],
    ['the base is newer than netlog', { ...base, version: 9 }, ours, theirs, /base\.json.*version 9 is newer/],
  ])('refuses when %s: exit 1, no file changed', async (_, b, o, t, message) => {
    const s = make();
    const f = files(s, b, o, t);
    const before = ['base.json', 'ours.json', 'theirs.json'].map(f.read);
    const r = await s.run(['merge', f.b, f.o, f.t]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^netlog: /);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(['base.json', 'ours.json', 'theirs.json'].map(f.read)).toEqual(before);
  });

  it('a missing argument is a usage error', async () => {
    const s = make();
    const r = await s.run(['merge', 'a.json', 'b.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^netlog: .*theirs/);
  });
});
