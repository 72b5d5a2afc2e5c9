// What JSON.parse accepts but a journal must not have, found in one pass over the text with no
// recursion (any depth) and almost no allocation: a key given twice in one object (JSON.parse
// silently keeps the last, so a merge leftover `"contacts": [...], "contacts": []` would lose
// every contact on the next write), nesting deeper than MAX_DEPTH (JSON.stringify and the
// rest of the program recurse), and numbers too large for a double (1e400 parses as Infinity
// and would be written back as null).

/** How deeply a journal may nest. netlog's own records nest five levels; the rest is room for fields it does not know. */
export const MAX_DEPTH = 64;

export interface JsonIssue {
  /** Where: a character offset in a string, a byte offset in bytes. */
  offset: number;
  /** Where, as a JSON path ("contacts[3].name"), or "(top level)". */
  path: string;
  reason: string;
  /** For a duplicate key: where the first one is. */
  firstOffset?: number;
}

const OBJECT = 1;
const ARRAY = 2;
/** Up to this many keys an object's keys are compared one by one; beyond, a Map. */
const LINEAR = 24;

/** The significant digits and the power of ten of a decimal number written out ("0.0120" → 12, -1). */
function decimal(text: string): { digits: string; exp: number } {
  const [mantissa = '', e = '0'] = text.replace(/^-/, '').split(/[eE]/);
  const dot = mantissa.indexOf('.');
  let digits = mantissa.replace('.', '');
  let exp = Number(e) + (dot < 0 ? mantissa.length : dot);
  const lead = /^0*/.exec(digits)![0].length;
  digits = digits.slice(lead).replace(/0+$/, '');
  exp -= lead;
  return digits === '' ? { digits: '0', exp: 0 } : { digits, exp };
}

/** Whether parsing `literal` as a double keeps its value: JSON.stringify writes the same number back. */
function keepsDigits(literal: string, value: number): boolean {
  const a = decimal(literal);
  const b = decimal(String(value));
  return a.digits === b.digits && (a.digits === '0' || a.exp === b.exp);
}

/**
 * Checks JSON text (a string, or its UTF-8 bytes without a BOM) for duplicate keys, nesting
 * beyond `maxDepth` and out-of-range numbers. Returns the first issue, or undefined. On text
 * that is not JSON it stops at the first thing it cannot follow and returns undefined
 * (JSON.parse's error is the one to report then), unless the nesting went too deep before.
 */
export function scanJson(input: string | Uint8Array, maxDepth = MAX_DEPTH): JsonIssue | undefined {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const issue = scanBytes(bytes, maxDepth);
  if (!issue || typeof input !== 'string') return issue;
  return { ...issue, offset: charOffset(bytes, issue.offset), ...(issue.firstOffset !== undefined ? { firstOffset: charOffset(bytes, issue.firstOffset) } : {}) };
}

/** The character offset of a byte offset in UTF-8 bytes. */
function charOffset(bytes: Buffer, byteOffset: number): number {
  return bytes.toString('utf8', 0, byteOffset).length;
}

