"""A choice box that cuts a long current text with "…" instead of growing with it."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)

# the letters a choice box in a form asks room for at most (a longer choice ends in "…")
CHOICE_LETTERS = 24


class ElidedComboBox(QComboBox):
    """A choice whose text, when the box is narrower than it, is cut with "…" (at
    ``elide``), the whole text its tooltip; the list shows every choice whole. With
    ``letters``, the box asks for room for its longest choice up to that many letters: a
    200-letter product name made the box grow past its dialog, and cut mid-letter."""

    def __init__(self, letters: int = 0,
                 elide: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.elide = elide
        self.letters = letters
        self.view().setTextElideMode(elide)
        self.currentTextChanged.connect(self.setToolTip)
        self.setToolTip(self.currentText())

    def _beyond(self) -> int:
        """The pixels by which the longest choice is wider than ``letters`` letters."""
        if not self.letters:
            return 0
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(self.itemText(i)) for i in range(self.count())),
                     default=0)
        return max(0, widest - metrics.averageCharWidth() * self.letters)

    def sizeHint(self) -> QSize:  # noqa: N802  (Qt's name)
        hint = super().sizeHint()
        return QSize(hint.width() - self._beyond(), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802  (Qt's name)
        hint = super().minimumSizeHint()
        return QSize(max(hint.width() - self._beyond(), 0), hint.height())

    def shown_text(self) -> str:
        """The current text as drawn: elided when the box is too narrow."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        room = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                           QStyle.SubControl.SC_ComboBoxEditField, self)
        return self.fontMetrics().elidedText(self.currentText(), self.elide,
                                             room.width() - 8)  # the style's margins

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802  (Qt's name)
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        if self.currentIndex() < 0 and self.placeholderText():  # none chosen: as Qt does
            option.palette.setBrush(QPalette.ColorRole.ButtonText,
                                    option.palette.placeholderText())
            option.currentText = self.placeholderText()
        else:
            option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
