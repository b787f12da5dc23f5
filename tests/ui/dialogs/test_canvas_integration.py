"""End to end with the canvas helper's main window: double-clicking a purchase goal on the
canvas opens the real purchase goal dialog, whose Save is one undo step of the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from canvas_app.ui.canvas.node_item import body_rect
from canvas_app.ui.dialogs.catalog_manager import CatalogManagerDialog
from canvas_app.ui.dialogs.ecommerce_actions import EcommerceActionsDialog
from canvas_app.ui.dialogs.purchase_goal import PurchaseGoalDialog
from canvas_app.ui.dialogs.sequence_editor import SequenceEditorDialog

from .helpers import click, sample_main_window, snapshot


@pytest.fixture
def window(qtbot, tmp_path: Path):
    window = sample_main_window(qtbot, tmp_path)
    window.view.fit()
    return window


def double_click_node(window, node_id: str) -> None:
    item = window.scene.nodes[node_id]
    pos = window.view.mapFromScene(item.mapToScene(body_rect(item.kind).center()))
    QTest.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier, pos)


def open_dialogs(window, kind):
    return [d for d in window.findChildren(kind) if d.isVisible()]


def test_double_click_a_purchase_goal_opens_its_dialog(qtbot, window):
    assert window.current_campaign_id() == "shock-nurture"
    workspace = window.controller.workspace
    before = snapshot(workspace)
    double_click_node(window, "bought-shock")
    [dialog] = open_dialogs(window, PurchaseGoalDialog)
    assert dialog.objectName() == "purchaseGoalDialog"
    assert dialog.name_edit.text() == "Bought pool shock"
    assert dialog.products_list.checked_ids() == ["shock"]

    dialog.name_edit.setText("Bought any chemical")
    dialog.categories_box.setChecked(True)
    dialog.categories_list.set_checked("chemicals")
    click(qtbot, dialog.save_button)
    node = workspace.campaign("shock-nurture").node("bought-shock")
    assert node.name == "Bought any chemical" and node.config.categories == ["chemicals"]
    stack = window.controller.undo_stack
    assert stack.count() == 1
    stack.undo()
    assert snapshot(workspace) == before


def test_double_click_a_sequence_opens_the_sequence_editor(qtbot, window):
    double_click_node(window, "nurture")
    [dialog] = open_dialogs(window, SequenceEditorDialog)
    assert dialog.steps_editor.list.count() == 5
    click(qtbot, dialog.cancel_button)
    assert window.controller.undo_stack.count() == 0


def test_menu_opens_catalog_and_ecommerce_actions(qtbot, window):
    window.actions_by_name["catalog"].trigger()
    assert len(open_dialogs(window, CatalogManagerDialog)) == 1
    window.actions_by_name["ecommerce"].trigger()
    assert len(open_dialogs(window, EcommerceActionsDialog)) == 1
