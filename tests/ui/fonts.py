"""The application's font set for a test (as a launcher sets the user's), restored after."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication


def app_font_at(points: float) -> Iterator[QFont]:
    """For a fixture: ``yield from app_font_at(14.0)``. The application's font at
    ``points`` for the test, as it was after it."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QFont(app.font())
    font = QFont(before)
    font.setPointSizeF(points)
    app.setFont(font)
    yield font
    app.setFont(before)
