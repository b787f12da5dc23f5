"""The palette's three kinds are never a scroll away: QA found it scrolling (95 px) once
the bottom panel, which runs the window's whole width, shared the left column's height,
and again by one entry's spacing, and with its 2 px focus frame."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from canvas_app.ui.main_window import MainWindow


def test_every_kind_shows_beside_the_simulation_panel_focused_or_not(
        qtbot, window: MainWindow) -> None:
    window.resize(1216, 736)
    window.show_simulation_panel()
    qtbot.wait(200)  # the window settles its panels' sizes once resizing pauses
    QApplication.processEvents()
    palette = window.palette
    bar = palette.verticalScrollBar()
    last = palette.visualRect(palette.model().index(palette.model().rowCount() - 1, 0))
    assert bar.maximum() == 0
    assert last.bottom() < palette.viewport().height()
    palette.setFocus()
    qtbot.waitUntil(palette.hasFocus)
    QApplication.processEvents()
    assert bar.maximum() == 0
