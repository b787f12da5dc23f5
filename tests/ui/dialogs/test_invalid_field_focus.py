"""A field with a problem still shows when it has the keyboard: a ring of the focus colour
inside its red frame (QA: Alt+A put the keys in a new step's empty Subject, whose red frame
hid the style's focus frame, so only a blinking caret told where typing would go). The
ring goes with the focus; a list shows its focus on its current row and keeps its rows'
ground clear, as before."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QVBoxLayout, QWidget

from canvas_app.ui.dialogs.widgets import (
    INVALID_COLOUR,
    INVALID_FRAME_WIDTH,
    mark_invalid,
)
from canvas_app.ui.theme import SELECTION

from .helpers import red_frame_drawn


def edge(widget: QWidget) -> list[str]:
    """The four outermost pixels at the middle of the left edge, as drawn."""
    image = widget.grab().toImage()
    return [image.pixelColor(x, image.height() // 2).name() for x in range(4)]


def test_a_field_with_a_problem_shows_the_focus_inside_its_red_frame(qtbot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    subject, other, rows = QLineEdit(), QLineEdit(), QListWidget()
    rows.addItems(["one", "two"])
    for widget in (subject, other, rows):
        layout.addWidget(widget)
    host.show()
    qtbot.waitExposed(host)
    for widget in (subject, rows):
        mark_invalid(widget, True)
    subject.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(subject.hasFocus, timeout=1000)
    assert red_frame_drawn(subject)
    assert edge(subject)[:INVALID_FRAME_WIDTH + 1] == [INVALID_COLOUR] * INVALID_FRAME_WIDTH \
        + [SELECTION.lower()]
    other.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: edge(subject)[INVALID_FRAME_WIDTH] != SELECTION.lower(),
                    timeout=1000)
    assert red_frame_drawn(subject)
    rows.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(rows.hasFocus, timeout=1000)
    assert red_frame_drawn(rows)
    assert SELECTION.lower() not in edge(rows)
    mark_invalid(subject, False)
    subject.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(subject.hasFocus, timeout=1000)
    assert INVALID_COLOUR not in edge(subject)
