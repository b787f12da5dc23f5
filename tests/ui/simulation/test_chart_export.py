"""Getting the Chart and Over Time charts out of the app: the context menu (right-click, the
Menu key, Shift+F10), Ctrl+C, Copy Chart, Save Chart as Image… (PNG, SVG) and Copy Data."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QFontMetricsF, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from canvas_app.domain.timeutil import utc_minute
from canvas_app.ui.image_export_dialog import PNG_FILTER, SVG_FILTER
from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.chart_export import (
    COPY_CHART,
    COPY_DATA,
    FOLDER_KEY,
    PNG_SCALE,
    SAVE_CHART,
)
from canvas_app.ui.simulation.funnel_chart import SERIES, axis_ticks, flow_order
from canvas_app.ui.simulation.timeline_legend import line_name
from canvas_app.ui.simulation.timeline_lines import line_value
from tests.ui.test_image_export import SaveAsker

from .test_simulation_panel import run_to_finish

MENU = [COPY_CHART, SAVE_CHART, COPY_DATA]
SVG = "{http://www.w3.org/2000/svg}"


def finished_chart(qtbot, window: MainWindow, which: str):
    """The sample scenario run to its end, the panel's ``which`` tab ("chart" or
    "timeline") on show: (the tab's widget, the view that takes the keys)."""
    window.resize(1280, 860)
    window.show_simulation_panel()
    run_to_finish(qtbot, window)
    panel = window.simulation_panel
    tab = getattr(panel, which)
    panel.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: bool(tab.table()[1]))
    host = tab.view if which == "chart" else tab
    qtbot.waitUntil(lambda: host.isVisible() and host.width() > 200)
    return tab, host


def dark_share(image: QImage) -> float:
    """The share of an image's pixels that are dark grey (text, axes), every 2nd one. Not
    the bars' colours (dark enough, since the QA, to count as dark): smoothed at twice the
    size, a bar's edge falls a pixel row apart, and the bars' edge rows outweighed the
    text."""
    dark = total = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            total += 1
            colour = image.pixelColor(x, y)
            grey = max(colour.red(), colour.green(), colour.blue()) \
                - min(colour.red(), colour.green(), colour.blue()) < 24
            dark += grey and colour.lightness() < 128
    return dark / total


def right_click(host: QWidget, at: QPoint) -> None:
    """A right-click's context menu event on the chart's plot, as Qt sends it."""
    viewport = host.viewport()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, viewport.mapToGlobal(at))
    QApplication.sendEvent(viewport, event)


def menu_texts(tab) -> list[str]:
    menu = tab.export.menu
    assert menu is not None and menu.isVisible()
    # the export's entries (Over Time adds its Lines after a separator)
    return [action.text() for action in menu.actions()][:len(MENU)]


def action(tab, text: str):
    return next(a for a in tab.export.menu.actions() if a.text() == text)


@pytest.mark.parametrize("which", ["chart", "timeline"])
def test_right_click_copy_chart_puts_the_chart_on_the_clipboard(
        qtbot, window: MainWindow, which: str) -> None:
    tab, host = finished_chart(qtbot, window, which)
    QGuiApplication.clipboard().clear()
    right_click(host, QPoint(host.width() // 2, host.height() // 2))
    assert menu_texts(tab) == MENU
    assert all(a.isEnabled() for a in tab.export.menu.actions())
    action(tab, COPY_CHART).trigger()
    tab.export.menu.close()
    image = QGuiApplication.clipboard().image()
    picture = tab.export.picture
    ratio = picture.devicePixelRatioF()
    assert not image.isNull()
    assert (image.width(), image.height()) == (round(picture.width() * ratio),
                                               round(picture.height() * ratio))
    # the chart as shown: the bars' and lines' colours are in the picture
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 3)
               for y in range(0, image.height(), 3)}
    assert len(colours) > 10


