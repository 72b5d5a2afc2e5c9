import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sandboxes } from '../helpers/cli.js';

// Issue 13 through the CLI: real files in, every name readable, every reachable person kept.

const fx = (name: string) => join(ROOT, 'fixtures', 'import', name);
const box = sandboxes();

describe('netlog import: real files in', () => {
  it('a docomo Shift_JIS vCard comes in readable', async () => {
    const s = box();
    const r = await s.run(['import', fx('android-docomo-shift_jis.vcf'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(s.json().contacts.map((c: any) => c.name)).toEqual(['太郎 山田', '山田 花子', '一郎 佐藤']);
  });

  it('people with only an email or a phone are kept, and the summary says how many to rename', async () => {
    const s = box();
    const file = join(s.dir, 'people.csv');
    writeFileSync(file, 'Name;E-Mail;Telefon\n;omega@example.com;\n;;+49 30 1234567\n;ops@intranet;\n;"""Ray Chen"" <ray@example.com>";\n');
    const r = await s.run(['import', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`Imported ${file} (CSV): 4 added, 0 updated, 0 unchanged, 0 skipped\n2 named after their email, 1 after their phone — rename with contact edit\n`);
    expect(s.json().contacts.map((c: any) => [c.name, c.emails, c.phones])).toEqual([
      ['omega', ['omega@example.com'], []],
      ['+49 30 1234567', [], ['+49 30 1234567']],
      ['ops', ['ops@intranet'], []],
      ['Ray Chen', ['ray@example.com'], []],
    ]);
    const json = JSON.parse((await box().run(['import', file, '--json'])).stdout);
    expect(json.named).toEqual({ email: 2, phone: 1 });
    expect(json.records.map((o: any) => o.namedAfter ?? null)).toEqual(['email', 'phone', 'email', null]);
    // A second import finds them by email and phone.
    const again = JSON.parse((await s.run(['import', file, '--json'])).stdout);
    expect(again.counts).toEqual({ added: 0, updated: 0, unchanged: 4, skipped: 0 });
  });

  it('a phone value that is not a number is reported like a bad email, and the rest imported', async () => {
    const s = box();
    const r = await s.run(['import', fx('outlook-2019-2.1.vcf')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/line 1 \(Sir surename secondname forename jun\.\): left out "work-phone-number": does not look like a phone number/);
    expect(s.json().contacts[0]).toMatchObject({ emails: ['test1@test1.de', 'test2@test2.de', 'test3@test3.de'], phones: [] });
  });

  it('an imported "Dana\\u200bLee" is the Dana Lee you have; a new look-alike is shown escaped', async () => {
    const s = box();
    expect((await s.run(['contact', 'add', 'Dana Lee'])).code).toBe(0);
    const file = join(s.dir, 'x.vcf');
    writeFileSync(file, 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dana\u200bLee\r\nEMAIL:dana@example.com\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sam\u2060Ortiz\r\nEMAIL:sam@example.com\r\nEND:VCARD\r\n');
    const r = await s.run(['import', file, '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/~ Dana Lee: adds emails \(matched by name\)/);
    expect(r.stdout).toMatch(/\+ Sam\\u2060Ortiz/);
    expect(r.stdout).not.toMatch(/\u2060/);
  });
});
