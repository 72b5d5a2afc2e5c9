// Text from the journal or an imported file must not drive the terminal: control characters,
// escape sequences and bidi overrides are shown escaped, never sent raw (SPEC §5).

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]/g;

function escape(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ch === '\n') return '\\n';
  if (ch === '\t') return '\\t';
  if (ch === '\r') return '\\r';
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The text without anything that could drive a terminal or break a shell line (for completion). */
export function stripUnsafe(text: string): string {
  return text.replace(UNSAFE, '');
}

/** The text made safe to print on a terminal. */
export function safe(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** Text of several lines (a note) made safe line by line: its line breaks print as lines, not \\n. */
export function safeLines(text: string): string {
  return text.split(/\r?\n/).map(safe).join('\n');
}
