"""QA: while a link was drawn, a node that would refuse it (already linked from the source)
got the same blue dashed ring as one that takes it, and the status bar kept an old message.
A refusing target is ringed in red dots and the status bar says why; otherwise it says how
to go on."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest

from canvas_app.ui import theme
from canvas_app.ui.canvas.node_item import handle_centre
from canvas_app.ui.main_window import MainWindow

from .conftest import view_pos

HINT = 'Drop on another node to link "Nurture" to it; Esc cancels.'


def _press_handle(qtbot, window: MainWindow, source: str) -> QPoint:
    item = window.scene.nodes[source]
    start = view_pos(window, item.mapToScene(handle_centre(item.kind)))
    QTest.mousePress(window.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, start)
    return start


def _move(qtbot, window: MainWindow, node_id: str) -> QPoint:
    pos = view_pos(window, window.scene.nodes[node_id].pos())
    qtbot.mouseMove(window.view.viewport(), pos)
    return pos


def _ring_pixels(window: MainWindow, node_id: str, colour: str) -> int:
    """Pixels of ``colour`` on the ring round a goal's body (radius 30, ring at 34)."""
    image: QImage = window.view.viewport().grab().toImage()
    centre = view_pos(window, window.scene.nodes[node_id].pos())
    want = QColor(colour)
    zoom = window.view.zoom()
    found = 0
    for degrees in range(0, 360, 2):
        for radius in (32.5, 34.0, 35.5):
            x = round(centre.x() + radius * zoom * math.cos(math.radians(degrees)))
            y = round(centre.y() + radius * zoom * math.sin(math.radians(degrees)))
            pixel = image.pixelColor(x, y)
            if abs(pixel.red() - want.red()) + abs(pixel.green() - want.green()) \
                    + abs(pixel.blue() - want.blue()) < 60:
                found += 1
                break
    return found


def test_a_refusing_target_looks_refused_and_the_status_says_why(qtbot,
                                                                 window: MainWindow) -> None:
    window.view.set_zoom(1.0)
    window.view.centerOn(QPointF(240, 0))
    bar = window.statusBar()
    start = _press_handle(qtbot, window, "nurture")
    try:
        qtbot.mouseMove(window.view.viewport(), start + QPoint(20, 30))
        assert bar.currentMessage() == HINT
        _move(qtbot, window, "bought-shock")  # Nurture already links to it
        assert window.scene.link_target is window.scene.nodes["bought-shock"]
        assert "already links" in (window.scene.link_refusal or "")
        assert bar.currentMessage().startswith("Cannot link:")
        assert "already links" in bar.currentMessage()
        assert _ring_pixels(window, "bought-shock", theme.ERROR_FILL) > 20
        assert _ring_pixels(window, "bought-shock", theme.SELECTION) < 5
        # a free spot of canvas: the hint again
        qtbot.mouseMove(window.view.viewport(), start + QPoint(20, 150))
        assert window.scene.link_target is None
        assert bar.currentMessage() == HINT
    finally:
        end = start + QPoint(20, 150)
        QTest.mouseRelease(window.view.viewport(), Qt.MouseButton.LeftButton,
                           Qt.KeyboardModifier.NoModifier, end)


def test_a_target_that_takes_the_link_keeps_the_blue_ring(qtbot, window: MainWindow) -> None:
    window.view.set_zoom(1.0)
    window.view.centerOn(QPointF(240, 0))
    bar = window.statusBar()
    start = _press_handle(qtbot, window, "post-purchase")
    try:
        qtbot.mouseMove(window.view.viewport(), start + QPoint(-20, 40))
        _move(qtbot, window, "bought-shock")  # no link back from Post-purchase yet
        assert window.scene.link_target is window.scene.nodes["bought-shock"]
        assert window.scene.link_refusal is None
        assert bar.currentMessage() == (
            'Drop on another node to link "Post-purchase" to it; Esc cancels.')
        assert _ring_pixels(window, "bought-shock", theme.SELECTION) > 20
        assert _ring_pixels(window, "bought-shock", theme.ERROR_FILL) < 5
    finally:
        end = start + QPoint(-20, 150)
        QTest.mouseRelease(window.view.viewport(), Qt.MouseButton.LeftButton,
                           Qt.KeyboardModifier.NoModifier, end)
