"""The product and tag completers: the row under the mouse is the highlighted one, and Enter
takes it (a row highlighted by the mouse alone was not taken: Enter took what was typed).
The field keeps what was typed while the mouse moves over the list."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QWidget

from canvas_app.domain.steps import STEP_KINDS, Step
from canvas_app.ui.dialogs import open_ecommerce_actions
from canvas_app.ui.dialogs.action_set import ActionSetDialog
from canvas_app.ui.dialogs.hover_completer import HoverCompleter
from canvas_app.ui.dialogs.step_fields import StepForm

TAGS = ["Customer", "Pool owner", "Pool shock buyer", "Checkup subscriber"]


def typed_into(qtbot, window: QWidget, field, completer, text: str) -> QAbstractItemView:
    """``window`` shown, ``text`` typed into ``field``; the completer's list, shown."""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    QTest.keyClicks(field, text)
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    return popup


def hover(qtbot, popup: QAbstractItemView, row: int) -> str:
    """Moves the mouse over ``row`` of the list (no button pressed); its text."""
    index = popup.model().index(row, 0)
    centre = popup.visualRect(index).center()
    QTest.mouseMove(popup.viewport(), centre - QPoint(0, 2))  # (a move, not a jump)
    QTest.mouseMove(popup.viewport(), centre)
    qtbot.waitUntil(lambda: popup.currentIndex() == index)
    return index.data()


def test_enter_opens_the_product_the_mouse_is_over(qtbot, workspace, undo_stack) -> None:
    window = open_ecommerce_actions(None, workspace, undo_stack)
    qtbot.addWidget(window)
    assert isinstance(window.completer, HoverCompleter)
    popup = typed_into(qtbot, window, window.product_edit, window.completer, "pool")
    name = hover(qtbot, popup, 1)
    assert name == "Pool Stabilizer / Conditioner"
    # The row is highlighted (selected, as the arrow keys would); the field keeps "pool".
    assert popup.selectionModel().isSelected(popup.currentIndex())
    assert window.product_edit.text() == "pool"
    QTest.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.set_dialog is not None and window.set_dialog.isVisible())
    assert window.product_edit.text() == name
    assert window.set_dialog.key == "product:stabilizer"
    assert window.product_problem.text() == ""  # no "pick one from the list"
    assert not popup.isVisible()
    qtbot.wait(50)  # the pick's own opening comes later: it must not open a second one
    assert len([d for d in window.findChildren(ActionSetDialog) if d.isVisible()]) == 1
    window.set_dialog.reject()


def test_the_arrow_keys_go_on_from_the_row_the_mouse_is_over(qtbot, workspace,
                                                             undo_stack) -> None:
    window = open_ecommerce_actions(None, workspace, undo_stack)
    qtbot.addWidget(window)
    popup = typed_into(qtbot, window, window.product_edit, window.completer, "pool")
    hover(qtbot, popup, 1)
    QTest.keyClick(popup, Qt.Key.Key_Down)
    name = popup.currentIndex().data()
    assert popup.currentIndex().row() == 2 and window.product_edit.text() == name
    QTest.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.set_dialog is not None and window.set_dialog.isVisible())
    assert window.set_dialog.key == f"product:{window.chosen_product()}"
    assert workspace.catalog.product_name(window.chosen_product()) == name
    window.set_dialog.reject()


def test_enter_takes_the_tag_the_mouse_is_over(qtbot) -> None:
    form = StepForm(STEP_KINDS, TAGS, [], with_delay=False)
    qtbot.addWidget(form)
    form.load(Step(kind="apply_tag", tag=""))
    completer = form.tag_edit.completer()
    assert isinstance(completer, HoverCompleter)
    popup = typed_into(qtbot, form, form.tag_edit, completer, "pool")
    rows = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert rows == ["Pool owner", "Pool shock buyer"]
    name = hover(qtbot, popup, 1)
    assert form.tag_edit.text() == "pool"
    QTest.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert form.tag_edit.text() == name == "Pool shock buyer"
    assert form.step is not None and form.step.tag == "Pool shock buyer"
