"""Message boxes whose file paths are never broken across lines at a "/" (Qt's line
breaking allows a break after every slash, so "/tmp/" ended one line and "qa2/gone" began
the next). The box shows rich text with each path whole at the start of a line; its
``text()`` is still the plain message, as the status bar and the tests read it.

A box may name other things to keep whole (``whole``): a file's name ("a-long-name.json",
which Qt breaks after a hyphen) is kept whole the way a path is; a time ("23 Nov 2026
18:15", broken at a space) stays on one line where it is."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

WIDEST = 900  # px: a longer path still wraps (anywhere), rather than a box off the screen

# A database URL (scheme://…, its colons included, up to a space, a comma or a bracket;
# the colon and full stop that end a sentence are not part of it), an absolute, home or
# relative path with a slash in it (up to a space, a colon, a comma or a closing bracket; a
# full stop that ends the sentence is not part of it), or a Windows path.
PATH = re.compile(r"[A-Za-z][\w+.-]*://[^\s;,()\"']*[^\s:;,.()\"']"
                  r"|(?:~|\.{1,2})?/[^\s:;,()\"']*[^\s:;,.()\"']|[A-Za-z]:\\[^\s:;,()\"']+")
# Where Qt may break a line inside a word: after a hyphen, a slash or a backslash. A name
# with none of these is broken only at its spaces, which <nobr> keeps together in place.
BREAKS_INSIDE = re.compile(r"[-/\\\u2010-\u2014]")


def _spans(text: str, whole: Iterable[str]) -> list[tuple[int, int]]:
    """Where the paths and the ``whole`` names are in ``text``: each occurrence once (a
    name only where it is not part of a longer word), the longest where two overlap (a
    path that ends with a file's name is one path)."""
    found = [(m.start(), m.end()) for m in PATH.finditer(text)]
    for name in {n for n in whole if n}:
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if not (start > 0 and text[start - 1].isalnum()) and \
                    not (end < len(text) and text[end].isalnum()):
                found.append((start, end))
            start = text.find(name, end)
    kept: list[tuple[int, int]] = []
    for start, end in sorted(found, key=lambda span: (span[0], span[0] - span[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


def kept_whole(text: str, whole: Iterable[str] = ()) -> list[str]:
    """The paths and ``whole`` names in ``text`` that :func:`nowrap_paths` keeps whole."""
    return [text[start:end] for start, end in _spans(text, whole)]


def nowrap_paths(text: str, whole: Iterable[str] = ()) -> str:
    """``text`` as rich text, each path (and each of ``whole``) kept from wrapping. Qt
    keeps a <nobr> run from breaking only at its spaces, not after a slash or a hyphen:
    such a run inside a line is shown on a line of its own, where it fits whole."""
    out: list[str] = []
    last = 0
    for start, end in _spans(text, whole):
        before = text[last:start]
        part = text[start:end]
        own_line = PATH.fullmatch(part) is not None or BREAKS_INSIDE.search(part) is not None
        if own_line and before.endswith(" ") and start > 0:  # a path inside a line: a line
            before = before[:-1] + "\n"  # of its own (shown only: text() keeps the space)
        out.append(html.escape(before))
        out.append(f"<nobr>{html.escape(part)}</nobr>")
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out).replace("\n", "<br>")


def _widest_run(label: QLabel, text: str, whole: Iterable[str]) -> int:
    """The width ``label`` needs for the longest run of ``text`` kept whole (up to
    WIDEST), or 0 when there is none."""
    runs = kept_whole(text, whole)
    if not runs:
        return 0
    metrics = label.fontMetrics()
    return min(max(metrics.horizontalAdvance(run) for run in runs) + 8, WIDEST)


class PathMessageBox(QMessageBox):
    """A QMessageBox whose message (and informative text) keeps its paths whole on one
    line, and the names in ``whole`` too; ``text()`` and ``informativeText()`` are the
    plain texts given."""

    def __init__(self, icon: QMessageBox.Icon, title: str, text: str,
                 buttons: QMessageBox.StandardButton, parent: QWidget | None = None,
                 whole: Iterable[str] = ()) -> None:
        super().__init__(icon, title, "", buttons, parent)
        self._plain = text
        self._informative = ""
        self._whole = tuple(whole)
        self.setTextFormat(Qt.TextFormat.RichText)
        super().setText(nowrap_paths(text, self._whole))
        label = self._label()
        if label is not None and _widest_run(label, text, self._whole):
            label.setMinimumWidth(_widest_run(label, text, self._whole))

    def text(self) -> str:  # type: ignore[override]
        """The message as plain text (what was given), not the rich text shown."""
        return self._plain

    def setInformativeText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        """Shows ``text`` below the message, its paths (and names) kept whole too."""
        self._informative = text
        super().setInformativeText(nowrap_paths(text, self._whole))
        label = self._label("qt_msgbox_informativelabel")
        if label is not None:
            label.setTextFormat(Qt.TextFormat.RichText)
            if _widest_run(label, text, self._whole):
                label.setMinimumWidth(_widest_run(label, text, self._whole))

    def informativeText(self) -> str:  # type: ignore[override]  # noqa: N802 (Qt's name)
        """The informative text as plain text (what was given)."""
        return self._informative

    def _label(self, name: str = "qt_msgbox_label") -> QLabel | None:
        return self.findChild(QLabel, name)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        self._fit_labels()
        super().showEvent(event)  # Qt sizes the box here

    def _fit_labels(self) -> None:
        """Sets the minimum widths Qt sizes the box by, so that it neither cuts the text
        off nor breaks a path that fits. Qt makes the box at most a fixed width (the
        screen's less 480 px, up to 1000): a label wider than the room left beside the
        icon was cut off at the box's edge, so a path longer than that room wraps. Qt
        measures the message on one line, its minimum width standing in for its length,
        and wraps it only when that makes the box wider than half the screen (at most
        500 px): given only the longest path's width, a longer message with short paths
        stayed on one line and was cut off too. So the message gets its whole line when
        the box can be that wide, else just enough for Qt to wrap it."""
        label, informative = self._label(), self._label("qt_msgbox_informativelabel")
        if label is None:
            return
        room = self._room_beside_icon(label, informative)
        if informative is not None and _widest_run(informative, self._informative, self._whole):
            informative.setMinimumWidth(
                min(_widest_run(informative, self._informative, self._whole), room))
        widest = _widest_run(label, self._plain, self._whole)
        if not widest:
            return
        widest = min(widest, room)
        label.setMinimumWidth(widest)
        label.setWordWrap(False)  # as Qt measures it
        one_line = label.sizeHint().width()
        if one_line <= widest:
            return
        label.setMinimumWidth(min(one_line, room))
        layout = self.layout()
        layout.activate()
        total = layout.totalMinimumSize().width()
        limit = min(self.screen().availableGeometry().width() // 2, 500)
        if total > limit:  # Qt wraps it: at the box's least width that makes it wrap
            label.setMinimumWidth(max(widest, min(one_line, room) - (total - limit) + 1))

    def _room_beside_icon(self, label: QLabel, informative: QLabel | None) -> int:
        """The widest the text can be in the widest box Qt makes on this screen."""
        screen = self.screen().availableGeometry().width()
        widest_box = screen if screen <= 1024 else min(screen - 480, 1000)
        kept = label.minimumWidth(), informative.minimumWidth() if informative else 0
        label.setMinimumWidth(widest_box)  # the text's column then sets the box's width
        if informative is not None:
            informative.setMinimumWidth(0)
        layout = self.layout()
        layout.activate()
        beside = layout.totalMinimumSize().width() - widest_box  # icon, spacing, margins
        label.setMinimumWidth(kept[0])
        if informative is not None:
            informative.setMinimumWidth(kept[1])
        return max(widest_box - beside, 0)


def ask_replace(parent: QWidget, icon: QMessageBox.Icon, title: str, message: str,
                name: str) -> bool:
    """Asks ``message`` with Replace and Cancel (the default, and Esc), paths kept whole;
    True when Replace is chosen. ``name`` is the box's object name."""
    box = PathMessageBox(icon, title, message, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName(name)
    replace = box.addButton("&Replace", QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton("&Cancel", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is replace
