"""QA1 1: the purchase goal editor stays put while a search is typed (the "Also ticked, out
of sight" note appeared, the order forms' list shrank, "Specific product purchase" jumped
16 px up and the payment types 4 px right), and it opens as tall as its content (a 100 px
empty band was kept above Save for problems that were not there)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget

from canvas_app.ui.dialogs import open_node_editor


def opened(qtbot, workspace, undo_stack):
    dialog = open_node_editor(None, workspace, undo_stack, "shock-nurture", "bought-shock")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def settled(qtbot, dialog) -> None:
    """Pending layouts, resizes and the note's timer done."""
    for _ in range(3):
        qtbot.wait(20)
        dialog.layout().activate()


def places(dialog, leave_out: QWidget | None = None) -> dict[str, QRect]:
    """Where each shown widget of the window is (but those inside ``leave_out``)."""
    return {f"{i} {type(w).__name__} {w.objectName()}":
            QRect(w.mapTo(dialog, QPoint(0, 0)), w.size())
            for i, w in enumerate(dialog.findChildren(QWidget))
            if w.isVisible() and (leave_out is None or not leave_out.isAncestorOf(w))}


def test_typing_a_search_moves_nothing_around_the_list(qtbot, workspace, undo_stack):
    dialog = opened(qtbot, workspace, undo_stack)
    dialog.resize(960, 680)  # the QA's window
    qtbot.waitUntil(lambda: dialog.size().toTuple() == (960, 680))
    products = dialog.products_list
    settled(qtbot, dialog)
    before = places(dialog, products)
    box = QRect(products.mapTo(dialog, QPoint(0, 0)), products.size())
    products.search.setText("mitt")  # hides the ticked "Super Sock It Pool Shock"
    note = products.out_of_sight_label
    qtbot.waitUntil(lambda: note.isVisible())
    settled(qtbot, dialog)
    assert "Super Sock It Pool Shock" in note.text()
    assert places(dialog, products) == before
    assert QRect(products.mapTo(dialog, QPoint(0, 0)), products.size()) == box
    # the note is whole, under the list, inside the list's own box
    assert note.height() >= note.heightForWidth(note.width())
    assert products.list.geometry().bottom() < note.geometry().top()
    assert note.geometry().bottom() <= products.rect().bottom()
    products.search.clear()
    qtbot.waitUntil(lambda: not note.isVisible())
    settled(qtbot, dialog)
    assert places(dialog, products) == before


def test_it_opens_without_an_empty_band_above_save(qtbot, workspace, undo_stack):
    dialog = opened(qtbot, workspace, undo_stack)
    settled(qtbot, dialog)
    label = dialog.problem_label
    assert label.isHidden()
    # two lines kept for a problem (a name and an option), not the 89 px of six
    assert label.minimumHeight() <= label.lines_height(2)
    spacing = dialog.layout().spacing()
    form = dialog.content_height(dialog.width(), with_problems=False)
    assert dialog.height() <= form + spacing + label.lines_height(2)
    assert dialog.scroll_area.verticalScrollBar().maximum() == 0


def test_problems_grow_the_window_and_nothing_moves_as_they_go(qtbot, workspace,
                                                              undo_stack):
    dialog = opened(qtbot, workspace, undo_stack)
    settled(qtbot, dialog)
    label = dialog.problem_label
    before = places(dialog)
    save = dialog.save_button.mapToGlobal(QPoint(0, 0))
    dialog.name_edit.setText("")
    dialog.some_payment.setChecked(True)
    dialog.products_list.set_checked("shock", False)
    dialog.order_forms_box.setChecked(True)
    settled(qtbot, dialog)
    assert len(label.text().splitlines()) == 4
    assert label.height() >= label.heightForWidth(label.width())  # whole, not cut
    assert dialog.save_button.mapToGlobal(QPoint(0, 0)).y() >= save.y()  # never up
    dialog.name_edit.setText("Bought pool shock")
    dialog.order_forms_box.setChecked(False)
    dialog.products_list.set_checked("shock", True)
    dialog.any_payment.setChecked(True)
    settled(qtbot, dialog)
    assert label.isHidden() and dialog.save_button.isEnabled()
    after = places(dialog)
    # the form is where it was: the room the problems took stays kept for them
    form = {k: v for k, v in before.items() if "QDialogButtonBox" not in k
            and "QPushButton" not in k}
    assert {k: after[k] for k in form} == form
    assert dialog.save_button.mapToGlobal(QPoint(0, 0)).y() >= save.y()
