"""Reading a workspace that is still being worked on (recovery snapshots, the app's own files).

:func:`draft_from_data` checks what :func:`~canvas_app.io.workspace_from_data` checks
(format, version, schema, ids, links) except the model's rules (R11, ``Workspace.validate``):
a goal just dropped on the canvas has no purchase option yet, and a node may have no name
yet; the app must be able to save and reopen them, and the canvas shows such problems as
warnings and error badges. That is the one thing a draft is let off.

:func:`load_draft`, which opens a file in the app, also refuses what
:func:`~canvas_app.io.load_workspace` refuses beyond those rules
(:func:`~canvas_app.io.workspace_file.file_problems`): a value an editor's typed field
would refuse (a price of 12.999, a wait of PT90.5S, a blank campaign name) and text with a
NUL character. The app's own editors do not make these (a file holding one was edited by
hand or by another program); the app opened such a file without a word while ``validate``,
``simulate``, ``import`` and File > Import JSON refused it (QA 23d: the Catalog showed
12.999 as 13.00). Recovery snapshots and merges (:func:`draft_from_data`) are the app's own
data and are read as before.
"""

from __future__ import annotations

import os
from typing import Any

from ..domain.errors import Problem
from ..domain.workspace import Workspace
from .errors import LoadError
from .schema import FORMAT, VERSION
from .workspace_file import build_checked, read_checked


def draft_from_data(data: Any, source: str = "") -> Workspace:
    if not isinstance(data, dict):
        raise LoadError(source, Problem("", "a workspace file holds a JSON object"))
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        from .workspace_file import workspace_from_data

        return workspace_from_data(data, source)  # raises the precise format/version error
    return build_checked(data, source)


def load_draft(path: str | os.PathLike[str], source: str | None = None) -> Workspace:
    """The workspace of a file as the app opens it: :func:`draft_from_data`, then what
    :func:`file_problems` finds is refused at its place, with the line ``validate`` gives."""
    return read_checked(path, source, draft_from_data)
