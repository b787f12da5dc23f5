"""The modal ``edit(...)`` entry points return the result on Save and None on Cancel, and
the manager windows carry Undo/Redo of the workspace's stack."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QToolButton

from canvas_app.ui.dialogs import open_catalog_manager
from canvas_app.ui.dialogs.action_set import ActionSetDialog
from canvas_app.ui.dialogs.catalog_item import CatalogItemDialog
from canvas_app.ui.dialogs.purchase_goal import PurchaseGoalDialog

from .helpers import click, snapshot


def answer_when_shown(qtbot, act) -> None:
    """Acts on the modal dialog once exec() shows it (and rejects it if it never does)."""
    def step() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, step)
            return
        act(dialog)

    QTimer.singleShot(0, step)


def test_purchase_goal_edit_returns_the_node_and_changes_nothing(qtbot, workspace):
    before = snapshot(workspace)

    def save(dialog: PurchaseGoalDialog) -> None:
        dialog.any_box.setChecked(True)
        click(qtbot, dialog.save_button)

    answer_when_shown(qtbot, save)
    node = PurchaseGoalDialog.edit(workspace, "shock-nurture", "bought-shock")
    assert node is not None and node.config.any_purchase
    assert snapshot(workspace) == before  # the caller applies it, not the dialog

    answer_when_shown(qtbot, lambda dialog: click(qtbot, dialog.cancel_button))
    assert PurchaseGoalDialog.edit(workspace, "shock-nurture", "bought-shock") is None


def test_action_set_and_catalog_item_edit(qtbot, workspace):
    def remove_first(dialog: ActionSetDialog) -> None:
        dialog.steps_editor.list.setCurrentRow(0)
        click(qtbot, dialog.steps_editor.remove_button)
        click(qtbot, dialog.save_button)

    answer_when_shown(qtbot, remove_first)
    actions = ActionSetDialog.edit(workspace, "on_login")
    assert [a.kind for a in actions] == ["add_to_campaign"]

    def rename(dialog: CatalogItemDialog) -> None:
        dialog.name_edit.setText("Mitt")
        click(qtbot, dialog.save_button)

    answer_when_shown(qtbot, rename)
    product = CatalogItemDialog.edit(workspace.catalog, "products",
                                     workspace.catalog.products["mitt"])
    assert product.name == "Mitt" and product.id == "mitt" and product.price == 12.99


def test_catalog_manager_has_undo_and_redo(qtbot, workspace, undo_stack):
    before = snapshot(workspace)
    dialog = open_catalog_manager(None, workspace, undo_stack)
    qtbot.addWidget(dialog)
    dialog.select("order_forms", "classic-form")
    click(qtbot, dialog.delete_buttons["order_forms"])
    click(qtbot, dialog.confirm_box.button(dialog.confirm_box.StandardButton.Yes))
    undo = dialog.findChild(QToolButton, "undoButton")
    click(qtbot, undo)
    assert snapshot(workspace) == before
    assert dialog.tables["order_forms"].rowCount() == 3
    click(qtbot, dialog.findChild(QToolButton, "redoButton"))
    assert "classic-form" not in workspace.catalog.order_forms


def test_manager_undo_takes_back_only_its_own_changes(qtbot, workspace, undo_stack):
    from canvas_app.editing.controller import Controller

    controller = Controller(workspace, undo_stack)
    controller.add_node("shock-nurture", "sequence", 0, 400)  # a canvas edit, before
    canvas_edit = snapshot(workspace)
    dialog = open_catalog_manager(None, workspace, undo_stack)
    qtbot.addWidget(dialog)
    undo = dialog.findChild(QToolButton, "undoButton")
    redo = dialog.findChild(QToolButton, "redoButton")
    assert not undo.isEnabled() and not redo.isEnabled()
    dialog.select("order_forms", "classic-form")
    click(qtbot, dialog.delete_buttons["order_forms"])
    click(qtbot, dialog.confirm_box.button(dialog.confirm_box.StandardButton.Yes))
    assert undo.isEnabled() and "Delete" in undo.defaultAction().text()
    click(qtbot, undo)
    assert snapshot(workspace) == canvas_edit  # the canvas edit stays
    assert not undo.isEnabled() and redo.isEnabled()
    click(qtbot, redo)
    assert "classic-form" not in workspace.catalog.order_forms
    controller.deleteLater()
