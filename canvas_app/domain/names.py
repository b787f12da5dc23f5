"""Names people give things (nodes, catalog items): when two are "the same name".

A name is read, not typed again: "Spa nurture", "spa  Nurture" and " Spa nurture " look
alike under a node's icon (the canvas does not show a double space) and in a list, so they
count as one name. :func:`name_key` is what names are compared by; :func:`tidy_name` is a
name as it is shown and should be kept (one space between words, none around).

Contacts' names are not compared this way: C10 matches buyers on trimmed names, case
aside, where inner spaces count (:mod:`canvas_app.domain.contacts`).
"""

from __future__ import annotations


def tidy_name(name: str) -> str:
    """``name`` with each run of spaces (tabs, line breaks, no-break spaces) made one space
    and none at either end: ``"  spa   Nurture "`` -> ``"spa Nurture"``."""
    return " ".join(name.split())


def name_key(name: str) -> str:
    """What two names are compared by: tidied, case aside. Equal keys mean names people
    cannot tell apart."""
    return tidy_name(name).casefold()
