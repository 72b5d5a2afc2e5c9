import stringWidth from 'string-width';

// How wide text is on a terminal, measured as cli-table3 measures it (string-width, the version
// cli-table3 depends on), so a width netlog works out and one cli-table3 draws never disagree:
// colour codes take no room, wide East Asian characters and emoji take two columns, combining
// accents none.

/** Printed width of a string. */
export function visibleWidth(s: string): number {
  return stringWidth(s);
}
