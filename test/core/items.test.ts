import { describe, expect, it } from 'vitest';
import { parseItem, parseKind } from '../../src/core/items.js';

describe('parseItem', () => {
  it.each([
    ['intro', { type: 'intro' }],
    ['intro:to Sam, designer', { type: 'intro', note: 'to Sam, designer' }],
    ['Advice: pricing ', { type: 'advice', note: 'pricing' }],
    ['referral:', { type: 'referral' }],
    ['introduction:x', { type: 'intro', note: 'x' }],
    ['business:a: b', { type: 'business', note: 'a: b' }],
  ] as const)('%j', (text, item) => {
    expect(parseItem(text)).toEqual(item);
  });
  it.each(['bribe', '', ':note', 'intros'])('rejects %j', (text) => {
    expect(parseItem(text)).toBeUndefined();
  });
});

describe('parseKind', () => {
  it('accepts every kind in any case and rejects others', () => {
    expect(parseKind('Coffee')).toBe('coffee');
    expect(parseKind('event')).toBe('event');
    expect(parseKind('lunch')).toBeUndefined();
  });
});
