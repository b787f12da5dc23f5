"""The main window with the user's font at 14 pt (QA ran it at 13.5 and 14 pt, and at 1.5x
scaling): the start-up hint is cut to the room beside the zoom, Simulate stays on the
toolbar, the window fits a 1280 x 800 screen at 1.5x, the Over Time legend is whole and
clear of the dates, and the canvas's text grows with the font as far as the nodes hold it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSize
from PySide6.QtGui import QCursor, QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication, QToolButton

from canvas_app.ui.canvas.node_item import NAME_HEIGHT, NAME_WIDTH
from canvas_app.ui.canvas.style import (
    BADGE_POINTS,
    DETAIL_POINTS,
    NAME_POINTS,
    CanvasStyle,
    text_fits,
)
from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.overlay import PILL_HEIGHT
from canvas_app.ui.simulation.timeline_arrange import TOP_MARGIN, legend_line
from canvas_app.ui.window_layout import window_room
from canvas_app.ui.window_status import MESSAGE_GAP, MESSAGE_LEFT
from tests.ui.canvas.conftest import (
    SAMPLE,
    make_window,
    sample_file,  # noqa: F401  (a fixture)
)
from tests.ui.fonts import app_font_at
from tests.ui.simulation.test_simulation_panel import finished_on_tab, run_to_finish

SCENARIO = SAMPLE.parent / "pool-store.scenario.json"
# QGraphicsTextItem.Type, QGraphicsLineItem.Type (a legend's marker: a piece of its line)
TEXT_ITEM, LINE_ITEM = 8, 6
SHAPE_ITEMS = (2, 3, 4, 5)  # path, rect, ellipse, polygon: a goal's shape in the legend
TASKBAR = 48  # px of a 1280 x 800 screen a taskbar takes


@pytest.fixture
def big_font(qapp):
    yield from app_font_at(14.0)


@pytest.fixture
def default_font(qapp):
    yield from app_font_at(9.0)


@pytest.fixture
def window(qtbot, big_font: QFont, sample_file: Path, tmp_path: Path) -> MainWindow:  # noqa: F811
    # the pointer away from where the toolbar will be: a test before may have left it
    # there, and a button's status tip shown on hover replaces the status bar's message
    QCursor.setPos(QPoint(-1000, -1000))
    window = make_window(qtbot, str(sample_file), tmp_path)
    window.simulation_panel.select_scenario(str(SCENARIO))
    return window


def overflow_shown(window: MainWindow) -> bool:
    button = window.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    return button is not None and button.isVisible()


def message_fits(window: MainWindow) -> bool:
    """The status bar's message, as drawn, ends before the zoom label begins."""
    bar = window.statusBar()
    end = MESSAGE_LEFT + bar.fontMetrics().horizontalAdvance(bar.currentMessage())
    return end <= window.zoom_label.x() - MESSAGE_GAP


def test_the_start_hint_is_cut_to_the_room_beside_the_zoom(qtbot, window: MainWindow) -> None:
    """QA at 14 pt: the hint, shown before the window was laid out, ran into "Zoom 107 %"."""
    bar, hint = window.statusBar(), window.start_hint()
    assert bar.fontMetrics().horizontalAdvance(hint) > bar.width() - window.zoom_label.width()
    qtbot.waitUntil(lambda: bar.currentMessage() != hint)
    shown = bar.currentMessage()
    assert shown.endswith("…") and hint.startswith(shown[:-1])
    assert bar.toolTip() == hint  # whole in the tooltip
    assert window.zoom_label.isVisible() and window.zoom_label.text().startswith("Zoom")
    assert message_fits(window)
    window.resize(900, 700)  # narrower: cut again
    qtbot.waitUntil(lambda: len(bar.currentMessage()) < len(shown))
    qtbot.waitUntil(lambda: message_fits(window))
    assert bar.currentMessage().endswith("…") and bar.toolTip() == hint


@pytest.mark.parametrize("width", [1216, 1000, 860])
def test_simulate_and_run_again_stay_on_the_toolbar(qtbot, window: MainWindow,
                                                    width: int) -> None:
    """QA at 14 pt, 1216 px wide: Run Again went into the toolbar's » menu."""
    window.resize(width, 736)
    bar = window.toolbar
    button = bar.widgetForAction(window.actions_by_name["simulate"])
    qtbot.waitUntil(lambda: button.isVisible() and not overflow_shown(window))
    assert bar.shows_word("simulate")
    run_to_finish(qtbot, window)
    qtbot.waitUntil(lambda: button.text() == "Run Again")
    qtbot.waitUntil(lambda: button.isVisible() and not overflow_shown(window))
    assert bar.rect().contains(button.geometry())
    assert bar.shows_word("simulate")  # the main action's word goes last
    for action in bar.actions():  # nothing in the overflow menu
        widget = bar.widgetForAction(action)
        assert widget is None or widget.isVisible() or action.isSeparator()


