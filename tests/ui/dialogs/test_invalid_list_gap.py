"""A list with a problem: its 2 px red frame leaves a pixel of the rows' ground above the
first row (QA: it lay on the first check box's top edge), and the rows are where they were
before it turned red."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from canvas_app.ui.dialogs import open_node_editor
from canvas_app.ui.dialogs.widgets import INVALID_COLOUR

from .helpers import red_frame_drawn


def column_down(image, x: int, rows: int) -> list[str]:
    return [image.pixelColor(x, y).name() for y in range(rows)]


def test_the_red_frame_leaves_the_first_check_box_clear(qtbot, workspace, undo_stack):
    dialog = open_node_editor(None, workspace, undo_stack, "checkup-onboarding", "visit-booked")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    view = dialog.tag_list.list
    first = view.visualRect(view.model().index(0, 0))
    rows_before = view.viewport().mapTo(view, first.topLeft())
    dialog.tag_list.set_checked("Visit booked", False)
    qtbot.waitUntil(lambda: red_frame_drawn(view))
    assert view.viewport().mapTo(view, first.topLeft()) == rows_before
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = first
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator,
                                      option, view)
    box.moveTopLeft(view.viewport().mapTo(view, box.topLeft()))
    image = view.grab().toImage()
    column = column_down(image, box.center().x(), box.top() + 1)
    ground = view.palette().color(QPalette.ColorRole.Base).name()
    assert column[:2] == [INVALID_COLOUR] * 2
    assert column[-1] != ground  # the check box's top edge
    assert ground in column[2:-1]  # a pixel of the ground between the red and the box
