"""The History panel (View > Panels > History): every edit of the workspace, newest last."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoGroup
from PySide6.QtWidgets import QListView, QUndoView, QWidget

from .theme import focus_frame


def history_view(group: QUndoGroup, parent: QWidget) -> QUndoView:
    """The active workspace's edits, each named as Edit > Undo names it. Clicking one goes
    back (or forward) to just after it, as that many Undo or Redo would; the first row is
    the workspace as it was opened."""
    view = QUndoView(group, parent)
    view.setObjectName("historyView")
    view.setAccessibleName("Edit history")
    view.setEmptyLabel("As opened")
    view.setStyleSheet(focus_frame("QUndoView", "historyView"))  # Up and Down undo here
    # Long names ("Rename "…" to "…"") wrap in a narrow panel instead of scrolling sideways.
    view.setWordWrap(True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    return view
