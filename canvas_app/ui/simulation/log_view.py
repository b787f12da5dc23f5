"""The Simulation panel's log: every movement in plain words, following new lines."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QWidget

LOG_LINES = 50_000


class LogView(QPlainTextEdit):
    """Follows new lines unless the user scrolled up to read (then it stays put until they
    scroll back to the end), whatever resizes it meanwhile."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("simulationLog")
        self.setReadOnly(True)
        self.setMaximumBlockCount(LOG_LINES)
        # Long lines wrap: reading the log never needs scrolling sideways.
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setPlaceholderText("Choose a scenario and press Run: every movement of every "
                                "contact is explained here.")
        self.following = True
        bar = self.verticalScrollBar()
        bar.actionTriggered.connect(lambda _action: QTimer.singleShot(0, self._scrolled))
        bar.sliderReleased.connect(self._scrolled)

    def start_over(self) -> None:
        self.clear()
        self.following = True

    def add(self, text: str) -> None:
        self.appendPlainText(text)
        if self.following:
            bar = self.verticalScrollBar()
            bar.setValue(bar.maximum())

    def _scrolled(self) -> None:
        bar = self.verticalScrollBar()
        self.following = bar.value() >= bar.maximum() - 1