def test_the_window_fits_a_1280_by_800_screen_at_one_and_a_half(qtbot,
                                                                window: MainWindow) -> None:
    """QA at 1.5x on 1280 x 800 (853 x 533 logical): the window asked for 542 px of height
    and came out 813 px tall, its status bar off the screen."""
    window.give_way.fit(QSize(10_000, 10_000))  # a big screen: the least sizes they ask
    natural = window.minimumSizeHint()
    available = QSize(int(1280 / 1.5), int((800 - TASKBAR) / 1.5))
    assert natural.height() > available.height()  # what QA met
    room = window_room(available)
    window.give_way.fit(room)
    least = window.minimumSizeHint()
    assert least.height() * 1.5 <= 800 - TASKBAR and least.width() * 1.5 <= 1280
    assert least.height() <= room.height() and least.width() <= room.width()
    window.resize(room)
    qtbot.waitUntil(lambda: window.size() == room)
    bar = window.statusBar()
    assert bar.isVisible() and bar.geometry().bottom() < window.height()
    qtbot.waitUntil(lambda: window.zoom_label.isVisible())
    # the panels still show what they hold, a scroll away at most
    palette = window.palette
    first = palette.visualRect(palette.model().index(0, 0))
    assert first.isValid() and first.top() < palette.viewport().height()
    assert all(dock.widget().height() > 0 for dock in window.docks.values()
               if dock.isVisible())
    # back on a big screen, the panels ask for what they asked before
    window.give_way.fit(QSize(10_000, 10_000))
    assert window.minimumSizeHint() == natural


FIT_SCRIPT = """
import shutil, sys, tempfile
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication
app = QApplication([])
font = QFont(app.font()); font.setPointSizeF(float(sys.argv[2])); app.setFont(font)
from canvas_app.app import build_main_window
folder = tempfile.mkdtemp()
shutil.copy(sys.argv[1], folder + "/pool.campaign.json")
settings = QSettings(folder + "/settings.ini", QSettings.Format.IniFormat)
window = build_main_window(folder + "/pool.campaign.json", settings=settings,
                           recovery_dir=None, offer_recovery=False)
window.show()
app.processEvents()
room = window.screen().availableGeometry()
bar = window.statusBar()
print(room.width(), room.height(), window.geometry().right(), window.geometry().bottom(),
      window.height(), bar.mapTo(window, bar.rect().bottomLeft()).y(), int(bar.isVisible()))
"""


@pytest.mark.parametrize("points", [9.0, 14.0])
def test_a_first_window_fits_the_screen_at_one_and_a_half_scale(points: float) -> None:
    """The real thing, scaled 1.5x (QT_SCALE_FACTOR) on the offscreen 800 x 800 screen
    (533 x 533 logical): the window, its status bar included, within the screen."""
    env = dict(os.environ, QT_SCALE_FACTOR="1.5", QT_QPA_PLATFORM="offscreen")
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", FIT_SCRIPT, str(SAMPLE), str(points)],
                          env=env, cwd=root, capture_output=True, text=True, timeout=120,
                          check=True)
    width, height, right, bottom, tall, status_bottom, status_shown = map(
        int, done.stdout.split()[-7:])
    assert (width, height) == (533, 533)
    assert right < width and bottom < height
    assert status_shown and status_bottom < tall


def legend_parts(view) -> list:
    """The Over Time legend's names and markers on show, in the view's coordinates."""
    legend = view.chart().legend()
    return [view.mapFromScene(item.sceneBoundingRect()).boundingRect()
            for item in view.scene().items()
            if item.type() in (TEXT_ITEM, LINE_ITEM, *SHAPE_ITEMS) and item.isVisible()
            and legend.isAncestorOf(item)]


def dates_drawn(view) -> list:
    """The time axis's labels, in the view's coordinates (the texts under the plot)."""
    legend = view.chart().legend()
    plot_bottom = view.chart().plotArea().bottom()
    return [view.mapFromScene(item.sceneBoundingRect()).boundingRect()
            for item in view.scene().items()
            if item.type() == TEXT_ITEM and item.isVisible()
            and not legend.isAncestorOf(item)
            and item.sceneBoundingRect().top() >= plot_bottom - 2]


