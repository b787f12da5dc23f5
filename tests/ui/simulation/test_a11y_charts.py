"""The charts' menu from the keyboard (accessibility QA): every entry has a letter of its
own, and Over Time's Lines hide, show and bring forward a line as its legend name does."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from canvas_app.ui.main_window import MainWindow

from .test_chart_export import finished_chart


def letter(text: str) -> str | None:
    """The entry's mnemonic letter ("&Copy Chart" -> "c"), None when it has none."""
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def entries(menu: QMenu) -> list[QAction]:
    return [a for a in menu.actions() if not a.isSeparator()]


def open_from_keyboard(qtbot, host, key=Qt.Key.Key_Menu,
                       modifier=Qt.KeyboardModifier.NoModifier) -> QMenu:
    host.setFocus()
    qtbot.keyClick(host, key, modifier)
    menu = host.export.menu
    assert menu is not None
    qtbot.waitUntil(menu.isVisible)
    return menu


def lines_menu(menu: QMenu) -> QMenu:
    sub = next(a.menu() for a in menu.actions() if a.menu() is not None)
    assert sub.objectName() == "chartLinesMenu"
    return sub


@pytest.mark.parametrize("which", ["chart", "timeline"])
def test_every_chart_menu_entry_has_its_own_letter(qtbot, window: MainWindow,
                                                   which: str) -> None:
    tab, host = finished_chart(qtbot, window, which)
    menu = open_from_keyboard(qtbot, host)
    assert menu.objectName() == "chartMenu"
    menus = [menu] + [a.menu() for a in menu.actions() if a.menu() is not None]
    assert len(menus) == (2 if which == "timeline" else 1)
    for each in menus:
        letters = [letter(a.text()) for a in entries(each)]
        assert None not in letters, [a.text() for a in entries(each)]
        assert len(set(letters)) == len(letters), [a.text() for a in entries(each)]
    assert [a.text() for a in entries(menu)][:3] == ["&Copy Chart", "&Save Chart as Image…",
                                                     "Copy &Data"]
    menu.close()


def test_the_lines_menu_hides_and_shows_a_line_as_its_legend_name_does(
        qtbot, window: MainWindow) -> None:
    timeline, _host = finished_chart(qtbot, window, "timeline")
    legend = timeline.chart().legend()
    menu = open_from_keyboard(qtbot, timeline, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    sub = lines_menu(menu)
    assert sub.isEnabled()
    per_line = [a for a in entries(sub) if a.objectName().startswith("line:")]
    # a checked entry per line, in the legend's order, named by its legend entry in full
    assert [a.objectName()[5:] for a in per_line] == list(timeline.lines)
    assert [re.sub(r"^1?&\d ", "", a.text()) for a in per_line] == \
        [timeline.full_names[n] for n in timeline.lines]
    assert all(a.isCheckable() and a.isChecked() for a in per_line)
    node_id = list(timeline.lines)[1]
    series = timeline.lines[node_id]
    marker = legend.markers(series)[0]
    per_line[1].trigger()  # hide it, from the menu
    menu.close()
    assert not series.isVisible()
    assert marker in legend.markers(series) and marker.font().strikeOut()  # named, struck out
    by_menu = (series.isVisible(), marker.font().strikeOut())
    marker.clicked.emit()  # shown again by a click on its name
    assert series.isVisible() and not marker.font().strikeOut()
    marker.clicked.emit()  # and hidden by a click: as the menu left it
    assert (series.isVisible(), marker.font().strikeOut()) == by_menu
    menu = open_from_keyboard(qtbot, timeline)
    sub = lines_menu(menu)
    entry = next(a for a in entries(sub) if a.objectName() == f"line:{node_id}")
    assert not entry.isChecked()
    every = next(a for a in entries(sub) if a.objectName() == "showAllLines")
    assert every.isEnabled()
    every.trigger()
    menu.close()
    assert all(line.isVisible() for line in timeline.lines.values())
    assert not any(m.font().strikeOut() for m in legend.markers())


def test_moving_onto_a_lines_entry_brings_its_line_forward(qtbot, window: MainWindow) -> None:
    timeline, _host = finished_chart(qtbot, window, "timeline")
    menu = open_from_keyboard(qtbot, timeline)
    sub = lines_menu(menu)
    menu.setActiveAction(menu.actions()[-1])  # Lines, as Down and Right reach it
    sub.popup(menu.mapToGlobal(menu.rect().topRight()))
    qtbot.waitUntil(sub.isVisible)
    widths = {n: line.pen().widthF() for n, line in timeline.lines.items()}
    first, other = list(timeline.lines)[:2]
    sub.setActiveAction(next(a for a in sub.actions() if a.objectName() == f"line:{first}"))
    assert timeline.lines[first].pen().widthF() > widths[first]  # forward
    assert timeline.lines[other].pen().color().alphaF() < 0.2  # the others faded
    sub.close()
    menu.close()
    qtbot.waitUntil(lambda: timeline.lines[first].pen().widthF() == widths[first])
    assert timeline.lines[other].pen().color().alphaF() > 0.2


def test_the_lines_menu_is_greyed_with_no_run(qtbot, window: MainWindow) -> None:
    window.show_simulation_panel()
    panel = window.simulation_panel
    panel.tabs.setCurrentWidget(panel.timeline)
    qtbot.waitUntil(panel.timeline.isVisible)
    menu = open_from_keyboard(qtbot, panel.timeline)
    assert not lines_menu(menu).isEnabled()
    menu.close()
