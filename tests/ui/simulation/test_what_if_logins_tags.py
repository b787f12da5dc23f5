"""The What-If form's Logins and tags (QA 23g: a what-if could not reach a tag goal whose
tag nothing applies, nor the On Login actions, without hand-writing a scenario file): the
share logging into the cart and a table of tags given, reached by the keyboard, checked as
the file is, kept and read back as every other entry."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel

from canvas_app.sim import Simulation, scenario_from_data
from canvas_app.sim.what_if import WhatIfTag
from canvas_app.ui.dialogs.number_field import NumberField
from canvas_app.ui.dialogs.window_size import room_on_screen
from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.panel_scenarios import form_data, form_from_data
from canvas_app.ui.simulation.what_if_dialog import WhatIfDialog
from canvas_app.ui.simulation.what_if_file import form_entries, not_shown
from tests.ui.dialogs.test_mnemonic_clashes import check
from tests.ui.fonts import app_font_at

from .test_what_if_keyboard import _walk, open_form
from .test_what_if_manage import make_what_if, open_editor

ALT = Qt.KeyboardModifier.AltModifier


def tag_box(dialog: WhatIfDialog, row: int) -> QComboBox:
    box = dialog.tags.cellWidget(row, 0)
    assert isinstance(box, QComboBox)
    return box


def tag_number(dialog: WhatIfDialog, row: int, column: int) -> NumberField:
    cell = dialog.tags.cellWidget(row, column)
    assert isinstance(cell, NumberField)
    return cell


def test_logins_and_tags_make_a_scenario_that_reaches_on_login_and_the_tag_goal(
        qtbot, window: MainWindow) -> None:
    dialog = open_form(qtbot, window)
    assert dialog.tags.rowCount() == 0 and dialog.login.value() == 0.0  # none asked for
    dialog.add_purchase("checkup", 50.0, 2)  # subscribers wait at "Visit booked"
    assert "login_share" not in dialog.what_if().to_data()["population"]
    dialog.tables.setCurrentIndex(1)
    dialog.login.set_text("40")
    dialog.add_tag_button.click()
    # a new row offers the tag the tag goal waits for first, the workspace's tags listed
    box = tag_box(dialog, 0)
    assert box.currentText() == "Visit booked"
    assert box.findText("Logged into cart") >= 0 and box.isEditable()
    tag_number(dialog, 0, 1).set_text("60")
    tag_number(dialog, 0, 2).set_text("30")
    assert dialog.problems() == ""
    what_if = dialog.what_if()
    assert what_if.login_share == 0.4
    assert what_if.tags == [WhatIfTag("Visit booked", 0.6, 30)]
    data = what_if.to_data()
    assert data["population"]["login_share"] == 0.4
    assert data["population"]["tags"] == [{"tag": "Visit booked", "probability": 0.6,
                                           "within": "P30D"}]
    workspace = window.controller.workspace
    data["population"]["count"] = 300
    result = Simulation(workspace, scenario_from_data(data, workspace), journeys="none",
                        log=False).run()
    assert result.action_sets["on_login"] > 0
    assert result.nodes["visit-booked"]["achieved"] > 0
    dialog.reject()


def test_a_tag_given_twice_or_left_empty_is_refused_with_its_row(qtbot,
                                                                 window: MainWindow) -> None:
    dialog = open_form(qtbot, window)
    dialog.tables.setCurrentIndex(1)
    dialog.add_tag("VIP", 10.0, 3)
    dialog.add_tag("Gold", 10.0, 3)
    dialog.add_tag(" VIP ", 20.0, 3)  # the spaces at its ends are not part of it
    assert dialog.problem.text() == ('The tag "VIP" is in tag rows 1 and 3: give each tag one '
                                     "row (a contact is given it at most once)")
    assert not dialog.run_button.isEnabled()
    tag_box(dialog, 2).setEditText("   ")
    assert dialog.problem.text() == ("Tag row 3: a tag cannot be empty or spaces only: "
                                     "choose or type one")
    assert not dialog.run_button.isEnabled()
    tag_box(dialog, 2).setEditText("Newsletter")
    assert dialog.problem.text() == "" and dialog.run_button.isEnabled()
    tag_number(dialog, 1, 1).set_text("150")
    assert dialog.problem.text().startswith("Tag row 2: the chance")
    dialog.login.set_text("-5")
    assert "The share logging into the cart" in dialog.problem.text()
    assert not dialog.run_button.isEnabled()
    dialog.reject()


def test_the_tags_page_is_reached_and_walked_by_the_keyboard(qtbot,
                                                              window: MainWindow) -> None:
    dialog = open_form(qtbot, window)
    dialog.share.setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, ALT)  # Logi&ns and tags
    qtbot.waitUntil(lambda: dialog.tables.currentIndex() == 1, timeout=3000)
    check(dialog, "What-If form, Logins and tags")  # no Alt+letter given twice
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_O, ALT)  # L&og into the cart
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.login, timeout=3000)
    dialog.add_tag_row()
    assert QApplication.focusWidget() is tag_box(dialog, 0)  # the new row is filled in
    dialog.add_tag("VIP", 5.0, 2)
    cells = [dialog.tags.cellWidget(r, c) for r in range(2) for c in range(3)]
    expected = [dialog.tables.tabBar(), dialog.login, *cells, dialog.add_tag_button,
                dialog.remove_tag_button, dialog.payment_type]
    dialog.share.setFocus()
    assert _walk(qtbot, dialog, Qt.Key.Key_Tab, len(expected)) == expected
    assert dialog.tags.currentRow() == 1  # the row of the cell reached is the one chosen
    # Remove tag takes the row being edited
    tag_box(dialog, 0).setFocus()
    dialog.remove_tag_button.click()
    assert dialog.chosen_tags() == ["VIP"]
    # back to the purchases: Alt+U
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_U, ALT)
    qtbot.waitUntil(lambda: dialog.tables.currentIndex() == 0, timeout=3000)
    check(dialog, "What-If form, Purchases")
    dialog.reject()


def test_the_new_fields_are_named_and_say_what_they_do(qtbot, window: MainWindow) -> None:
    dialog = open_form(qtbot, window)
    dialog.tables.setCurrentIndex(1)
    dialog.add_tag("VIP")
    dialog.add_tag("Gold")
    assert dialog.login.accessibleName() == "Log into the cart (%)"
    assert "On Login" in dialog.login.toolTip()
    assert dialog.tags.accessibleName() == "Tags applied"
    assert [dialog.tags.cellWidget(1, c).accessibleName() for c in range(3)] == [
        "Tag, tag 2", "Chance (%), tag 2", "Within (days), tag 2"]
    assert tag_box(dialog, 0).toolTip() and tag_number(dialog, 0, 2).toolTip()
    labels = [w for w in dialog.findChildren(QLabel) if w.buddy() is dialog.login]
    assert labels and labels[0].text() == "L&og into the cart:"
    assert dialog.tables.tabText(1) == "Logi&ns and tags"
    dialog.reject()


def test_the_form_fits_the_screen_with_its_tags_on_show(qtbot, window: MainWindow) -> None:
    for _font in app_font_at(14.0):
        dialog = WhatIfDialog(window.controller.workspace, "shock-nurture")
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.tables.setCurrentIndex(1)
        for tag in ("VIP", "Gold", "Silver"):
            dialog.add_tag(tag)
        QApplication.processEvents()
        room = room_on_screen(dialog)
        assert room is not None
        assert dialog.minimumSizeHint().width() <= room.width()
        assert dialog.minimumSizeHint().height() <= room.height()
        assert dialog.width() <= room.width() and dialog.height() <= room.height()
        dialog.reject()


def test_kept_and_read_back_as_the_other_entries(qtbot, window: MainWindow) -> None:
    dialog = open_form(qtbot, window)
    dialog.login.set_text("12.5")
    dialog.add_tag("Visit booked", 30.0, 10)
    dialog.add_tag("A new tag", 5.0, 2)
    made = dialog.what_if()
    workspace = window.controller.workspace
    again = form_from_data(json.loads(json.dumps(form_data(made))), workspace,
                           dialog.what_if())
    assert again is not None
    assert (again.login_share, again.tags) == (0.125, made.tags)
    # a file's entries, as Edit What-If reads them: the form shows all of it
    file_data = made.to_data()
    entries = form_entries(file_data)
    assert entries is not None
    assert entries["login_share"] == 0.125
    assert entries["tags"] == [{"tag": "Visit booked", "chance": 0.3, "within": 10.0},
                               {"tag": "A new tag", "chance": 0.05, "within": 2.0}]
    fresh = WhatIfDialog(workspace, "shock-nurture")
    qtbot.addWidget(fresh)
    shown = form_from_data(entries, workspace, fresh.what_if())
    assert shown is not None
    fresh.fill(shown)
    assert fresh.what_if().to_data()["population"] == file_data["population"]
    assert not_shown(file_data, fresh.what_if().to_data()) == []
    # what the form cannot show of a file is said
    file_data["population"]["tags"][0]["within"] = "PT12H"
    assert not_shown(file_data, fresh.what_if().to_data()) == [
        "the tags applied (a chance or a number of days the form cannot show)"]
    dialog.reject()
    fresh.reject()


def test_edit_what_if_opens_on_its_logins_and_tags(qtbot, window: MainWindow,
                                                   tmp_path: Path) -> None:
    panel = window.simulation_panel
    panel.scenario_dir = tmp_path / "scenarios"
    path = make_what_if(qtbot, panel, "Logins", 120)
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    data["population"]["login_share"] = 0.3
    data["population"]["tags"] = [{"tag": "Visit booked", "probability": 0.25,
                                   "within": "P9D"}]
    Path(path).write_text(json.dumps(data), encoding="utf-8")
    dialog = open_editor(qtbot, panel)
    assert dialog.login.value() == 30.0
    assert dialog.chosen_tags() == ["Visit booked"]
    assert tag_number(dialog, 0, 1).value() == 25.0 and tag_number(dialog, 0, 2).value() == 9
    assert dialog.not_shown.isHidden()  # all of it shown
    dialog.reject()
