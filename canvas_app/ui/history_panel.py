"""The History panel (View > Panels > History): every edit of the workspace, newest last."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QUndoGroup, QUndoStack
from PySide6.QtWidgets import (
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QUndoView,
    QWidget,
)

from ..domain.workspace import Workspace
from ..editing.commands import command_target
from .theme import focus_frame

if TYPE_CHECKING:
    from .main_window import MainWindow

# Around a jump: the stack, and the index it goes to when known (MainWindow.stepping).
Stepping = Callable[[QUndoStack, "int | None"], AbstractContextManager[None]]


class HistoryView(QUndoView):
    """A QUndoView whose clicks and keys go back or forward as Undo and Redo do: round
    each jump, ``stepping`` shows the campaign the edit reached was in, its nodes
    selected and in view, and says in the status bar what was undone or redone."""

    def __init__(self, group: QUndoGroup, stepping: Stepping, parent: QWidget) -> None:
        super().__init__(group, parent)
        self._stepping = stepping

    @contextmanager
    def _jumping(self, row: int | None = None) -> Iterator[None]:
        """The block may move the stack's index (QUndoView sets it as its current row
        changes), to ``row`` when known."""
        stack = self.group().activeStack() if self.group() is not None else None
        if stack is None:
            yield
            return
        with self._stepping(stack, row):
            yield

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        with self._jumping(index.row() if index.isValid() else None):
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # a press dragged along rows
        index = self.indexAt(event.position().toPoint())
        with self._jumping(index.row() if index.isValid() else None):
            super().mouseMoveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Up, Down, Home, End, PgUp, PgDn
        with self._jumping():
            super().keyPressEvent(event)


class CampaignNamed(QStyledItemDelegate):
    """Names the campaign of each edit after it, "Edit "Sequence 1" (Shock Plan)", while
    the workspace has more than one campaign (regression QA: two rows read the same for
    two nodes of one name in two campaigns). The name is the campaign's name now; an
    edit of no one campaign (the catalog, the campaign list, several campaigns) or of a
    campaign since deleted keeps its text alone. Undo's menu entry keeps the short text."""

    def __init__(self, view: QUndoView, workspace: Callable[[], Workspace]) -> None:
        super().__init__(view)
        self._view = view
        self._workspace = workspace

    def campaign_of(self, row: int) -> str | None:
        """The name of the one campaign the edit of ``row`` changed, when it is worth
        saying; None for the first row ("As opened")."""
        group = self._view.group()
        stack = group.activeStack() if group is not None else None
        workspace = self._workspace()
        if stack is None or row < 1 or len(workspace.campaigns) < 2:
            return None
        target = command_target(stack.command(row - 1))
        if target is None or not workspace.has_campaign(target[0]):
            return None
        return workspace.campaign(target[0]).name

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        name = self.campaign_of(index.row())
        if name:
            option.text = f"{option.text} ({name})"  # type: ignore[attr-defined]


def history_view(group: QUndoGroup, parent: MainWindow) -> QUndoView:
    """The active workspace's edits, each named as Edit > Undo names it. Clicking one goes
    back (or forward) to just after it, as that many Undo or Redo would, showing where the
    edit was as they do; the first row is the workspace as it was opened."""
    view = HistoryView(group, parent.stepping, parent)
    view.setObjectName("historyView")
    view.setAccessibleName("Edit history")
    view.setEmptyLabel("As opened")
    view.setStyleSheet(focus_frame("QUndoView", "historyView"))  # Up and Down undo here
    # Long names ("Rename "…" to "…"") wrap in a narrow panel instead of scrolling sideways.
    view.setWordWrap(True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setItemDelegate(CampaignNamed(view, lambda: parent.controller.workspace))
    return view
