// How wide text is on a terminal: colour codes take no room, wide East Asian characters and
// emoji take two columns.

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** The text without its colour codes. */
export function stripColour(s: string): string {
  return s.replace(ANSI, '');
}

/** Printed width of a string (colour codes take no room). */
export function visibleWidth(s: string): number {
  let w = 0;
  for (const ch of stripColour(s)) {
    const cp = ch.codePointAt(0)!;
    // Wide East Asian and emoji ranges take two columns.
    w += (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd) ? 2 : 1;
  }
  return w;
}
