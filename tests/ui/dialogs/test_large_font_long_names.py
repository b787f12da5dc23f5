"""Long names and headers at the user's font (QA11): the What-If purchases' headers were cut
at 14 pt ("hance (%", "ithin (day": fixed 90 and 95 px columns); a 200-letter product name
with no space ran past the edge of the purchase goal's product list with no "…", and was cut
mid-letter in the What-If product box. Now headers fit, long names end in "…" with the
whole name in the tooltip, and no choice box grows past its dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QFontMetrics, QHelpEvent
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem, QToolTip

from canvas_app.domain.catalog import Product
from canvas_app.ui.dialogs import open_node_editor
from canvas_app.ui.dialogs.elided_combo import ElidedComboBox
from canvas_app.ui.dialogs.window_size import room_on_screen
from canvas_app.ui.simulation.what_if_dialog import WhatIfDialog
from tests.ui.fonts import app_font_at

LONG = ("Poolstabilizerconditionerdeluxe" * 7)[:200]  # no space to wrap at


@pytest.fixture(params=[9.0, 14.0], ids=["9pt", "14pt"])
def app_font(request, qapp):
    """The application's font at 9 (the usual) or 14 pt, restored afterwards."""
    yield from app_font_at(request.param)


def what_if(qtbot, workspace) -> WhatIfDialog:
    dialog = WhatIfDialog(workspace, "shock-nurture")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_purchases_headers_show_whole(qtbot, workspace, app_font):
    dialog = what_if(qtbot, workspace)
    header = dialog.purchases.horizontalHeader()
    metrics = QFontMetrics(header.font())
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    for column in range(header.count()):
        text = dialog.purchases.horizontalHeaderItem(column).text()
        assert header.sectionSize(column) >= metrics.horizontalAdvance(text) + 2 * margin, text
    room = room_on_screen(dialog)
    assert dialog.width() <= room.width() and dialog.height() <= room.height()
    assert dialog.minimumSizeHint().width() <= room.width()


def test_a_long_product_name_ends_in_an_ellipsis_in_the_what_if(qtbot, workspace, app_font):
    workspace.catalog.add_product(Product("long", LONG))
    dialog = what_if(qtbot, workspace)
    width = dialog.width()
    box = dialog.purchases.cellWidget(0, 0)
    assert isinstance(box, ElidedComboBox)
    box.setCurrentIndex(box.findData("long"))
    shown = box.shown_text()
    assert shown.endswith("…") and LONG.startswith(shown[:-1])
    assert box.toolTip() == LONG
    assert dialog.width() == width  # the window did not grow


def test_a_long_campaign_name_does_not_widen_the_what_if(qtbot, workspace, app_font):
    workspace.campaign("shock-nurture").name = LONG
    dialog = what_if(qtbot, workspace)
    box = dialog.campaign
    letters = box.fontMetrics().averageCharWidth() * WhatIfDialog.COMBO_LETTERS
    assert box.minimumSizeHint().width() < letters + 80  # not the name's 2,000 px or more
    assert box.fontMetrics().horizontalAdvance(LONG) > 3 * letters
    room = room_on_screen(dialog)
    assert dialog.minimumSizeHint().width() <= room.width()
    assert dialog.width() <= room.width()
    assert box.geometry().right() < dialog.width()
    assert box.shown_text().endswith("…")
    assert box.toolTip() == LONG


def test_a_long_product_name_ends_in_an_ellipsis_in_the_goals_list(qtbot, workspace,
                                                                   undo_stack, app_font):
    workspace.catalog.add_product(Product("long", LONG))
    dialog = open_node_editor(None, workspace, undo_stack, "checkup-onboarding", "subscribed")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    view = dialog.products_list.list
    row = dialog.products_list.ids().index("long")
    item = view.item(row)
    view.scrollToItem(item)
    index = view.model().index(row, 0)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    delegate = view.itemDelegateForIndex(index)
    delegate.initStyleOption(option, index)
    assert option.text.endswith("…")  # drawn cut with "…", not at the list's edge
    assert option.text[:-1] in item.text()
    room = delegate.text_width(option)
    assert 0 < option.fontMetrics.horizontalAdvance(option.text) <= room
    assert not view.horizontalScrollBar().isVisible()
    assert not dialog.scroll_area.horizontalScrollBar().isVisible() \
        or dialog.width() == room_on_screen(dialog).width()
    # its tooltip names it whole (as far as a tooltip goes)
    centre = option.rect.center()
    event = QHelpEvent(QEvent.Type.ToolTip, centre, view.viewport().mapToGlobal(centre))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert LONG[:60] in QToolTip.text()
    QToolTip.hideText()


def test_a_short_name_shows_whole(qtbot, workspace, undo_stack, app_font):
    dialog = open_node_editor(None, workspace, undo_stack, "checkup-onboarding", "subscribed")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    view = dialog.products_list.list
    assert view.count() > 0
    for row in range(view.count()):
        index = view.model().index(row, 0)
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)
        option.rect = view.visualRect(index)
        view.itemDelegateForIndex(index).initStyleOption(option, index)
        assert option.text == view.item(row).text()  # wrapped, never cut


def test_a_long_campaign_name_does_not_widen_the_action_set(qtbot, workspace, app_font):
    """The "Add to campaign" action's campaign box grew as wide as a 200-letter name, and
    the editor with it, far past the screen."""
    from canvas_app.ui.dialogs.action_set import ActionSetDialog
    from canvas_app.ui.dialogs.elided_combo import CHOICE_LETTERS

    def least_width(name: str) -> tuple[int, ElidedComboBox]:
        workspace.campaign("checkup-onboarding").name = name
        dialog = ActionSetDialog(workspace, "on_login")
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        editor = dialog.steps_editor
        editor.add("add_to_campaign")
        box = editor.form.campaign_combo
        box.setCurrentIndex(box.findData("checkup-onboarding"))
        qtbot.waitUntil(box.isVisible)
        dialog.layout().activate()
        assert box.mapTo(dialog, box.rect().topRight()).x() < dialog.width()
        return dialog.minimumSizeHint().width(), box

    short, _box = least_width("Checkup Onboarding")
    long, box = least_width(LONG)
    letters = box.fontMetrics().averageCharWidth() * CHOICE_LETTERS
    assert long <= short + letters  # at most the box's room for its letters
    assert long < box.fontMetrics().horizontalAdvance(LONG)  # not the name's width
    assert box.shown_text().endswith("…") and box.toolTip() == LONG