def test_a_right_click_on_the_bars_legend_opens_the_same_menu(qtbot, window: MainWindow) -> None:
    tab, _host = finished_chart(qtbot, window, "chart")
    legend = tab.legend_box
    at = QPoint(2, 2)
    QApplication.sendEvent(legend, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at,
                                                     legend.mapToGlobal(at)))
    assert menu_texts(tab) == MENU
    tab.export.menu.close()


@pytest.mark.parametrize("which", ["chart", "timeline"])
def test_the_focused_chart_copies_with_ctrl_c_and_opens_its_menu_from_the_keyboard(
        qtbot, window: MainWindow, which: str) -> None:
    tab, host = finished_chart(qtbot, window, which)
    assert host.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert host.focusPolicy() & Qt.FocusPolicy.ClickFocus
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.mouseClick(host.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(host.width() // 2, host.height() // 2))
    qtbot.waitUntil(host.hasFocus)
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(host, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    image = QGuiApplication.clipboard().image()
    ratio = tab.export.picture.devicePixelRatioF()
    assert image.width() == round(tab.export.picture.width() * ratio)
    for key, modifier in ((Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
                          (Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)):
        qtbot.keyClick(host, key, modifier)
        assert menu_texts(tab) == MENU
        tab.export.menu.close()
    # Shift let go with the menu open went to the menu: let go of it again, or the next
    # tests' clicks would extend selections
    qtbot.keyClick(host, Qt.Key.Key_Shift)
    assert QApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier


def test_the_focus_frame_is_drawn_while_focused_and_left_out_of_copies(
        qtbot, window: MainWindow) -> None:
    tab, host = finished_chart(qtbot, window, "timeline")
    window.activateWindow()
    qtbot.waitActive(window)
    before = host.viewport().grab().toImage()
    host.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(host.hasFocus)
    after = host.viewport().grab().toImage()
    y = host.height() // 2
    assert after.pixelColor(2, y) != before.pixelColor(2, y)  # the frame's left edge
    copy = tab.export.image()
    assert copy.pixelColor(2, y) == before.pixelColor(2, y)


@pytest.mark.parametrize("which", ["chart", "timeline"])
def test_a_copy_asked_for_at_once_shows_the_chart_laid_out(qtbot, window: MainWindow,
                                                           which: str) -> None:
    """Its axes and legend are laid out an event after the tab shows: a copy taken before
    (Ctrl+C on the tab at once) showed the lines alone."""
    tab, _host = finished_chart(qtbot, window, which)
    at_once = tab.export.image()
    QApplication.processEvents()
    assert at_once == tab.export.image()


@pytest.mark.parametrize("which,name", [("chart", "Contacts per node"),
                                        ("timeline", "Over Time")])
def test_save_chart_as_png_and_svg(qtbot, window: MainWindow, tmp_path: Path,
                                   monkeypatch, which: str, name: str) -> None:
    tab, host = finished_chart(qtbot, window, which)
    out = tmp_path / "charts"
    out.mkdir()
    asker = SaveAsker(str(out / "first.png"))
    monkeypatch.setattr(window.files, "ask_save_with_filter", asker)
    right_click(host, QPoint(40, 40))
    action(tab, SAVE_CHART).trigger()
    title, start, filters, selected = asker.asked[0]
    assert title == "Save Chart as Image"
    # the campaign, the chart and the scenario
    assert Path(start).name == f"Pool Shock Nurture – {name} – pool-store.png"
    assert Path(start).parent.is_dir()
    assert filters == f"{PNG_FILTER};;{SVG_FILTER}" and selected == PNG_FILTER
    image = QImage(str(out / "first.png"))
    picture = tab.export.picture
    assert not image.isNull()
    # at twice its size on screen (crisp on slides), its dots per inch saying so
    ratio = max(PNG_SCALE, picture.devicePixelRatioF())
    assert (image.width(), image.height()) == (round(picture.width() * ratio),
                                               round(picture.height() * ratio))
    screen = tab.export.image()
    assert image.dotsPerMeterX() == round(screen.dotsPerMeterX() * ratio)
    # the same chart as on screen: its title's dark pixels in the same places, scaled
    assert dark_share(image.scaled(screen.size())) == pytest.approx(dark_share(screen),
                                                                    abs=0.01)
    assert window.settings.value(FOLDER_KEY) == str(out)
    # An SVG, its suffix added to the name typed; it starts where the last one went.
    asker.answer, asker.chosen_filter = str(out / "for the slides"), SVG_FILTER
    tab.export.save_dialog()
    assert Path(asker.asked[1][1]).parent == out
    root = ET.parse(out / "for the slides.svg").getroot()
    texts = [t.text or "" for t in root.iter(f"{SVG}text")]
    assert tab.title in texts  # the title drawn, as text
    assert root.get("viewBox").split()[2:] == [str(picture.width()), str(picture.height())]
    assert f"Saved the chart {name} to {out / 'for the slides.svg'}." \
        == window.statusBar().currentMessage()
    # the same name typed again: the dialog asked about it, not about the ".svg" file,
    # which is asked about here (QA 22i: it was replaced unasked); No keeps it
    kept = (out / "for the slides.svg").read_bytes()
    asked: list[Path] = []
    window.files.ask_replace_file = lambda path: asked.append(path) or False
    asker.answer = str(out / "for the slides")
    assert tab.export.save_dialog() is None
    assert asked == [out / "for the slides.svg"]
    assert (out / "for the slides.svg").read_bytes() == kept


def test_a_failed_save_shows_one_message_naming_the_file(qtbot, window: MainWindow,
                                                         tmp_path: Path, monkeypatch) -> None:
    tab, _host = finished_chart(qtbot, window, "timeline")
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x")
    target = blocker / "chart.png"
    monkeypatch.setattr(window.files, "ask_save_with_filter", SaveAsker(str(target)))
    assert tab.export.save_dialog() is None
    box = window.findChild(QMessageBox, "errorBox")
    assert box is not None and box.isVisible()
    assert str(target) in box.text() and "is a file, not a folder" in box.text()
    assert "\n" not in box.text() and "Traceback" not in box.text()
    box.close()
    assert not target.exists()


def test_a_save_into_a_read_only_folder_says_so(qtbot, window: MainWindow, tmp_path: Path,
                                                monkeypatch) -> None:
    tab, _host = finished_chart(qtbot, window, "chart")
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        probe = folder / "probe"
        try:
            probe.write_text("x")  # root writes anywhere: nothing to test then
            probe.unlink()
            pytest.skip("this user can write in a read-only folder")
        except PermissionError:
            pass
        target = folder / "chart.png"
        monkeypatch.setattr(window.files, "ask_save_with_filter", SaveAsker(str(target)))
        assert tab.export.save_dialog() is None
        box = window.findChild(QMessageBox, "errorBox")
        assert box is not None and box.isVisible()
        assert str(target) in box.text() and "no permission" in box.text()
        box.close()
    finally:
        folder.chmod(0o700)


def test_copy_data_of_the_bars_is_their_numbers_per_node(qtbot, window: MainWindow) -> None:
    tab, host = finished_chart(qtbot, window, "chart")
    panel = window.simulation_panel
    campaign = panel.current_campaign()
    counts = panel.runner.counts_now()
    right_click(host, QPoint(40, 40))
    action(tab, COPY_DATA).trigger()
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0].split("\t") == ["Node", *(label for label, _c, _p in SERIES)]
    expected = []
    for node_id in flow_order(campaign):
        node = campaign.node(node_id)
        values = [pick(node.kind, counts.get(node_id, {})) for _l, _c, pick in SERIES]
        expected.append("\t".join([node.name, *map(str, values)]))
    assert lines[1:] == expected
    assert any(value != "0" for line in lines[1:] for value in line.split("\t")[1:])


def test_copy_data_of_the_lines_is_their_counts_over_time(qtbot, window: MainWindow) -> None:
    tab, host = finished_chart(qtbot, window, "timeline")
    panel = window.simulation_panel
    campaign = panel.current_campaign()
    nodes = flow_order(campaign)
    right_click(host, QPoint(40, 40))
    action(tab, COPY_DATA).trigger()
    rows = [line.split("\t") for line in QGuiApplication.clipboard().text().splitlines()]
    assert rows[0] == ["Time (UTC)", *(line_name(campaign.node(n).kind, campaign.node(n).name)
                                       for n in nodes)]
    moments: dict[int, list[str]] = {}  # the later counts of two at one moment
    for at, counts in panel.runner.timeline():
        moments[at] = [str(line_value(campaign.node(n).kind, counts.get(n, {}))) for n in nodes]
    expected: list[list[str]] = []
    ordered = sorted(moments.items())
    for i, (at, values) in enumerate(ordered):  # the start, each change, the end
        if not expected or expected[-1][1:] != values or i == len(ordered) - 1:
            expected.append([utc_minute(datetime.fromtimestamp(at, UTC)), *values])
    assert rows[1:] == expected
    assert len(rows) > 3


def test_an_empty_chart_offers_nothing_to_copy(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    window.show_simulation_panel()
    panel.tabs.setCurrentWidget(panel.timeline)
    host = panel.timeline
    qtbot.waitUntil(lambda: host.isVisible() and host.width() > 200)
    right_click(host, QPoint(40, 40))
    assert menu_texts(panel.timeline) == MENU
    # greyed, and so is Over Time's Lines (after a separator)
    assert not any(a.isEnabled() for a in panel.timeline.export.menu.actions()
                   if not a.isSeparator())
    panel.timeline.export.menu.close()
    assert panel.timeline.table() == ([], [])


# -- the counts' axes: whole numbers, none past the data, as many as the room holds ----------
def test_count_scale_ticks_are_whole_and_end_at_the_first_past_the_data() -> None:
    from canvas_app.ui.simulation.funnel_chart import count_scale

    for most in range(2, 7):
        for biggest in range(0, 3000, 7):
            top, ticks = count_scale(biggest, most)
            step = top // (ticks - 1)
            assert 2 <= ticks <= most and step * (ticks - 1) == top  # whole-number ticks
            assert top >= biggest and top - step < max(biggest, 1)  # no tick past the end


@pytest.mark.parametrize("which,height", [("chart", 400), ("timeline", 400),
                                          ("timeline", 130)])
def test_the_count_axis_of_a_run_has_whole_spaced_ticks_up_to_its_data(
        qtbot, window: MainWindow, which: str, height: int) -> None:
    tab, _host = finished_chart(qtbot, window, which)
    chart = tab.chart()
    if which == "timeline":
        tab.setFixedHeight(height)
        qtbot.waitUntil(lambda: tab.height() == height)
        axis = chart.axes(Qt.Orientation.Vertical)[0]
        biggest = max(v for node_id in tab.lines for _at, v in tab.values(node_id))
        room, label = chart.plotArea().height(), axis.labelsFont()
    else:
        axis = chart.axes(Qt.Orientation.Horizontal)[0]
        biggest = max(sum(row[1:]) for row in tab.table()[1])
        room, label = chart.plotArea().width(), axis.labelsFont()
    QApplication.processEvents()
    # (the Over Time plot has a few px past 0 and the top, so a line there shows whole)
    values = axis_ticks(axis)
    ticks, top = len(values), values[-1]
    step = values[1] - values[0]
    assert values[0] == 0 and step == int(step) and step >= 1  # no half a contact
    assert all(value == i * step for i, value in enumerate(values))
    assert top >= biggest > top - step  # the last tick just past the data
    metrics = QFontMetricsF(label)
    size = metrics.height() if which == "timeline" else metrics.horizontalAdvance(
        str(int(top)))
    assert room / (ticks - 1) >= 2 * size  # each number with room round it, none left out
