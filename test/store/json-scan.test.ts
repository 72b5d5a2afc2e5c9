import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, scanJson } from '../../src/store/json-scan.js';

// json-scan finds what JSON.parse lets through: duplicate keys, deep nesting, numbers out of range.

describe('scanJson', () => {
  it.each([
    ['{"a":1,"a":2}', { offset: 7, path: 'a', reason: 'duplicate key "a"', firstOffset: 1 }],
    ['{"a":{"b":[1,{"c":0,"c":0}]}}', { path: 'a.b[1].c', reason: 'duplicate key "c"' }],
    ['{"ab":1,"a\\u0062":2}', { path: 'ab', reason: 'duplicate key "ab"' }],
    ['{"a\\"":1,"a\\"":2}', { path: '["a\\""]', reason: 'duplicate key "a\\""' }],
    ['{"x":[{"a":1},{"a":2}]}', undefined],
    ['{"a":{"a":{"a":1}}}', undefined],
    ['{"s":"\\\\","s2":"\\"{"}', undefined],
    ['{"n":1e308,"k":123456789012345678901234567890e-10}', { path: 'k', reason: expect.stringMatching(/^a number with more digits/) }],
    ['{"n":1e308,"m":-1.5E-300}', undefined],
    ['{"n":1e309}', { path: 'n', reason: 'a number out of range (1e309)' }],
    ['{"ok":[9007199254740991, 0.1000000000000000, 1.50E+3, -0.0000000000000012, 123456789012345.6, 1E400000000000000000]}', { reason: expect.stringMatching(/out of range/) }],
    ['{"ok":[9007199254740991, 0.1000000000000000, 1.50E+3, -0.0000000000000012, 123456789012345.6, 5e-324]}', undefined],
    ['{"rev":12345678901234567890}', { path: 'rev', reason: 'a number with more digits than netlog can keep exactly (12345678901234567890 would be written back as 12345678901234567000)' }],
    ['{"x":0.12345678901234567891}', { path: 'x', reason: expect.stringMatching(/^a number with more digits than netlog can keep exactly/) }],
    ['[1, -2E+999]', { path: '[1]', reason: 'a number out of range (-2E+999)' }],
    [`{"big":${'9'.repeat(400)}}`, { path: 'big', reason: expect.stringMatching(/^a number out of range \(9{17}\.\.\.\)$/) }],
    [`${'['.repeat(MAX_DEPTH)}${']'.repeat(MAX_DEPTH)}`, undefined],
    [`${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}`, { offset: MAX_DEPTH, reason: `nested deeper than ${MAX_DEPTH} levels` }],
    ['['.repeat(1_000_000), { reason: `nested deeper than ${MAX_DEPTH} levels` }],
    ['{"a":1,', undefined], // not JSON: JSON.parse's error is the one to report
  ])('%s', (text, issue) => {
    const got = scanJson(text);
    if (issue === undefined) expect(got).toBeUndefined();
    else expect(got).toMatchObject(issue);
  });

  it('finds nothing in any JSON.stringify output, and a key repeated at any depth', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.string(), fc.array(fc.boolean(), { maxLength: 20 }), (v, key, wraps) => {
        const value = JSON.stringify(v, null, 1);
        expect(scanJson(value)).toBeUndefined();
        const k = JSON.stringify(key);
        let text = `{${k}: ${value}, "other": 1, ${k}: null}`;
        for (const inArray of wraps) text = inArray ? `[0, ${text}]` : `{"w": ${text}}`;
        expect(scanJson(text)).toMatchObject({ reason: `duplicate key ${k}` });
      }),
      { numRuns: 300 },
    );
  });
});
