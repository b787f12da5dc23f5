"""QA5: clicking the bottom "Simulation" tab (tabbed with Warnings) showed the panel at the
Warnings' height: a log of one or two lines, one contact, two bars. Only a run's start gave
it room. However it comes to the front it now gets the room a run gives it, unless the user
set its height by dragging the panels' edge."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QApplication, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from canvas_app.ui.main_window import MainWindow

from .test_simulation_panel import run_to_finish


def dock_tab(window: MainWindow, title: str) -> tuple[QTabBar, int]:
    """The tab bar of the bottom panels and the index of the tab named ``title``."""
    for bar in window.findChildren(QTabBar):
        if bar.isVisible() and bar.parent() is window:
            for index in range(bar.count()):
                if bar.tabText(index).replace("&", "") == title:
                    return bar, index
    raise AssertionError(f"no {title} tab")


def click_tab(qtbot: QtBot, window: MainWindow, title: str) -> None:
    bar, index = dock_tab(window, title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def height_a_run_gives(qtbot: QtBot, window: MainWindow) -> int:
    """Presses F5 with the Warnings in front, as a person does, and gives back the panel's
    height once the run raised it; then pauses, brings the Warnings back and puts their
    height back as the window started with it."""
    dock, lint = window.docks["simulation"], window.docks["lint"]
    start = lint.height()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty())
    qtbot.wait(50)
    height = dock.height()
    window.simulation_panel.runner.pause()
    click_tab(qtbot, window, "Warnings")
    qtbot.waitUntil(lambda: dock.visibleRegion().isEmpty())
    window.resizeDocks([lint], [120], Qt.Orientation.Vertical)  # as MainWindow starts
    qtbot.waitUntil(lambda: lint.height() == start)
    return height


def settle(qtbot: QtBot, window: MainWindow, width: int = 1280, height: int = 800) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width)
    qtbot.wait(200)  # the window's check of the panels' shares (a 150 ms timer)


def test_clicking_the_simulation_tab_gives_the_panel_the_room_a_run_gives_it(
        qtbot: QtBot, window: MainWindow) -> None:
    settle(qtbot, window)
    dock = window.docks["simulation"]
    assert dock.visibleRegion().isEmpty()  # behind the Warnings at first
    wanted = height_a_run_gives(qtbot, window)
    assert window.docks["lint"].height() < wanted - 100  # the height they started with
    click_tab(qtbot, window, "Simulation")
    qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty())
    qtbot.waitUntil(lambda: dock.height() >= wanted)
    # usable: the sample's five contacts all in view once run
    run_to_finish(qtbot, window)
    panel = window.simulation_panel
    panel.tabs.setCurrentWidget(panel.contacts)
    QApplication.processEvents()
    table = panel.contacts_table
    rows = panel.contacts_model.rowCount()
    assert rows == 5
    assert table.rowViewportPosition(rows - 1) + table.rowHeight(rows - 1) \
        <= table.viewport().height()
    # back to Warnings: the shared height stays (no second jump of the canvas's edge)
    height = dock.height()
    click_tab(qtbot, window, "Warnings")
    qtbot.waitUntil(lambda: not window.docks["lint"].visibleRegion().isEmpty())
    qtbot.wait(50)
    assert window.docks["lint"].height() == height


def test_view_panels_brings_the_panel_forward_with_room(qtbot: QtBot,
                                                          window: MainWindow) -> None:
    settle(qtbot, window, 1440, 900)
    dock = window.docks["simulation"]
    wanted = height_a_run_gives(qtbot, window)
    window.panel_actions["simulation"].trigger()  # View > Panels > Simulation
    qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty())
    qtbot.waitUntil(lambda: dock.height() >= wanted)


def drag_edge(qtbot: QtBot, window: MainWindow, by: int) -> None:
    """Drags the edge between the canvas and the bottom panels ``by`` px down, as a
    person does with the mouse."""
    dock = window.docks["simulation"]
    x = window.view.geometry().center().x()
    top = dock.geometry().top()
    edge = QPoint(x, (window.view.geometry().bottom() + top) // 2 + 1)
    qtbot.mouseMove(window, edge)  # over the edge first: the window finds it there
    qtbot.mousePress(window, Qt.MouseButton.LeftButton, pos=edge)
    for step in range(1, 5):
        qtbot.mouseMove(window, edge + QPoint(0, by * step // 4))
        qtbot.wait(30)  # as a hand moves (the window moves the edge on a timer)
    qtbot.mouseRelease(window, Qt.MouseButton.LeftButton, pos=edge + QPoint(0, by))


def height_the_user_gives(qtbot: QtBot, window: MainWindow, by: int) -> int:
    """Brings the panel forward by its tab at a run's height, drags the panels' edge
    ``by`` px down (the user makes it shorter), and gives back the height it then has."""
    settle(qtbot, window)
    dock = window.docks["simulation"]
    wanted = height_a_run_gives(qtbot, window)
    click_tab(qtbot, window, "Simulation")
    qtbot.waitUntil(lambda: dock.height() >= wanted)
    given = dock.height()
    drag_edge(qtbot, window, by)
    qtbot.waitUntil(lambda: dock.height() < given - (by - 10))
    return dock.height()


def test_a_height_the_user_gave_the_panel_is_kept_however_it_comes_forward(
        qtbot: QtBot, window: MainWindow) -> None:
    dock = window.docks["simulation"]
    chosen = height_the_user_gives(qtbot, window, 25)
    click_tab(qtbot, window, "Warnings")
    qtbot.waitUntil(lambda: dock.visibleRegion().isEmpty())
    click_tab(qtbot, window, "Simulation")
    qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty())
    qtbot.wait(50)
    assert dock.height() == chosen
    # a run started with the Warnings in front (F5) keeps it too
    click_tab(qtbot, window, "Warnings")
    qtbot.waitUntil(lambda: dock.visibleRegion().isEmpty())
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty())
    qtbot.wait(50)
    assert dock.height() == chosen
    window.simulation_panel.runner.pause()


def test_a_run_brings_the_panel_at_the_users_height_without_a_jump(
        qtbot: QtBot, window: MainWindow) -> None:
    """F5 with the Warnings in front: the panel comes at the height the user gave it at
    once; it came up at a run's height first, then went to theirs an event later (the
    canvas's edge moved twice under the pointer)."""
    dock = window.docks["simulation"]
    chosen = height_the_user_gives(qtbot, window, 40)
    click_tab(qtbot, window, "Warnings")
    qtbot.waitUntil(lambda: dock.visibleRegion().isEmpty())
    heights: list[int] = []
    dock.installEventFilter(watcher := ResizeWatcher(dock, heights))
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty())
    qtbot.wait(100)
    dock.removeEventFilter(watcher)
    window.simulation_panel.runner.pause()
    assert dock.height() == chosen
    assert all(height <= chosen + 2 for height in heights), (heights, chosen)


class ResizeWatcher(QObject):
    """Notes every height ``dock`` is given."""

    def __init__(self, dock: QWidget, heights: list[int]) -> None:
        super().__init__(dock)
        self.heights = heights

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self.heights.append(event.size().height())
        return False
