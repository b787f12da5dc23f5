"""The Simulation panel's log: every movement in plain words, following new lines."""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QResizeEvent,
    QShowEvent,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextEdit, QWidget

from ..theme import focus_frame

LOG_LINES = 50_000
PLACEHOLDER = ("Simulate (F5) runs the scenario chosen above, or asks for one: every movement "
               "of every contact is explained here.")
MATCH_COLOUR = QColor("#ffd54f")  # the match found (Find in the log), focused or not

def cut_words(left_out: int) -> str:
    """Above the log when its first lines are no longer shown."""
    return (f"The first {left_out:,} lines are not shown (the log keeps the last "
            f"{LOG_LINES:,}): Simulate > Save Result as JSON… writes them all.")


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
        self.setAccessibleName("Simulation log")  # a screen reader said nothing for it
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
        self.version = 0  # counts changes to the lines (a search found before is stale)
        self._folded: list[str] | None = None  # the lines lower-cased, for find_all
        self.added = 0  # the lines of the run so far, shown or no longer (see cut_words)
        # Above the lines once the first ones are left out (QA 22: after 630,000 lines the
        # log began on 12 Dec of a run from 25 Nov, and nothing said so).
        self.cut_note = QLabel(self)
        self.cut_note.setObjectName("logCutNote")
        self.cut_note.setWordWrap(True)
        self.cut_note.setStyleSheet("QLabel#logCutNote { background: #fff8e1; color: #5f4b00;"
                                    " border-bottom: 1px solid #e0d4a8; }")
        self.cut_note.setContentsMargins(6, 3, 6, 3)  # (counted in heightForWidth)
        self.cut_note.hide()
        bar = self.verticalScrollBar()
        bar.actionTriggered.connect(lambda _action: QTimer.singleShot(0, self, self._scrolled))
        bar.sliderReleased.connect(self._scrolled)

    def start_over(self) -> None:
        self.clear()
        self.setExtraSelections([])
        self._changed()
        self._lines.clear()
        self.added = 0
        self._show_cut()
        self.held = self._due = False
        self.setPlaceholderText(PLACEHOLDER)
        self.following = True

    def add(self, text: str) -> None:
        self.add_lines(text.split("\n"))

    def add_lines(self, lines: list[str]) -> None:
        """New lines at the end (kept aside while held)."""
        if not lines:
            return
        if any("\n" in line for line in lines):  # a line of the log is a line on show
            lines = "\n".join(lines).split("\n")
        self._changed()
        self._lines.extend(lines)
        self.added += len(lines)
        if self.held:
            self._due = True
            return
        self.appendPlainText("\n".join(lines))
        self._show_cut()
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
            self._show_cut()
            self._follow()

    def _follow(self) -> None:
        if self.following:
            bar = self.verticalScrollBar()
            bar.setValue(bar.maximum())

    def showEvent(self, event: QShowEvent) -> None:
        """Shown again (its tab chosen): at the end, if following. Lines shown while its
        tab was hidden left it at the top: a hidden view has no scroll range yet (QA 22)."""
        super().showEvent(event)
        if self.following:
            QTimer.singleShot(0, self, self._follow)

    def left_out(self) -> int:
        """How many of the run's first lines are no longer shown."""
        return max(0, self.added - len(self._lines))

    def _show_cut(self) -> None:
        left_out = self.left_out()
        if left_out and not self.held:
            self.cut_note.setText(cut_words(left_out))
            self.cut_note.show()
        elif not left_out:
            self.cut_note.hide()
        # read out with the log, which takes the keyboard (the note never does; QA 22k)
        self.setAccessibleDescription("" if self.cut_note.isHidden()
                                      else self.cut_note.text())
        self._place_cut_note()

    def _place_cut_note(self) -> None:
        """The note over the top of the lines, the lines below it."""
        frame = self.frameWidth()
        if self.cut_note.isHidden():
            self.setViewportMargins(0, 0, 0, 0)
            return
        width = self.width() - 2 * frame
        height = self.cut_note.heightForWidth(width)
        self.cut_note.setGeometry(frame, frame, width, height)
        self.setViewportMargins(0, height, 0, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.cut_note.isHidden():
            self._place_cut_note()

    def _scrolled(self) -> None:
        bar = self.verticalScrollBar()
        self.following = bar.value() >= bar.maximum() - 1

    # -- finding (see log_find.py) --------------------------------------------------------
    def _changed(self) -> None:
        self.version += 1
        self._folded = None

    def find_all(self, text: str) -> list[tuple[int, int]]:
        """Where ``text`` is in the lines on show, ignoring case: (line, column) of each
        time, in order. The lines are lower-cased once per change, not per search: 50,000
        lines take a few ms."""
        needle = text.lower()
        if not needle:
            return []
        if self._folded is None:
            self._folded = [line.lower() for line in self._lines]
        hits: list[tuple[int, int]] = []
        step = len(needle)
        for number, line in enumerate(self._folded):
            if needle in line:
                start = line.find(needle)
                while start >= 0:
                    hits.append((number, start))
                    start = line.find(needle, start + step)
        return hits

    def first_line_shown(self) -> int:
        """The number (in the lines on show) of the first line in view."""
        block = self.firstVisibleBlock()
        return max(0, block.blockNumber() + len(self._lines) - self.document().blockCount())

    def show_match(self, line: int, column: int, length: int) -> bool:
        """Scrolls to the match and marks it; False if that line is not on show (a run
        going to its end shows its lines when it stops)."""
        number = line - (len(self._lines) - self.document().blockCount())
        block = self.document().findBlockByNumber(number)
        if not block.isValid() or line >= len(self._lines) or block.text() != self._lines[line]:
            return False
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + min(column, block.length() - 1))
        cursor.setPosition(block.position() + min(column + length, block.length() - 1),
                           QTextCursor.MoveMode.KeepAnchor)
        # the view goes to it with the text cursor; the mark is the extra selection (the
        # cursor's own selection would paint over it, pale while the find field has focus)
        at = QTextCursor(cursor)
        at.clearSelection()
        self.setTextCursor(at)
        self.centerCursor()
        mark = QTextEdit.ExtraSelection()
        mark.cursor = cursor  # type: ignore[attr-defined]
        form = QTextCharFormat()
        form.setBackground(MATCH_COLOUR)
        form.setForeground(QColor("black"))
        mark.format = form  # type: ignore[attr-defined]
        self.setExtraSelections([mark])
        self._scrolled()  # at the end or not: new lines follow only if it is
        return True

    def unmark(self) -> None:
        self.setExtraSelections([])
