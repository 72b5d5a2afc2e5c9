import { chunks } from './chunks.js';

/** Machine output: pretty JSON and a newline, nothing else on stdout. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

// Entries stringified together when a list is written out as it goes.
const BATCH = 256;

/**
 * toJson({ ...head, [key]: list of `count` items }), the same text, written out in chunks as the
 * items are made (`item(k)`), so that the list is never all in memory: for a long list.
 */
export function writeJsonList(head: Record<string, unknown>, key: string, count: number, item: (k: number) => unknown, write: (chunk: string) => void): void {
  const whole = toJson({ ...head, [key]: [] });
  if (count === 0) return write(whole);
  // `…"key": []\n}\n` with the list opened; each batch as JSON.stringify lays out a list at that
  // depth (a property of an object at the top): its items between `{\n  "key": [\n` and `\n  ]\n}`.
  const out = chunks(write);
  out.add(`${whole.slice(0, whole.length - '[]\n}\n'.length)}[\n`);
  const open = `{\n  ${JSON.stringify(key)}: [\n`.length;
  const close = '\n  ]\n}'.length;
  for (let start = 0; start < count; start += BATCH) {
    const batch: unknown[] = [];
    for (let k = start; k < Math.min(count, start + BATCH); k++) batch.push(item(k));
    const text = JSON.stringify({ [key]: batch }, null, 2);
    out.add(`${text.slice(open, text.length - close)}${start + BATCH < count ? ',\n' : '\n  ]\n}\n'}`);
  }
  out.end();
}
