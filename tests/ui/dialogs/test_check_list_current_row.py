"""QA: clicking a check list's box ticked it but left no current row, so the arrow keys and
Space then started from the top instead of from the row just ticked."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from canvas_app.ui.dialogs.check_list import CheckList


def test_ticking_a_box_makes_its_row_current_and_the_keys_go_on_from_there(qtbot) -> None:
    checks = CheckList("products", "Search products")
    qtbot.addWidget(checks)
    checks.set_items([(f"p{i}", f"Product {i}") for i in range(8)])
    checks.resize(300, 300)
    checks.show()
    qtbot.waitExposed(checks)
    rows = checks.list
    box = rows.visualItemRect(rows.item(3))
    QTest.mouseClick(rows.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, QPoint(box.left() + 8, box.center().y()))
    assert checks.checked_ids() == ["p3"]
    assert rows.currentRow() == 3
    QTest.keyClick(rows, Qt.Key.Key_Down)
    QTest.keyClick(rows, Qt.Key.Key_Space)
    assert checks.checked_ids() == ["p3", "p4"]
