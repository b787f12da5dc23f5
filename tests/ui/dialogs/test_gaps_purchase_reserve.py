"""The purchase goal editor keeps room for its problem box only where the form can spare
it: at 960 x 600 the kept room (89 px of empty box) made the form scroll 75 px; now the
kept room shrinks first, and the form scrolls only when it does not fit at all. In a tall
window the full room stays kept and nothing moves when problems appear."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

from canvas_app.ui.dialogs import open_node_editor


def opened(qtbot, workspace, undo_stack, size):
    dialog = open_node_editor(None, workspace, undo_stack, "shock-nurture", "bought-shock")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.resize(*size)
    qtbot.waitUntil(lambda: dialog.size().toTuple() == size)
    dialog.layout().activate()
    return dialog


def gap(dialog) -> int:
    """The room between the form's scrolled area and the buttons."""
    return dialog.buttons.geometry().top() - dialog.scroll_area.geometry().bottom() - 1


def test_at_600_px_the_whole_form_shows_without_scrolling(qtbot, workspace, undo_stack):
    dialog = opened(qtbot, workspace, undo_stack, (960, 600))
    bar = dialog.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=2000)  # it scrolled 75 px
    assert bar.maximum() == 0
    assert dialog.problem_label.isHidden()


def test_what_the_form_can_spare_stays_kept_for_the_box(qtbot, workspace, undo_stack):
    dialog = opened(qtbot, workspace, undo_stack, (960, 760))
    spacing = dialog.layout().spacing()
    form = dialog.content_height(960, with_problems=False)
    dialog.resize(960, form + spacing + 40)  # 40 px to spare, less than the full room
    qtbot.waitUntil(lambda: dialog.height() == form + spacing + 40)
    dialog.layout().activate()
    assert gap(dialog) == 40 + 2 * spacing
    assert dialog.scroll_area.verticalScrollBar().maximum() == 0


def test_in_a_short_window_no_room_is_kept_and_the_form_gets_it(qtbot, workspace,
                                                                  undo_stack):
    dialog = opened(qtbot, workspace, undo_stack, (960, 450))
    spacing = dialog.layout().spacing()
    assert gap(dialog) == spacing  # no empty box (it was one line, 28 px, and its spacing)
    bar = dialog.scroll_area.verticalScrollBar()
    scrolled = bar.maximum()
    assert scrolled > 0  # the form does not fit in 450 px
    dialog.name_edit.setText("")  # a problem: the box shows under the form
    dialog.layout().activate()
    assert dialog.problem_label.isVisible()
    assert bar.maximum() > scrolled  # it took its room from the scrolled form
    dialog.name_edit.setText("Bought")
    dialog.layout().activate()
    assert dialog.problem_label.isHidden() and bar.maximum() == scrolled


def shown_geometries(dialog) -> dict[int, tuple[str, QRect]]:
    problem = dialog.problem_label
    return {i: (type(w).__name__ + w.objectName(),
                QRect(w.mapTo(dialog, w.rect().topLeft()), w.size()))
            for i, w in enumerate(dialog.findChildren(QWidget))
            if w.isVisible() and w is not problem and not problem.isAncestorOf(w)}


def test_in_a_tall_window_the_most_problems_move_nothing(qtbot, workspace, undo_stack):
    dialog = opened(qtbot, workspace, undo_stack, (960, 760))
    margins = dialog.layout().contentsMargins()
    most = dialog.most_problems_height(960 - margins.left() - margins.right())
    assert dialog.problem_label.minimumHeight() >= most
    assert dialog.scroll_area.verticalScrollBar().maximum() == 0
    before = shown_geometries(dialog)
    dialog.name_edit.setText("")
    dialog.some_payment.setChecked(True)
    dialog.products_list.set_checked("shock", False)
    dialog.order_forms_box.setChecked(True)
    dialog.layout().activate()
    assert len(dialog.problem_label.text().splitlines()) >= 4
    assert shown_geometries(dialog) == before
