"""The canvas view's own drawing: the empty-canvas hint and the grid."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QEvent, QObject, QRect, QRectF
from PySide6.QtGui import QImage, QPainter, QPaintEvent

from canvas_app.ui.canvas.grid import MAX_GRID_LINES, grid_lines
from canvas_app.ui.canvas.node_item import GOAL_RADIUS
from canvas_app.ui.main_window import MainWindow


class PaintSpy(QObject):
    """Records the rectangles the viewport is asked to repaint."""

    def __init__(self) -> None:
        super().__init__()
        self.rects: list[QRect] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(event, QPaintEvent):
            self.rects.append(event.region().boundingRect())
        return False


def test_hint_goes_and_comes_back_with_a_whole_viewport_repaint(qtbot,
                                                               window: MainWindow) -> None:
    campaign_id = window.controller.new_campaign()
    window.campaign_list.select(campaign_id)
    view = window.view
    assert view.hint_text().startswith("Drag a purchase goal")
    viewport = view.viewport()
    spy = PaintSpy()
    viewport.installEventFilter(spy)
    qtbot.wait(50)
    spy.rects.clear()
    node_id = window.controller.add_node(campaign_id, "tag_goal", 0, 0)
    assert view.hint_text() == ""
    qtbot.waitUntil(lambda: any(r.contains(viewport.rect()) for r in spy.rects), timeout=2000)
    spy.rects.clear()
    window.controller.delete(campaign_id, [node_id])
    assert view.hint_text().startswith("Drag a purchase goal")
    qtbot.waitUntil(lambda: any(r.contains(viewport.rect()) for r in spy.rects), timeout=2000)
    viewport.removeEventFilter(spy)


def test_grid_lines_of_an_ordinary_rect() -> None:
    lines = grid_lines(QRectF(-100, -100, 400, 200), 1.0)
    assert lines is not None
    minor, majors = lines
    assert len(minor) + len(majors) == 20 + 10  # every 20 px across, every 20 px down
    assert all(line.x1() % 100 == 0 for line in majors if line.x1() == line.x2())


BAD_RECTS = [
    QRectF(0, 0, math.inf, 100),
    QRectF(-math.inf, -math.inf, math.inf, math.inf),
    QRectF(math.nan, 0, 100, 100),
    QRectF(0, 0, 100, math.nan),
    QRectF(0, 0, 1e300, 1e300),
    QRectF(0, 0, 100, 1e9),  # narrow and absurdly tall
    QRectF(1e20, 1e20, 100, 100),  # x + step == x out there
]


@pytest.mark.parametrize("rect", BAD_RECTS)
def test_grid_gives_up_on_non_finite_or_absurd_rects(rect: QRectF) -> None:
    lines = grid_lines(rect, 1.0)
    assert lines is None or sum(map(len, lines)) <= 2 * MAX_GRID_LINES


@pytest.mark.parametrize("scale", [0.0, -1.0, math.nan, math.inf, 1e-300])
def test_grid_gives_up_on_a_non_finite_or_tiny_scale(scale: float) -> None:
    assert grid_lines(QRectF(0, 0, 400, 400), scale) is None


def test_draw_background_returns_on_absurd_rects(window: MainWindow) -> None:
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        for rect in BAD_RECTS:
            window.view.drawBackground(painter, rect)
    finally:
        painter.end()
    assert grid_lines(QRectF(0, 0, 100, 100), window.view.zoom()) is not None


def test_a_fitted_view_fits_again_when_it_changes_size_until_the_user_zooms(
        qtbot, window) -> None:
    from PySide6.QtWidgets import QApplication

    def all_in_view() -> bool:
        seen = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
        return seen.contains(window.scene.nodes_rect())

    window.view.fit()
    window.resize(760, 520)  # smaller: the flow would be cut at the old zoom
    QApplication.processEvents()
    assert window.view.fitted and all_in_view()
    window.show_simulation_panel()  # a panel opening takes height
    QApplication.processEvents()
    assert all_in_view()
    window.view.zoom_in()
    zoom = window.view.zoom()
    window.resize(1100, 760)
    QApplication.processEvents()
    assert not window.view.fitted and window.view.zoom() == zoom  # the user's zoom stays


def test_scrolling_by_hand_ends_the_fitting(qtbot, window) -> None:
    from PySide6.QtWidgets import QAbstractSlider

    window.view.fit()
    assert window.view.fitted
    window.view.horizontalScrollBar().triggerAction(
        QAbstractSlider.SliderAction.SliderSingleStepAdd)
    assert not window.view.fitted


def test_renaming_a_node_moves_the_end_of_a_link_from_below(qtbot, window) -> None:
    cid = window.current_campaign_id()
    goal = window.controller.campaign(cid).node("bought-shock")
    below = window.controller.add_node(cid, "sequence", goal.x + 80, goal.y + 300)
    window.controller.link(cid, below, "bought-shock")
    link = window.scene.links[(below, "bought-shock")]
    before = link.line().p2()
    window.controller.rename_node(cid, "bought-shock", "B")  # short: the line passes beside
    after = link.line().p2()
    # the long name made it enter the icon from the side, round the name; past the short
    # one it comes up to the icon's lower edge (test_link_ends has the geometry)
    assert after.y() > before.y() > goal.y - GOAL_RADIUS
    assert abs(math.hypot(after.x() - goal.x, after.y() - goal.y) - GOAL_RADIUS) <= 3  # pen


def test_the_viewport_is_painted_whole_without_a_fill_first(qtbot, window) -> None:
    """Qt skips filling the viewport before the view paints it (WA_OpaquePaintEvent): the
    view covers every pixel itself, so the picture is the one with the fill, at every zoom,
    scrolled, and with the grid hidden."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    viewport = window.view.viewport()
    attribute = Qt.WidgetAttribute.WA_OpaquePaintEvent
    assert viewport.testAttribute(attribute)

    def picture(opaque: bool):
        viewport.setAttribute(attribute, opaque)
        window.view.resetCachedContent()
        viewport.repaint()
        return viewport.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)

    for zoom, grid in ((0.3, True), (1.0, True), (2.5, True), (1.0, False)):
        window.set_grid_visible(grid)
        window.view.set_zoom(zoom)
        bar = window.view.horizontalScrollBar()
        bar.setValue(bar.value() + 37)
        assert picture(True) == picture(False), (zoom, grid)
    viewport.setAttribute(attribute, True)


