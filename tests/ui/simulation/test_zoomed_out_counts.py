"""Zoomed out below the names' zoom (DETAIL_LOD), a run's counts and the nodes' icons stay:
each node shows its main count in one large pill where its name was, and still draws its
icon; further out (below ICON_LOD) only the coloured shapes are left. (QA: at 43 % a
three-node campaign was three blobs, its counts gone.)"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor

from canvas_app.ui.canvas.node_item import DETAIL_LOD, ICON_LOD, body_rect, name_rect
from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.theme import kind_colour

from .test_overlay import colour_share, on_screen, stale_share
from .test_simulation_panel import run_to_finish

WHITE = QColor("#ffffff")


def window_rect(window: MainWindow, node_id: str, local) -> QRect:
    """A rectangle of a node (item coordinates) on the window, in window pixels."""
    item = window.scene.nodes[node_id]
    view = window.view
    rect = view.mapFromScene(local.translated(item.pos())).boundingRect()
    return QRect(view.viewport().mapTo(window, rect.topLeft()), rect.size())


def zoomed(qtbot, window: MainWindow, scale: float) -> None:
    layer = window.simulation_panel.layer
    qtbot.waitUntil(lambda: not layer.tokens, timeout=3000)  # the last dots have arrived
    window.view.set_zoom(scale)
    window.view.centerOn(window.scene.nodes["post-purchase"])
    qtbot.waitUntil(lambda: abs(window.view.zoom() - scale) < 1e-6)


def test_zoomed_out_a_node_keeps_its_count_where_its_name_was(qtbot, window) -> None:
    run_to_finish(qtbot, window)
    window.docks["simulation"].raise_()
    blue = kind_colour("sequence")
    zoomed(qtbot, window, (DETAIL_LOD + ICON_LOD) / 2)
    image = on_screen(window)
    below = window_rect(window, "post-purchase", name_rect("sequence"))
    assert colour_share(image, below, blue) > 0.1, "the count's pill, in the kind's colour"
    # The sequence's body is white with its icon, not a filled blue block.
    body = window_rect(window, "post-purchase", body_rect("sequence").adjusted(8, 8, -8, -8))
    assert colour_share(image, body, WHITE) > 0.3
    assert stale_share(window) == 0


def test_further_out_only_the_shapes_are_left(qtbot, window) -> None:
    run_to_finish(qtbot, window)
    window.docks["simulation"].raise_()
    blue = kind_colour("sequence")
    zoomed(qtbot, window, ICON_LOD * 0.8)
    image = on_screen(window)
    below = window_rect(window, "post-purchase", name_rect("sequence"))
    assert colour_share(image, below, blue) < 0.02, "no count below the node"
    body = window_rect(window, "post-purchase", body_rect("sequence").adjusted(4, 4, -4, -4))
    assert colour_share(image, body, blue) > 0.6, "a filled blue shape"
