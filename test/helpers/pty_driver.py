#!/usr/bin/env python3
"""Drives a program in a pseudo-terminal for end-to-end tests of interactive prompts.

Reads a JSON spec on stdin:
  {"argv": [...], "env": {...}, "cols": 100, "rows": 30, "timeout": 20,
   "steps": [{"expect": "text on screen"}, {"send": "keys"}, ...]}
Each "expect" waits (no sleeps) until the text appears in the output that follows the previous
match, with escape sequences removed; each "send" types its keys. After the last step it waits
for the program to exit. A hard timeout kills the program. Prints one JSON object on stdout:
  {"code": exit code or null, "output": text without escape sequences,
   "timedOut": bool, "waitingFor": the expect that never came, or null}
Only the standard library is used, so it runs wherever python3 does.
"""
import json
import os
import pty
import re
import select
import signal
import struct
import sys
import time

try:
    import fcntl
    import termios
except ImportError:  # pragma: no cover - not a POSIX system
    fcntl = termios = None

ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78DEHMNOZc]")


def strip(text):
    return ANSI.sub("", text).replace("\r", "")


def main():
    spec = json.load(sys.stdin)
    deadline = time.monotonic() + float(spec.get("timeout", 20))
    env = dict(spec.get("env", {}))
    pid, fd = pty.fork()
    if pid == 0:  # child: become the program
        try:
            os.execvpe(spec["argv"][0], spec["argv"], env)
        finally:
            os._exit(127)

    if fcntl and termios:
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", spec.get("rows", 30), spec.get("cols", 100), 0, 0))

    raw = bytearray()
    pos = 0  # where the next expect starts looking, in the stripped output
    closed = False

    def pump(wait):
        """Reads what is available within `wait` seconds; False once the program closed the terminal."""
        nonlocal closed
        if closed:
            return False
        ready, _, _ = select.select([fd], [], [], max(0.0, wait))
        if not ready:
            return True
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            chunk = b""
        if not chunk:
            closed = True
            return False
        raw.extend(chunk)
        return True

    def text():
        return strip(raw.decode("utf-8", "replace"))

    def finish(code, timed_out, waiting):
        print(json.dumps({"code": code, "output": text(), "timedOut": timed_out, "waitingFor": waiting}))
        sys.exit(0)

    def kill():
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)

    for step in spec.get("steps", []):
        if "expect" in step:
            want = step["expect"]
            while True:
                found = text().find(want, pos)
                if found >= 0:
                    pos = found + len(want)
                    break
                left = deadline - time.monotonic()
                if left <= 0 or not pump(min(left, 0.5)) and text().find(want, pos) < 0:
                    if closed:
                        _, status = os.waitpid(pid, 0)
                        finish(os.waitstatus_to_exitcode(status), False, want)
                    kill()
                    finish(None, True, want)
        if "send" in step:
            os.write(fd, step["send"].encode("utf-8"))

    # Drain the rest of the output until the program exits.
    while time.monotonic() < deadline:
        if not pump(min(deadline - time.monotonic(), 0.5)):
            break
    if not closed:
        kill()
        finish(None, True, None)
    _, status = os.waitpid(pid, 0)
    finish(os.waitstatus_to_exitcode(status), False, None)


if __name__ == "__main__":
    main()
