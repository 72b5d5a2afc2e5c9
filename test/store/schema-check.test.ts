import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { describe, expect, it } from 'vitest';
import { compileCheck } from '../../src/store/schema-check.js';
import { JournalSchema } from '../../src/core/schema.js';
import { SAMPLE } from '../helpers/cli.js';

// The quick check must say yes exactly when TypeBox's check does: compared on journals with
// one or more random changes anywhere in the tree.

const typebox = TypeCompiler.Compile(JournalSchema);
const quick = compileCheck(JournalSchema);
const sample = JSON.parse(readFileSync(SAMPLE, 'utf8')) as Record<string, unknown>;

const DELETE = Symbol('delete');
const replacement = fc.constantFrom<unknown>(
  DELETE, null, true, false, 0, 1, -1, 1.5, 36500, 36501, NaN, '', 'x', 'meeting', 'intro', 'Dana',
  '2026-11-20', '2026-02-30', '2026-2-3', '2026-11-20T09:30:00.000Z', '2026-11-20T25:30:00.000Z', 'Fri, 20 Nov 2026 09:30:00 GMT',
  [], ['x'], [''], [{ type: 'intro' }], [{ type: 'nope' }], {}, { type: 'advice', note: 'n' }, { type: 'gift', note: 3 },
);

/** Every path (list of keys) in a JSON value. */
function paths(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}
const ALL = paths(sample).filter((p) => p.length > 0);

function mutate(doc: unknown, path: (string | number)[], to: unknown, extraKey: boolean): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (extraKey && parent && typeof parent === 'object' && !Array.isArray(parent)) parent[`extra${String(last)}`] = to === DELETE ? 1 : to;
  else if (to === DELETE) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = to;
  return copy;
}

describe('compileCheck: the quick check of the journal schema', () => {
  it('accepts the sample journal, as TypeBox does', () => {
    expect(typebox.Check(sample)).toBe(true);
    expect(quick(sample)).toBe(true);
  });

  it('agrees with TypeBox on journals changed at random places', () => {
    let invalid = 0;
    let valid = 0;
    const change = fc.tuple(fc.integer({ min: 0, max: ALL.length - 1 }), replacement, fc.boolean());
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 3 }), (changes) => {
        let doc: unknown = sample;
        for (const [p, to, extra] of changes) {
          const path = ALL[p]!;
          try {
            doc = mutate(doc, path, to, extra);
          } catch {
            // An earlier change removed the place this one points at.
          }
        }
        const expected = typebox.Check(doc);
        if (expected) valid++;
        else invalid++;
        expect(quick(doc)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
    // Not vacuous: both verdicts occur often.
    expect(invalid).toBeGreaterThan(500);
    expect(valid).toBeGreaterThan(100);
  });

  it('agrees on the settings record, including keys of any text', () => {
    for (const tagCadences of [{ investor: 30 }, { 'a\nb': 0 }, { x: null }, { x: 0 }, { x: 'monthly' }, [], null]) {
      const doc = { ...sample, settings: { tagCadences } };
      expect(quick(doc)).toBe(typebox.Check(doc));
    }
  });

  it('refuses, when compiling, a schema it does not know how to check', () => {
    expect(() => compileCheck(Type.Object({ a: Type.String() }, { additionalProperties: false }))).toThrow(/unsupported schema/);
    expect(() => compileCheck(Type.Tuple([Type.String()]))).toThrow(/unsupported schema/);
    expect(() => compileCheck(Type.String({ format: 'no-such-format' }))).toThrow(/unsupported schema/);
  });
});
