"""Helpers of the dialog tests."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton

from canvas_app.domain.workspace import Workspace
from canvas_app.io.workspace_file import workspace_to_data


def snapshot(workspace: Workspace) -> dict[str, Any]:
    """Everything the workspace would save."""
    return workspace_to_data(workspace)


def click(qtbot: Any, button: QAbstractButton) -> None:
    assert button.isEnabled(), f"{button.objectName()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
