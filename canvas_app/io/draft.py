"""Reading a workspace that is still being worked on (recovery snapshots, the app's own files).

:func:`draft_from_data` checks what :func:`~canvas_app.io.workspace_from_data` checks
(format, version, schema, ids, links) except the settings of each node (R11): a goal just
dropped on the canvas has no purchase option yet, and the app must be able to save and
reopen it; the canvas shows such problems as warnings. The command line stays strict.
"""

from __future__ import annotations

import os
from typing import Any

from ..domain.errors import Problem
from ..domain.workspace import Workspace
from .errors import LoadError
from .schema import FORMAT, VERSION
from .workspace_file import build_checked, read_json


def draft_from_data(data: Any, source: str = "") -> Workspace:
    if not isinstance(data, dict):
        raise LoadError(source, Problem("", "a workspace file holds a JSON object"))
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        from .workspace_file import workspace_from_data

        return workspace_from_data(data, source)  # raises the precise format/version error
    return build_checked(data, source)


def load_draft(path: str | os.PathLike[str], source: str | None = None) -> Workspace:
    source = source or str(path)
    return draft_from_data(read_json(path, source), source)
