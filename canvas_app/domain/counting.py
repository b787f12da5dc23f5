"""Counts in words: "1 campaign", "2 campaigns", "12,500 nodes"."""

from __future__ import annotations


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``count`` and ``noun``, plural unless the count is one, with thousands separated:
    ``counted(1, "node")`` is "1 node", ``counted(12500, "node")`` "12,500 nodes". Nouns
    whose plural is not the noun and an s give it: ``counted(2, "entry", "entries")``."""
    word = noun if count == 1 else (plural or f"{noun}s")
    return f"{count:,} {word}"
