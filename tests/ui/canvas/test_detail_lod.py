"""Names drop out where they would be too small to read, which depends on how large they
are drawn: the usual 9.5 pt names at 96 dpi below 45 %, larger ones (a larger app font, a
screen of more dots per inch) further out, never below ICON_LOD (QA at 144 dpi: a
campaign fitted at 41 % showed no name, though they were as large as at 62 % usually)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont

from canvas_app.ui.canvas.node_item import DETAIL_LOD, ICON_LOD
from canvas_app.ui.canvas.style import NAME_POINTS, detail_lod


def font(points: float) -> QFont:
    f = QFont()
    f.setPointSizeF(points)
    return f


def test_the_usual_names_drop_out_at_the_usual_zoom(qapp) -> None:
    assert qapp.primaryScreen().logicalDotsPerInchY() == 96.0  # offscreen
    assert detail_lod(font(NAME_POINTS)) == pytest.approx(DETAIL_LOD)


def test_larger_names_stay_further_out_as_large_on_screen(qapp) -> None:
    larger = detail_lod(font(NAME_POINTS * 1.25))
    assert larger == pytest.approx(DETAIL_LOD / 1.25)
    assert ICON_LOD <= larger < DETAIL_LOD


def test_never_below_the_icons_zoom_nor_above_the_usual(qapp) -> None:
    assert detail_lod(font(NAME_POINTS * 4)) == ICON_LOD
    assert detail_lod(font(NAME_POINTS / 2)) == DETAIL_LOD


def test_the_big_font_window_shows_names_further_out(qtbot, qapp, tmp_path,
                                                     sample_file) -> None:
    from tests.ui.canvas.conftest import make_window

    before = QFont(qapp.font())
    large = QFont(before)
    large.setPointSizeF(14.0)
    qapp.setFont(large)
    try:
        window = make_window(qtbot, str(sample_file), tmp_path)
        style = window.scene.style_cache
        assert style.scale > 1.0
        assert style.detail_lod < DETAIL_LOD
        assert style.detail_lod == pytest.approx(
            max(ICON_LOD, DETAIL_LOD * NAME_POINTS / style.name_font.pointSizeF()))
    finally:
        qapp.setFont(before)


@pytest.mark.parametrize("node_id", ["nurture", "bought-shock"])
def test_zoomed_right_out_a_selected_node_has_a_white_edge_inside_its_ring(
        qtbot, window, node_id: str) -> None:
    """QA 23c: at 29 % a selected sequence was told apart from the others only by a blue
    edge on its blue body. Now a white edge shows between its body and the blue ring."""
    from PySide6.QtGui import QColor

    from canvas_app.ui.canvas.node_item import body_rect

    def white_in_body(selected: bool) -> int:
        window.scene.select_nodes([node_id] if selected else [])
        window.view.set_zoom(ICON_LOD * 0.9)
        item = window.scene.nodes[node_id]
        window.view.centerOn(item)
        qtbot.wait(10)
        image = window.view.viewport().grab().toImage()
        box = window.view.mapFromScene(item.mapRectToScene(body_rect(item.kind))) \
            .boundingRect()
        return sum(1 for x in range(box.left(), box.right() + 1)
                   for y in range(box.top(), box.bottom() + 1)
                   if min(QColor(image.pixel(x, y)).getRgb()[:3]) >= 252)  # (not the
        # canvas's own #f6f8fb in the box's corners)

    assert white_in_body(False) == 0  # a plain body: no white round it
    assert white_in_body(True) > 20  # its edge, all round