def test_a_drag_and_panning_leave_no_stale_pixels(qtbot, window) -> None:
    """What the view shows after a drag and some panning, painted step by step (only what
    changed), is what a whole repaint shows: no trail of a node, its links or its name."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    viewport = window.view.viewport()
    window.scene.select_nodes(["bought-shock"])
    origin = window.view.mapFromScene(window.scene.nodes["bought-shock"].pos())
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=origin)
    for step in range(1, 9):
        qtbot.mouseMove(viewport, origin + QPoint(9 * step, 13 * step))
        QApplication.processEvents()
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=origin + QPoint(72, 104))
    QApplication.processEvents()
    for dx, dy in ((37, 0), (0, -23), (-11, 17)):  # then pan: the view copies and fills in
        window.view.horizontalScrollBar().setValue(window.view.horizontalScrollBar().value() + dx)
        window.view.verticalScrollBar().setValue(window.view.verticalScrollBar().value() + dy)
        QApplication.processEvents()

    def shot() -> QImage:
        """The window's pixels as they are on screen (its backing store), not a fresh
        rendering: what the step-by-step painting left there."""
        area = window.view.geometry()
        screen = window.screen().grabWindow(window.winId()).toImage()
        return screen.copy(area).convertToFormat(QImage.Format.Format_RGB32)

    stepwise = shot()
    window.view.resetCachedContent()
    viewport.repaint()
    assert shot() == stepwise


def _on_screen(window):
    from PySide6.QtGui import QImage

    area = window.view.geometry()
    screen = window.screen().grabWindow(window.winId()).toImage()
    return screen.copy(area).convertToFormat(QImage.Format.Format_RGB32)


def test_the_empty_canvas_hint_stays_whole_when_panned(qtbot, window) -> None:
    """QA 9: panning copied the hint's pixels and painted a second piece of it in the strip
    uncovered."""
    from PySide6.QtWidgets import QApplication

    window.campaign_list.new_campaign()
    QApplication.processEvents()
    assert window.view.hint_text()
    for dx, dy in ((260, 0), (-40, 30)):
        bar_x, bar_y = window.view.horizontalScrollBar(), window.view.verticalScrollBar()
        bar_x.setValue(bar_x.value() + dx)
        bar_y.setValue(bar_y.value() + dy)
        QApplication.processEvents()
        panned = _on_screen(window)
        window.view.resetCachedContent()
        window.view.viewport().repaint()
        assert _on_screen(window) == panned, (dx, dy)


def test_fit_shows_links_that_bow_out_past_the_nodes(window) -> None:
    """QA 9: a link bent round a node could bow above every node, and Fit cut it off."""
    scene = window.scene
    campaign = window.current_campaign_id()
    window.controller.link(campaign, "nurture", "post-purchase")  # bends round the goal
    link = scene.links[("nurture", "post-purchase")]
    assert link.is_arc()
    window.view.fit()
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert shown.contains(link.sceneBoundingRect())
    assert scene.nodes_rect().contains(link.rect())
