"""A contact's journey opens at its first step; it follows new steps only while the user is
at its end, as a log does."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from canvas_app.ui.main_window import MainWindow

from .test_simulation_panel import run_to_finish


def test_a_chosen_contacts_journey_opens_at_its_first_step(qtbot, window: MainWindow) -> None:
    window.resize(1280, 800)
    window.show_simulation_panel()
    run_to_finish(qtbot, window)
    panel = window.simulation_panel
    panel.tabs.setCurrentWidget(panel.contacts)
    tab = panel.contacts
    qtbot.wait(50)
    longest = max(range(tab.model.rowCount()),
                  key=lambda r: len(tab.sim.contacts[tab.model.contact_id(r)].journey.flat))
    tab.select_contact(tab.model.contact_id(longest))
    QApplication.processEvents()
    bar = tab.journey.verticalScrollBar()
    assert bar.maximum() > 0  # longer than the pane: there is an end to hide the start
    assert bar.value() == 0
    first = tab.journey.topLevelItem(0)
    assert tab.journey.visualItemRect(first).top() == 0
    # New steps of the same contact (as while a run plays): the place the user scrolled
    # to stays; at the end, the view follows the end.
    contact = tab.selected_contact()
    assert contact is not None
    bar.setValue(bar.maximum() // 2)
    kept = bar.value()
    tab._shown -= 1  # as if a step had been added since
    tab.show_journey(contact)
    assert bar.value() == kept
    bar.setValue(bar.maximum())
    tab._shown -= 1
    tab.show_journey(contact)
    assert bar.value() == bar.maximum()
    # Another contact, then this one again: from the start.
    other = tab.model.contact_id(0 if longest else 1)
    tab.select_contact(other)
    tab.select_contact(contact)
    assert tab.journey.verticalScrollBar().value() == 0