// The scan runs over bytes: JSON's structure is ASCII, which never occurs inside a multi-byte
// UTF-8 sequence, and indexing bytes is several times faster than charCodeAt on a string with
// non-ASCII text in it.
function scanBytes(b: Buffer, maxDepth: number): JsonIssue | undefined {
  const n = b.length;
  const kind = new Uint8Array(maxDepth + 1);
  const index = new Int32Array(maxDepth + 1);
  const keyStart = new Int32Array(maxDepth + 1).fill(-1);
  const keyEnd = new Int32Array(maxDepth + 1);
  const keyBase = new Int32Array(maxDepth + 1);
  const maps: (Map<string, number> | undefined)[] = new Array(maxDepth + 1);
  // The keys of every open object, stacked: hash, start and end of each.
  let kh = new Int32Array(256);
  let ks = new Int32Array(256);
  let ke = new Int32Array(256);
  let top = 0;
  let depth = 0;
  let wantKey = false;
  let i = 0;

  const keyText = (s: number, e: number): string => {
    const raw = b.toString('utf8', s, e);
    return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
  };
  const pathAt = (d: number): string => {
    let out = '';
    // A path through a very deep document is cut short: its start says where it is.
    const shown = Math.min(d, 12);
    for (let k = 1; k <= shown; k++) {
      if (kind[k] === ARRAY) out += `[${index[k]}]`;
      else if (keyStart[k]! >= 0) {
        const key = keyText(keyStart[k]!, keyEnd[k]!);
        out += /^[A-Za-z_$][\w$]*$/.test(key) ? (out ? `.${key}` : key) : `[${JSON.stringify(key)}]`;
      }
    }
    if (shown < d) out += `... (${d} levels down)`;
    return out || '(top level)';
  };

  for (;;) {
    let c = 0;
    while (i < n && ((c = b[i]!) === 32 || c === 10 || c === 13 || c === 9)) i++;
    if (i >= n) return undefined;
    switch (c) {
      case 123: // {
      case 91: // [
        if (depth === maxDepth) return { offset: i, path: pathAt(depth), reason: `nested deeper than ${maxDepth} levels` };
        depth++;
        kind[depth] = c === 123 ? OBJECT : ARRAY;
        index[depth] = 0;
        keyStart[depth] = -1;
        keyBase[depth] = top;
        maps[depth] = undefined;
        wantKey = c === 123;
        i++;
        break;
      case 125: // }
      case 93: // ]
        if (depth === 0) return undefined;
        top = keyBase[depth]!;
        maps[depth] = undefined;
        depth--;
        wantKey = false;
        i++;
        break;
      case 44: // ,
        if (depth === 0) return undefined;
        if (kind[depth] === ARRAY) index[depth]!++;
        else wantKey = true;
        i++;
        break;
      case 58: // :
        i++;
        break;
      case 34: {
        // A string: find the closing quote (one not preceded by an odd number of backslashes).
        let j = i + 1;
        for (;;) {
          j = b.indexOf(34, j);
          if (j < 0) return undefined;
          let k0 = j - 1;
          while (b[k0]! === 92) k0--;
          if ((j - 1 - k0) % 2 === 0) break;
          j++;
        }
        if (wantKey && depth > 0) {
          wantKey = false;
          const s = i + 1;
          let h = 0;
          let escaped = false;
          for (let k = s; k < j; k++) {
            const d = b[k]!;
            if (d === 92) escaped = true;
            h = (Math.imul(h, 31) + d) | 0;
          }
          if (escaped) {
            // Hash what the key means, so "a\u0062" and "ab" are the same key.
            const key = keyText(s, j);
            h = 0;
            for (let k = 0; k < key.length; k++) h = (Math.imul(h, 31) + key.charCodeAt(k)) | 0;
          }
          keyStart[depth] = s;
          keyEnd[depth] = j;
          const base = keyBase[depth]!;
          let first = -1;
          if (top - base < LINEAR) {
            for (let k = base; k < top; k++) {
              if (kh[k] === h && keyText(ks[k]!, ke[k]!) === keyText(s, j)) {
                first = ks[k]! - 1;
                break;
              }
            }
          } else {
            let m = maps[depth];
            if (!m) {
              m = new Map();
              for (let k = base; k < top; k++) m.set(keyText(ks[k]!, ke[k]!), ks[k]! - 1);
              maps[depth] = m;
            }
            const key = keyText(s, j);
            const seen = m.get(key);
            if (seen !== undefined) first = seen;
            else m.set(key, i);
          }
          if (first >= 0) {
            const key = keyText(s, j);
            return { offset: i, path: pathAt(depth), reason: `duplicate key ${JSON.stringify(key)}`, firstOffset: first };
          }
          if (top === kh.length) {
            const grow = (a: Int32Array) => {
              const b = new Int32Array(a.length * 2);
              b.set(a);
              return b;
            };
            kh = grow(kh);
            ks = grow(ks);
            ke = grow(ke);
          }
          kh[top] = h;
          ks[top] = s;
          ke[top] = j;
          top++;
        }
        i = j + 1;
        break;
      }
      default: {
        if (c === 45 || (c >= 48 && c <= 57)) {
          let j = i + 1;
          let exponent = false;
          for (; j < n; j++) {
            const d = b[j]!;
            if ((d >= 48 && d <= 57) || d === 46 || d === 43 || d === 45) continue;
            if (d === 101 || d === 69) exponent = true;
            else break;
          }
          // Only an exponent or more than 15 characters can leave a double's range or precision.
          if (exponent || j - i > 15) {
            const literal = b.toString('latin1', i, j);
            const shown = literal.length > 20 ? `${literal.slice(0, 17)}...` : literal;
            const value = Number(literal);
            if (!Number.isFinite(value)) return { offset: i, path: pathAt(depth), reason: `a number out of range (${shown})` };
            if (!keepsDigits(literal, value)) {
              return { offset: i, path: pathAt(depth), reason: `a number with more digits than netlog can keep exactly (${shown} would be written back as ${value})` };
            }
          }
          i = j;
        } else if (c === 116 || c === 102 || c === 110) {
          // true, false, null
          i++;
          while (i < n && (c = b[i]!) >= 97 && c <= 122) i++;
        } else {
          return undefined;
        }
      }
    }
  }
}
