"""Text the light palette draws is readable (accessibility QA): white on the selection's
blue, grey help text on a dialog and on white, and placeholders in fields reach WCAG's
4.5:1, measured on the pixels Qt paints (a grab), not on the palette's numbers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QAction, QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from canvas_app.ui import theme
from canvas_app.ui.dialogs.widgets import help_label
from canvas_app.ui.light_palette import light_palette

Role = QPalette.ColorRole
Group = QPalette.ColorGroup
NEED = 4.5  # WCAG AA for text under 18 pt


contrast = theme.contrast_ratio  # WCAG 2's ratio, as the app's own checks compute it


def text_colour(image: QImage, rect: QRect, ground: QColor) -> QColor:
    """The colour of the text drawn in ``rect`` on ``ground``: of its pixels, the one
    farthest from the ground (a glyph's stem, fully covered; anti-aliased edges are
    blends of the two)."""
    rect = rect.intersected(image.rect())
    pixels = (image.pixelColor(x, y) for y in range(rect.top(), rect.bottom() + 1)
              for x in range(rect.left(), rect.right() + 1))
    return max(pixels, key=lambda colour: contrast(colour, ground))


def menu_item_contrast(menu: QMenu, action: QAction) -> float:
    """The contrast of ``action``'s words on the ground of ``menu`` (shown), as drawn."""
    image = menu.grab().toImage()
    box = menu.actionGeometry(action)
    ground = image.pixelColor(box.left() + 2, box.center().y())
    return contrast(text_colour(image, box, ground), ground)


@pytest.fixture
def light(qtbot) -> Iterator[QPalette]:  # noqa: ARG001  (qtbot makes the QApplication)
    """The app's light palette on the application for the test (as the app sets it)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    was = app.palette()
    app.setPalette(light_palette())
    yield app.palette()
    app.setPalette(was)


def shown(qtbot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)


# -- 1. selected items: white on the highlight ---------------------------------------------
def test_the_palette_selection_colours_reach_4_5() -> None:
    palette = light_palette()
    for role in (Role.Highlight, Role.Accent):
        blue = palette.color(Group.Active, role)
        assert contrast(blue, palette.color(Group.Active, Role.HighlightedText)) >= NEED
        assert blue.hsvHue() in range(195, 220)  # the same blue family as Fusion's #308cc6
        assert blue.blue() > blue.green() > blue.red()
    inactive = palette.color(Group.Inactive, Role.Highlight)
    assert contrast(inactive, palette.color(Group.Inactive, Role.HighlightedText)) >= NEED


def test_a_focused_lists_selected_row_is_readable(qtbot, light: QPalette) -> None:
    listing = QListWidget()
    listing.addItems(["Super Sock It Pool Shock", "Weekly Pool Checkup", "Pool mitt"])
    listing.resize(320, 120)
    shown(qtbot, listing)
    listing.activateWindow()
    listing.setFocus()
    qtbot.waitUntil(listing.hasFocus)
    listing.setCurrentRow(1)
    row = listing.visualItemRect(listing.item(1))
    image = listing.viewport().grab().toImage()
    ground = image.pixelColor(row.right() - 3, row.center().y())  # past the text
    assert ground.name() != light.color(Group.Active, Role.Base).name()  # it is selected
    # (with the keyboard's focus Fusion tints the row, its white text included)
    painted = text_colour(image, row, ground)
    assert contrast(painted, ground) >= NEED, (painted.name(), ground.name())


def test_a_highlighted_menu_item_is_readable(qtbot, light: QPalette) -> None:  # noqa: ARG001
    menu = QMenu()
    first = menu.addAction("&E-Commerce Actions…")
    menu.addAction("&Catalog…")
    qtbot.addWidget(menu)
    menu.popup(QPoint(40, 40))
    qtbot.waitExposed(menu)
    menu.setActiveAction(first)
    row = menu.actionGeometry(first)
    image = menu.grab().toImage()
    ground = image.pixelColor(row.right() - 4, row.center().y())
    painted = text_colour(image, row.adjusted(0, 2, -8, -2), ground)
    assert contrast(painted, ground) >= NEED, (painted.name(), ground.name())
    menu.close()


# -- 2. help text and placeholders ---------------------------------------------------------
def dialog_with_help(text: str) -> tuple[QDialog, QWidget, QWidget]:
    """A dialog with help text in a group box (drawn on the box's slightly darker fill)
    and on a white panel."""
    dialog = QDialog()
    layout = QVBoxLayout(dialog)
    box = QGroupBox("Default Settings")
    QVBoxLayout(box).addWidget(help_label(text))
    layout.addWidget(box)
    white = QWidget()
    white.setAutoFillBackground(True)
    white.setBackgroundRole(Role.Base)
    QVBoxLayout(white).addWidget(help_label(text))
    layout.addWidget(white)
    dialog.resize(520, 200)
    return dialog, box, white


@pytest.mark.parametrize("where", ["group box", "white"])
def test_help_text_reaches_4_5_on_the_ground_it_is_drawn_on(qtbot, light: QPalette,  # noqa: ARG001
                                                          where: str) -> None:
    dialog, box, white = dialog_with_help("Runs when someone logs into a multi-step cart.")
    shown(qtbot, dialog)
    parent = box if where == "group box" else white
    label = next(w for w in parent.children() if isinstance(w, QLabel))
    image = dialog.grab().toImage()
    rect = QRect(label.mapTo(dialog, QPoint(0, 0)), label.size())
    ground = image.pixelColor(rect.left() + 4, rect.center().y())  # in its left margin
    painted = text_colour(image, rect, ground)
    assert contrast(painted, ground) >= NEED, (painted.name(), ground.name())
    if where == "white":
        assert ground.name() == "#ffffff"
    else:
        assert ground.name() != "#ffffff"


def test_a_placeholder_reaches_4_5_on_white_and_stays_lighter_than_typed_text(
        qtbot, light: QPalette) -> None:  # noqa: ARG001
    field = QLineEdit()
    field.setPlaceholderText("Type part of a product name, e.g. pool")
    field.resize(360, 30)
    shown(qtbot, field)
    inside = field.rect().adjusted(4, 4, -4, -4)
    image = field.grab().toImage()
    ground = image.pixelColor(inside.right() - 2, inside.center().y())
    assert ground.name() == "#ffffff"
    placeholder = text_colour(image, inside, ground)
    assert contrast(placeholder, ground) >= NEED, placeholder.name()
    field.setText("Type part of a product name, e.g. pool")
    typed = text_colour(field.grab().toImage(), inside, ground)
    assert contrast(typed, ground) > contrast(placeholder, ground) * 1.5  # still lighter
