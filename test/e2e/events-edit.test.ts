import { describe, expect, it } from 'vitest';
import { expectRefused, sandboxes, type Sandbox } from '../helpers/cli.js';
import { contact, event, journal, meeting } from '../helpers/journal.js';

// event edit / event merge through the CLI.

const make = sandboxes();
const small = (): Sandbox =>
  make({
    data: journal({
      contacts: [contact('dana0001', 'Dana Lee')],
      interactions: [meeting('int00001', '2026-11-05', ['dana0001'], { eventId: 'ev000001' }), meeting('int00002', '2026-11-12', ['dana0001'], { eventId: 'ev000002' })],
      events: [event('ev000001', 'Chamber Breakfast', '2026-11-05'), event('ev000002', 'Chamber brekfast', '2026-11-12')],
    }),
  });

describe('netlog event edit / merge', () => {
  it('renames (any capitals or spacing find the series), sets a location, prints old → new', async () => {
    const s = small();
    const r = await s.run(['event', 'edit', 'chamber  breakfast', '--rename', 'Chamber Breakfast Club', '--location', 'Town Hall']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('name: Chamber Breakfast → Chamber Breakfast Club');
    expect(r.stdout).toContain('location: (none) → Town Hall');
    expect(s.json().events[0]).toMatchObject({ name: 'Chamber Breakfast Club', location: 'Town Hall', updatedAt: '2026-11-20T12:00:00.000Z' });
    const j = JSON.parse((await s.run(['event', 'edit', 'Chamber Breakfast Club', '--date', '2026-11-06', '--json'])).stdout);
    expect(j.events[0].date).toBe('2026-11-06');
    expect((await s.run(['check'])).stdout).toContain('No problems');
  });

  it('merge: the misspelt series joins the kept one', async () => {
    const s = small();
    const r = await s.run(['event', 'merge', 'Chamber Breakfast', 'Chamber brekfast']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('Merged Chamber brekfast into Chamber Breakfast: 1 occurrence joined the series.\n');
    expect(s.json().events.map((e: { name: string }) => e.name)).toEqual(['Chamber Breakfast', 'Chamber Breakfast']);
    const ev = JSON.parse((await s.run(['events', '--json'])).stdout).events;
    expect(ev.map((e: { occurrence: number; occurrences: number }) => [e.occurrence, e.occurrences])).toEqual([[2, 2], [1, 2]]);
    expect((await s.run(['check'])).stdout).toContain('No problems');
  });

  it('merge --json says what moved; two ids fold one occurrence into the other', async () => {
    const s = small();
    expect(JSON.parse((await s.run(['event', 'merge', 'ev000001', 'ev000002', '--json'])).stdout)).toEqual({ name: 'Chamber Breakfast', renamed: 0, folded: 1, interactions: 1 });
    expect(s.json().events.map((e: { id: string }) => e.id)).toEqual(['ev000001']);
    expect(s.json().interactions.map((i: { eventId: string }) => i.eventId)).toEqual(['ev000001', 'ev000001']);
  });

  it('a mistyped subcommand gets did you mean', async () => {
    await expectRefused(small(), ['event', 'edti'], 2, /unknown event command "edti" \(did you mean edit\?\)/);
    await expectRefused(small(), ['promise', 'dorp'], 2, /unknown promise command "dorp" \(did you mean drop\?\)/);
    // want and tag said "too many arguments for 'want'. Expected 0 arguments"
    await expectRefused(small(), ['want', 'doen', 'w7kq'], 2, /unknown want command "doen" \(did you mean done\?\)\nhint: commands: done/);
    await expectRefused(small(), ['tag', 'cadnce'], 2, /unknown tag command "cadnce" \(did you mean cadence\?\)/);
    // alone, a group still prints its help
    for (const group of ['want', 'tag']) {
      const r = await small().run([group]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: netlog ${group} <command>`));
    }
  });

  it.each([['edit'], ['rm'], ['search'], ['promise', 'add'], ['promise', 'edit'], ['promise', 'drop'], ['event', 'edit'], ['event', 'merge'], ['promise'], ['event']])(
    '%s --help shows examples',
    async (...cmd) => {
      const r = await small().run([...cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Examples:');
      expect(r.stdout).toContain(`$ netlog ${cmd.join(' ')}`);
    },
  );

  it.each([
    [['event', 'edit', 'Nope', '--rename', 'x'], /no event named "Nope"/],
    [['event', 'edit', 'Chamber Breakfas', '--rename', 'x'], /no event named "Chamber Breakfas" \(did you mean/],
    [['event', 'edit', 'Chamber Breakfast'], /nothing to change/],
    [['event', 'edit', 'Chamber Breakfast', '--rename', 'chamber BREKFAST'], /already an event/],
    [['event', 'edit', 'Chamber Breakfast', '--date', 'tomorrow'], /after today/],
    [['event', 'edit', 'Chamber Breakfast', '--on', '2026-11-01', '--location', 'x'], /has no occurrence on 2026-11-01/],
    [['event', 'merge', 'Chamber Breakfast', 'chamber breakfast'], /the same event/],
  ])('%j is refused', async (args, message) => {
    await expectRefused(small(), args, 2, message);
  });
});

describe('add --event: a near-miss of an event in the journal', () => {
  const demo = (): Sandbox =>
    make({
      data: journal({
        contacts: [contact('yuki0001', 'Yuki Tanaka')],
        interactions: [meeting('int00001', '2026-11-10', ['yuki0001'])],
        events: [event('ev000001', 'Demo Night', '2026-11-05'), event('ev000002', 'Book Club', '2026-11-06')],
      }),
    });

  it('is refused off a terminal, with the event it looks like', async () => {
    await expectRefused(demo(), ['add', 'Yuki', '--event', 'demo nite'], 2, /--event: "demo nite" is no event in your journal: did you mean "Demo Night"\?\nhint: .*--new/);
  });

  it('edit --event is guarded the same way', async () => {
    await expectRefused(demo(), ['edit', 'int0', '--event', 'demo nite'], 2, /did you mean "Demo Night"\?/);
    const s = demo();
    const r = await s.run(['edit', 'int0', '--event', 'demo nite', '--new']);
    expect(r.code, r.stderr).toBe(0);
    expect(s.json().events.map((e: { name: string }) => e.name)).toContain('demo nite');
  });

  it('--new makes it a new event; the same name in other capitals or spacing is the series', async () => {
    const s = demo();
    const r = await s.run(['add', 'Yuki', '--event', 'demo nite', '--new', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(s.json().events.map((e: { name: string }) => e.name)).toEqual(['Demo Night', 'Book Club', 'demo nite']);
    const same = await s.run(['add', 'Yuki', '--event', 'DEMO  night', '--date', 'yesterday']);
    expect(same.code, same.stderr).toBe(0);
    expect(s.json().events.filter((e: { name: string }) => e.name === 'Demo Night')).toHaveLength(2);
    const other = await s.run(['add', 'Yuki', '--event', 'Chess Evening']);
    expect(other.code, other.stderr).toBe(0);
    expect(s.json().events.map((e: { name: string }) => e.name)).toContain('Chess Evening');
  });
});
