"""The explaining log of a run, kept compact: :class:`LogLines`.

A run of 100,000 contacts writes some 400,000 log lines; as a list of ``str`` they take about
265 bytes each (most hold a "→", which makes the whole string two bytes a character). Here the
finished lines are kept in sealed blocks of :data:`BLOCK` lines, joined and zlib-compressed:
about 10 bytes a line. Only the last few thousand lines stay as strings, so that appending,
reserving a line and filling it later cost what they cost on a list.

:class:`LogLines` reads like a list of ``str`` (``len``, indexing, slicing to a list,
iteration, ``==`` with a list); it is written with :meth:`LogLines.append` and with
:meth:`LogLines.reserve` / :meth:`LogLines.fill`, a place for a line whose words are known
once its consequences are (usually within the same event). A block is sealed only once no
slot in it is still reserved, unless the slot has waited for a whole block's worth of lines:
then the block is sealed all the same and the line, when it comes, is kept beside it.

:class:`PlainLines` is the log as it was before, a plain list with the same two methods: what
tests and ``bench/sim_throughput.py`` compare :class:`LogLines` with.
"""

from __future__ import annotations

import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

BLOCK = 4096  # lines in a sealed block
SLACK = 64  # lines kept as strings past a block before it is sealed (reserved slots are recent)
LEVEL = 1  # zlib level: 3x faster than the default for 15 % more bytes
ENCODING = "utf-8"
ERRORS = "surrogatepass"  # a lone surrogate read from a JSON file survives the round trip

# A sealed block: its lines joined with "\n" and compressed, or, when a line holds a "\n"
# itself (a name read from a file may), the lines as they are.
Block = bytes | tuple[str, ...]


class LogLines(Sequence[str]):
    """A list of log lines, compact once written (see the module's doc)."""

    __slots__ = ("_block", "_blocks", "_tail", "_base", "_seal_at", "_pending", "_late",
                 "_cache_at", "_cache")

    def __init__(self, lines: Iterable[str] = (), block: int = BLOCK) -> None:
        if block < 1:
            raise ValueError("a block holds at least one line")
        self._block = block
        self._blocks: list[Block] = []
        self._tail: list[str] = []  # the lines from _base on, not sealed yet
        self._base = 0  # = len(self._blocks) * block
        self._seal_at = block + min(SLACK, block)
        self._pending: set[int] = set()  # reserved slots not filled yet
        self._late: dict[int, str] = {}  # slots filled after their block was sealed
        self._cache_at = -1  # the block last read, as lines
        self._cache: list[str] = []
        for line in lines:
            self.append(line)

    # -- writing ----------------------------------------------------------------------------
    def append(self, line: str) -> None:
        tail = self._tail
        tail.append(line)
        if len(tail) >= self._seal_at:
            self._seal()

    def reserve(self) -> int:
        """A place for a line written later with :meth:`fill`; it reads ``""`` until then."""
        tail = self._tail  # (append, inlined: most lines of a run are reserved first)
        slot = self._base + len(tail)
        self._pending.add(slot)
        tail.append("")
        if len(tail) >= self._seal_at:
            self._seal()
        return slot

    def fill(self, slot: int, line: str) -> None:
        """Writes the line at ``slot`` (one from :meth:`reserve`, or any line of the log)."""
        self._pending.discard(slot)
        at = slot - self._base
        tail = self._tail
        if 0 <= at < len(tail):
            tail[at] = line
        elif 0 <= slot < self._base:  # its block was sealed while it waited
            self._late[slot] = line
            if self._cache_at == slot // self._block:
                self._cache[slot % self._block] = line
        else:
            raise IndexError(f"log line {slot} does not exist ({len(self)} lines)")

    def _seal(self) -> None:
        block, tail = self._block, self._tail
        end = self._base + block
        waiting = [slot for slot in self._pending if slot < end]
        if waiting and len(tail) < 2 * block:
            self._seal_at = len(tail) + 1  # again at the next line: fill comes soon
            return
        for slot in waiting:  # waited a whole block: sealed as "", its line goes in _late
            self._pending.discard(slot)
        lines = tail[:block]
        text = "\n".join(lines)
        if text.count("\n") == block - 1:
            self._blocks.append(zlib.compress(text.encode(ENCODING, ERRORS), LEVEL))
        else:
            self._blocks.append(tuple(lines))
        del tail[:block]
        self._base = end
        self._seal_at = block + min(SLACK, block)
        if len(tail) >= self._seal_at:
            self._seal()

    # -- reading ----------------------------------------------------------------------------
    def __len__(self) -> int:
        return self._base + len(self._tail)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step == 1:
                return self._span(start, stop)
            return [self[i] for i in range(start, stop, step)]
        size = len(self)
        if index < 0:
            index += size
        if not 0 <= index < size:
            raise IndexError("log line index out of range")
        base = self._base
        if index >= base:
            return self._tail[index - base]
        return self._lines_of(index // self._block)[index % self._block]

    def __iter__(self) -> Iterator[str]:
        # By position, so that lines written (and blocks sealed) meanwhile are read too.
        at = 0
        while at < len(self):
            if at < self._base:
                chunk = self._span(at, at - at % self._block + self._block)
            else:
                chunk = self._span(at, len(self))
            yield from chunk
            at += len(chunk)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (LogLines, list)):
            return len(self) == len(other) and all(
                a == b for a, b in zip(self, other, strict=False))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, like a list

    def __repr__(self) -> str:
        return f"<LogLines: {len(self)} lines, {len(self._blocks)} sealed blocks>"

    def _span(self, start: int, stop: int) -> list[str]:
        """Lines ``start`` to ``stop`` (0 <= start, stop <= len), as a list."""
        out: list[str] = []
        block, base = self._block, self._base
        at = start
        while at < stop:
            if at >= base:
                out += self._tail[at - base:stop - base]
                break
            number = at // block
            first = number * block
            out += self._lines_of(number)[at - first:min(stop, first + block) - first]
            at = min(stop, first + block)
        return out

    def _lines_of(self, number: int) -> list[str]:
        if number != self._cache_at:
            sealed = self._blocks[number]
            if isinstance(sealed, bytes):
                lines = zlib.decompress(sealed).decode(ENCODING, ERRORS).split("\n")
            else:
                lines = list(sealed)
            if self._late:
                first = number * self._block
                for slot, line in self._late.items():
                    if first <= slot < first + self._block:
                        lines[slot - first] = line
            self._cache_at, self._cache = number, lines
        return self._cache

    # -- copies and size ------------------------------------------------------------------
    def copy(self) -> LogLines:
        """The log as it is now; it shares the sealed blocks (they never change), so only
        the last lines are copied. Slots still reserved stay ``""`` in the copy."""
        twin = LogLines((), self._block)
        twin._blocks = list(self._blocks)
        twin._tail = list(self._tail)
        twin._base = self._base
        twin._late = dict(self._late)
        return twin

    def stored_bytes(self) -> int:
        """Bytes the lines take (compressed blocks, and the strings not sealed yet)."""
        size = sys.getsizeof(self._blocks) + sys.getsizeof(self._tail)
        for sealed in self._blocks:
            size += sys.getsizeof(sealed)
            if isinstance(sealed, tuple):
                size += sum(sys.getsizeof(line) for line in sealed)
        return size + sum(sys.getsizeof(line) for line in self._tail)


class PlainLines(list[str]):
    """The log as a plain list of strings, as it was kept before :class:`LogLines`: the
    reference that tests and the benchmark compare with."""

    def reserve(self) -> int:
        self.append("")
        return len(self) - 1

    def fill(self, slot: int, line: str) -> None:
        self[slot] = line
