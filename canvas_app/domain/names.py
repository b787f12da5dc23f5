"""Names people give things (nodes, catalog items): when two are "the same name".

A name is read, not typed again: "Spa nurture", "spa  Nurture" and " Spa nurture " look
alike under a node's icon (the canvas does not show a double space) and in a list, so they
count as one name. :func:`name_key` is what names are compared by; :func:`tidy_name` is a
name as it is shown and should be kept (one space between words, none around).

Contacts' names are not compared this way: C10 matches buyers on trimmed names, case
aside, where inner spaces count (:mod:`canvas_app.domain.contacts`).
"""

from __future__ import annotations

from functools import lru_cache


def tidy_name(name: str) -> str:
    """``name`` with each run of spaces (tabs, line breaks, no-break spaces) made one space
    and none at either end: ``"  spa   Nurture "`` -> ``"spa Nurture"``."""
    return " ".join(name.split())


@lru_cache(maxsize=1 << 16)  # lint compares every node's name after each edit
def name_key(name: str) -> str:
    """What two names are compared by: tidied, case aside. Equal keys mean names people
    cannot tell apart."""
    return tidy_name(name).casefold()


# The longest name a field takes when typed or pasted. Real names of products, goals and
# sequences run to 60-80 characters ("Pool opening kit with chlorine, test strips and
# cover"); 200 leaves room for a descriptive one while a pasted paragraph (QA: 3,000
# characters made the Catalog window 18,728 px wide) is stopped at the field. A longer name
# read from a file is kept whole: its field then takes its current length, never cutting it.
NAME_MAX_LENGTH = 200

# How much of a name a sentence quotes (undo texts, confirmations): enough to recognise it.
SHORT_NAME_LENGTH = 40


def name_max_length(current: str) -> int:
    """The max length for a field showing ``current``: :data:`NAME_MAX_LENGTH`, or the
    current length when that is longer (a name from a file is never cut silently)."""
    return max(NAME_MAX_LENGTH, len(current))


def short_name(name: str, limit: int = SHORT_NAME_LENGTH) -> str:
    """``name`` on one line for quoting in a sentence, cut to ``limit`` characters with "…"
    when longer: ``short_name("Pool opening kit with chlorine and strips", 20)`` ->
    ``"Pool opening kit wi…"``. Names within the limit come back tidied only."""
    text = tidy_name(name)
    if len(text) <= limit:
        return text
    return text[:max(limit - 1, 1)].rstrip() + "…"
