"""A field marked invalid moves nothing, whatever its type (the red frame is painted over
the field's own edge): the tag goal's list kept its rows 1 px lower while red, a combo box
got 2 px shorter, a spin box's and a line edit's text moved sideways."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QSpinBox,
    QStyle,
    QStyleOptionComboBox,
    QVBoxLayout,
    QWidget,
)

from canvas_app.ui.dialogs import open_node_editor
from canvas_app.ui.dialogs.check_list import RowsListWidget
from canvas_app.ui.dialogs.date_field import DateTimeField
from canvas_app.ui.dialogs.widgets import mark_invalid

from .helpers import red_frame_drawn


def places(widget: QWidget) -> dict[str, Any]:
    """Where the field and what it shows lie: its size (as the layout gives it and as it
    asks), its contents, a list's viewport, a spin box's text field, a combo box's text, a
    line edit's text cursor."""
    found: dict[str, Any] = {"geometry": widget.geometry().getRect(),
                             "hint": widget.sizeHint().toTuple(),
                             "contents": widget.contentsRect().getRect()}
    if isinstance(widget, QAbstractScrollArea):
        found["viewport"] = widget.viewport().geometry().getRect()
    if isinstance(widget, QAbstractSpinBox):
        found["text field"] = widget.lineEdit().geometry().getRect()
    if isinstance(widget, QLineEdit):
        widget.setCursorPosition(0)
        found["cursor"] = widget.cursorRect().getRect()
    if isinstance(widget, QComboBox):
        option = QStyleOptionComboBox()
        widget.initStyleOption(option)
        found["text"] = widget.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option,
            QStyle.SubControl.SC_ComboBoxEditField, widget).getRect()
    return found


def _list() -> RowsListWidget:
    widget = RowsListWidget()
    widget.addItems(["Customer", "Newsletter"])
    return widget


def _combo() -> QComboBox:
    widget = QComboBox()
    widget.addItems(["Customer", "Lead"])
    return widget


FIELDS = {"line edit": lambda: QLineEdit("Bought"), "list": _list, "combo box": _combo,
          "spin box": QSpinBox, "Qt date field": QDateTimeEdit,
          "date field": DateTimeField}


@pytest.mark.parametrize("kind", list(FIELDS))
def test_a_field_turning_red_keeps_every_pixel_in_place(qtbot, kind):
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    field = FIELDS[kind]()
    layout.addWidget(field)
    layout.addStretch(1)
    window.show()
    qtbot.waitExposed(window)
    field.grab()  # drawn once: a line edit places its text when it first paints
    before = places(field)
    mark_invalid(field, True)
    window.layout().activate()
    assert red_frame_drawn(field)  # the frame is there, 2 px of red
    assert places(field) == before
    mark_invalid(field, False)
    window.layout().activate()
    assert not red_frame_drawn(field) and places(field) == before


def test_the_tag_goals_list_keeps_its_rows_in_place_when_it_turns_red(
        qtbot, workspace, undo_stack):
    dialog = open_node_editor(None, workspace, undo_stack, "checkup-onboarding",
                              "visit-booked")
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    tag_list = dialog.tag_list.list
    first_row = tag_list.visualItemRect(tag_list.item(0))
    before = places(tag_list)
    dialog.tag_list.set_checked("Visit booked", False)  # no tag ticked: a problem
    assert red_frame_drawn(tag_list)
    dialog.layout().activate()
    assert places(tag_list) == before
    assert tag_list.visualItemRect(tag_list.item(0)) == first_row
    tag_list.setFocus()  # the blue frame of the focus is as wide as the red one
    qtbot.waitUntil(tag_list.hasFocus)
    assert places(tag_list) == before and red_frame_drawn(tag_list)


def test_a_red_list_scrolled_shows_no_red_line_inside(qtbot):
    """Qt moves a scrolled list's pixels: the red edge must not be carried into the rows."""
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    field = RowsListWidget(min_rows=3, hint_rows=3)
    field.addItems([f"Tag {n}" for n in range(40)])
    field.setFixedHeight(field.rows_height(3))
    layout.addWidget(field)
    window.show()
    qtbot.waitExposed(window)
    mark_invalid(field, True)
    qtbot.wait(20)
    field.verticalScrollBar().setValue(5)
    qtbot.wait(20)
    # what is on screen (a grab() would paint the list afresh)
    image = window.screen().grabWindow(window.winId()).toImage()
    top = field.mapTo(window, field.rect().topLeft())
    x = top.x() + field.width() // 3
    reds = [y for y in range(top.y() + 3, top.y() + field.height() - 3)
            if image.pixelColor(x, y).name() == "#b00020"]
    assert reds == []
    assert image.pixelColor(top.x(), top.y() + field.height() // 2).name() == "#b00020"
