"""Find in the log: a field beside the Simulation panel's tabs (on show with the Log tab),
Enter and F3 the next match, Shift+Enter and Shift+F3 the one before, how many there are
beside it; the match is scrolled to and marked in the log."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from .contacts_tab import FindBox
from .log_view import LogView

# Searching as one types once typing pauses this long (50,000 lines take a few ms, but the
# log may be growing while it runs): Enter searches at once.
LOG_FIND_DELAY_MS = 150
COUNT_WIDE = "88,888 of 88,888"  # the count's room, so the field does not jump


class LogFindField(FindBox):
    """Enter, F3: next; Shift+Enter, Shift+F3: previous; Esc: back to the log."""

    def __init__(self, finder: LogFind) -> None:
        super().__init__()
        self.finder = finder

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        back = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finder.step(not back)
        elif event.matches(QKeySequence.StandardKey.FindNext):
            self.finder.step(True)
        elif event.matches(QKeySequence.StandardKey.FindPrevious):
            self.finder.step(False)
        elif key == Qt.Key.Key_Escape:
            self.finder.log.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            super().keyPressEvent(event)


class LogFind(QWidget):
    def __init__(self, log: LogView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("simulationFindLog")
        self.log = log
        self.field = LogFindField(self)
        self.field.setObjectName("simulationFindLogField")
        self.field.setAccessibleName("Find in the log")
        self.field.setPlaceholderText("Find in the log (Ctrl+F)")
        self.field.setToolTip("Finds this text in the log, whatever its case: Enter or F3 "
                              "the next, Shift+Enter or Shift+F3 the one before, Esc back "
                              "to the log")
        self.field.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setObjectName("simulationFindLogCount")
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance(COUNT_WIDE))
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.count)
        row.addWidget(self.field)
        self.hits: list[tuple[int, int]] = []
        self.current = -1
        self._found: tuple[str, int] | None = None  # (text, log version) of self.hits
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LOG_FIND_DELAY_MS)
        self._timer.timeout.connect(lambda: self.search(from_view=True))
        self.field.textChanged.connect(self._typed)

    def focus(self) -> None:
        """Ctrl+F: the keyboard in the field, its text selected (typing replaces it)."""
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def clear(self) -> None:
        """No text and no matches (another workspace)."""
        self._timer.stop()
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)
        self.hits, self.current, self._found = [], -1, None
        self.log.unmark()
        self._say()

    def _typed(self, _text: str) -> None:
        self.log.unmark()
        self._timer.start()

    def search(self, from_view: bool = False) -> None:
        """Finds the text again (in the lines on show now) and shows the first match at or
        after the top of the view (``from_view``) or the one nearest the match on show."""
        self._timer.stop()
        text = self.field.text()
        was = self.hits[self.current] if 0 <= self.current < len(self.hits) else None
        self.hits = self.log.find_all(text)
        self._found = (text, self.log.version)
        if not self.hits:
            self.current = -1
            self.log.unmark()
        else:
            start = (self.log.first_line_shown(), 0) if from_view or was is None else was
            self.current = next((i for i, hit in enumerate(self.hits) if hit >= start), 0)
            self._show()
        self._say()

    def step(self, forward: bool = True) -> None:
        """The next (or previous) match, round from the end to the start."""
        text = self.field.text()
        if self._timer.isActive() or self._found != (text, self.log.version):
            # typed, or the log changed, since: the matches anew, from the view's top for
            # a new text, from the match on show for new lines
            typed = self._timer.isActive() or self._found is None or self._found[0] != text
            was = None if typed or not 0 <= self.current < len(self.hits) \
                else self.hits[self.current]
            self.search(from_view=typed)
            if not self.hits:
                return
            if was is not None and forward and self.hits[self.current] == was:
                self.current += 1
            elif not forward:
                self.current -= 1
            self.current %= len(self.hits)
            self._show()
            self._say()
            return
        if not self.hits:
            self._say()
            return
        self.current = (self.current + (1 if forward else -1)) % len(self.hits)
        self._show()
        self._say()

    def _show(self) -> None:
        line, column = self.hits[self.current]
        self.log.show_match(line, column, len(self.field.text()))

    def _say(self) -> None:
        if not self.field.text():
            self.count.setText("")
        elif not self.hits:
            self.count.setText("No match")
        else:
            self.count.setText(f"{self.current + 1:,} of {len(self.hits):,}")
