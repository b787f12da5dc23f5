"""Stable identifiers: short random ids and readable slugs, never Python's id()."""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Iterable


def new_id(prefix: str = "n") -> str:
    """A fresh id such as ``n-3f9a1c2b``; collisions are checked by callers via unique_id."""
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def slugify(text: str) -> str:
    """A readable id from a name: lower case letters and digits joined by ``-``.
    Accented letters lose their accents, not themselves (``"Crédit été"`` -> ``"credit-ete"``,
    ``"Straße"`` -> ``"strasse"``); letters with no plain Latin form stay (``"日本"``). A
    name with no letter or digit at all gives ``"item"`` (callers that need a real word
    check :func:`has_word` first). ASCII names give the same ids as always, so ids in
    existing files never change."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(c for c in folded if not unicodedata.combining(c))
    slug = re.sub(r"[\W_]+", "-", kept).strip("-")
    return slug or "item"


def has_word(text: str) -> bool:
    """Whether ``text`` holds a letter or a digit that an id can be made of."""
    return any(c.isalnum() for c in text)


def unique_id(base: str, taken: Iterable[str]) -> str:
    """``base`` if free, else ``base-2``, ``base-3`` ... ."""
    used = set(taken)
    if base not in used:
        return base
    n = 2
    while f"{base}-{n}" in used:
        n += 1
    return f"{base}-{n}"
