import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, SAMPLE, type Sandbox, expectRefused, runJson } from '../helpers/cli.js';

// `due` and `report` end to end on a copy of the sample journal (today: 2026-11-20).

const boxes: Sandbox[] = [];
function sample(): Sandbox {
  const s = readOnly();
  return s;
}
afterEach(() => {
  for (const s of boxes.splice(0)) s.cleanup();
});
// Read-only sandboxes shared by the tests of a describe block.
const shared: Sandbox[] = [];
function readOnly(): Sandbox {
  const s = sandbox({ fixture: SAMPLE });
  shared.push(s);
  return s;
}
afterAll(() => {
  for (const s of shared) s.cleanup();
});

const fails = async (...args: Parameters<typeof expectRefused>): Promise<void> => void (await expectRefused(...args));

const brief = (items: any[]) => items.map((i) => `${i.type} ${i.name} ${i.dueOn} ${i.overdueDays}`);

describe('due', () => {
  const s = readOnly();
  let all: any;
  beforeAll(async () => {
    all = await runJson(s, ['due']);
  });

  it('--json: promises, key dates, then follow-ups, then touches by how far past their rhythm', () => {
    expect(all).toMatchObject({ today: '2026-11-20', on: '2026-11-20', until: '2026-11-20', total: 12 });
    expect(brief(all.items)).toEqual([
      'promise Priya Natarajan 2026-10-30 21',
      'promise Owen Gallagher 2026-11-07 13',
      'date Sofia Marchetti 2026-11-20 0',
      'follow-up Kenji Mori 2026-10-17 34',
      'follow-up Felix Brandt 2026-11-20 0',
      'touch Sofia Marchetti 2026-10-06 45',
      'touch Victor Stahl 2026-10-27 24',
      'touch Priya Natarajan 2026-11-13 7',
      'touch Leo Marchand 2026-11-07 13',
      'touch Owen Gallagher 2026-11-17 3',
      'touch Camille Dubois 2026-11-03 17',
      'touch Miriam Okafor 2026-11-19 1',
    ]);
    expect(all.items[0]).toEqual({
      type: 'promise', contactId: '37q6n7y0', name: 'Priya Natarajan', dueOn: '2026-10-30', overdueDays: 21, promiseId: '3dyvr0c9', text: 'Send Priya the AP automation options memo',
      context: { lastDate: '2026-10-14', lastKind: 'meeting', lastNote: 'Wrap-up at Kestrel. Asked for a testimonial; promised her an AP automation memo.', wants: [], theyOwe: [] },
    });
    expect(all.items[2]).toMatchObject({ type: 'date', name: 'Sofia Marchetti', label: 'birthday', date: '1984-11-20', age: 42 });
    // Victor is owed a give, and wants what Yuki does: the suggestion says so
    expect(all.items[6]).toMatchObject({
      type: 'touch', name: 'Victor Stahl', lastTouch: '2026-08-28', cadenceDays: 60, balance: -3,
      suggestion: expect.stringMatching(/^you owe them: introduce Victor to Yuki Tanaka \(role Data Engineer/),
      context: { wants: ['a freelance data engineer for the Meridian dashboards'] },
    });
    expect(all.items[5]).toMatchObject({ cadenceDays: 14, cadenceFrom: 'tag', balance: 2, suggestion: expect.stringMatching(/^pick up from last time: "Sofia may move/) });
    // thirteen identical lines no more: every touch's suggestion is its own
    const suggestions = all.items.filter((i: any) => i.type === 'touch').map((i: any) => i.suggestion);
    expect(new Set(suggestions).size).toBe(suggestions.length);
    expect(all.items.some((i: any) => 'why' in i)).toBe(false);
    // archived (Jasper Quinn), never (Brent Kowalski) and snoozed (Inês Carvalho, until 12-07) are not listed
    for (const name of ['Jasper Quinn', 'Brent Kowalski', 'Inês Carvalho']) expect(all.items.map((i: any) => i.name)).not.toContain(name);
  });

  it('--within N adds what falls due in the next N days', async () => {
    const out = await runJson(s, ['due', '--within', '3']);
    expect(out.until).toBe('2026-11-23');
    expect(brief(out.items).filter((l) => !all.items.some((i: any) => l === `${i.type} ${i.name} ${i.dueOn} ${i.overdueDays}`))).toEqual([
      'promise Tomás Reyes 2026-11-21 -1',
      'promise Rafael Duarte 2026-11-23 -3',
      'date Tomás Reyes 2026-11-23 -3',
    ]);
    // a snoozed contact appears on the day the snooze ends
    expect((await runJson(s, ['due', '--within', '17'])).items.find((i: any) => i.name === 'Inês Carvalho')).toMatchObject({ dueOn: '2026-12-07', overdueDays: -17 });
  });

  it('--tag keeps one tier, whatever the capitals', async () => {
    const out = (await runJson(s, ['due', '--tag', 'Breakfast-Club']));
    expect(brief(out.items)).toEqual(['promise Owen Gallagher 2026-11-07 13', 'date Sofia Marchetti 2026-11-20 0', 'touch Sofia Marchetti 2026-10-06 45', 'touch Owen Gallagher 2026-11-17 3']);
  });

  it('--limit N keeps the N most urgent', async () => {
    expect((await runJson(s, ['due', '--limit', '3'])).items).toEqual(all.items.slice(0, 3));
  });

  it('--explain says why and how each item ranked', async () => {
    const out = await runJson(s, ['due', '--explain', '--limit', '5']);
    expect(out.items.map((i: any) => i.why)).toEqual([
      'promised by 2026-10-30, 21 days overdue',
      'promised by 2026-11-07, 13 days overdue',
      'birthday 1984-11-20, every year',
      'only one interaction (2026-10-15); follow up 2 days after a first meeting',
      'only one interaction (2026-11-18); follow up 2 days after a first meeting',
    ]);
    const text = (await s.run(['due', '--explain', '--limit', '6'], { tty: true })).stdout;
    expect(text).toContain('why: 59 days since last touch');
    expect(text).toMatch(/^Due today, Fri 20 Nov: 2 promises, 1 key date, 2 follow-ups, 1 touch\n/);
    expect(text).toMatch(/and 6 more — netlog due --all, without --limit\n$/);
    // piped, on the item's line
    expect((await s.run(['due', '--explain', '--limit', '1'])).stdout.trimEnd().split('\n').at(-1)).toMatch(/^1\tpromise\tPriya Natarajan\t21 days late\t.*why: promised by 2026-10-30, 21 days overdue$/);
  });

  it('--on looks at another day', async () => {
    const out = await runJson(s, ['due', '--on', '2026-10-01', '--limit', '1']);
    expect(out.on).toBe('2026-10-01');
    expect(brief(out.items)).toEqual(['promise Miriam Okafor 2026-09-30 1']);
  });

  it('logging any interaction restarts the cadence', async () => {
    const w = sample();
    expect((await w.run(['add', 'Sofia Marchetti', '--kind', 'message'])).code).toBe(0);
    expect((await w.run(['add', 'Kenji', '--kind', 'email'])).code).toBe(0);
    const names = (await runJson(w, ['due'])).items.filter((i: any) => i.type !== 'date').map((i: any) => i.name);
    expect(names).not.toContain('Sofia Marchetti');
    expect(names).not.toContain('Kenji Mori');
    // and Sofia is due again a cadence (14 days) later
    expect((await runJson(w, ['due', '--on', '2026-12-04'])).items.find((i: any) => i.name === 'Sofia Marchetti')).toMatchObject({ dueOn: '2026-12-04', overdueDays: 0 });
  });

  it.each([
    [['due', '--within', '-1'], /--within/],
    [['due', '--within', 'soon'], /--within: "soon" is not a whole number/],
    [['due', '--limit', '0'], /--limit: "0" is not a whole number of at least 1/],
    [['due', '--tag', 'nope'], /--tag: no contact has the tag "nope"/],
    [['due', '--on', 'someday'], /--on: "someday" is not a date/],
    [['due', 'extra'], /too many arguments/],
  ])('%j exits 2 and writes nothing', async (args, message) => await fails(sample(), args, 2, message));
});

describe('report', () => {
  const s = readOnly();

  it('--json has the shape SPEC §4 gives', async () => {
    const out = await runJson(s, ['report']);
    expect(out).toMatchObject({ from: '2026-11-14', to: '2026-11-20' });
    for (const key of ['from', 'to', 'contacts', 'totals', 'promises']) expect(out).toHaveProperty(key);
    expect(Object.keys(out.contacts[0]).sort()).toEqual(['asked', 'balance', 'contactId', 'gave', 'interactions', 'lastTouch', 'lifetime', 'name', 'received', 'stage'].sort());
    expect(Object.keys(out.contacts[0].lifetime).sort()).toEqual(['asked', 'balance', 'gave', 'interactions', 'received']);
    expect(out.contacts.map((c: any) => [c.name, c.interactions, c.balance, c.lifetime.balance, c.stage])).toEqual([
      ['Lena Hoffmann', 2, 0, 5, 'profitability'], // credited with the intro to Daniel (--intro)
      ['Aisha Rahman', 1, 0, 6, 'profitability'],
      ['Felix Brandt', 1, 1, 1, 'visibility'],
      ['Marcus Bell', 1, 0, 0, 'profitability'],
      ['Rafael Duarte', 1, 0, 2, 'profitability'],
    ]);
    expect(out.totals).toEqual({ interactions: 4, gave: 1, asked: 0, received: 1, balance: 1 });
    expect(out.promises).toEqual({ made: 1, kept: 1, keptOnTime: 1, open: 0, overdue: 0, theirs: { made: 0, kept: 0, open: 0, overdue: 0 } });
    expect(out.takingFrom.map((t: any) => [t.name, t.balance])).toEqual([['Elaine Park', -4], ['Naomi Fischer', -3], ['Victor Stahl', -3]]);
    expect(out.cold.map((c: any) => [c.name, c.daysSince, c.cadenceDays])).toEqual([['Sofia Marchetti', 59, 14]]);
    expect(out.trend).toHaveLength(8);
    expect(out.trend[7]).toEqual({ from: '2026-11-16', to: '2026-11-20', gave: 1, asked: 0 }); // calendar weeks, as --weekly
    expect(out.columns).toBeUndefined();
  });

  it('the period is inclusive: --since 7d is the same as the dates', async () => {
    expect(await runJson(s, ['report', '--since', '2026-11-14', '--until', '2026-11-20'])).toEqual(await runJson(s, ['report']));
    const oneDay = await runJson(s, ['report', '--since', '2026-11-17', '--until', '2026-11-17']);
    expect(oneDay.contacts.map((c: any) => [c.name, c.interactions])).toEqual([['Lena Hoffmann', 2], ['Aisha Rahman', 1], ['Marcus Bell', 1]]);
  });

  it('promises over a quarter: kept late is kept but not on time', async () => {
    // due 08-21..11-20: ten promises; kept late: Victor's (09-04, kept 09-15) and Miriam's (09-30, kept 10-06)
    expect((await runJson(s, ['report', '--since', '3m'])).promises).toEqual({ made: 10, kept: 8, keptOnTime: 6, open: 2, overdue: 2, theirs: { made: 0, kept: 0, open: 0, overdue: 0 } });
  });

  it('--monthly and --weekly add one column per period', async () => {
    const m = await runJson(s, ['report', '--since', '3m', '--monthly']);
    expect(m.interval).toBe('month');
    expect(m.columns.map((c: any) => [c.from, c.to])).toEqual([
      ['2026-08-21', '2026-08-31'], ['2026-09-01', '2026-09-30'], ['2026-10-01', '2026-10-31'], ['2026-11-01', '2026-11-20'],
    ]);
    for (const row of m.contacts) {
      const cells = m.byColumn[row.contactId];
      expect(cells).toHaveLength(4);
      expect(cells.reduce((n: number, t: any) => n + t.interactions, 0)).toBe(row.interactions);
      expect(cells.reduce((n: number, t: any) => n + t.balance, 0)).toBe(row.balance);
    }
    const w = await runJson(s, ['report', '--since', '2026-11-04', '--weekly']);
    expect(w.columns.map((c: any) => c.from)).toEqual(['2026-11-04', '2026-11-09', '2026-11-16']);
    const text = (await s.run(['report', '--since', '2026-11-04', '--weekly'], { tty: true })).stdout;
    expect(text).toMatch(/Balance, week of +4 Nov +9 Nov +16 Nov/);
    const piped = (await s.run(['report', '--since', '2026-11-04', '--weekly'])).stdout;
    expect(piped).toMatch(/\nBalance, week of\t4 Nov\t9 Nov\t16 Nov\n/);
  });

  it('--tag and --contact narrow it', async () => {
    expect((await runJson(s, ['report', '--since', '3m', '--tag', 'CLIENT'])).contacts.map((c: any) => c.name).sort()).toEqual(['Hannah Cole', 'Priya Natarajan', 'Rafael Duarte', 'Tomás Reyes']);
    const one = await runJson(s, ['report', '--since', '3m', '--contact', 'Miriam']);
    expect(one.contacts.map((c: any) => c.name)).toEqual(['Miriam Okafor']);
    expect(one.promises).toEqual({ made: 2, kept: 2, keptOnTime: 1, open: 0, overdue: 0, theirs: { made: 0, kept: 0, open: 0, overdue: 0 } });
  });

  it('reads in a narrow terminal: every line fits, the chart included', async () => {
    for (const width of [40, 60]) {
      const r = await s.run(['report', '--since', '4w', '--weekly'], { tty: true, columns: width });
      expect(r.code).toBe(0);
      const long = r.stdout.split('\n').filter((l) => [...l].length > width);
      expect(long).toEqual([]);
      expect(r.stdout).toContain('asked│gave');
    }
  });

  it.each([
    [['report', '--weekly', '--monthly'], /choose one of --weekly and --monthly/],
    [['report', '--since', '2026-11-21'], /is after --until/],
    [['report', '--since', 'whenever'], /--since: "whenever" is not a date or a span/],
    [['report', '--until', 'later'], /--until: "later" is not a date/],
    [['report', '--tag', 'nope'], /--tag: no contact has the tag "nope"/],
    [['report', '--contact', 'Nobody Atall'], /no contact named/],
  ])('%j exits 2 and writes nothing', async (args, message) => await fails(sample(), args, 2, message));
});

describe('help', () => {
  it.each([['due'], ['report'], ['promises'], ['done'], ['snooze'], ['tag', 'cadence'], ['tag'], ['settings'], ['events']])('%s --help shows examples', async (...cmd) => {
    const r = await sample().run([...cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain(`$ netlog ${cmd.join(' ')}`);
  });
});
