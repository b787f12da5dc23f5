"""Names people give things (nodes, catalog items): when two are "the same name".

A name is read, not typed again: "Spa nurture", "spa  Nurture" and " Spa nurture " look
alike under a node's icon (the canvas does not show a double space) and in a list, so they
count as one name. :func:`name_key` is what names are compared by; :func:`tidy_name` is a
name as it is shown and should be kept (one space between words, none around).

Contacts' names are not compared this way: C10 matches buyers on trimmed names, case
aside, where inner spaces count (:mod:`canvas_app.domain.contacts`).

Names are written in any script. :func:`isolated` keeps a right-to-left name (Arabic, Hebrew)
from turning the sentence round it; :func:`short_name` and :func:`fit_width` cut a name
between what people see as characters (grapheme clusters: "é" written as "e" and an accent,
a family emoji, a flag), never inside one; :func:`display_width` is a name's width in a
terminal's columns (a Chinese character takes two).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TypeVar

from wcwidth import iter_graphemes, width


def tidy_name(name: str) -> str:
    """``name`` with each run of spaces (tabs, line breaks, no-break spaces) made one space
    and none at either end: ``"  spa   Nurture "`` -> ``"spa Nurture"``."""
    return " ".join(name.split())


@lru_cache(maxsize=1 << 16)  # lint compares every node's name after each edit
def name_key(name: str) -> str:
    """What two names are compared by: tidied, case aside, and in one Unicode form. Equal
    keys mean names people cannot tell apart.

    "Café" typed (é one character, NFC) and "Café" from a macOS file name (e and a
    combining accent, NFD) are one name: the key is Unicode's canonical caseless match
    (NFD, case folded, then NFC so that the key reads as the name does). Canonical only,
    not compatibility (NFKC): full-width "Ａ" and "A", "²" and "2", "①" and "1" look
    other and mean other things to those who typed them, and NFKC would call them one
    name. (Case folding itself makes the "ﬁ" ligature "fi", as Unicode defines it.)"""
    decomposed = unicodedata.normalize("NFD", tidy_name(name))
    return unicodedata.normalize("NFC", decomposed.casefold())


T = TypeVar("T")


def alike(items: Iterable[T], name: Callable[[T], str]) -> list[list[T]]:
    """The items that share a name (:func:`name_key`), in groups of two or more: each
    group in the order given, the groups in the order of their first item. What lint
    warns of (nodes of one campaign, campaigns, catalog items) and what lists tell apart
    (:mod:`canvas_app.domain.catalog_labels`)."""
    groups: dict[str, list[T]] = {}
    for item in items:
        groups.setdefault(name_key(name(item)), []).append(item)
    return [group for group in groups.values() if len(group) > 1]


# A sentence that lists names names at most this many, then says how many more (QA 21: a
# goal under 5,000 sequences made a placement help of 120,000 characters that filled the
# screen): :func:`named_list`.
MOST_NAMED = 8


def named_list(shown: list[str], total: int | None = None) -> str:
    """``shown`` (names, quoted as the sentence wants them) joined in words: "A", "A and
    B", "A, B and C"; when ``total`` is more than ``len(shown)``, those then how many more:
    "A, B and 4,990 more". Callers show at most :data:`MOST_NAMED`."""
    more = (total or 0) - len(shown)
    if more > 0:
        return ", ".join(shown) + f" and {more:,} more"
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


# The longest name a field takes when typed or pasted. Real names of products, goals and
# sequences run to 60-80 characters ("Pool opening kit with chlorine, test strips and
# cover"); 200 leaves room for a descriptive one while a pasted paragraph (QA: 3,000
# characters made the Catalog window 18,728 px wide) is stopped at the field. A longer name
# read from a file is kept whole: its field then takes its current length, never cutting it.
NAME_MAX_LENGTH = 200

# How much of a name a sentence quotes (undo texts, confirmations): enough to recognise it.
SHORT_NAME_LENGTH = 40


def graphemes(text: str) -> list[str]:
    """``text`` as the characters people see (Unicode extended grapheme clusters, UAX #29):
    ``graphemes("Cafe\u0301 🇫🇷")`` -> ``["C", "a", "f", "e\u0301", " ", "🇫🇷"]``."""
    return list(iter_graphemes(text))


def short_name(name: str, limit: int = SHORT_NAME_LENGTH) -> str:
    """``name`` on one line for quoting in a sentence, cut to ``limit`` characters with "…"
    when longer: ``short_name("Pool opening kit with chlorine and strips", 20)`` ->
    ``"Pool opening kit wi…"``. Names within the limit come back tidied only.

    A character is what people see as one (a grapheme cluster): a letter and its accents,
    an emoji sequence or a flag is counted once and never cut apart."""
    text = tidy_name(name)
    if len(text) <= limit:  # no more code points than the limit: no more clusters either
        return text
    clusters = graphemes(text)
    if len(clusters) <= limit:
        return text
    return "".join(clusters[:max(limit - 1, 1)]).rstrip() + "…"


LONG_WORD = 24  # characters without a space past which a line may break inside the word
ZWSP = "\u200b"  # ZERO WIDTH SPACE: a place to break a line, not seen
_LONG_RUN = re.compile(rf"\S{{{LONG_WORD + 1},}}")


def breakable(text: str) -> str:
    """``text`` with a place to break the line (an invisible zero width space) between
    the characters of each word longer than :data:`LONG_WORD`, for showing it in a box
    that wraps only between words (Qt's list items, rich text): a 200-letter name made its
    line wider than the Warnings panel, and a tooltip as wide as the screen. A letter and
    its accents, or an emoji sequence, stays whole."""
    if len(text) <= LONG_WORD:
        return text
    return _LONG_RUN.sub(lambda m: ZWSP.join(graphemes(m.group())), text)


def display_width(text: str) -> int:
    """The columns ``text`` takes in a terminal: a Chinese or Japanese character or an
    emoji two, a combining accent or an invisible mark none, others one."""
    return width(text)


def fit_width(name: str, columns: int) -> str:
    """``name`` tidied, cut with "…" to at most ``columns`` terminal columns when wider
    (between grapheme clusters): ``fit_width("泳池冲击剂培育活动", 9)`` -> ``"泳池冲击…"``."""
    text = tidy_name(name)
    if display_width(text) <= columns:
        return text
    room = max(columns - 1, 0)  # "…" takes one
    kept: list[str] = []
    used = 0
    for cluster in graphemes(text):
        used += display_width(cluster)
        if used > room:
            break
        kept.append(cluster)
    return "".join(kept).rstrip() + "…"


FSI = "\u2068"  # FIRST STRONG ISOLATE: what follows, up to PDI, has its own direction
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE
_ISOLATE_OPENERS = frozenset("\u2066\u2067\u2068")  # LRI, RLI, FSI
# Bidi classes that can turn the text round a name: right-to-left letters (R, AL), Arabic
# digits (AN), and the explicit embeddings, overrides and isolates.
_TURNING = frozenset({"R", "AL", "AN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI",
                      "FSI", "PDI"})


@lru_cache(maxsize=1 << 16)  # lint quotes every node's name in some places
def isolated(name: str) -> str:
    """``name`` ready to be put in a left-to-right sentence: a name with right-to-left
    letters (Arabic, Hebrew) or direction marks comes back between FSI and PDI (U+2068,
    U+2069), which lays it out in its own direction as one block. Without them, "Campaign ›
    Node" with two Hebrew names reads "Node › Campaign", and an Arabic name first in a log
    line turns the whole line right to left. Other names come back as they are: they turn
    nothing round them, and invisible marks only get in the way where text is copied or
    compared. A PDI in the name that closes no isolate of its own is dropped (it would
    end the isolation early), and an isolate the name opens is closed within it."""
    if name.isascii() or not any(unicodedata.bidirectional(ch) in _TURNING for ch in name):
        return name  # (no ASCII character turns text round)
    depth = 0
    kept = []
    for ch in name:
        if ch in _ISOLATE_OPENERS:
            depth += 1
        elif ch == PDI:
            if depth == 0:
                continue
            depth -= 1
        kept.append(ch)
    return FSI + "".join(kept) + PDI * (depth + 1)


def without_isolates(text: str) -> str:
    """``text`` with the marks :func:`isolated` puts round names taken out (to search or
    sort on what people see)."""
    return text.replace(FSI, "").replace(PDI, "") if FSI in text else text
