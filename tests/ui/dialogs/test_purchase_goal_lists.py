"""The purchase goal's lists at the editor's default size (QA 141/141y/141z/04z): every
row whole and in sight, no horizontal scroll bar (also with the red frame of a problem)."""

from __future__ import annotations

from PySide6.QtCore import QRect

from canvas_app.domain.catalog import OrderForm
from canvas_app.ui.dialogs import open_node_editor


def _rows_out_of_sight(check_list) -> list[str]:
    """Rows of the list not wholly inside its viewport (cut off right or below)."""
    view = check_list.list
    area = QRect(0, 0, view.viewport().width(), view.viewport().height())
    found = []
    for i in range(view.count()):
        item = view.item(i)
        rect = view.visualItemRect(item)
        needed = view.fontMetrics().horizontalAdvance(item.text())
        if not area.contains(rect) or (rect.width() < needed and rect.height()
                                       < 2 * view.fontMetrics().height()):
            found.append(item.text())
    return found


def test_lists_show_every_row_whole_at_the_default_size(qtbot, workspace, undo_stack):
    workspace.catalog.add_order_form(OrderForm("summer-legacy", "Summer Legacy Form",
                                               legacy=True))
    workspace.catalog.payment_types.append("bank_transfer")
    dialog = open_node_editor(None, workspace, undo_stack, "shock-nurture", "bought-shock")
    qtbot.addWidget(dialog)
    dialog.resize(960, 680)  # its default on a laptop screen (offscreen's is smaller)
    dialog.some_payment.setChecked(True)
    dialog.payment_list.set_checked("bank_transfer")
    qtbot.waitUntil(lambda: dialog.payment_list.list.width() > 300)
    for chooser in (dialog.order_forms_list, dialog.payment_list):
        assert not chooser.list.horizontalScrollBar().isVisible(), chooser.objectName()
        assert _rows_out_of_sight(chooser) == [], chooser.objectName()
    assert not dialog.payment_list.list.verticalScrollBar().isVisible()

    # "Order form" ticked with none chosen: the red frame narrows the list
    dialog.order_forms_box.setChecked(True)
    for form_id in dialog.order_forms_list.checked_ids():
        dialog.order_forms_list.set_checked(form_id, False)
    assert dialog.order_forms_list.list.property("invalid")
    qtbot.wait(50)
    assert not dialog.order_forms_list.list.horizontalScrollBar().isVisible()
    assert _rows_out_of_sight(dialog.order_forms_list) == []
