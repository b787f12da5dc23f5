"""The Simulation panel's log: every movement in plain words, following new lines."""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ..theme import focus_frame

LOG_LINES = 50_000
PLACEHOLDER = ("Simulate (F5) runs the scenario chosen above, or asks for one: every movement "
               "of every contact is explained here.")
HELD = ("Running to the end: the log shows its last lines when the run ends or is paused "
        "(F5).")


class LogView(QPlainTextEdit):
    """Follows new lines unless the user scrolled up to read (then it stays put until they
    scroll back to the end), whatever resizes it meanwhile.

    It shows the last LOG_LINES lines. While *held* (a run going to its end), new lines are
    only kept aside, the last LOG_LINES of them: appending to a full document costs more
    with each line it pushes out (hundreds of thousands of lines took seconds per
    second of running), and nobody reads lines scrolling by that fast. ``release()`` then
    shows the same lines as appending them all would have, in one go."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("simulationLog")
        self.setStyleSheet(focus_frame("LogView", "simulationLog"))  # where the keys act
        self.setReadOnly(True)
        self.setMaximumBlockCount(LOG_LINES)
        # Long lines wrap: reading the log never needs scrolling sideways.
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        # Each line reads left to right, its time first, whatever the names in it: Qt gives
        # a line the direction of its first letter, and one whose contact has an Arabic or
        # Hebrew name was laid out right to left (the time at the right end, the English
        # words in reverse order).
        option = self.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.LeftToRight)
        self.document().setDefaultTextOption(option)
        self.setPlaceholderText(PLACEHOLDER)
        self.following = True
        self._lines: deque[str] = deque(maxlen=LOG_LINES)  # the lines on show (or due)
        self.held = False
        self._due = False  # lines came while held
        bar = self.verticalScrollBar()
        bar.actionTriggered.connect(lambda _action: QTimer.singleShot(0, self, self._scrolled))
        bar.sliderReleased.connect(self._scrolled)

    def start_over(self) -> None:
        self.clear()
        self._lines.clear()
        self.held = self._due = False
        self.setPlaceholderText(PLACEHOLDER)
        self.following = True

    def add(self, text: str) -> None:
        self.add_lines(text.split("\n"))

    def add_lines(self, lines: list[str]) -> None:
        """New lines at the end (kept aside while held)."""
        if not lines:
            return
        self._lines.extend(lines)
        if self.held:
            self._due = True
            return
        self.appendPlainText("\n".join(lines))
        self._follow()

    def hold(self) -> None:
        if not self.held:
            self.held = True
            self.setPlaceholderText(HELD)  # seen while the log is empty

    def release(self) -> None:
        """Shows the lines that came while held (the last LOG_LINES lines in all)."""
        self.held = False
        self.setPlaceholderText(PLACEHOLDER)
        if self._due:
            self._due = False
            self.setPlainText("\n".join(self._lines))
            self._follow()

    def _follow(self) -> None:
        if self.following:
            bar = self.verticalScrollBar()
            bar.setValue(bar.maximum())

    def _scrolled(self) -> None:
        bar = self.verticalScrollBar()
        self.following = bar.value() >= bar.maximum() - 1
