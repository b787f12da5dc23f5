"""The Over Time legend: goals whose names start alike stay told apart, each entry keeps its
"(achieved)" or "(in it)", and Qt Charts never has to cut an entry's end off."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication

from canvas_app.ui.main_window import MainWindow

from .test_simulation_panel import run_to_finish

TEXT_ITEM = 8  # QGraphicsTextItem.Type: Qt Charts draws the legend's names with them
ALIKE = ["Bought pool shock kit", "Bought pool shock kit (2)", "Bought pool shock kit (3)"]


def legend_drawn(chart) -> list[tuple[str, float]]:
    """(entry, width of the text Qt Charts drew for it), left to right (top to bottom in a
    legend beside the plot, where an axis label may lie in the legend's box: only the
    legend's own texts)."""
    legend = chart.chart().legend()
    items = sorted((item for item in chart.scene().items()
                    if item.type() == TEXT_ITEM and item.isVisible()
                    and legend.isAncestorOf(item)),
                   key=lambda item: (item.sceneBoundingRect().x(),
                                     item.sceneBoundingRect().y()))
    labels = [marker.label() for marker in legend.markers()]
    assert len(items) == len(labels)
    return [(label, item.boundingRect().width()) for label, item in zip(labels, items,
                                                                        strict=True)]


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
def test_alike_goals_read_apart_in_the_legend_and_are_not_cut(
        qtbot, window: MainWindow, size: tuple[int, int]) -> None:
    campaign = window.current_campaign_id()
    controller = window.controller
    controller.rename_node(campaign, "bought-shock", ALIKE[0])
    for i in range(2):
        controller.add_node(campaign, "purchase_goal", 300 + 100 * i, 400 + 50 * i)
    added = [n.id for n in controller.workspace.campaign(campaign).nodes
             if n.kind == "purchase_goal" and n.id != "bought-shock"]
    for node_id, name in zip(added, ALIKE[1:], strict=True):
        controller.rename_node(campaign, node_id, name)
    window.resize(*size)
    window.show_simulation_panel()
    run_to_finish(qtbot, window)
    panel = window.simulation_panel
    panel.tabs.setCurrentWidget(panel.timeline)
    qtbot.wait(100)
    QApplication.processEvents()
    drawn = legend_drawn(panel.timeline)
    labels = [label for label, _width in drawn]
    assert len(labels) == 5 and len(set(labels)) == 5
    goals = [label for label in labels if label.endswith(" (achieved)")]
    assert len(goals) == 3
    assert all(goal.startswith("Bo") for goal in goals)
    metrics = QFontMetricsF(panel.timeline.chart().legend().font())
    for label, width in drawn:
        assert width >= metrics.horizontalAdvance(label)  # drawn whole, not cut by Qt
        assert "..." not in label
    # Where there is room, the names are whole; the full one is at hand on hover anyway.
    if size[0] == 1280:
        assert f"{ALIKE[0]} (achieved)" in labels
    assert sorted(panel.timeline.full_names.values()) == sorted(
        [f"{name} (achieved)" for name in ALIKE] + ["Nurture (in it)", "Post-purchase (in it)"])
