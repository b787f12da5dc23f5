"""Message boxes whose file paths are never broken across lines at a "/" (Qt's line
breaking allows a break after every slash, so "/tmp/" ended one line and "qa2/gone" began
the next). The box shows rich text with each path whole at the start of a line; its
``text()`` is still the plain message, as the status bar and the tests read it."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

WIDEST = 900  # px: a longer path still wraps (anywhere), rather than a box off the screen

# An absolute, home or relative path with a slash in it (up to a space, a colon, a comma
# or a closing bracket; a full stop that ends the sentence is not part of it), or a
# Windows path.
PATH = re.compile(r"(?:~|\.{1,2})?/[^\s:;,()\"']*[^\s:;,.()\"']|[A-Za-z]:\\[^\s:;,()\"']+")


def nowrap_paths(text: str) -> str:
    """``text`` as rich text, each path kept from wrapping (Qt honours that only for a run
    that begins a line, so a path inside a line is shown on a line of its own)."""
    out: list[str] = []
    last = 0
    for match in PATH.finditer(text):
        before = text[last:match.start()]
        if before.endswith(" ") and match.start() > 0:  # a path inside a line: a line of its
            before = before[:-1] + "\n"  # own (shown only: text() keeps the space)
        out.append(html.escape(before))
        out.append(f"<nobr>{html.escape(match.group())}</nobr>")
        last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out).replace("\n", "<br>")


class PathMessageBox(QMessageBox):
    """A QMessageBox whose message keeps its paths whole on one line."""

    def __init__(self, icon: QMessageBox.Icon, title: str, text: str,
                 buttons: QMessageBox.StandardButton, parent: QWidget | None = None) -> None:
        super().__init__(icon, title, "", buttons, parent)
        self._plain = text
        self.setTextFormat(Qt.TextFormat.RichText)
        super().setText(nowrap_paths(text))
        label = self.findChild(QLabel, "qt_msgbox_label")
        paths = [m.group() for m in PATH.finditer(text)]
        if label is not None and paths:  # room for the longest path on a line of its own
            metrics = label.fontMetrics()
            widest = max(metrics.horizontalAdvance(p) for p in paths) + 8
            label.setMinimumWidth(min(widest, WIDEST))

    def text(self) -> str:  # type: ignore[override]
        """The message as plain text (what was given), not the rich text shown."""
        return self._plain
