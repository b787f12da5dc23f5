"""Enter in the contacts' find box goes to the first contact found, the keyboard in the
table; the What-If form's Subscriptions say what they count and for which products (QA4)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from canvas_app.ui.main_window import MainWindow
from tests.ui.simulation.test_what_if_keyboard import open_form


def test_enter_in_the_find_box_selects_the_first_match(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    panel.run_to_end()
    qtbot.waitUntil(lambda: panel.runner.done and not panel.runner.running, timeout=30000)
    panel.tabs.setCurrentWidget(panel.contacts)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    model = panel.contacts_model
    assert model.rowCount() >= 2
    wanted = str(model.index(1, 1).data())  # the second contact's email
    find = panel.contacts.find
    find.setFocus()
    QTest.keyClicks(find, wanted)
    QTest.keyClick(find, Qt.Key.Key_Return)  # at once: no wait for typing to pause
    assert model.rowCount() >= 1
    assert all(wanted.lower() in str(model.index(r, 1).data()).lower()
               for r in range(model.rowCount()))
    assert panel.contacts.selected_contact() == model.contact_id(0)
    assert QApplication.focusWidget() is panel.contacts_table
    assert panel.journey.property("contact") == model.contact_id(0)


def test_subscriptions_say_what_they_count(qtbot, window: MainWindow) -> None:
    dialog = open_form(qtbot, window)
    tip = dialog.renewals.toolTip()
    assert "renew" in tip and "subscription" in tip and "only" in tip
    labels = [label for label in dialog.findChildren(type(dialog.purchases_label))
              if label.buddy() is dialog.renewals]
    assert labels and all(label.toolTip() == tip for label in labels)
    assert dialog.renewal_days.toolTip()
    dialog.reject()
