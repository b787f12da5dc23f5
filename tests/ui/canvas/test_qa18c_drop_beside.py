"""QA: a node dropped from the Palette onto a node (or onto a link between close nodes) was
put at a free spot nearby without a word. The status bar says where it went and why, as
for a node dragged onto another."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from canvas_app.ui.main_window import MainWindow

from .conftest import view_pos
from .test_canvas_editing import drop


def _added(window: MainWindow, before: set[str]):
    campaign = window.controller.campaign(window.scene.campaign_id)
    return campaign.node((set(campaign.graph.nodes) - before).pop())


def test_a_drop_onto_a_node_says_it_was_placed_beside_it(window: MainWindow) -> None:
    campaign = window.controller.campaign(window.scene.campaign_id)
    shock = campaign.node("bought-shock")
    before = set(campaign.graph.nodes)
    drop(window, "tag_goal", view_pos(window, QPointF(shock.x, shock.y)))
    node = _added(window, before)
    assert (node.x, node.y) != (shock.x, shock.y)
    assert window.statusBar().currentMessage() == (
        f'Placed "{node.name}" beside "Bought pool shock", which it would have covered '
        'where it was dropped.')


def test_a_drop_onto_a_link_between_close_nodes_says_so(window: MainWindow) -> None:
    campaign = window.controller.campaign(window.scene.campaign_id)
    source, target = campaign.node("nurture"), campaign.node("bought-shock")
    middle = QPointF((source.x + target.x) / 2 + 20, (source.y + target.y) / 2)
    before = set(campaign.graph.nodes)
    drop(window, "sequence", view_pos(window, middle))
    node = _added(window, before)
    message = window.statusBar().currentMessage()
    assert message.startswith(f'Placed "{node.name}" beside "'), message
    assert "which it would have covered where it was dropped" in message


def test_a_drop_on_free_canvas_says_nothing_of_the_kind(window: MainWindow) -> None:
    campaign = window.controller.campaign(window.scene.campaign_id)
    before = set(campaign.graph.nodes)
    drop(window, "tag_goal", view_pos(window, QPointF(0, 400)))
    _added(window, before)
    assert "Placed" not in window.statusBar().currentMessage()
