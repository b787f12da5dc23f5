"""Fixtures of the dialog tests: the sample workspace and an undo stack."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from canvas_app.domain.workspace import Workspace
from canvas_app.io import load_workspace

SAMPLE = Path(__file__).resolve().parents[3] / "resources" / "samples" / "pool-store.campaign.json"


@pytest.fixture
def workspace() -> Workspace:
    return load_workspace(SAMPLE)


@pytest.fixture
def undo_stack(qtbot) -> QUndoStack:  # noqa: ARG001  (qtbot makes the QApplication)
    return QUndoStack()
