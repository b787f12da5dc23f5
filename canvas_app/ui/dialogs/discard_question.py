"""The question an editor asks before Cancel, Esc or its close button drops changes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


class DiscardQuestion:
    """The question a dialog asks before Cancel, Esc or its close button drops changes.
    (Tests replace :meth:`ask` with an answer: a modal box would wait forever offscreen.)

    Its words name only the buttons it has: Save is offered when the editor's Save would
    keep the changes now; while a problem keeps Save off, the question says so and offers
    Discard and Keep Editing only."""

    @staticmethod
    def ask(parent: QWidget, what: str, save: Callable[[], None] | None) -> bool:
        """Asks whether to drop the changes to ``what``; True to drop them. ``save``: what
        the editor's Save does, None while it is off (a problem must be fixed first).
        Answered "Save", ``save`` is called and the answer is False (nothing dropped)."""
        box = QMessageBox(QMessageBox.Icon.Question, parent.windowTitle(),
                          f"Discard your changes to {what}?",
                          QMessageBox.StandardButton.NoButton, parent)
        box.setObjectName("discardChangesBox")
        box.setTextFormat(Qt.TextFormat.PlainText)  # the name quoted is shown as typed
        save_button = None
        if save is not None:
            box.setInformativeText("Save keeps them; Discard closes without them; Keep "
                                   "Editing goes back to the editor.")
            save_button = box.addButton("&Save", QMessageBox.ButtonRole.AcceptRole)
            save_button.setObjectName("discardBoxSave")
        else:
            box.setInformativeText("They cannot be saved yet: Keep Editing to fix the fields "
                                   "marked in red; Discard closes without them.")
        discard = box.addButton("&Discard", QMessageBox.ButtonRole.DestructiveRole)
        discard.setObjectName("discardBoxDiscard")
        keep = box.addButton("&Keep Editing", QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("discardBoxKeep")
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        clicked = box.clickedButton()
        if save is not None and clicked is save_button:
            save()
            return False
        return clicked is discard
