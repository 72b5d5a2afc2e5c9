/** Machine output: pretty JSON and a newline, nothing else on stdout. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
