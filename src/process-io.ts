import { fstatSync, readlinkSync, writeSync } from 'node:fs';
import type { Io } from './context.js';
import { JournalError } from './errors.js';

// The process streams are made on first use, and making them costs: `process.stdout` loads
// Node's stream and socket modules, `process.stdin` more. So stdout and stderr are written with
// fs.writeSync where that is the same thing (stdStream), and stdin is looked at only when a
// command needs it (only when stdout is a terminal and a prompt might be shown).

/** The Io of this process: its arguments, environment, clock and streams. */
export function processIo(argv: readonly string[]): Io {
  let stdout: Io['stdout'] | undefined;
  let stderr: Io['stderr'] | undefined;
  return {
    get stdout() {
      return (stdout ??= stdStream(1, () => process.stdout));
    },
    get stderr() {
      return (stderr ??= stdStream(2, () => process.stderr));
    },
    get stdinIsTTY() {
      return process.stdin.isTTY === true;
    },
    readStdin: async () => {
      let text = '';
      for await (const chunk of process.stdin.setEncoding('utf8')) text += chunk;
      return text;
    },
    argv,
    env: process.env,
    now: () => new Date(),
  };
}

/**
 * A standard stream: written straight to its file descriptor when it is a pipe, a socket, a file
 * or /dev/null (blocking, as Node's own stream writes them on Linux); Node's stream for a
 * terminal or anything else, and from the first write that would block (a non-blocking pipe). `netlog due | head` closing the
 * pipe early is not an error: netlog stops quietly.
 */
function stdStream(fd: 1 | 2, node: () => NodeJS.WriteStream): Io['stdout'] {
  const quietOnEpipe = (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  };
  const viaNode = () => {
    const stream = node();
    if (fd === 1) stream.on('error', quietOnEpipe);
    return stream;
  };
  if (!writtenDirectly(fd)) return viaNode();
  let fallback: NodeJS.WriteStream | undefined;
  return {
    isTTY: false,
    write(text: string) {
      if (fallback) return fallback.write(text);
      const bytes = Buffer.from(text, 'utf8');
      let done = 0;
      try {
        while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        // A closed stderr has no one left to tell.
        if (code === 'EPIPE') return fd === 1 ? process.exit(0) : true;
        if (code !== 'EAGAIN') throw new JournalError(`cannot write the output: ${(e as Error).message}`);
        fallback = viaNode();
        fallback.write(bytes.subarray(done));
      }
      return true;
    },
  };
}

/** Whether fd is something other than a terminal that writeSync writes as Node's stream would. */
function writtenDirectly(fd: number): boolean {
  try {
    const st = fstatSync(fd);
    if (st.isFIFO() || st.isFile() || st.isSocket()) return true;
    // A character device may be a terminal; /dev/null is the common one that is not.
    return st.isCharacterDevice() && process.platform === 'linux' && readlinkSync(`/proc/self/fd/${fd}`) === '/dev/null';
  } catch {
    return false;
  }
}
