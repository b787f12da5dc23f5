"""The canvas's colours hold WCAG 2's contrast ratios (text 4.5:1; graphics one needs to
see, 3:1), computed from the relative luminance formula (theme.contrast_ratio), not by
eye: the node kinds' bodies and their white glyphs, the simulation's count pills, the
zoomed-out warning and error marks (which differ in shape too), the overview's links and
the navigator's frame (QA: the tag goal's white glyph was 2.74:1 on its orange, the
warning dot 1.71:1 on the canvas, the navigator's frame 1.24:1)."""

from __future__ import annotations

import colorsys
from collections import Counter

import pytest
from PySide6.QtCore import QRect, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter

from canvas_app.ui import theme
from canvas_app.ui.canvas import navigator
from canvas_app.ui.canvas.style import CanvasStyle
from canvas_app.ui.main_window import MainWindow

WHITE = "#ffffff"
CANVAS = theme.CANVAS_BACKGROUND
OLD_KIND_COLOURS = {"purchase_goal": "#1f9d74", "tag_goal": "#e0871b", "sequence": "#3b6fd8"}


def test_the_ratio_follows_wcag() -> None:
    assert theme.contrast_ratio("#000000", WHITE) == pytest.approx(21.0)
    assert theme.contrast_ratio(WHITE, WHITE) == pytest.approx(1.0)
    assert theme.contrast_ratio("#767676", WHITE) == pytest.approx(4.54, abs=0.01)
    # the QA's figures for the colours it found wanting
    assert theme.contrast_ratio(WHITE, "#e0871b") == pytest.approx(2.74, abs=0.01)
    assert theme.contrast_ratio("#f2b705", CANVAS) == pytest.approx(1.71, abs=0.01)


@pytest.mark.parametrize("kind", sorted(theme.KIND_COLOURS))
def test_each_kind_s_colour_holds_its_ratios_and_its_hue(kind: str) -> None:
    colour = theme.KIND_COLOURS[kind]
    assert theme.contrast_ratio(colour, CANVAS) >= 3.0  # its body on the canvas
    assert theme.contrast_ratio(WHITE, colour) >= 4.5  # white 8 pt counts on its pills
    hue = colorsys.rgb_to_hls(*QColor(colour).getRgbF()[:3])[0] * 360
    old = colorsys.rgb_to_hls(*QColor(OLD_KIND_COLOURS[kind]).getRgbF()[:3])[0] * 360
    assert abs(hue - old) < 8  # the same green, orange and blue, darker where needed


def icon_pixel(name: str, x: float, y: float) -> QColor:
    """A kind's icon as the canvas draws it (64 px), at (x, y) of its 48 px drawing."""
    image = theme.IconCache().image(name, 64)
    return image.pixelColor(round(x * 64 / 48), round(y * 64 / 48))


