// Text from the journal or an imported file must not drive the terminal: control characters,
// escape sequences and bidi overrides are shown escaped, never sent raw (SPEC §5). Characters
// that show as nothing (zero-width spaces and joiners, word joiner, BOM, soft hyphen, variation
// selectors, Unicode tag characters) are shown escaped too, so "Dana\u200BLee" cannot pass for
// "DanaLee" on screen — except a joiner or variation selector inside an emoji, where it is the
// emoji's own.

const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}]/gu;

// UNSAFE's characters of the Basic Multilingual Plane, and any half of a surrogate pair (for the
// others): text it finds nothing in is safe as it is, which most text is.
const MAYBE_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ud800-\udfff]/;

// Part of an emoji: a zero-width joiner between two pictographs, a variation selector after one.
// Made on first use: the first regex of a Unicode property a process makes costs a start.
let emojiPart: RegExp | undefined;
const isPictograph = (ch: string) => (emojiPart ??= /\p{Extended_Pictographic}/u).test(ch);

function escape(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (ch === '\n') return '\\n';
  if (ch === '\t') return '\\t';
  if (ch === '\r') return '\\r';
  if (code <= 0xff) return `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `\\u{${code.toString(16).toUpperCase()}}`;
}

function inEmoji(ch: string, before: string, after: string): boolean {
  if (ch === '\u200d') return isPictograph(before) && isPictograph(after);
  if (ch === '\ufe0f' || ch === '\ufe0e') return isPictograph(before) || /^[0-9#*]$/.test(before);
  return false;
}

/** The text without anything that could drive a terminal or break a shell line (for completion). */
export function stripUnsafe(text: string): string {
  return text.replace(UNSAFE, '');
}

/** The text made safe to print on a terminal. */
export function safe(text: string): string {
  if (!MAYBE_UNSAFE.test(text)) return text;
  return text.replace(UNSAFE, (ch, offset: number) => {
    const before = [...text.slice(Math.max(0, offset - 2), offset)].pop() ?? '';
    const after = [...text.slice(offset + ch.length, offset + ch.length + 2)][0] ?? '';
    return inEmoji(ch, before, after) ? ch : escape(ch);
  });
}

/** Text of several lines (a note) made safe line by line: its line breaks print as lines, not \\n. */
export function safeLines(text: string): string {
  if (!text.includes('\n')) return safe(text);
  return text.split(/\r?\n/).map(safe).join('\n');
}
