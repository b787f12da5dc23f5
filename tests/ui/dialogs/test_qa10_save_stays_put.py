"""Save does not move when a problem appears or goes (QA10 2: in the tag goal editor, ticking
a tag hid "No tag is ticked", the window shrank 43 px and Save moved up from under the
pointer, so the click aimed at it missed). The sequence editor and the catalog item editor
are checked for the same fault."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from canvas_app.domain.nodes import Node
from canvas_app.ui.dialogs import open_node_editor
from canvas_app.ui.dialogs.catalog_item import CatalogItemDialog


def save_at(qtbot, dialog) -> QPoint:
    """Save's place on the screen once pending layouts and resizes are done."""
    button = dialog.save_button

    def where() -> QPoint:
        dialog.layout().activate()
        return button.mapToGlobal(QPoint(0, 0))

    last = where()
    for _ in range(5):  # a re-fit arrives with the layout request it follows
        qtbot.wait(30)
        now = where()
        if now == last:
            break
        last = now
    return last


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_tag_goal_save_stays_put_as_the_problem_goes_and_comes(qtbot, workspace,
                                                              undo_stack):
    workspace.campaign("checkup-onboarding").add_node(Node("new-goal", "tag_goal", "Tag goal"))
    dialog = shown(qtbot, open_node_editor(None, workspace, undo_stack,
                                           "checkup-onboarding", "new-goal"))
    assert dialog.problem_label.isVisible()  # "No tag is ticked"
    before = save_at(qtbot, dialog)
    dialog.tag_list.set_checked("Customer")  # the problem goes
    assert not dialog.problem_label.isVisible() and dialog.save_button.isEnabled()
    assert save_at(qtbot, dialog) == before
    dialog.name_edit.clear()  # another problem comes
    assert dialog.problem_label.isVisible()
    assert save_at(qtbot, dialog) == before
    dialog.tag_list.set_checked("Customer", False)  # the most at once: no name, no tag
    assert dialog.problem_label.text().count("\n") == 1
    assert save_at(qtbot, dialog) == before
    # the text is whole in the kept room (it is not cut)
    label = dialog.problem_label
    assert label.height() >= label.heightForWidth(label.width())
    dialog.name_edit.setText("Tag goal")
    dialog.tag_list.set_checked("Customer")
    assert save_at(qtbot, dialog) == before


def test_sequence_editor_save_stays_put(qtbot, workspace, undo_stack):
    dialog = shown(qtbot, open_node_editor(None, workspace, undo_stack, "shock-nurture",
                                           "nurture"))
    before = save_at(qtbot, dialog)
    dialog.name_edit.clear()
    assert dialog.problem_label.isVisible()
    assert save_at(qtbot, dialog) == before
    dialog.name_edit.setText("Nurture")
    assert not dialog.problem_label.isVisible()
    assert save_at(qtbot, dialog) == before


def test_product_editor_save_stays_put(qtbot, workspace):
    dialog = shown(qtbot, CatalogItemDialog(workspace.catalog, "products"))
    before = save_at(qtbot, dialog)
    name = dialog.name_edit
    name.setFocus()
    QTest.keyClicks(name, "Leaf Net")
    assert dialog.save_button.isEnabled()
    assert save_at(qtbot, dialog) == before
    price = dialog.price_spin
    price.setFocus()
    price.selectAll()
    QTest.keyClicks(price, "x")  # a refused key: said in the problem box
    assert dialog.problem_label.isVisible()
    assert save_at(qtbot, dialog) == before
    name.setFocus()
    name.selectAll()
    QTest.keyClick(name, Qt.Key.Key_Delete)  # and an empty name too
    assert save_at(qtbot, dialog) == before
    label = dialog.problem_label
    assert label.height() >= label.heightForWidth(label.width())