@pytest.mark.parametrize("kind", sorted(theme.KIND_COLOURS))
def test_nodes_and_palette_icons_are_drawn_in_the_kind_s_colour(qtbot, kind: str) -> None:
    body = icon_pixel(f"{kind}.svg", 24, 4)  # the body, above the glyph
    assert body.name() == theme.KIND_COLOURS[kind]
    assert theme.contrast_ratio(WHITE, body) >= 3.0  # the white glyph on it
    icon = theme.load_icon(f"{kind}.svg")  # the palette's and the menus' icon
    for scale in (1.0, 1.5, 2.0):
        picture = icon.pixmap(QSize(36, 36), scale).toImage()
        assert picture.pixelColor(picture.width() // 2, picture.height() // 12).name() \
            == theme.KIND_COLOURS[kind]


def pill_colour(image: QImage, rect: QRect) -> QColor:
    """The colour of the first (main) count pill in ``rect``: its top rows, clear of the
    text, left of the middle of its flat edge."""
    seen = Counter(image.pixelColor(x, y).name() for x in range(rect.left() + 9,
                                                                rect.left() + 16)
                   for y in range(rect.top() + 2, rect.top() + 4))
    return QColor(seen.most_common(1)[0][0])


def test_count_pills_hold_4_5_to_1_for_their_white_text(qtbot, window: MainWindow) -> None:
    from tests.ui.simulation.test_overlay import on_screen, pills_rect
    from tests.ui.simulation.test_simulation_panel import run_to_finish

    run_to_finish(qtbot, window)
    window.docks["simulation"].raise_()
    image = on_screen(window)
    for node_id in ("post-purchase", "bought-shock"):
        colour = pill_colour(image, pills_rect(window, node_id))
        kind = window.scene.nodes[node_id].kind
        assert colour.name() == theme.KIND_COLOURS[kind]
        assert theme.contrast_ratio(WHITE, colour) >= 4.5, (node_id, colour.name())


def badge_mark(error: bool) -> QImage:
    """The zoomed-out badge mark drawn 8 times larger than at 100 % on the canvas."""
    image = QImage(256, 256, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(CANVAS))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(8, 8)
    CanvasStyle().draw_badge_mark(painter, QRectF(1, 1, 30, 30), error)
    painter.end()
    return image


def covered(image: QImage, x: int, y: int) -> bool:
    return image.pixelColor(x, y) != QColor(CANVAS)


def test_zoomed_out_badges_have_a_dark_edge_and_differ_in_shape(qtbot) -> None:
    warning, error = badge_mark(False), badge_mark(True)
    for image, edge, fill in ((warning, theme.WARNING_EDGE, theme.WARNING_FILL),
                              (error, theme.ERROR_EDGE, theme.ERROR_FILL)):
        colours = {image.pixelColor(x, y).name() for x in range(0, 256, 2)
                   for y in range(0, 256, 2)}
        assert edge in colours and fill in colours
        assert theme.contrast_ratio(edge, CANVAS) >= 3.0
    # a triangle (its base along the bottom) and a circle: the bottom corners are the
    # triangle's, the left and right middles the circle's
    assert covered(warning, 20, 240) and not covered(error, 20, 240)
    assert covered(error, 14, 128) and not covered(warning, 14, 128)


def test_the_canvas_paints_the_warning_mark_zoomed_out(qtbot, window: MainWindow) -> None:
    scene = window.scene
    node_id = window.controller.add_node(window.current_campaign_id(), "sequence", 0, 300)
    scene.refresh_findings()
    assert scene.findings_for(node_id) and not scene.has_error(node_id)
    window.view.set_zoom(0.4)  # below the names' zoom: the badge is a mark
    window.view.centerOn(scene.nodes[node_id])
    image = window.view.viewport().grab().toImage()
    item = scene.nodes[node_id]
    rect = window.view.mapFromScene(item.mapToScene(item.badge_rect())).boundingRect()
    rect = rect.adjusted(-3, -3, 3, 3)
    colours = [image.pixelColor(x, y) for x in range(rect.left(), rect.right())
               for y in range(rect.top(), rect.bottom())]
    # its dark edge, not the white one that vanished on the canvas
    assert any(theme.contrast_ratio(c, CANVAS) >= 3.0 and c.red() > c.blue() + 40
               for c in colours)


def test_overview_links_and_the_navigator_s_frame_stand_out(window: MainWindow) -> None:
    link = window.scene.overview._link_pen.color()
    assert theme.contrast_ratio(link, CANVAS) >= 3.0
    assert theme.contrast_ratio(navigator.FRAME, CANVAS) >= 3.0
    assert theme.contrast_ratio(navigator.FRAME, navigator.PANEL) >= 3.0


def test_the_navigator_draws_its_frame(qtbot, window: MainWindow) -> None:
    from .conftest import add_big_campaign

    add_big_campaign(window, 300)
    window.view.fit()
    window.view.set_zoom(1.0)
    nav = window.navigator
    qtbot.waitUntil(nav.isVisible, timeout=2000)
    image = nav.grab().toImage()
    middle = image.height() // 2
    edge = [image.pixelColor(x, middle) for x in range(0, 4)]
    assert any(theme.contrast_ratio(c, CANVAS) >= 3.0 for c in edge)
