"""The E-Commerce Actions window at its default 760 x 680 (QA 50): everything in sight,
down to the legacy setting's explanation, without scrolling."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QLabel

from canvas_app.domain.steps import Step
from canvas_app.ui.dialogs.ecommerce_actions import LEGACY_HELP, EcommerceActionsDialog


@pytest.mark.parametrize("extra_product_sets", [0, 3])
def test_the_default_window_shows_the_legacy_explanation(qtbot, workspace, undo_stack,
                                                          extra_product_sets):
    with_sets = set(workspace.ecommerce.product_action_sets)
    for product_id in [p for p in workspace.catalog.products
                       if p not in with_sets][:extra_product_sets]:
        workspace.ecommerce.product_action_sets[product_id] = [
            Step(kind="apply_tag", tag="Bought")]
    dialog = EcommerceActionsDialog(workspace, undo_stack)
    qtbot.addWidget(dialog)
    dialog.resize(760, 680)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.size().toTuple() == (760, 680))
    dialog.layout().activate()
    help_text = next(label for label in dialog.findChildren(QLabel)
                     if label.text() == LEGACY_HELP)
    viewport = dialog.scroll_area.viewport()
    rect = QRect(help_text.mapTo(viewport, QPoint(0, 0)), help_text.size())
    assert viewport.rect().contains(rect), (rect, viewport.rect())
    assert not dialog.scroll_area.verticalScrollBar().isVisible()
