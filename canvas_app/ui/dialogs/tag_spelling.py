"""One tag, one spelling: a tag typed with other capitals than a tag that exists is that
tag, spelled as it is ("visit BOOKED" is "Visit booked").

Tags match only when spelled alike, so a second spelling never meets the first (the lint
warns of it after Save). The tag goal's "New tag" field took the existing spelling and said
so under the field; a sequence step's or an e-commerce action's tag field took the typed one
silently. Both use what is here: :func:`known_spelling` to find the tag,
:func:`capitals_note` and :func:`note_label` to say it was taken.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit

from ...domain.names import name_key
from .widgets import help_font


def known_spelling(typed: str, tags: Iterable[str]) -> str:
    """The tag of ``tags`` that ``typed`` is, capitals aside ("customer" when "Customer"
    exists is that tag, not a second one beside it); ``typed`` itself when a tag is
    spelled exactly so, or when none matches. Compared by ``name_key``, as the lint's
    warning of a tag spelled two ways compares them."""
    known = list(tags)
    if typed in known:
        return typed
    wanted = name_key(typed)
    return next((tag for tag in known if name_key(tag) == wanted), typed)


def capitals_note(typed: str, tag: str, done: str) -> str:
    """What the field says after taking ``tag``'s spelling for ``typed``: ``done`` is what
    was done with it ("ticked", "took")."""
    return (f'"{typed}" differs from the tag "{tag}" only in capitals: {done} "{tag}" '
            "instead of adding a second tag.")


def note_label(object_name: str) -> QLabel:
    """The note under a tag field saying what the field did with the typed tag: help text
    in the form's colour, the tags as spelled, hidden until there is something to say."""
    note = QLabel()
    note.setObjectName(object_name)
    note.setTextFormat(Qt.TextFormat.PlainText)
    note.setWordWrap(True)
    note.setFont(help_font())
    note.hide()
    return note


class TagLineEdit(QLineEdit):
    """A tag field whose Enter, when it changed the typed tag into an existing tag's
    spelling (``respell`` returned True), stays in the field instead of also saving the
    dialog: the user sees the tag taken, and the next Enter saves."""

    def __init__(self) -> None:
        super().__init__()
        self.respell: Callable[[], bool] | None = None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802  (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and self.respell is not None and self.respell():
            event.accept()
            return
        super().keyPressEvent(event)
