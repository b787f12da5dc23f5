"""A ticked row is never out of sight silently (QA 141y): a check list names its ticked
rows that the search hides or that are scrolled away, under the list."""

from __future__ import annotations

from canvas_app.ui.dialogs import open_node_editor
from canvas_app.ui.dialogs.check_list import CheckList


def _note(check_list) -> str:
    label = check_list.out_of_sight_label
    return label.text() if label.isVisibleTo(check_list) else ""


def test_a_ticked_product_hidden_by_the_search_is_named(qtbot, workspace, undo_stack):
    dialog = open_node_editor(None, workspace, undo_stack, "shock-nurture", "bought-shock")
    qtbot.addWidget(dialog)
    products = dialog.products_list
    qtbot.waitUntil(lambda: products.list.isVisible())
    assert products.checked_ids() == ["shock"]
    qtbot.wait(10)
    assert _note(products) == ""
    products.search.setText("mitt")
    qtbot.waitUntil(lambda: _note(products) != "")
    assert _note(products) == "Also ticked, out of sight: Super Sock It Pool Shock"
    products.search.clear()
    qtbot.waitUntil(lambda: _note(products) == "")


def test_a_ticked_row_scrolled_away_is_named_until_it_is_in_sight(qtbot):
    check_list = CheckList("manyList")
    qtbot.addWidget(check_list)
    check_list.set_items([(f"t{i}", f"Type {i}") for i in range(30)], ["t29"])
    check_list.list.setFixedHeight(check_list.list.rows_height(4))
    check_list.show()
    qtbot.waitExposed(check_list)
    check_list.list.scrollToTop()
    qtbot.waitUntil(lambda: _note(check_list) == "Also ticked, out of sight: Type 29")
    check_list.list.scrollToBottom()
    qtbot.waitUntil(lambda: _note(check_list) == "")
    check_list.setEnabled(False)  # a list turned off: its ticks count for nothing
    check_list.list.scrollToTop()
    qtbot.wait(20)
    assert _note(check_list) == ""


def test_clearing_the_search_gives_back_the_room_the_note_took(qtbot):
    """QA: a search hid the ticked last row; the note under the list took its room out of
    the list, so once the search was cleared the row was scrolled away and the note, still
    true, stayed, the list short by its height. A row the list would show with that room
    given back is not out of sight."""
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    check_list = CheckList("fiveList", "fiveSearch")
    layout.addWidget(check_list)
    layout.addStretch(1)
    check_list.set_items([(f"t{i}", f"Product {i}") for i in range(5)], ["t4"])
    host.show()
    host.resize(host.sizeHint().width(), host.sizeHint().height())
    qtbot.waitExposed(host)
    qtbot.wait(10)
    assert _note(check_list) == ""
    assert check_list.out_of_sight() == []
    check_list.search.setText("product 1")
    qtbot.waitUntil(lambda: _note(check_list) == "Also ticked, out of sight: Product 4")
    check_list.search.clear()
    qtbot.waitUntil(lambda: _note(check_list) == "", timeout=1000)
    qtbot.waitUntil(lambda: check_list.out_of_sight() == [], timeout=1000)  # in sight again
    assert check_list.list.lent == 0


def test_a_list_of_a_fixed_height_keeps_its_note_steady(qtbot):
    """The room a note takes counts only when the list gave it up: a list of a fixed
    height, its ticked row just below its bottom, keeps the note when it is checked again
    (a tick elsewhere), and it does not come and go."""
    check_list = CheckList("fixedList")
    qtbot.addWidget(check_list)
    check_list.set_items([(f"t{i}", f"Type {i}") for i in range(5)], ["t4"])
    check_list.list.setFixedHeight(check_list.list.rows_height(4))
    check_list.show()
    qtbot.waitExposed(check_list)
    check_list.list.scrollToTop()
    qtbot.waitUntil(lambda: _note(check_list) == "Also ticked, out of sight: Type 4")
    said = []
    check_list._out_of_sight_timer.timeout.connect(lambda: said.append(_note(check_list)))
    check_list.set_checked("t0")
    qtbot.waitUntil(lambda: said != [])
    qtbot.wait(50)
    assert set(said) == {"Also ticked, out of sight: Type 4"}
    assert _note(check_list) == "Also ticked, out of sight: Type 4"
