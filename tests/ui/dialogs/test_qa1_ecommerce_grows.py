"""QA1 2: adding a product's action set in the E-Commerce Actions window grew the list of
sets by a row; the window did not grow, a scroll bar came and the Settings group's bottom
was cut off (after reopening, the same content fitted). The list now keeps its height, its
own scroll bar beyond four sets."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QGroupBox

from canvas_app.domain.steps import Step
from canvas_app.editing.settings_commands import SetEcommerceCommand
from canvas_app.ui.dialogs import open_ecommerce_actions


def settings_in_sight(dialog) -> bool:
    group = next(g for g in dialog.findChildren(QGroupBox) if g.title() == "Settings")
    viewport = dialog.scroll_area.viewport()
    return viewport.rect().contains(QRect(group.mapTo(viewport, QPoint(0, 0)), group.size()))


def add_product_set(workspace, undo_stack, product_id: str) -> None:
    before = workspace.ecommerce
    after = before.copy()
    after.product_action_sets[product_id] = [Step(kind="apply_tag", tag="Stabilizer buyer")]
    undo_stack.push(SetEcommerceCommand(workspace, before, after, "Product actions"))


def test_adding_product_sets_keeps_the_settings_whole(qtbot, workspace, undo_stack):
    dialog = open_ecommerce_actions(None, workspace, undo_stack)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    dialog.layout().activate()
    bar = dialog.scroll_area.verticalScrollBar()
    assert bar.maximum() == 0 and settings_in_sight(dialog)
    size, list_height = dialog.size(), dialog.product_sets.height()
    with_sets = set(workspace.ecommerce.product_action_sets)
    for product_id in [p for p in workspace.catalog.products if p not in with_sets]:
        add_product_set(workspace, undo_stack, product_id)
        qtbot.wait(20)
        dialog.layout().activate()
        assert bar.maximum() == 0, product_id
        assert settings_in_sight(dialog), product_id
        assert dialog.product_sets.height() == list_height
    assert dialog.size() == size
    assert dialog.product_sets.count() == len(workspace.catalog.products)
    undo_stack.undo()  # a set fewer: the list keeps its height, nothing moves
    dialog.layout().activate()
    assert dialog.product_sets.height() == list_height and bar.maximum() == 0
