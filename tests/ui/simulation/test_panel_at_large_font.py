"""Visual QA with the app's font at 15 pt: a run gave the Simulation panel 340 px whatever the
font, and its two rows of controls and its tabs took most of it (one contact, one bar of
three, a 25 px plot). The height a run gives it is now as many lines of the font as 340 px
is of the default one, no more than its share of the window (bottom_panel_most)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from canvas_app.ui.main_window import SIMULATION_HEIGHT, MainWindow
from canvas_app.ui.window_layout import DEFAULT_LINE, bottom_panel_most, tab_bar_height
from tests.ui.canvas.conftest import make_window, sample_file  # noqa: F401  (a fixture)
from tests.ui.fonts import app_font_at

from .conftest import SCENARIO
from .test_simulation_panel import run_to_finish

LINES = SIMULATION_HEIGHT / DEFAULT_LINE  # the panel's height in lines of the default font


@pytest.fixture(params=[15.0, 9.0], ids=["15pt", "9pt"])
def font(qapp, request) -> QFont:
    yield from app_font_at(request.param)


@pytest.fixture
def window(qtbot, font: QFont, sample_file: Path, tmp_path: Path) -> MainWindow:  # noqa: F811
    window = make_window(qtbot, str(sample_file), tmp_path)
    window.simulation_panel.select_scenario(str(SCENARIO))
    return window


def panel_height(window: MainWindow) -> int:
    """The panel's height as the user sees it: the dock and its row of tabs under it."""
    dock = window.docks["simulation"]
    return dock.height() + tab_bar_height(window, dock)


def test_a_run_gives_the_panel_its_height_in_lines_of_the_font(
        qtbot, window: MainWindow, font: QFont) -> None:
    window.resize(1280, 1000)  # a tall screen: room for the panel under its share
    qtbot.waitUntil(lambda: window.height() == 1000)
    qtbot.wait(200)  # the window's check of the panels' shares (a 150 ms timer)
    run_to_finish(qtbot, window)
    qtbot.waitUntil(lambda: not window._canvas_room_check.isActive())
    QApplication.processEvents()
    dock = window.docks["simulation"]
    line = dock.fontMetrics().height()
    wanted = max(SIMULATION_HEIGHT, LINES * line)  # 340 px at 9 pt, 24 lines at any font
    most = bottom_panel_most(window.view, dock)
    assert panel_height(window) >= min(wanted, most) - 2
    assert panel_height(window) <= most + 2  # the canvas keeps its share
    if font.pointSizeF() > 9:
        # 15 pt: more than the 340 px a run gave it whatever the font (12 lines of 24 px)
        assert panel_height(window) / line > 15
