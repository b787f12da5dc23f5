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
