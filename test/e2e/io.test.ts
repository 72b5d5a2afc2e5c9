import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { ROOT, SAMPLE, sandbox, type Sandbox, sandboxes, expectRefused } from '../helpers/cli.js';

const FIX = join(ROOT, 'fixtures', 'import');
const fx = (name: string) => join(FIX, name);

const box = sandboxes();

/** The fields an import or export carries, for comparing contacts across a round trip. */
const portable = (c: any) => ({
  name: c.name,
  aliases: c.aliases,
  emails: c.emails,
  phones: c.phones,
  company: c.company,
  role: c.role,
  tags: c.tags,
  source: c.source,
  notes: c.notes,
  cadenceDays: c.cadenceDays,
  archived: c.archived,
});

describe('netlog import', () => {
  it.each([
    ['android-2.1.vcf', 'vcf', { added: 3, updated: 0, unchanged: 0, skipped: 1 }, ['Jürgen Müller', 'Renée François', 'Chidi Okafor']],
    ['apple-3.0.vcf', 'vcf', { added: 2, updated: 0, unchanged: 0, skipped: 0 }, ["Ana O'Brien", 'Sam Ortiz']],
    ['outlook-4.0.vcf', 'vcf', { added: 1, updated: 0, unchanged: 0, skipped: 0 }, ['Priya Natarajan']],
    ['linkedin-connections.csv', 'linkedin', { added: 3, updated: 0, unchanged: 0, skipped: 1 }, ['Dana Lee', 'Marcus Bell', 'Zoë Kowalski']],
    ['linkedin-old.csv', 'linkedin', { added: 2, updated: 0, unchanged: 0, skipped: 0 }, ['Owen Park', 'Lena Hoffmann']],
    ['google-contacts.csv', 'google', { added: 3, updated: 0, unchanged: 0, skipped: 1 }, ['Aisha Rahman', 'Tom Nguyen', 'City Plumbing']],
    ['google-legacy.csv', 'google', { added: 1, updated: 0, unchanged: 0, skipped: 0 }, ['Felix Brandt']],
    ['outlook.csv', 'csv', { added: 1, updated: 0, unchanged: 0, skipped: 0 }, ['José Martínez']],
    ['generic.csv', 'csv', { added: 2, updated: 0, unchanged: 0, skipped: 1 }, ['Kim Sato', 'Lee Wong']],
  ])('%s: detected as %s, imported, and a second import changes nothing', async (file, format, counts, names) => {
    const s = box();
    const r = await s.run(['import', fx(file), '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ format, dryRun: false, counts });
    expect(s.json().contacts.map((c: any) => c.name)).toEqual(names);
    const before = s.text();
    const again = await s.run(['import', fx(file), '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).counts).toEqual({ added: 0, updated: 0, unchanged: counts.added, skipped: counts.skipped });
    expect(s.text()).toBe(before);
  });

  it('prints a summary on stdout and why records were skipped on stderr; -q silences both', async () => {
    const s = box();
    const r = await s.run(['import', fx('generic.csv')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Imported ${fx('generic.csv')} (CSV): 2 added, 0 updated, 0 unchanged, 1 skipped\n`);
    expect(r.stderr).toMatch(/^skipped line 3: unreadable CSV row \(.*\)\n$/);
    const q = await box().run(['import', fx('generic.csv'), '-q']);
    expect([q.code, q.stdout, q.stderr]).toEqual([0, '', '']);
    const dry = await box().run(['import', fx('generic.csv'), '-q', '--dry-run']);
    expect([dry.stdout, dry.stderr]).toEqual([expect.stringMatching(/^Dry run, nothing written: .*would add 2/), '']);
  });

  it('reports each bad record once, counts them right, and drops an email that contact add refuses', async () => {
    const s = box();
    const file = join(s.dir, 'g.csv');
    writeFileSync(file, 'Name,Email,Phone\n=HYPERLINK("x"),a@b.c,123\n"Bob, Jr",bob@x,\n,,\n');
    const r = await s.run(['import', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Imported ${file} (CSV): 1 added, 0 updated, 0 unchanged, 2 skipped\n`);
    expect(r.stderr).toBe(
      'skipped line 2: unreadable CSV row (a stray quote in column 1; a cell holding " must be in quotes, with "" for each ")\n' +
        'line 3 (Bob, Jr): left out "bob@x": does not look like an email address\n' +
        'skipped line 4: no name\n',
    );
    expect(s.json().contacts.map((c: any) => [c.name, c.emails])).toEqual([['Bob, Jr', []]]);
    const json = JSON.parse((await box().run(['import', file, '--json'])).stdout);
    expect(json.counts).toEqual({ added: 1, updated: 0, unchanged: 0, skipped: 2 });
    expect(json.records.map((o: any) => [o.line, o.action, o.warnings])).toEqual([
      [2, 'skipped', undefined],
      [3, 'added', ['left out "bob@x": does not look like an email address']],
      [4, 'skipped', undefined],
    ]);
    // contact add refuses the same address, and writes nothing.
    const before = s.text();
    const add = await s.run(['contact', 'add', 'Bob', '--email', 'bob@x']);
    expect([add.code, add.stderr]).toEqual([2, 'netlog: "bob@x" does not look like an email address\n']);
    expect(s.text()).toBe(before);
  });

  it('merges into an existing journal: matches by email or name, fills gaps, adds --tag', async () => {
    const s = box({ fixture: SAMPLE });
    const marcusBefore = s.json().contacts.find((c: any) => c.name === 'Marcus Bell');
    const r = await s.run(['import', fx('linkedin-connections.csv'), '--tag', 'linkedin', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.records.find((o: any) => o.name === 'Marcus Bell')).toMatchObject({ action: 'updated', matchedBy: 'name', changed: ['tags', 'notes'] });
    const marcus = s.json().contacts.find((c: any) => c.name === 'Marcus Bell');
    expect(marcus.company).toBe(marcusBefore.company);
    expect(marcus.source).toBe(marcusBefore.source);
    expect(marcus.tags).toEqual([...marcusBefore.tags, 'linkedin']);
    expect(s.json().contacts.find((c: any) => c.name === 'Dana Lee').tags).toEqual(['linkedin']);
  });

  it('--dry-run says what would change and writes nothing', async () => {
    const s = box({ fixture: SAMPLE });
    const before = s.text();
    const r = await s.run(['import', fx('linkedin-connections.csv'), '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Dry run, nothing written: .* \(LinkedIn CSV\): would add 2, update 1, leave 0 unchanged, skip 1\n  \+ Dana Lee\n  ~ Marcus Bell: adds notes \(matched by name\)\n  \+ Zoë Kowalski\n$/);
    expect(s.text()).toBe(before);
    const empty = box();
    expect((await empty.run(['import', fx('apple-3.0.vcf'), '--dry-run'])).code).toBe(0);
    expect(empty.text()).toBeUndefined();
  });

  it('--every sets the cadence of the contacts it adds, and only those', async () => {
    const s = box({ fixture: SAMPLE });
    const marcusBefore = s.json().contacts.find((c: any) => c.name === 'Marcus Bell');
    expect((await s.run(['import', fx('linkedin-connections.csv'), '--every', 'never', '-q'])).code).toBe(0);
    const contacts = s.json().contacts;
    expect(contacts.find((c: any) => c.name === 'Dana Lee').cadenceDays).toBeNull();
    expect(contacts.find((c: any) => c.name === 'Marcus Bell').cadenceDays).toEqual(marcusBefore.cadenceDays);
    const bad = await s.run(['import', fx('linkedin-connections.csv'), '--every', 'sometimes']);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringMatching(/^netlog: --every: "sometimes" is not a cadence\n/)]);
  });

  it('--format overrides detection', async () => {
    const s = box();
    const r = await s.run(['import', fx('outlook.csv'), '--format', 'google', '--json']);
    expect(JSON.parse(r.stdout).format).toBe('google');
    expect(s.json().contacts[0].source).toBe('Google Contacts');
  });

  describe('failures write nothing', () => {
    const dir = join(ROOT, 'fixtures');
    it.each([
      [['import', '/nonexistent/contacts.vcf'], 1, /^netlog: cannot read \/nonexistent\/contacts\.vcf: no such file\n$/],
      [['import', dir], 1, /^netlog: cannot read .*fixtures: it is a folder\n$/],
      [['import', join(dir, 'make-sample.mjs')], 1, /^netlog: cannot import .*make-sample\.mjs: not a vCard, and no CSV header naming a name column\nhint: /],
      [['import', fx('generic.csv'), '--format', 'vcf'], 1, /no vCards in it/],
      [['import', fx('generic.csv'), '--format', 'xml'], 2, /^netlog: option '--format <format>' argument 'xml' is invalid/],
      [['import', fx('generic.csv'), '--tag', ' '], 2, /^netlog: --tag needs a tag name\n$/],
      [['import'], 2, /missing required argument 'file'/],
    ])('%j → exit %i', async (args, code, stderr) => {
      await expectRefused(box({ fixture: SAMPLE }), args, code, stderr);
    });

    it('an empty file is exit 1', async () => {
      const s = box({ fixture: SAMPLE });
      const before = s.text();
      const file = join(s.dir, 'empty.csv');
      writeFileSync(file, '');
      const r = await s.run(['import', file]);
      expect([r.code, r.stderr]).toEqual([1, `netlog: cannot import ${file}: the file is empty\n`]);
      expect(s.text()).toBe(before);
    });

    it('an invalid journal is not touched', async () => {
      const s = box({ text: '{"version": 1, "contacts": [' });
      const r = await s.run(['import', fx('apple-3.0.vcf')]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^netlog: .*journal\.json(:1:\d+)?: not valid JSON/);
      expect(s.text()).toBe('{"version": 1, "contacts": [');
    });
  });
});

describe('netlog export', () => {
  it('json is the journal itself', async () => {
    const s = box({ fixture: SAMPLE });
    const r = await s.run(['export']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(s.json());
  });

  it.each(['vcf', 'csv'])('%s round trip: export, import into an empty journal, same contacts', async (format) => {
    const s = box({ fixture: SAMPLE });
    const r = await s.run(['export', '--format', format]);
    expect(r.code).toBe(0);
    const empty = box();
    const file = join(empty.dir, `contacts.${format}`);
    writeFileSync(file, r.stdout);
    const imp = await empty.run(['import', file, '--json']);
    expect(imp.code).toBe(0);
    const all = s.json().contacts;
    // Archived ones too, and each contact's own cadence (never, 60 days) while inherited ones stay inherited.
    expect(all.some((c: any) => c.archived) && all.some((c: any) => c.cadenceDays === null) && all.some((c: any) => c.cadenceDays === undefined)).toBe(true);
    expect(JSON.parse(imp.stdout).counts).toEqual({ added: all.length, updated: 0, unchanged: 0, skipped: 0 });
    expect(empty.json().contacts.map(portable)).toEqual(all.map(portable));
    // Importing your own export into the journal it came from changes nothing.
    const before = s.text();
    const own = await s.run(['import', file, '--json']);
    expect(JSON.parse(own.stdout).counts).toEqual({ added: 0, updated: 0, unchanged: all.length, skipped: 0 });
    expect(s.text()).toBe(before);
  });

  it.each(['csv', 'vcf'])('%s: a cadence the user set (never, every 6 weeks, 10 days) survives a round trip; an import never overwrites one', async (format) => {
    const s = box();
    for (const [name, every] of [['Ann Never', 'never'], ['Bo Six', '6w'], ['Cy Ten', '10d']]) {
      expect((await s.run(['contact', 'add', name!, '--every', every!, '--tag', 'vip', '--source', 'PyCon', '-q'])).code).toBe(0);
    }
    expect((await s.run(['contact', 'add', 'Di Plain', '-q'])).code).toBe(0);
    expect((await s.run(['contact', 'archive', 'Di Plain', '-q'])).code).toBe(0);
    const file = join(s.dir, `out.${format}`);
    expect((await s.run(['export', '--out', file, '-q'])).code).toBe(0);
    if (format === 'csv') expect(readFileSync(file, 'utf8')).toMatch(/\r\nAnn Never,.*,never,\r\nBo Six,.*,every 6 weeks,\r\nCy Ten,.*,every 10 days,\r\nDi Plain,.*,every 3 months \(default\),yes\r\n$/s);
    else expect(readFileSync(file, 'utf8')).toMatch(/X-NETLOG-CADENCE:never\r\n.*X-NETLOG-CADENCE:42\r\n.*X-NETLOG-CADENCE:10\r\n.*X-NETLOG-ARCHIVED:yes\r\n/s);
    const fresh = box();
    expect((await fresh.run(['import', file, '-q'])).code).toBe(0);
    expect(fresh.json().contacts.map((c: any) => [c.name, c.cadenceDays, c.archived, c.tags, c.source])).toEqual([
      ['Ann Never', null, false, ['vip'], 'PyCon'],
      ['Bo Six', 42, false, ['vip'], 'PyCon'],
      ['Cy Ten', 10, false, ['vip'], 'PyCon'],
      ['Di Plain', undefined, true, [], undefined],
    ]);
    // Someone who already set a cadence keeps it; one who inherits takes the file's.
    const mine = box();
    expect((await mine.run(['contact', 'add', 'Ann Never', '--every', 'weekly', '-q'])).code).toBe(0);
    expect((await mine.run(['contact', 'add', 'Bo Six', '-q'])).code).toBe(0);
    const imp = await mine.run(['import', file, '--json']);
    expect(JSON.parse(imp.stdout).records.map((o: any) => [o.name, o.action, o.changed])).toEqual([
      ['Ann Never', 'updated', ['tags', 'source']],
      ['Bo Six', 'updated', ['tags', 'source', 'cadence']],
      ['Cy Ten', 'added', undefined],
      ['Di Plain', 'added', undefined],
    ]);
    expect(mine.json().contacts.map((c: any) => [c.name, c.cadenceDays, c.archived])).toEqual([
      ['Ann Never', 7, false],
      ['Bo Six', 42, false],
      ['Cy Ten', 10, false],
      ['Di Plain', undefined, true],
    ]);
  });

  it('--active leaves archived contacts out of csv and vcf', async () => {
    const s = box({ fixture: SAMPLE });
    const active = s.json().contacts.filter((c: any) => !c.archived).length;
    const csv = await s.run(['export', '--format', 'csv', '--active']);
    expect(csv.stdout.trimEnd().split('\r\n')).toHaveLength(active + 1);
    expect(csv.stdout).not.toContain('Jasper Quinn');
    const vcf = await s.run(['export', '--format', 'vcf', '--active']);
    expect(vcf.stdout.match(/BEGIN:VCARD/g)).toHaveLength(active);
    expect(vcf.stdout).not.toContain('X-NETLOG-ARCHIVED');
  });

  it('csv: one row per contact with stage, balance, last touch, cadence and archived; formulas neutralised', async () => {
    const s = box({ fixture: SAMPLE });
    await s.run(['import', fx('linkedin-connections.csv'), '-q']);
    const r = await s.run(['export', '--format', 'csv']);
    const lines = r.stdout.split('\r\n');
    expect(lines[0]).toBe('Name,Aliases,Emails,Phones,Company,Role,Tags,Source,Notes,Stage,Balance,Last touch,Cadence,Archived');
    expect(r.stdout).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(r.stdout).not.toMatch(/(^|,)"?[=@+]/m);
    const miriam = lines.find((l) => l.startsWith('Miriam Okafor'))!;
    expect(miriam).toMatch(/,profitability,3,2026-10-20,monthly \(tag investor\),$/);
    expect(lines.find((l) => l.startsWith('Jasper Quinn'))).toMatch(/,yes$/);
  });

  it('ics: due touches and open promises within 30 days, valid for an independent parser, reproducible under NETLOG_TODAY', async () => {
    const s = box({ fixture: SAMPLE });
    const r = await s.run(['export', '--format', 'ics']);
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of r.stdout.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const due = JSON.parse((await s.run(['due', '--within', '30', '--json'])).stdout);
    const all = new ICAL.Component(ICAL.parse(r.stdout)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    // Key dates are yearly events, whenever they fall; the rest is the due list.
    const yearly = all.filter((e) => e.isRecurring());
    const events = all.filter((e) => !e.isRecurring());
    const keyDates = s.json().contacts.filter((c: any) => !c.archived).flatMap((c: any) => c.dates ?? []);
    expect(yearly.map((e) => e.summary).sort()).toEqual(['Hannah Cole: birthday', 'Lena Hoffmann: business anniversary', 'Miriam Okafor: birthday', 'Sofia Marchetti: birthday', 'Tomás Reyes: birthday']);
    expect(yearly).toHaveLength(keyDates.length);
    expect(events).toHaveLength(due.items.filter((i: any) => i.type !== 'date').length);
    expect(events.filter((e) => e.summary.startsWith('Coffee with ')).length).toBe(due.items.filter((i: any) => i.type === 'touch').length);
    expect(events.every((e) => e.startDate.isDate && e.startDate.toString() >= '2026-11-20')).toBe(true);
    expect(r.stdout).toMatch(/^DTSTAMP:20261120T000000Z\r$/m);
    expect((await s.run(['export', '--format', 'ics'])).stdout).toBe(r.stdout);
    const narrow = await s.run(['export', '--format', 'ics', '--within', '0']);
    const dueToday = JSON.parse((await s.run(['due', '--json'])).stdout).items.filter((i: any) => i.type !== 'date').length;
    expect(narrow.stdout.match(/BEGIN:VEVENT/g)!.length).toBe(dueToday + yearly.length);
  });

  it('--out writes the file (format from its extension), refuses to replace one without --force', async () => {
    const s = box({ fixture: SAMPLE });
    const out = join(s.dir, 'due.ics');
    const r = await s.run(['export', '--out', out]);
    expect([r.code, r.stdout]).toEqual([0, '']);
    expect(r.stderr).toMatch(/^Wrote \d+ calendar items \(due within 30 days\) and 5 yearly dates to .*due\.ics\n$/);
    expect(readFileSync(out, 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);
    writeFileSync(out, 'keep me');
    const again = await s.run(['export', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`netlog: ${out} already exists\nhint: add --force to replace it\n`);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    const forced = await s.run(['export', '--out', out, '--force', '-q']);
    expect([forced.code, forced.stderr]).toEqual([0, '']);
    expect(readFileSync(out, 'utf8')).toMatch(/^BEGIN:VCALENDAR/);
  });

  it.each([
    [['export', '--format', 'pdf'], 2, /argument 'pdf' is invalid/],
    [['export', '--format', 'csv', '--within', '3'], 2, /--within only applies to --format ics/],
    [['export', '--format', 'json', '--active'], 2, /--active only applies to --format csv or vcf/],
    [['export', '--format', 'ics', '--within', 'soon'], 2, /--within: "soon" is not a whole number/],
    [['export', '--out', '/nonexistent/dir/x.csv'], 1, /^netlog: cannot write \/nonexistent\/dir\/x\.csv: no such file/],
  ])('%j → exit %i', async (args, code, stderr) => {
    await expectRefused(box({ fixture: SAMPLE }), args, code, stderr);
  });
});

