"""The keyboard in the Catalog and E-Commerce Actions windows and the campaign list (QA):
the first Tab into a list or table selects its row, so Enter edits it and Edit…/Delete…
follow; Ctrl+S saves the workspace as the windows' note says; the note keeps "File > Save
(Ctrl+S)" on one line; every button row has letters of its own (Alt+letter), no two alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QUndoCommand
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from canvas_app.ui.dialogs import open_catalog_manager, open_ecommerce_actions
from canvas_app.ui.dialogs.catalog_manager import TABS
from canvas_app.ui.dialogs.discard_question import DiscardQuestion
from canvas_app.ui.dialogs.manager_window import NBSP
from canvas_app.ui.main_window import MainWindow

from .helpers import sample_main_window
from .test_mnemonic_clashes import check, mnemonic_texts


def shown_active(qtbot, dialog: QWidget) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


def tab_to(qtbot, dialog: QWidget, target: QWidget, most: int = 30) -> None:
    """Presses Tab (for real) until ``target`` has the focus."""
    for _ in range(most):
        if target.hasFocus():
            return
        focused = QApplication.focusWidget() or dialog
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert target.hasFocus(), "Tab never reached it"


# -- 1. the first Tab into a table or list selects its row --------------------------------
def test_tab_tab_enter_edits_the_first_product(qtbot, workspace, undo_stack):
    """QA's steps: Workspace > Catalog, Tab, Tab, Enter: the first product's editor opens."""
    dialog = open_catalog_manager(None, workspace, undo_stack)
    shown_active(qtbot, dialog)
    table = dialog.tables["products"]
    assert dialog.selected_id("products") is None  # nothing chosen yet
    assert not dialog.edit_buttons["products"].isEnabled()
    tab_to(qtbot, dialog, table)
    first = table.item(0, 0).data(Qt.ItemDataRole.UserRole)
    assert dialog.selected_id("products") == first
    assert dialog.edit_buttons["products"].isEnabled()
    assert dialog.delete_buttons["products"].isEnabled()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert dialog.item_dialog is not None and dialog.item_dialog.isVisible()
    assert dialog.item_dialog.item is not None and dialog.item_dialog.item.id == first
    dialog.item_dialog.reject()


@pytest.mark.parametrize("section", list(TABS))
def test_every_catalog_table_selects_its_row_when_tabbed_into(qtbot, workspace, undo_stack,
                                                              section):
    dialog = open_catalog_manager(None, workspace, undo_stack, section)
    shown_active(qtbot, dialog)
    table = dialog.tables[section]
    assert table.rowCount() > 0 and dialog.selected_id(section) is None
    tab_to(qtbot, dialog, table)
    assert dialog.selected_id(section) == table.item(0, 0).data(Qt.ItemDataRole.UserRole)
    assert dialog.delete_buttons[section].isEnabled()
    # Shift+Tab out and back in keeps the row chosen with the arrows
    qtbot.keyClick(table, Qt.Key.Key_Down)
    second = dialog.selected_id(section)
    qtbot.keyClick(table, Qt.Key.Key_Backtab)
    assert not table.hasFocus()
    tab_to(qtbot, dialog, table)
    assert dialog.selected_id(section) == second


def test_a_click_on_a_row_is_not_overridden(qtbot, workspace, undo_stack):
    """Focus by the mouse selects the row clicked, not the current one."""
    dialog = open_catalog_manager(None, workspace, undo_stack)
    shown_active(qtbot, dialog)
    table = dialog.tables["products"]
    rect = table.visualItemRect(table.item(2, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.selected_id("products") == table.item(2, 0).data(Qt.ItemDataRole.UserRole)


def test_after_a_delete_the_keys_go_on_to_the_current_row(qtbot, workspace, undo_stack):
    dialog = open_catalog_manager(None, workspace, undo_stack)
    shown_active(qtbot, dialog)
    table = dialog.tables["products"]
    tab_to(qtbot, dialog, table)
    count = table.rowCount()
    item_id = dialog.selected_id("products")
    dialog._confirmed(True, "products", item_id, "the first")  # as "Delete" answered
    assert table.rowCount() == count - 1 and table.hasFocus()
    assert dialog.selected_id("products") is not None  # Enter and Delete… act on it
    assert dialog.delete_buttons["products"].isEnabled()


def test_tab_into_the_product_sets_then_enter_opens_one(qtbot, workspace, undo_stack):
    dialog = open_ecommerce_actions(None, workspace, undo_stack)
    shown_active(qtbot, dialog)
    sets = dialog.product_sets
    assert sets.count() > 0 and not sets.selectedItems()
    tab_to(qtbot, dialog, sets)
    assert sets.selectedItems() == [sets.item(0)]
    qtbot.keyClick(sets, Qt.Key.Key_Return)
    assert dialog.set_dialog is not None and dialog.set_dialog.isVisible()
    assert dialog.set_dialog.key == sets.item(0).data(Qt.ItemDataRole.UserRole)
    dialog.set_dialog.reject()


# -- 2. Ctrl+S in a manager window saves the workspace ------------------------------------
@pytest.fixture
def main_window(qtbot, tmp_path: Path) -> MainWindow:
    return sample_main_window(qtbot, tmp_path)


def test_ctrl_s_in_the_e_commerce_window_saves(qtbot, main_window, tmp_path):
    dialog = main_window.controller.open_ecommerce()
    shown_active(qtbot, dialog)
    assert not main_window.session.modified
    check_box = dialog.legacy_check
    check_box.setFocus()
    qtbot.keyClick(check_box, Qt.Key.Key_Space)  # an edit, applied at once
    assert main_window.session.modified
    qtbot.keyClick(check_box, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not main_window.session.modified  # saved: the document is clean
    assert dialog.isVisible()  # and the window stays open
    saved = (tmp_path / "pool.campaign.json").read_text(encoding="utf-8")
    assert '"product_actions_for_legacy_and_manual": ' + \
        ("true" if check_box.isChecked() else "false") in saved


def test_ctrl_s_in_the_catalog_saves(qtbot, main_window, tmp_path):
    dialog = main_window.controller.open_catalog()
    shown_active(qtbot, dialog)
    table = dialog.tables["products"]
    tab_to(qtbot, dialog, table)
    name = table.item(0, 0).text()
    dialog._confirmed(True, "products", dialog.selected_id("products"), name)  # an edit
    assert main_window.session.modified
    qtbot.keyClick(table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not main_window.session.modified
    assert f'"{name}"' not in (tmp_path / "pool.campaign.json").read_text("utf-8")


def test_ctrl_s_in_a_catalog_opened_from_the_e_commerce_window_saves(qtbot, main_window):
    """The Catalog over the E-Commerce window (its hint's link) finds Save too."""
    eco = main_window.controller.open_ecommerce()
    shown_active(qtbot, eco)
    catalog = eco.open_catalog()
    shown_active(qtbot, catalog)
    main_window.session.undo_stack.push(QUndoCommand("an edit"))
    assert main_window.session.modified
    qtbot.keyClick(catalog.tables["products"], Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier)
    assert not main_window.session.modified


# -- 3. the note keeps "File > Save (Ctrl+S)" on one line ---------------------------------
@pytest.mark.parametrize("opener", [open_catalog_manager, open_ecommerce_actions])
@pytest.mark.parametrize("width", [620, 660, 760, 1000])
def test_the_note_never_breaks_file_save_apart(qtbot, workspace, undo_stack, opener, width):
    dialog = opener(None, workspace, undo_stack)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.resize(width, 640)
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    note = dialog.findChild(QLabel, "appliesAtOnceNote")
    menu_path = f"File{NBSP}>{NBSP}Save{NBSP}(Ctrl+S)"
    assert menu_path in note.text()
    # the lines as the label wraps them: the menu path whole on one of them
    metrics = note.fontMetrics()
    room = note.contentsRect().width()
    assert metrics.horizontalAdvance(menu_path) <= room
    lines = note.heightForWidth(note.width()) // metrics.lineSpacing()
    assert 1 <= lines <= 3
    assert note.geometry().right() < dialog.close_button.mapTo(
        dialog, dialog.close_button.rect().topLeft()).x()


# -- 4. letters (Alt+…) of their own -------------------------------------------------------
def test_each_default_set_has_a_letter_that_opens_its_actions(qtbot, workspace, undo_stack):
    dialog = open_ecommerce_actions(None, workspace, undo_stack)
    shown_active(qtbot, dialog)
    check(dialog, "E-Commerce Actions")
    letters = {}
    for name, button in dialog.set_buttons.items():
        title = dialog.findChild(QLabel, f"title_{name}")
        assert title.buddy() is button
        assert "&" in title.text()
        letters[name] = title.text()[title.text().index("&") + 1]
        assert f"(Alt+{letters[name].upper()})" in button.toolTip()
    assert len({letter.casefold() for letter in letters.values()}) == len(letters)
    # Alt+F, pressed for real, opens the Failed Purchase Action's set
    dialog.product_edit.setFocus()
    qtbot.keyClick(dialog.product_edit, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.set_dialog is not None and dialog.set_dialog.isVisible())
    assert dialog.set_dialog.key == "failed_purchase"
    dialog.set_dialog.reject()


@pytest.mark.parametrize("section", list(TABS))
def test_catalog_tabs_have_no_clashing_letters(qtbot, workspace, undo_stack, section):
    dialog = open_catalog_manager(None, workspace, undo_stack, section)
    shown_active(qtbot, dialog)
    check(dialog, f"Catalog, {section}")


def test_campaign_buttons_have_letters_apart_from_the_menus(qtbot, main_window):
    """Alt+N, Alt+M, Alt+U, Alt+D: none a menu's letter, nor the simulation panel's."""
    main_window.docks["simulation"].raise_()  # its buttons shown too
    QApplication.processEvents()
    campaign_list = main_window.campaign_list
    ours = [QKeySequence.mnemonic(button.text()).toString().casefold()
            for button in campaign_list.buttons.values()]
    assert "" not in ours and len(set(ours)) == len(ours), ours
    others = [QKeySequence.mnemonic(action.text()).toString().casefold()
              for action in main_window.menuBar().actions()]
    others += [key for key, _text, widget in mnemonic_texts(main_window)
               if not campaign_list.isAncestorOf(widget)]
    assert "alt+s" in others  # the menus and the panel were seen
    assert set(ours).isdisjoint(others), (ours, others)
    # Alt+U, pressed for real, duplicates the current campaign
    before = len(main_window.session.workspace.campaigns)
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    campaign_list.list.setFocus()
    qtbot.keyClick(campaign_list.list, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    # (a button's letter clicks it as a short animation)
    qtbot.waitUntil(lambda: len(main_window.session.workspace.campaigns) == before + 1)


@pytest.mark.asks_to_discard
@pytest.mark.parametrize("can_save", [True, False])
def test_the_discard_question_has_a_letter_on_every_button(qtbot, monkeypatch, can_save):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.setWindowTitle("Editor")
    seen: list[list[str]] = []

    def instead_of_exec(box: QMessageBox) -> int:
        box.show()
        check(box, "discard question")
        seen.append([button.text() for button in box.buttons()])
        box.escapeButton().click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", instead_of_exec)
    assert DiscardQuestion.ask(parent, "x", (lambda: None) if can_save else None) is False
    assert all("&" in text for text in seen[0]), seen
    assert len(seen[0]) == (3 if can_save else 2)
