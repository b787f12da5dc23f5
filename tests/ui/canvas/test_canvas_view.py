"""The canvas view's own drawing: the empty-canvas hint and the grid."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QPaintEvent

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
