"""A sequence set to run until completed (R5) says so on its node, "runs to end" under its
step count, or a ↻ after it where a third line has no room (only its tooltip said so, QA)."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF

from canvas_app.ui.canvas.node_item import RUNS_TO_END, TO_END_MARK, sequence_lines


def metrics(points: float) -> QFontMetricsF:
    font = QFont()
    font.setPointSizeF(points)
    return QFontMetricsF(font)


def test_a_sequence_that_runs_to_its_end_says_so(qapp) -> None:
    room = QRectF(0, 0, 68, 60)  # beside the icon of a sequence's body
    assert sequence_lines(5, False, metrics(8.5), room) == ["Sequence", "5 steps"]
    assert sequence_lines(1, True, metrics(8.5), room) == ["Sequence", "1 step", RUNS_TO_END]


def test_where_a_third_line_has_no_room_a_mark_follows_the_count(qapp) -> None:
    room = QRectF(0, 0, 68, 60)
    assert sequence_lines(5, True, metrics(16), room) == ["Sequence", f"5 steps {TO_END_MARK}"]


def test_the_node_is_drawn_again_when_the_setting_changes(qtbot, window,
                                                          monkeypatch) -> None:
    """Saving the sequence's editor with the setting on draws the node with it."""
    from canvas_app.editing.settings_commands import ReplaceNodeCommand
    from canvas_app.ui.canvas.node_item import NodeItem

    item = window.scene.nodes["nurture"]
    painted: list[bool] = []
    original = NodeItem._paint_sequence

    def spy(self, painter, body, colour, steps, lod, to_end=False):  # noqa: ANN001
        if self is item and steps is not None:
            painted.append(to_end)
        return original(self, painter, body, colour, steps, lod, to_end)

    monkeypatch.setattr(NodeItem, "_paint_sequence", spy)
    campaign = window.current_campaign_id()
    before = window.scene.domain_node("nurture")
    after = before.copy()
    after.config.runs_until_completed = True
    window.controller.undo_stack.push(
        ReplaceNodeCommand(window.controller.workspace, campaign, before, after))
    window.view.viewport().repaint()
    assert painted and painted[-1] is True
