"""What a newcomer building a campaign from the help articles found in the editors: rows
cut off, Esc in a search, a window whose changes need File > Save without saying so."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox

from canvas_app.domain.steps import Step
from canvas_app.ui.dialogs import open_catalog_manager, open_ecommerce_actions, open_node_editor
from canvas_app.ui.dialogs.action_set import ActionSetDialog

LONG_SUBJECT = "Your order of Super Sock It Pool Shock: how to use it safely"


# -- action rows read whole ----------------------------------------------------------------
def test_a_long_action_wraps_instead_of_being_cut_off(qtbot, workspace):
    """QA: "…(after 1 hou" behind a horizontal scroll bar."""
    workspace.ecommerce.action_sets["failed_purchase"].append(
        Step(kind="send_email", subject=LONG_SUBJECT, delay=timedelta(hours=1)))
    dialog = ActionSetDialog(workspace, "failed_purchase")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    view = dialog.steps_editor.list
    assert not view.horizontalScrollBar().isVisible()
    width = view.viewport().width()
    metrics = QFontMetrics(view.font())
    texts = [view.item(i).text() for i in range(view.count())]
    assert texts[-1].endswith("(after 1\N{NO-BREAK SPACE}hour)")
    assert metrics.horizontalAdvance(texts[-1]) > width  # too long for one line here
    for i, text in enumerate(texts):
        rect = view.visualItemRect(view.item(i))
        needed = metrics.boundingRect(QRect(0, 0, rect.width(), 10_000),
                                      int(Qt.TextFlag.TextWordWrap), text)
        assert rect.width() <= width and rect.height() >= needed.height(), text
    last = view.visualItemRect(view.item(view.count() - 1))
    assert last.height() >= 2 * metrics.lineSpacing()  # on two lines, whole


# -- Esc in a search field -----------------------------------------------------------------
def _purchase_goal(qtbot, workspace, undo_stack):
    dialog = open_node_editor(None, workspace, undo_stack, "shock-nurture", "bought-shock")
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    return dialog, dialog.products_list.search


def _tag_goal(qtbot, workspace, undo_stack):
    dialog = open_node_editor(None, workspace, undo_stack, "checkup-onboarding",
                              "visit-booked")
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    return dialog, dialog.tag_list.search


def _ecommerce(qtbot, workspace, undo_stack):
    dialog = open_ecommerce_actions(None, workspace, undo_stack)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    return dialog, dialog.product_edit


@pytest.mark.parametrize("opener", [_purchase_goal, _tag_goal, _ecommerce])
def test_esc_in_a_search_clears_it_and_stays_in_the_dialog(qtbot, workspace, undo_stack,
                                                            opener):
    """QA: Esc in the product search asked "Discard changes?" instead of clearing it."""
    dialog, search = opener(qtbot, workspace, undo_stack)
    finished = []
    dialog.finished.connect(finished.append)
    dialog.activateWindow()
    search.setFocus()
    qtbot.keyClicks(search, "pool")
    popup = search.completer().popup() if search.completer() is not None else None
    if popup is not None and popup.isVisible():
        qtbot.keyClick(popup, Qt.Key.Key_Escape)  # the first Esc closes the suggestions
        assert not popup.isVisible() and search.text() == "pool"
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert search.text() == ""
    assert dialog.isVisible() and finished == []
    assert not [w for w in dialog.findChildren(QMessageBox) if w.isVisible()]
    assert dialog.focusWidget() is search  # another search can be typed at once


def test_esc_in_a_cleared_search_gives_back_the_whole_list(qtbot, workspace, undo_stack):
    dialog, search = _purchase_goal(qtbot, workspace, undo_stack)
    search.setFocus()
    qtbot.keyClicks(search, "zzz")
    assert dialog.products_list.visible_ids() == []
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert dialog.products_list.visible_ids() == dialog.products_list.ids()


@pytest.mark.parametrize("opener", [_purchase_goal, _tag_goal])
def test_esc_in_an_empty_search_cancels_as_before(qtbot, workspace, undo_stack, opener):
    dialog, search = opener(qtbot, workspace, undo_stack)
    search.setFocus()
    finished = []
    dialog.finished.connect(finished.append)
    qtbot.keyClick(search, Qt.Key.Key_Escape)  # nothing changed: the editor closes
    assert finished == [QDialog.DialogCode.Rejected]
    assert not dialog.isVisible()


def test_esc_in_the_empty_ecommerce_search_closes_the_window(qtbot, workspace, undo_stack):
    dialog, search = _ecommerce(qtbot, workspace, undo_stack)
    search.setFocus()
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


# -- windows that apply changes at once say how they are saved ------------------------------
@pytest.mark.parametrize("opener", [open_ecommerce_actions, open_catalog_manager])
def test_a_window_without_save_says_changes_apply_at_once(qtbot, workspace, undo_stack,
                                                          opener):
    """QA: the article says "Click the Save button when finished"; the window has Close
    only, its changes apply at once and still need File > Save, which nothing said."""
    dialog = opener(None, workspace, undo_stack)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    note = dialog.findChild(QLabel, "appliesAtOnceNote")
    assert note is not None and note.isVisible()
    assert "Changes apply at once" in note.text()
    # (its spaces non-breaking: the menu path is never split across two lines)
    assert "File > Save (Ctrl+S)" in note.text().replace("\u00a0", " ")
    # beside the buttons, below the (scrolling) content: always in sight
    assert abs(note.geometry().center().y()
               - dialog.close_button.mapTo(dialog, dialog.close_button.rect().center()).y()
               ) <= note.height()
    assert note.geometry().right() < dialog.close_button.mapTo(dialog, dialog.close_button
                                                                .rect().topLeft()).x()
    assert [b.text() for b in dialog.findChildren(type(dialog.close_button))
            if "Save" in b.text()] == []  # no Save button that would do nothing more


def test_where_an_item_is_used_is_a_wrapping_tooltip(qtbot, workspace, undo_stack):
    """A long "Used by" tooltip wraps (ui/tooltip_text.py), its places named as before."""
    from canvas_app.domain.usage import describe_usages, where_used
    from canvas_app.ui.tooltip_text import wrapped_tooltip

    dialog = open_catalog_manager(None, workspace, undo_stack)
    qtbot.addWidget(dialog)
    table = dialog.tables["products"]
    column = table.columnCount() - 1
    tips = {table.item(r, 0).text(): table.item(r, column).toolTip()
            for r in range(table.rowCount()) if table.item(r, column).toolTip()}
    assert tips  # the sample's products are used by goals and action sets
    for row in range(table.rowCount()):
        item_id = table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        usages = where_used(workspace, "products", item_id)
        if usages:
            assert table.item(row, column).toolTip() == wrapped_tooltip(
                describe_usages(usages))
