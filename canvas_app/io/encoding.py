"""Reading a file's bytes as UTF-8 text, with a message in words when they are not.

JSON files are UTF-8 (RFC 8259). A file saved in another encoding (Latin-1, Windows-1252,
UTF-16 from Notepad's "Unicode") or a file that is not text at all gets a
:class:`NotText` whose ``place`` is the line and column of the first byte that is not
UTF-8, as the malformed-JSON messages give it (empty for a file that is not text), and
whose ``message`` says what to do.

:func:`read_file_bytes` reads a file named on the command line or opened in the app: only a
regular file, and at most :data:`MAX_FILE_BYTES` of it. A device (``/dev/zero`` never ends),
a named pipe (opening it waits for a writer) or a socket is refused without being read, with
a :class:`NotAFile` whose ``message`` says what it is.
"""

from __future__ import annotations

import codecs
import os
import stat

_SAMPLE = 8192  # the start of the file, enough to tell text from binary data
# Bytes no text file holds (C0 controls other than tab, line ends, form feed and escape).
_CONTROL = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x20)) - {0x1B}
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
NOT_TEXT = "not a text file (it holds binary data)"
UTF16 = "the file is saved as UTF-16 text: save it as UTF-8"
MAX_FILE_BYTES = 100 * 1024 * 1024  # a 10,000-node workspace is about 4 MB
_MB = 1024 * 1024


class NotAFile(ValueError):
    """A name that is not a regular file of a sensible size: ``message`` says why."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def kind_of(mode: int) -> str | None:
    """What a file of this ``st_mode`` is, when it is not a regular file ("a folder",
    "a device", ...); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def not_a_file(mode: int) -> str | None:
    """"it is a device, not a file" (the words the folder message uses), or None for a
    regular file."""
    kind = kind_of(mode)
    if kind is None:
        return None
    return "it is not a regular file" if kind == "not a regular file" else \
        f"it is {kind}, not a file"


def too_big(size: int, limit: int = MAX_FILE_BYTES) -> str:
    return (f"the file is larger than {limit // _MB} MB ({size / _MB:,.0f} MB): too big to "
            "be a workspace or a scenario")


def read_file_bytes(path: str | os.PathLike[str], limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes. Raises :class:`NotAFile`
    for a folder, a device, a named pipe or a socket (none is opened: a pipe would wait
    for a writer, a device may never end) and for a file that is too big; OSError as
    ``open`` does (FileNotFoundError, PermissionError, ...)."""
    problem = not_a_file(os.stat(path).st_mode)
    if problem is not None:
        raise NotAFile(problem)
    # O_NONBLOCK: should the name become a pipe between the two looks, opening it does not
    # wait for a writer (it changes nothing for a regular file).
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    with open(os.open(path, flags), "rb") as file:
        status = os.fstat(file.fileno())
        problem = not_a_file(status.st_mode)
        if problem is not None:
            raise NotAFile(problem)
        if status.st_size > limit:
            raise NotAFile(too_big(status.st_size, limit))
        data = file.read(limit + 1)  # it may have grown since
    if len(data) > limit:
        raise NotAFile(too_big(len(data), limit))
    return data


class NotText(ValueError):
    """Bytes that are not UTF-8 text: ``place`` ("line L column C" or "") and ``message``."""

    def __init__(self, place: str, message: str) -> None:
        self.place = place
        self.message = message
        super().__init__(f"{place}: {message}" if place else message)


def decode_utf8(data: bytes) -> str:
    """``data`` as text; a UTF-8 byte order mark (Notepad writes one) is not content.
    Raises :class:`NotText` for UTF-16 text, binary data and bytes that are not UTF-8."""
    head = data[:_SAMPLE]
    if b"\x00" in head:  # never in UTF-8 text; every other byte of ASCII in UTF-16
        raise NotText("", UTF16 if _is_utf16(data) else NOT_TEXT)
    body = data.removeprefix(codecs.BOM_UTF8)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        if head.startswith(_UTF16_BOMS) or _CONTROL.intersection(head):
            raise NotText("", NOT_TEXT) from None
        raise NotText(_place(body, exc.start),
                      f"not UTF-8 text (byte 0x{body[exc.start]:02x}): save the file as UTF-8") \
            from None


def _place(body: bytes, offset: int) -> str:
    """"line L column C" (both from 1, the column in characters) of byte ``offset``,
    everything before which is valid UTF-8."""
    line_start = body.rfind(b"\n", 0, offset) + 1
    line = body.count(b"\n", 0, offset) + 1
    column = len(body[line_start:offset].decode("utf-8")) + 1
    return f"line {line} column {column}"


def _is_utf16(data: bytes) -> bool:
    """UTF-16 text (with or without a byte order mark) that starts like JSON."""
    if data.startswith(_UTF16_BOMS):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-16-le", "utf-16-be"]
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if text.lstrip("\ufeff \t\r\n")[:1] in ("{", "["):
            return True
    return False


_JSON_SNIFF = 4096  # bytes read to tell JSON text from a database
_BLANK = b" \t\r\n"


def starts_like_json_object(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a regular file whose text starts with ``{`` (after a UTF-8 byte
    order mark and blank space): a JSON workspace, whatever its name. Only a regular file
    is opened (never a pipe or a device); False for anything that cannot be read."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        with open(os.open(path, flags), "rb") as file:
            head = file.read(_JSON_SNIFF)
    except (OSError, ValueError):
        return False
    return head.removeprefix(codecs.BOM_UTF8).lstrip(_BLANK)[:1] == b"{"