def test_the_over_time_legend_is_whole_and_clear_of_the_dates(qtbot,
                                                             window: MainWindow) -> None:
    """QA at 13.5-14 pt: the legend's last name was cut off at the chart's bottom, and the
    last date ran into the legend."""
    finished_on_tab(qtbot, window, (1216, 736), "timeline")
    panel = window.simulation_panel
    view = panel.timeline
    for campaign in window.campaign_list.ids():
        window.campaign_list.select(campaign)
        QApplication.processEvents()
        count = len(view.lines)
        parts = legend_parts(view)
        assert count >= 3 and len(parts) == 2 * count  # a marker and a name each
        assert view.beside  # a short chart: the legend beside the plot
        for part in parts:
            assert view.viewport().rect().contains(part), (part, view.size())
        dates = dates_drawn(view)
        assert dates
        for date in dates:
            assert not any(date.intersects(part) for part in parts), date
        # the names in the app's font, or as near it as lets them show one above another
        font = view.chart().legend().font()
        assert font.pointSizeF() >= 7.0
        if font.pointSizeF() < 14.0:  # the largest that lets them
            larger = QFont(font)
            larger.setPointSizeF(font.pointSizeF() + 0.5)
            # the legend's room: the chart's height less 8 px and the title's line over
            # the plot when there is one (a chart too short for both keeps the names)
            room = view.height() - 8 - (
                view.heading_margin() - TOP_MARGIN if view.heading else 0)
            assert count * legend_line(QFontMetricsF(larger)) > room


def test_canvas_text_grows_with_the_app_font_and_fits_the_nodes(qtbot,
                                                               window: MainWindow) -> None:
    """QA at 14 pt: the canvas's names stayed 9.5 pt, its details 8.5 pt and its counts
    8 pt. They grow, as far as a name's two lines fit its box under the node."""
    style = window.scene.style_cache
    assert style.scale > 1.0
    assert style.name_font.pointSizeF() > NAME_POINTS
    assert style.detail_font.pointSizeF() > DETAIL_POINTS
    assert style.badge_font.pointSizeF() > BADGE_POINTS
    assert text_fits(style.scale)
    names = [node.name for campaign in window.controller.workspace.campaigns
             for node in campaign.nodes]
    assert "Subscribed to checkup" in names
    for name in names:
        half, height = style.name_block(name, NAME_WIDTH, 2)
        assert height <= NAME_HEIGHT and half * 2 <= NAME_WIDTH, name
    assert QFontMetricsF(style.badge_font).height() < PILL_HEIGHT
    layer = window.simulation_panel.layer
    assert layer._font == style.badge_font


def test_canvas_text_at_the_default_font_is_as_it_was(default_font: QFont) -> None:
    """At a 9 pt app font the canvas looks as before: 9.5 pt names, 8.5 pt details, 8 pt
    counts."""
    style = CanvasStyle()
    assert style.scale == 1.0
    assert style.name_font.pointSizeF() == 9.5
    assert style.name_font.weight() == QFont.Weight.DemiBold
    assert style.detail_font.pointSizeF() == 8.5
    assert style.badge_font.pointSizeF() == 8.0


def test_a_chart_too_short_for_its_legend_shows_its_plot(qtbot, window: MainWindow) -> None:
    """At 1.5x on 1280 x 800 the Over Time chart was 50 px tall: too short for its names
    beside the plot even in 7 pt, it put the title above and the legend below, and no plot
    was left. It shows its plot alone; too short for a title over the plot as well, the
    title goes and a note says where the lines' names are."""
    from canvas_app.ui.simulation.timeline_chart import TimelineChart

    run_to_finish(qtbot, window)
    panel = window.simulation_panel
    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.resize(800, 60)
    chart.show()
    qtbot.waitExposed(chart)
    chart.show_timeline(panel.current_campaign(), panel.runner.timeline())
    QApplication.processEvents()
    assert chart.bare and not chart.chart().legend().isVisible()
    assert chart.chart().title() == "" and chart.heading == ""
    assert chart.heading_label.note_label.isVisible()
    assert chart.chart().plotArea().height() > 0
    chart.resize(800, 400)  # tall again: title above, legend below
    QApplication.processEvents()
    assert not chart.bare and chart.chart().legend().isVisible()
    assert chart.chart().title() == chart.title and chart.heading == ""
