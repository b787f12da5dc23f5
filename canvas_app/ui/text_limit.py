"""How long a typed or pasted text may be, said when it is cut.

A field's limit used to be Qt's ``maxLength``, which cuts a paste without a word and counts
UTF-16 units, so it could split an emoji in two (the field showed "�", and half a character
was dropped on save; QA 21). Here a validator cuts at the limit on a whole character (a
grapheme: an emoji or a letter with its accent stays whole or goes whole) and a tooltip at
the field says what was cut and why. A text longer than the limit read from a file is kept
whole: the field's limit is then its length (:func:`allow_length`)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QLineEdit, QToolTip, QWidget

from ..domain.names import graphemes
from ..domain.steps import single_line

LIMIT = "textLimit"  # a field's property: its limit as set (before any longer text read)


def cut_whole(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, never inside a grapheme."""
    if len(text) <= limit:
        return text
    kept, size = [], 0
    for grapheme in graphemes(text):
        if size + len(grapheme) > limit:
            break
        kept.append(grapheme)
        size += len(grapheme)
    return "".join(kept)


class TextValidator(QValidator):
    """Takes any text, tidied: with ``one_line``, each run of line breaks and tabs made one
    space (see :func:`single_line`); longer than ``limit``, cut on a whole character, and
    ``cut`` is emitted with the length that was given and the length kept."""

    cut = Signal(int, int)  # the length given, the length kept

    def __init__(self, parent: QLineEdit, one_line: bool, limit: int | None) -> None:
        super().__init__(parent)
        self.one_line = one_line
        self.limit = limit

    def validate(self, text: str, pos: int) -> object:  # Qt's name
        tidied = single_line(text) if self.one_line else text
        if tidied != text:
            pos = len(single_line(text[:pos]) + "x") - 1
        if self.limit is not None and len(tidied) > self.limit:
            given = len(tidied)
            tidied = cut_whole(tidied, self.limit)
            self.cut.emit(given, len(tidied))
        return QValidator.State.Acceptable, tidied, min(pos, len(tidied))


def limit_text(edit: QLineEdit, limit: int | None, what: str = "",
               one_line: bool = True, keep: str = "") -> QLineEdit:
    """``edit`` takes at most ``limit`` characters (``what`` says of what, in the note:
    "a tag"), and with ``one_line`` keeps pasted text on one line (a pasted three-line
    subject was saved with its breaks and made its step's row four lines tall); ``keep``,
    a text longer
    than the limit it shows (read from a file), is kept whole. Returns ``edit``."""
    validator = TextValidator(edit, one_line, limit)
    edit.setValidator(validator)
    if limit is not None:
        edit.setProperty(LIMIT, limit)
        validator.cut.connect(lambda given, kept: _say_cut(edit, limit, given, kept, what))
        allow_length(edit, keep)
    return edit


def allow_length(edit: QLineEdit, text: str) -> None:
    """Before showing ``text``: the field's limit, or the text's own length when it is
    longer, so a long value read from a file is shown and kept whole, never cut (it can be
    shortened, not lengthened)."""
    limit = edit.property(LIMIT)
    validator = edit.validator()
    if isinstance(limit, int) and isinstance(validator, TextValidator):
        validator.limit = max(limit, len(text))


def _say_cut(edit: QWidget, limit: int, given: int, kept: int, what: str) -> None:
    """A tooltip at the field: how much was kept of what was given, and the limit (the
    field's own: a longer text from a file is kept, never lengthened; QA 21: it named the
    file's length as the limit, and the limit where an emoji left one place free)."""
    of = f"{what[:1].upper()}{what[1:]} is at most" if what else "This field takes at most"
    if kept > limit:
        told = (f"{of} {limit:,} characters, and this one, read as it was saved, has "
                f"{kept:,}: it is kept, but takes no more.")
    else:
        told = (f"Cut to {kept:,} characters ({given:,} were given). {of} {limit:,} "
                "characters.")
    QToolTip.showText(edit.mapToGlobal(QPoint(0, edit.height())), told, edit)


def length_limit(edit: QLineEdit) -> int | None:
    """The most characters ``edit`` takes now (None: no limit of ours)."""
    validator = edit.validator()
    return validator.limit if isinstance(validator, TextValidator) else None
