"""Long names and names with "&" or "<" in them (QA 3, items 1-3 and 6): a pasted
paragraph stops at the name limit, a long name from a file keeps the Catalog window and its
texts a sane size, "&" shows in Undo texts, "<i>" is shown, not obeyed; a manager window
cannot be shrunk until its content is clipped.

Screenshots for a person to look at are saved under /tmp/fix6/ when that folder exists."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox, QToolButton

from canvas_app.domain.catalog import Product
from canvas_app.domain.errors import Problem
from canvas_app.domain.names import NAME_MAX_LENGTH, short_name
from canvas_app.editing.commands import RenameNodeCommand
from canvas_app.ui.canvas.name_editor import NameEditor
from canvas_app.ui.dialogs import open_ecommerce_actions
from canvas_app.ui.dialogs.catalog_manager import COLUMN_MAX_WIDTH
from canvas_app.ui.dialogs.widgets import ProblemLabel, action_text
from canvas_app.ui.text_limit import length_limit
from canvas_app.ui.tooltip_text import wrapped_tooltip

from .conftest import SAMPLE
from .helpers import click, open_catalog, overlapping_widgets

SHOTS = Path("/tmp/fix6")
LONG = ("Pool opening kit with chlorine, test strips and a cover " * 60)[:3000]


def shot(widget, name: str) -> None:
    if SHOTS.is_dir():
        widget.grab().save(str(SHOTS / name))


def test_a_pasted_paragraph_stops_at_the_name_limit(qtbot, workspace, undo_stack):
    dialog = open_catalog(qtbot, workspace, undo_stack)
    click(qtbot, dialog.add_buttons["products"])
    item = dialog.item_dialog
    QApplication.clipboard().setText(LONG)
    item.name_edit.setFocus()
    item.name_edit.paste()
    assert item.name_edit.text() == LONG[:NAME_MAX_LENGTH]
    click(qtbot, item.save_button)
    saved = [p for p in workspace.catalog.products.values() if p.name == LONG[:200].strip()]
    assert len(saved) == 1


def test_a_long_name_from_a_file_is_never_cut_and_keeps_the_window_sane(qtbot, workspace,
                                                                        undo_stack):
    workspace.catalog.products["long"] = Product("long", LONG, None, 5.0)
    dialog = open_catalog(qtbot, workspace, undo_stack)
    table = dialog.tables["products"]
    assert all(table.columnWidth(c) <= COLUMN_MAX_WIDTH for c in range(table.columnCount()))
    assert dialog.minimumSizeHint().width() < 1000 and dialog.width() < 1000
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).data(256) == "long")
    assert table.item(row, 0).text() == LONG  # elided on screen, whole in the model
    assert "Pool opening kit" in table.item(row, 0).toolTip()
    dialog.select("products", "long")
    click(qtbot, dialog.edit_buttons["products"])
    item = dialog.item_dialog
    assert item.name_edit.text() == LONG  # never cut silently
    assert length_limit(item.name_edit) == len(LONG)
    item.name_edit.end(False)
    qtbot.keyClicks(item.name_edit, " XL")  # a field at its limit takes no more
    assert item.name_edit.text() == LONG
    item.name_edit.setText(LONG[:-1] + "!")
    click(qtbot, item.save_button)
    assert undo_stack.undoText() == f'Edit product "{short_name(LONG)}"'
    assert len(undo_stack.undoText()) < 60
    undo = dialog.findChild(QToolButton, "undoButton")
    qtbot.waitUntil(lambda: undo.width() >= undo.sizeHint().width())  # shown whole
    assert undo.width() < 400
    assert dialog.width() < 1000  # the Undo button's text did not widen the window
    assert undo.toolTip() == wrapped_tooltip(f"Undo {undo_stack.undoText()}")  # whole
    shot(dialog, "catalog-long-name.png")

    box = dialog.delete_selected("products")
    assert isinstance(box, QMessageBox)
    qtbot.waitExposed(box)
    assert box.height() < 400 and box.width() < 1000
    shot(box, "delete-long-name.png")
    box.button(QMessageBox.StandardButton.Cancel).click()


def test_undo_texts_quote_names_short():
    assert short_name("Spa nurture") == "Spa nurture"
    assert short_name("a  b\nc") == "a b c"  # one line
    cut = short_name(LONG)
    assert len(cut) == 40 and cut.endswith("…")
    command = RenameNodeCommand.__new__(RenameNodeCommand)
    RenameNodeCommand.__init__(command, None, "c", "n", LONG, "Welcome")  # type: ignore[arg-type]
    assert command.text() == f'Rename "{cut}" to "Welcome"'


def test_an_ampersand_shows_in_the_catalogs_undo_button(qtbot, workspace, undo_stack):
    dialog = open_catalog(qtbot, workspace, undo_stack)
    click(qtbot, dialog.add_buttons["products"])
    item = dialog.item_dialog
    qtbot.keyClicks(item.name_edit, "Salt & Pepper")
    click(qtbot, item.save_button)
    assert undo_stack.undoText() == 'Add product "Salt & Pepper"'  # the History's text
    undo = dialog.findChild(QToolButton, "undoButton")
    # the button says "Undo" (see test_manager_footer); the action, its tooltip and its
    # accessible description name the product with its one "&"
    assert undo.defaultAction().text() == '&Undo Add product "Salt && Pepper"'
    assert undo.text() == "Undo"
    assert 'Undo Add product "Salt &amp; Pepper"' in undo.toolTip()  # escaped rich text
    assert undo.accessibleDescription() == 'Undo Add product "Salt & Pepper"'
    qtbot.waitUntil(lambda: undo.width() >= undo.sizeHint().width())  # shown whole
    shot(dialog, "catalog-undo-ampersand.png")
    undo.click()
    redo = dialog.findChild(QToolButton, "redoButton")
    assert redo.defaultAction().text() == '&Redo Add product "Salt && Pepper"'
    assert redo.accessibleDescription() == 'Redo Add product "Salt & Pepper"'


def test_action_text_doubles_ampersands_and_cuts_long_texts():
    assert action_text("&Undo", "") == "&Undo"
    assert action_text("&Undo", 'Rename "A & B"') == '&Undo Rename "A && B"'
    long = action_text("&Undo", "x" * 500)
    assert len(long) < 100 and long.endswith("…")


@pytest.fixture
def main_window(qtbot, tmp_path):
    from tests.ui.canvas.conftest import make_window

    target = tmp_path / "pool.campaign.json"
    shutil.copy(SAMPLE, target)
    return make_window(qtbot, str(target), tmp_path)


def test_the_edit_menus_undo_shows_an_ampersand(qtbot, main_window):
    window = main_window
    undo = window.actions_by_name["undo"]
    assert undo.text() == "&Undo" and not undo.isEnabled()
    window.controller.rename_node("shock-nurture", "nurture", "Salt & Pepper")
    assert undo.isEnabled()
    assert undo.text() == '&Undo Rename "Nurture" to "Salt && Pepper"'
    view = window.docks["history"].widget()
    model = view.model()
    assert model.index(model.rowCount() - 1, 0).data() == 'Rename "Nurture" to "Salt & Pepper"'
    undo.trigger()
    redo = window.actions_by_name["redo"]
    assert redo.text() == '&Redo Rename "Nurture" to "Salt && Pepper"'
    assert undo.text() == "&Undo" and not undo.isEnabled()
    redo.trigger()
    menu = window.menus["edit"]
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitExposed(menu)
    shot(menu, "edit-menu-ampersand.png")
    menu.close()


def test_problem_texts_are_shown_as_typed_never_as_markup(qtbot):
    label = ProblemLabel()
    qtbot.addWidget(label)
    label.show_problems([Problem("name", 'there is already a product named "<i>Sale</i> a<b"')])
    label.show()
    assert label.textFormat().name == "PlainText"
    assert label.text() == 'There is already a product named "<i>Sale</i> a<b"'
    # drawn as plain text: as wide as the characters, tags included
    metrics = label.fontMetrics()
    assert label.sizeHint().width() >= metrics.horizontalAdvance("<i>Sale</i> a<b")


def test_a_manager_window_is_not_shrunk_until_its_content_is_clipped(qtbot, workspace,
                                                                      undo_stack):
    dialog = open_catalog(qtbot, workspace, undo_stack)
    dialog.resize(333, 247)
    qtbot.waitUntil(lambda: dialog.width() >= 620)
    assert dialog.height() >= 420
    assert dialog.minimumWidth() <= 1024 - 20 and dialog.minimumHeight() <= 700 - 40
    table = dialog.tables["products"]
    assert table.viewport().height() > 3 * table.rowHeight(0)  # a few rows show
    assert overlapping_widgets(dialog) == []
    shot(dialog, "catalog-smallest.png")


def test_the_ecommerce_window_keeps_what_its_layout_needs(qtbot, workspace, undo_stack):
    dialog = open_ecommerce_actions(None, workspace, undo_stack)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.resize(333, 247)
    qtbot.waitUntil(lambda: dialog.width() >= 620)
    needed = dialog.layout().totalMinimumSize()
    assert dialog.width() >= needed.width() and dialog.height() >= max(needed.height(), 420)
    # its content scrolls (in a view of some height); its bottom row stays whole in sight
    assert dialog.scroll_area.viewport().height() > 200
    close = dialog.close_button
    corner = close.mapTo(dialog, close.rect().bottomRight())
    assert dialog.rect().contains(corner)
    shot(dialog, "ecommerce-smallest.png")


def test_the_rename_editor_limits_a_typed_name_but_keeps_a_long_one(qtbot):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    editor = NameEditor("n", "Welcome", parent)
    assert length_limit(editor) == NAME_MAX_LENGTH
    QApplication.clipboard().setText(LONG)
    editor.selectAll()
    editor.paste()
    assert editor.text() == LONG[:NAME_MAX_LENGTH]
    kept = NameEditor("n", LONG, parent)
    assert kept.text() == LONG and length_limit(kept) == len(LONG)


def test_undo_stack_texts_are_plain(qtbot):  # noqa: ARG001  (qtbot makes the QApplication)
    stack = QUndoStack()
    assert stack.undoText() == ""
