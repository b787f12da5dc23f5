"""Where to go when the catalog has nothing to choose from: a short line naming the menu
entry and a button that opens the Catalog window (QA 7: an empty list and "no order form is
chosen" said nothing of where order forms come from)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain.workspace import Workspace

CATALOG_MENU = "Workspace > Catalog…"


def empty_catalog_text(plural: str) -> str:
    """"The catalog has no order forms yet: add them in Workspace > Catalog…"."""
    return f"The catalog has no {plural} yet: add them in {CATALOG_MENU}"


class CatalogHint(QWidget):
    """The line and its "Open the Catalog…" button; ``open_catalog`` opens the window."""

    def __init__(self, text: str, open_catalog: Callable[[], object],
                 object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.label = QLabel(text)
        self.label.setObjectName(object_name + "Text")
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #7a4b00;")
        self.button = QPushButton("Open the Catalog…")
        self.button.setObjectName(object_name + "Button")
        self.button.setAutoDefault(False)
        self.button.clicked.connect(lambda: open_catalog())
        layout.addWidget(self.label)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        self.setFocusProxy(self.button)  # Tab reaches the button where the hint sits
        layout.addStretch(1)

    def set_text(self, text: str) -> None:
        self.label.setText(text)


def catalog_opener(parent: QWidget, workspace: Workspace, undo_stack: QUndoStack,
                   then: Callable[[], None],
                   section: str | None = None) -> Callable[[], QDialog]:
    """Opens the Catalog window as Workspace > Catalog… does (``open_catalog_manager``,
    each change one undo step), over ``parent`` (a modal editor would block it otherwise);
    ``then`` runs when it closes (to refresh what was empty); ``section`` is the tab it
    opens on ("order_forms": the one the empty list needs)."""

    def open_catalog() -> QDialog:
        from . import open_catalog_manager

        dialog = open_catalog_manager(parent, workspace, undo_stack, section)
        dialog.finished.connect(lambda _result: then())
        return dialog

    return open_catalog
