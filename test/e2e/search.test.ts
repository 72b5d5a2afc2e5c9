import { describe, expect, it } from 'vitest';
import { expectRefused, SAMPLE, sandboxes, type Sandbox } from '../helpers/cli.js';
import { contact, journal, meeting } from '../helpers/journal.js';

// netlog search through the CLI: the JSON contract, filters, highlighting, refusals.

const make = sandboxes();

function small(): Sandbox {
  return make({
    data: journal({
      contacts: [contact('dana0001', 'Dana Lee', { company: 'Café Noir' }), contact('sam00001', 'Sam Ortiz')],
      interactions: [
        meeting('int00001', '2026-11-10', ['dana0001'], { note: 'She knows a bookkeeper\nand a designer' }),
        meeting('int00002', '2026-11-18', ['sam00001'], { note: 'Sam needs a bookkeeper too' }),
      ],
    }),
  });
}

describe('netlog search', () => {
  it('--json is exactly { query, hits: [{ kind, id, date, contactIds, field, text }] }, newest first', async () => {
    const r = await small().run(['search', 'Bookkeeper', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      query: 'Bookkeeper',
      hits: [
        { kind: 'interaction', id: 'int00002', date: '2026-11-18', contactIds: ['sam00001'], field: 'note', text: 'Sam needs a bookkeeper too' },
        { kind: 'interaction', id: 'int00001', date: '2026-11-10', contactIds: ['dana0001'], field: 'note', text: 'She knows a bookkeeper\nand a designer' },
      ],
    });
  });

  it('several words are all needed; --contact and --since narrow', async () => {
    const s = small();
    const ids = async (args: string[]) => JSON.parse((await s.run(['search', ...args, '--json'])).stdout).hits.map((h: { id: string }) => h.id);
    expect(await ids(['bookkeeper', 'designer'])).toEqual(['int00001']);
    expect(await ids(['bookkeeper', '--contact', 'Dana Lee'])).toEqual(['int00001']);
    expect(await ids(['bookkeeper', '--since', '7d'])).toEqual(['int00002']);
    expect(await ids(['cafe'])).toEqual(['dana0001']);
  });

  it('prints one line per hit, the match highlighted on a terminal', async () => {
    const s = small();
    const plain = await s.run(['search', 'cafe']);
    expect(plain.stdout).toContain('\ndana0001\tThu 1 Jan\tcontact\tDana Lee\tcompany: Café Noir\n');
    expect(plain.stdout).not.toContain('1 match');
    expect(plain.stderr).toBe('1 match\n');
    const tty = await s.run(['search', 'cafe'], { tty: true, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(tty.stdout).toMatch(/\n\S*1 match\S*\n$/);
    expect(tty.stderr).toBe('');
    expect(tty.stdout).toContain('\u001b[1m\u001b[33mCafé\u001b[39m\u001b[22m Noir');
    const nothing = await s.run(['search', 'zebra']);
    // Piped, that is words for a person: stderr (stdout holds only hits).
    expect(nothing).toMatchObject({ code: 0, stdout: '', stderr: 'Nothing matches "zebra".\n' });
    expect(await s.run(['search', 'zebra'], { tty: true })).toMatchObject({ code: 0, stdout: 'Nothing matches "zebra".\n' });
  });

  it('finds words in the sample journal: a promise, a note', async () => {
    const s = make({ fixture: SAMPLE });
    const r = JSON.parse((await s.run(['search', 'bookkeeper', '--json'])).stdout);
    expect(r.hits.map((h: { kind: string }) => h.kind)).toContain('promise');
  });

  it.each([
    [['search'], /missing required argument/],
    [['search', ' '], /search for what/],
    [['search', 'x', '--contact', 'Nobody Atall'], /no contact named/],
    [['search', 'x', '--since', 'whenever'], /not a date or a span/],
  ])('%j is refused', async (args, message) => {
    await expectRefused(small(), args, 2, message);
  });
});
