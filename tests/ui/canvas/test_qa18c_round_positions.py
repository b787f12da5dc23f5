"""QA: with Snap to Grid off, positions were saved with floating-point noise
("x": -107.99999999999999). A drag or a drop hands the controller positions rounded to the
hundredth of a pixel."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from canvas_app.ui.main_window import MainWindow

from .conftest import view_pos
from .test_canvas_editing import drop


def _rounded(value: float) -> bool:
    return round(value, 2) == value


def test_a_drag_without_snap_commits_rounded_positions(qtbot, window: MainWindow) -> None:
    window.set_snap(False)
    window.view.set_zoom(0.7)
    window.scene.clearSelection()
    campaign = window.controller.campaign(window.scene.campaign_id)
    x, y = campaign.node("nurture").x, campaign.node("nurture").y
    start = view_pos(window, QPointF(x, y))
    end = start + QPoint(37, 23)
    viewport = window.view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, start + (end - start) * step / 5)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    moved = campaign.node("nurture")
    assert abs(moved.x - (x + 37 / 0.7)) < 0.02 and abs(moved.y - (y + 23 / 0.7)) < 0.02
    assert _rounded(moved.x) and _rounded(moved.y), (moved.x, moved.y)


def test_a_drop_without_snap_lands_at_a_rounded_position(window: MainWindow) -> None:
    window.set_snap(False)
    window.view.set_zoom(0.7)
    campaign = window.controller.campaign(window.scene.campaign_id)
    before = set(campaign.graph.nodes)
    drop(window, "tag_goal", QPoint(113, 461))
    node = campaign.node((set(campaign.graph.nodes) - before).pop())
    assert _rounded(node.x) and _rounded(node.y), (node.x, node.y)
