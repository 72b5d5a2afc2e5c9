// Long output written out as it is made, in chunks of whole lines: nothing holds all of it, and
// `ctx.out` writes a chunk that ends in a line break as it is (it adds one to text that lacks it).

const CHUNK = 1 << 16;

export interface Chunks {
  /** Adds text that ends in a line break (one line or several). */
  add(lines: string): void;
  /** Writes what is left. */
  end(): void;
}

export function chunks(write: (chunk: string) => void): Chunks {
  let buf = '';
  return {
    add(lines) {
      buf += lines;
      if (buf.length >= CHUNK) {
        write(buf);
        buf = '';
      }
    },
    end() {
      if (buf) write(buf);
      buf = '';
    },
  };
}
