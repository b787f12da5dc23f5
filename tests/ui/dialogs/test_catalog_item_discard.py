"""A catalog item dialog asks before Esc or Cancel drops typed changes, as the node editors
do (QA 3, item 5), and closes at once when nothing changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from canvas_app.ui.dialogs.catalog_item import CatalogItemDialog

SHOTS = Path("/tmp/fix6")


def answer_later(asked: list[str], button: str, shot: str = "") -> None:
    """Answers the question when it shows, noting its text (and saving a picture)."""
    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "discardChangesBox"
        asked.append(box.text())
        if shot and SHOTS.is_dir():
            box.grab().save(str(SHOTS / shot))
        match = [b for b in box.buttons() if b.text().replace("&", "") == button]
        (match[0] if match else box.escapeButton()).click()  # never left open

    QTimer.singleShot(0, answer)


def shown(qtbot, workspace, section, item=None) -> CatalogItemDialog:
    dialog = CatalogItemDialog(workspace.catalog, section, item)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.asks_to_discard
@pytest.mark.parametrize("section", ["products", "categories", "order_forms",
                                     "payment_types"])
def test_nothing_changed_closes_at_once(qtbot, workspace, section):
    dialog = shown(qtbot, workspace, section)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # a question here would wait forever
    assert not dialog.isVisible()
    assert dialog.result() == 0


@pytest.mark.asks_to_discard
def test_esc_after_typing_asks_and_keep_editing_keeps_them(qtbot, workspace):
    product = workspace.catalog.products["mitt"]
    dialog = shown(qtbot, workspace, "products", product)
    dialog.name_edit.setFocus()
    dialog.name_edit.selectAll()
    qtbot.keyClicks(dialog.name_edit, "Mitt <deluxe> & co")
    asked: list[str] = []
    answer_later(asked, "Keep Editing", "discard-question.png")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Escape)
    assert asked == [f'Discard your changes to the product "{product.name}"?']
    assert dialog.isVisible() and dialog.name_edit.text() == "Mitt <deluxe> & co"

    answer_later(asked, "Discard")
    dialog.cancel_button.click()
    assert len(asked) == 2 and not dialog.isVisible()
    assert workspace.catalog.products["mitt"].name == product.name  # nothing saved


@pytest.mark.asks_to_discard
def test_save_in_the_question_saves(qtbot, workspace):
    dialog = shown(qtbot, workspace, "categories")
    qtbot.keyClicks(dialog.name_edit, "Toys")
    asked: list[str] = []
    answer_later(asked, "Save")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Escape)
    assert asked == ["Discard your changes to the new category?"]
    assert dialog.result() == 1 and dialog.value().name == "Toys"


@pytest.mark.asks_to_discard
def test_a_changed_price_or_choice_counts_and_typing_it_back_does_not(qtbot, workspace):
    dialog = shown(qtbot, workspace, "products", workspace.catalog.products["mitt"])
    dialog.subscription_radio.setChecked(True)
    assert dialog.has_changes()
    dialog.one_time_radio.setChecked(True)
    assert not dialog.has_changes()
    before = dialog.price_spin.text()
    dialog.price_spin.setFocus()
    dialog.price_spin.selectAll()
    qtbot.keyClicks(dialog.price_spin, "abc")  # refused keys change nothing
    assert not dialog.has_changes()
    qtbot.keyClicks(dialog.price_spin, "7")
    assert dialog.has_changes()
    dialog.price_spin.selectAll()
    qtbot.keyClicks(dialog.price_spin, before)
    assert not dialog.has_changes()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
