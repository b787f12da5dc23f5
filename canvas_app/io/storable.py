"""Text that a workspace file may hold but not every store can: a NUL character.

JSON writes one (``\\u0000``) and SQLite keeps it, but PostgreSQL cannot store it in a text
column, so a workspace holding one would import into one store and fail to save into
another. The file loader refuses it at its place, as it refuses a value an editor's field
refuses (:mod:`.editor_limits`); the store refuses to save it to PostgreSQL, naming the
same place.
"""

from __future__ import annotations

from typing import Any

from ..domain.errors import Problem
from .errors import json_path
from .schema_messages import node_id

NUL = "\x00"
NUL_ESCAPE = "\\u0000"
NUL_MESSAGE = "the text holds a NUL character (\\u0000), which a PostgreSQL store cannot hold"


def find_nul(value: Any, path: list[str | int] | None = None) -> list[str | int] | None:
    """The place of the first string (a key too) holding a NUL character in ``value``,
    dicts and lists walked in order; None when there is none."""
    path = path or []
    if isinstance(value, str):
        return path if NUL in value else None
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str) and NUL in key:
                return [*path, key]
            found = find_nul(item, [*path, key])
            if found is not None:
                return found
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found = find_nul(item, [*path, index])
            if found is not None:
                return found
    return None


def nul_path(parts: list[str | int]) -> str:
    """``parts`` as a JSON path, a key's NUL shown as its escape (it cannot be printed)."""
    return json_path([p.replace(NUL, NUL_ESCAPE) if isinstance(p, str) else p
                      for p in parts])


def nul_problem(data: Any) -> Problem | None:
    """The first text in a workspace file's ``data`` holding a NUL, at its place (naming
    the node, as the loader's other messages do); None when there is none."""
    found = find_nul(data)
    if found is None:
        return None
    node = node_id(found, data)
    prefix = f"(node {node.replace(NUL, NUL_ESCAPE)}) " if node is not None else ""
    return Problem(nul_path(found), f"{prefix}{NUL_MESSAGE}: remove it")
