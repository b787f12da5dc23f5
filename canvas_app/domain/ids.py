"""Stable identifiers: short random ids and readable slugs, never Python's id()."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable


def new_id(prefix: str = "n") -> str:
    """A fresh id such as ``n-3f9a1c2b``; collisions are checked by callers via unique_id."""
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "item"


def unique_id(base: str, taken: Iterable[str]) -> str:
    """``base`` if free, else ``base-2``, ``base-3`` ... ."""
    used = set(taken)
    if base not in used:
        return base
    n = 2
    while f"{base}-{n}" in used:
        n += 1
    return f"{base}-{n}"
