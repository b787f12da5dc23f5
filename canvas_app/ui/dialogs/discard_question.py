"""The question an editor asks before Cancel, Esc or its close button drops changes."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


class DiscardQuestion:
    """The question a dialog asks before Cancel, Esc or its close button drops changes.
    (Tests replace :meth:`ask` with an answer: a modal box would wait forever offscreen.)"""

    @staticmethod
    def ask(parent: QWidget, what: str, can_save: bool) -> bool:
        """Asks whether to drop the changes to ``what``; True to drop them. ``can_save``:
        whether Save would keep them now (else the fields marked red must be fixed first)."""
        box = QMessageBox(QMessageBox.Icon.Question, parent.windowTitle(),
                          f"Discard your changes to {what}?",
                          QMessageBox.StandardButton.NoButton, parent)
        box.setInformativeText(
            "Save keeps them; Discard closes without them." if can_save else
            "To keep them, fix the fields marked in red, then Save; Discard closes without "
            "them.")
        discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton("Keep Editing", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.setObjectName("discardChangesBox")
        box.exec()
        return box.clickedButton() is discard
