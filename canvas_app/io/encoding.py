"""Reading a file's bytes as UTF-8 text, with a message in words when they are not.

JSON files are UTF-8 (RFC 8259). A file saved in another encoding (Latin-1, Windows-1252,
UTF-16 from Notepad's "Unicode") or a file that is not text at all gets a
:class:`NotText` whose ``place`` is the line and column of the first byte that is not
UTF-8, as the malformed-JSON messages give it (empty for a file that is not text), and
whose ``message`` says what to do.
"""

from __future__ import annotations

import codecs

_SAMPLE = 8192  # the start of the file, enough to tell text from binary data
# Bytes no text file holds (C0 controls other than tab, line ends, form feed and escape).
_CONTROL = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x20)) - {0x1B}
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
NOT_TEXT = "not a text file (it holds binary data)"
UTF16 = "the file is saved as UTF-16 text: save it as UTF-8"


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
