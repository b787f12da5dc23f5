"""Tooltips wrap at a readable width (QA: a node's tooltip was one line ~1180 px wide)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QToolTip, QWidget

from canvas_app.io import load_workspace
from canvas_app.ui.tooltip_text import LINE_CHARS, wrapped_tooltip

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / \
    "pool-store.campaign.json"
FINDING = ("⚠ This goal has no sequence after it: contacts who achieve it go nowhere, which "
           "may be what you want but often is a slip when building a campaign")


def shown_tip(qtbot, text: str) -> tuple[int, int]:
    """The size of the tooltip showing ``text`` (taken at once: Qt deletes it later)."""
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    QToolTip.showText(widget.mapToGlobal(QPoint(5, 5)), text, widget)
    assert QToolTip.isVisible()
    tip = next(w for w in QApplication.topLevelWidgets()
               if isinstance(w, QLabel) and w.isVisible() and w.text() == text)
    size = (tip.width(), tip.height())
    QToolTip.hideText()
    return size


def node_tooltip_lines() -> list[str]:
    """What the canvas says of a purchase goal: its name, what it does, a finding."""
    workspace = load_workspace(SAMPLE)
    node = workspace.campaign("shock-nurture").node("bought-shock")
    return [node.name, node.spec.describe(node.config, workspace.catalog), FINDING]


def test_a_long_tooltip_wraps_at_a_readable_width(qtbot):
    lines = node_tooltip_lines()
    text = wrapped_tooltip(lines)
    width, height = shown_tip(qtbot, text)
    metrics = QFontMetrics(QToolTip.font())
    limit = metrics.averageCharWidth() * LINE_CHARS
    assert metrics.horizontalAdvance(FINDING) > limit  # would be one long line
    assert width <= limit + 40  # the box, its margins and frame
    assert height >= 4 * metrics.lineSpacing()  # three lines, one of them wrapped


def test_a_short_tooltip_keeps_each_line_whole(qtbot):
    text = wrapped_tooltip("Bought pool shock\nAny purchase")
    assert "<br>" in text and "white-space:pre" in text
    width, height = shown_tip(qtbot, text)
    metrics = QFontMetrics(QToolTip.font())
    assert height < 4 * metrics.lineSpacing()  # two lines, not wrapped further
    assert width >= metrics.horizontalAdvance("Bought pool shock")


def test_names_are_shown_as_typed_and_empty_stays_empty():
    text = wrapped_tooltip(["Tom & Jerry <VIP>", "a\nb"])
    assert "Tom &amp; Jerry &lt;VIP&gt;" in text
    assert text.count("<br>") == 2  # a "\n" inside a line is a new line too
    assert wrapped_tooltip("") == "" and wrapped_tooltip([]) == ""
