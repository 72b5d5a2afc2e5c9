import { describe, expect, it } from 'vitest';
import { sandbox, SAMPLE } from '../helpers/cli.js';

describe('smoke', () => {
  it('due --json on the sample journal lists a promise first', () => {
    const s = sandbox({ fixture: SAMPLE });
    const r = s.run(['due', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.today).toBe('2026-11-20');
    expect(out.items[0].type).toBe('promise');
    s.cleanup();
  });
});
