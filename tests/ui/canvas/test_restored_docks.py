"""The Warnings and Simulation panels share the bottom as two tabs at every start: the
layout kept from the last session restores them so (before, the window tabified them again
and Qt's restoreState left a second "Warnings | Simulation" tab bar standing over the
campaign list's buttons at every start but the first); a layout Qt cannot read gives the
first start's."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QTabBar

from canvas_app.ui.main_window import STATE_KEY, MainWindow
from tests.ui.canvas.conftest import make_window


def tab_bars(window: MainWindow) -> list[QTabBar]:
    """The tab bars of the window's docked panels that are on show."""
    return [bar for bar in window.findChildren(QTabBar)
            if bar.parent() is window and bar.isVisible()]


def texts(bar: QTabBar) -> list[str]:
    return [bar.tabText(i) for i in range(bar.count())]


def bottom_tabs_alone(qtbot, window: MainWindow) -> None:
    """One tab bar, Warnings and Simulation, at the window's bottom under the canvas and
    clear of the campaign list."""
    qtbot.waitUntil(lambda: len(tab_bars(window)) >= 1)
    bars = tab_bars(window)
    assert [texts(b) for b in bars] == [["Warnings", "Simulation"]]
    bar = bars[0]
    assert window.docks["lint"] in window.tabifiedDockWidgets(window.docks["simulation"])
    campaigns = window.docks["campaigns"]
    assert bar.geometry().top() >= campaigns.geometry().bottom()
    assert bar.geometry().top() >= window.view.mapTo(window, window.view.rect().bottomLeft()).y()


def test_a_second_start_shows_one_tab_bar_for_the_bottom_panels(
        qtbot, sample_file: Path, tmp_path: Path) -> None:
    first = make_window(qtbot, str(sample_file), tmp_path)
    bottom_tabs_alone(qtbot, first)
    assert first.close()
    assert first.settings.value(STATE_KEY) is not None
    second = make_window(qtbot, str(sample_file), tmp_path)
    bottom_tabs_alone(qtbot, second)
    second.show_simulation_panel()
    qtbot.waitUntil(lambda: second.simulation_panel.isVisible())
    bottom_tabs_alone(qtbot, second)
    assert second.close()
    third = make_window(qtbot, str(sample_file), tmp_path)  # the panel in front, kept
    bottom_tabs_alone(qtbot, third)
    assert third.simulation_panel.isVisible()


def test_a_layout_qt_cannot_read_gives_the_first_starts(qtbot, sample_file: Path,
                                                        tmp_path: Path) -> None:
    first = make_window(qtbot, str(sample_file), tmp_path)
    first.settings.setValue(STATE_KEY, b"not a window layout")
    first.settings.sync()
    first.save_layout = lambda: None  # type: ignore[method-assign]
    assert first.close()
    again = make_window(qtbot, str(sample_file), tmp_path)
    bottom_tabs_alone(qtbot, again)
    assert again.lint_panel.isVisible()  # Warnings in front, as at a first start
