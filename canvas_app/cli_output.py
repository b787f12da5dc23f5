"""What the command line writes: standard output guarded (a full disk, a closed pipe: one
line, or none, instead of a traceback) and every line kept one line (control characters in
names escaped)."""

from __future__ import annotations

import contextlib
import os
import re
import sys
from typing import TextIO


def err(message: str) -> int:
    with contextlib.suppress(OSError):  # (stderr itself may be full or closed)
        print(one_line(message), file=sys.stderr)
    return 1


# The exit status of a command whose reader went away (``canvas-app … | head -1``): what a
# shell reports for a program ended by SIGPIPE, as ``cat`` or ``seq`` are (128 + 13).
CLOSED_PIPE_EXIT = 141


class OutputError(Exception):
    """Standard output could not be written (a full disk, a closed pipe): raised by
    :class:`GuardedOutput` so that it is told apart from errors of the files a command
    reads and writes. ``done`` says what was written elsewhere before it failed."""

    def __init__(self, error: OSError, done: str = "") -> None:
        super().__init__(error.strerror or str(error))
        self.error = error
        self.done = done

    @property
    def closed_pipe(self) -> bool:
        return isinstance(self.error, BrokenPipeError)

    def message(self) -> str:
        reason = self.error.strerror or str(self.error)
        reason = reason[:1].lower() + reason[1:]
        done = f" ({self.done})" if self.done else ""
        return f"canvas-app: standard output: {reason}{done}"


class GuardedOutput:
    """Standard output for a command: its writes and flushes raise :class:`OutputError`
    instead of a bare OSError; everything else is the stream's own."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            if len(text) > self.WHOLE_WRITE and hasattr(self._stream, "buffer"):
                return self._write_whole(text)
            return self._stream.write(text)
        except OSError as exc:
            raise OutputError(exc) from None

    # Text longer than this (characters) is written by _write_whole.
    WHOLE_WRITE = 8192

    def _write_whole(self, text: str) -> int:
        """Writes ``text`` through the binary buffer until every byte is taken. Python's
        buffered writer hands a big write straight to the pipe and returns what one write
        took (64 KiB, once the reader has gone away) with no error, and the text layer
        drops that count: ``simulate --json | head -c 10`` was cut short and exited 0. The
        rest, written again, meets the closed pipe as the error it is."""
        stream = self._stream
        stream.flush()
        data = memoryview(text.encode(stream.encoding, stream.errors or "strict"))
        while data:
            taken = stream.buffer.write(data)
            data = data[taken or 0:]
        stream.buffer.flush()
        return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            raise OutputError(exc) from None

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def discard_output() -> None:
    """Points standard output at the null device once it failed, so that what is still in
    its buffer does not fail again (with a message and exit 120) as Python exits."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (a test's capture)
        return
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)


def output_failed(exc: OutputError) -> int:
    """One line for a standard output that could not be written, exit 1; nothing for a
    closed pipe (the reader has what it wanted), exit :data:`CLOSED_PIPE_EXIT`."""
    discard_output()
    if exc.closed_pipe:
        return CLOSED_PIPE_EXIT
    return err(exc.message())


# What would break a line of output (or hide in it): C0 and C1 control characters, DEL,
# and the line and paragraph separators.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    code = ord(ch)
    return _ESCAPES.get(ch) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def one_line(text: str) -> str:
    """``text`` as one line of output: a line break or other control character in a name,
    tag or subject is written as its escape (``\\n``, ``\\t``, ``\\x1b``, ``\\u2028``),
    so every log entry, warning and error stays one line (docs/decisions.md)."""
    return _CONTROL.sub(_escape, text)
