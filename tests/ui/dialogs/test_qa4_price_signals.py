"""QA4: the price field gave mixed signals. "1e3" left "13" with a red frame and a red
"Not taken: e" while Save was enabled; then "-5" showed "cannot be negative" with the old
"e" note still on screen. A refused key is a notice, as at the app's other number fields:
the price kept (13) is not marked red and Save takes it; one message at a time, the old
note going as the text becomes refused."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolTip

from canvas_app.ui.dialogs.catalog_item import CatalogItemDialog

from .helpers import open_catalog


def add_product(qtbot, workspace, undo_stack) -> CatalogItemDialog:
    """Catalog > Add product, with a name typed and the price field clicked into."""
    catalog = open_catalog(qtbot, workspace, undo_stack)
    catalog.activateWindow()
    qtbot.waitUntil(catalog.isActiveWindow)
    qtbot.mouseClick(catalog.add_buttons["products"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: catalog.item_dialog is not None and catalog.item_dialog.isVisible())
    dialog = catalog.item_dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClicks(dialog.name_edit, "Chlorine Tablets")
    price = dialog.price_spin
    qtbot.mouseClick(price.lineEdit(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(price.hasFocus)
    price.selectAll()
    return dialog


def test_a_refused_key_that_leaves_a_price_is_a_notice(qtbot, workspace,
                                                       undo_stack) -> None:
    dialog = add_product(qtbot, workspace, undo_stack)
    price = dialog.price_spin
    qtbot.keyClicks(price, "1e3")
    assert price.text() == "13" and price.refusal().startswith('Not taken: "e"')
    assert "Not taken" in dialog.problem_label.text()  # said...
    assert not dialog.problem_label.property("invalid")
    assert dialog.problem_label.property("notice")  # ...as a notice, not a problem
    assert not price.property("invalid")  # no red frame: 13 is a price
    assert dialog.save_button.isEnabled()


def test_one_message_at_a_time(qtbot, workspace, undo_stack) -> None:
    dialog = add_product(qtbot, workspace, undo_stack)
    price = dialog.price_spin
    qtbot.keyClicks(price, "1e3")
    QToolTip.showText(price.mapToGlobal(price.rect().bottomLeft()), price.refusal(), price)
    qtbot.keyClick(price, Qt.Key.Key_Home)
    qtbot.keyClicks(price, "-")  # typed on: "-13" is refused itself
    assert price.text() == "-13"
    assert dialog.problem_label.text().rstrip(".") == "The price cannot be negative"
    assert price.refusal() == "" and "Not taken" not in price.toolTip()
    qtbot.waitUntil(lambda: not (QToolTip.isVisible() and "Not taken" in QToolTip.text()),
                    timeout=2000)  # the note on screen goes (Qt fades it out)
    assert price.property("invalid") and not dialog.save_button.isEnabled()
    price.selectAll()
    qtbot.keyClicks(price, "5")
    assert dialog.problem_label.text() == "" and dialog.save_button.isEnabled()
    assert QApplication.focusWidget() is price and price.value() == 5
