"""One open workspace: its document, undo stack and controller."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QUndoStack

from ..documents import UNTITLED, Document, Recovery, recovery_for
from ..domain.workspace import Workspace
from ..editing.controller import Controller

__all__ = ["UNTITLED", "Session", "make_session"]


@dataclass
class Session:
    workspace: Workspace
    undo_stack: QUndoStack
    controller: Controller
    document: Document | None  # None: an untitled workspace, saved with Save As
    recovery: Recovery
    dirty: bool = False  # changed outside the undo stack (recovered, imported)

    @property
    def modified(self) -> bool:
        return self.dirty or not self.undo_stack.isClean()

    @property
    def title(self) -> str:
        return self.document.title if self.document is not None else "Untitled"


def make_session(workspace: Workspace, document: Document | None,
                 recovery_dir: Path | None) -> Session:
    stack = QUndoStack()
    controller = Controller(workspace, stack)
    recovery = recovery_for(document if document is not None else Document(UNTITLED),
                            recovery_dir)
    return Session(workspace, stack, controller, document, recovery)
