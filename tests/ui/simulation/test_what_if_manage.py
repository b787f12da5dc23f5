"""A what-if made in the app can be edited (its form opens on its entries; Save replaces it
in place) and removed (after a question naming it; its file and the settings' memory of it
go), both lasting after a restart on the same settings file. Samples and scenario files the
user opened are not the app's: Edit and Remove are disabled for them and say why."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QMessageBox

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.panel import SimulationPanel
from canvas_app.ui.simulation.panel_scenarios import NONE_FITS
from canvas_app.ui.simulation.scenario_box import RECENT_KEY, USED_WITH_KEY
from canvas_app.ui.simulation.what_if_dialog import EDIT_TITLE, WhatIfDialog
from tests.ui.canvas.conftest import make_window

from .conftest import SCENARIO
from .test_scenario_choice import own_workspace


def make_what_if(qtbot, panel: SimulationPanel, description: str, count: int) -> str:
    """A what-if made with New What-If Scenario…: typed into, created and run, paused."""
    dialog = panel.new_what_if()
    qtbot.waitExposed(dialog)
    dialog.description.setText(description)
    dialog.count.set_text(str(count))
    dialog.run_button.click()
    panel.runner.pause()
    assert panel.runner.loaded
    return panel.selected_scenario()


def choose(qtbot, panel: SimulationPanel, path: str) -> None:
    """Chooses the scenario in the Scenario box's list with the mouse."""
    box = panel.scenario_combo
    box.showPopup()
    view = box.view()
    qtbot.waitUntil(view.isVisible, timeout=3000)
    index = view.model().index(box.findData(path), 0)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=3000)
    assert panel.selected_scenario() == path


def context_menu(qtbot, panel: SimulationPanel) -> QMenu:
    """The Scenario box's context menu, as a right click on it opens it."""
    box = panel.scenario_combo
    centre = box.rect().center()
    QApplication.sendEvent(box, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, centre,
                                                  box.mapToGlobal(centre)))
    menu = box.menu
    assert menu is not None
    qtbot.waitExposed(menu)
    return menu


def item(menu: QMenu, text: str) -> QAction:
    found = [a for a in menu.actions() if a.text().replace("&", "") == text]
    assert found, [a.text() for a in menu.actions()]
    return found[0]


def click_item(qtbot, menu: QMenu, text: str) -> None:
    action = item(menu, text)
    assert action.isEnabled()
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton,
                     pos=menu.actionGeometry(action).center())


def open_editor(qtbot, panel: SimulationPanel) -> WhatIfDialog:
    click_item(qtbot, context_menu(qtbot, panel), "Edit What-If Scenario…")
    dialog = panel.what_if_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def settings_of(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def restart(qtbot, window: MainWindow, source: Path, tmp_path: Path) -> SimulationPanel:
    """A new window on the same workspace and settings file (read anew from disk), its
    what-ifs kept in the same folder as before."""
    folder = window.simulation_panel.scenario_dir
    assert window.close()
    again = make_window(qtbot, str(source), tmp_path)
    again.simulation_panel.scenario_dir = folder
    again.simulation_panel._update_controls()
    return again.simulation_panel


def test_edit_opens_the_form_on_the_what_if_and_save_replaces_it_in_place(
        qtbot, window: MainWindow, sample_file: Path, tmp_path: Path) -> None:
    panel = window.simulation_panel
    panel.scenario_dir = tmp_path / "scenarios"
    first = make_what_if(qtbot, panel, "Spring rush", 120)
    second = make_what_if(qtbot, panel, "Autumn lull", 40)
    box = panel.scenario_combo
    choose(qtbot, panel, first)
    row, others = box.findData(first), [box.itemData(i) for i in range(box.count())]
    old_run = panel.runner.simulation
    assert old_run is not None and old_run.processed == 0  # choosing set a run of it up

    dialog = open_editor(qtbot, panel)
    assert dialog.windowTitle() == f"{EDIT_TITLE} — Spring rush (what-if 1)"
    assert dialog.run_button.text() == "Save Chan&ges"  # a letter no field label has
    labels = [w.text() for w in dialog.findChildren(QLabel) if "&" in w.text()]
    assert not any("&g" in text.lower() for text in labels)
    assert dialog.description.text() == "Spring rush"
    assert dialog.count.text() == "120"
    dialog.count.set_text("250")
    dialog.description.setText("Spring rush, bigger")
    dialog.run_button.click()

    data = json.loads(Path(first).read_text(encoding="utf-8"))
    assert data["population"]["count"] == 250
    assert data["description"] == "Spring rush, bigger"
    assert [box.itemData(i) for i in range(box.count())] == others  # the same place
    assert box.currentIndex() == row
    assert box.currentText() == "Spring rush, bigger (what-if 1)"
    # A run of it set up again, paused at its start, as choosing it does.
    assert panel.runner.simulation is not old_run
    assert panel.runner.scenario_path == first and panel.runner.simulation.processed == 0
    made_up = [c for c in panel.runner.simulation.contacts if c.startswith("p-")]
    assert len(made_up) == 250  # the run is of the scenario as edited
    assert json.loads(Path(second).read_text(encoding="utf-8"))["population"]["count"] == 40

    # The next start lists it as edited, and its form opens on the new entries.
    again = restart(qtbot, window, sample_file, tmp_path)
    assert again.scenario_combo.itemText(again.scenario_combo.findData(first)) \
        == "Spring rush, bigger (what-if 1)"
    choose(qtbot, again, first)
    dialog = open_editor(qtbot, again)
    assert dialog.count.text() == "250"
    dialog.reject()


def test_edit_then_save_untouched_writes_the_same_file(qtbot, window: MainWindow,
                                                      tmp_path: Path) -> None:
    """The form reads every entry back from the file as it was made: a what-if with a
    campaign, purchases over channels, a payment mix, failures and renewals."""
    panel = window.simulation_panel
    panel.scenario_dir = tmp_path / "scenarios"
    dialog = panel.new_what_if()
    from .test_what_if_memory import fill_form

    fill_form(dialog)
    dialog.retry.set_text("40")
    dialog.retry_hours.set_text("12")
    dialog.run_button.click()
    panel.runner.pause()
    path = Path(panel.selected_scenario())
    before = path.read_bytes()
    editor = open_editor(qtbot, panel)
    assert editor.what_if() == dialog.what_if()
    editor.run_button.click()
    assert path.read_bytes() == before


def test_cancel_changes_nothing(qtbot, window: MainWindow, tmp_path: Path) -> None:
    panel = window.simulation_panel
    panel.scenario_dir = tmp_path / "scenarios"
    path = make_what_if(qtbot, panel, "Spring rush", 120)
    before, run = Path(path).read_bytes(), panel.runner.simulation
    dialog = open_editor(qtbot, panel)
    dialog.count.set_text("999")
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert Path(path).read_bytes() == before
    assert panel.runner.simulation is run
    assert panel.scenario_combo.currentText() == "Spring rush (what-if 1)"


def test_remove_asks_naming_it_deletes_it_and_chooses_a_neighbour(
        qtbot, window: MainWindow, sample_file: Path, tmp_path: Path) -> None:
    panel = window.simulation_panel
    panel.scenario_dir = tmp_path / "scenarios"
    first = make_what_if(qtbot, panel, "Spring rush", 120)
    second = make_what_if(qtbot, panel, "Autumn lull", 40)
    box = panel.scenario_combo
    # Simulate > Remove What-If Scenario…, from the keyboard (Alt+S, then its letter).
    simulate = window.menus["simulate"]
    texts = [a.text() for a in simulate.actions()]
    new_at = texts.index("New &What-If Scenario…")
    assert texts[new_at + 1:new_at + 3] == ["Ed&it What-If Scenario…",
                                            "Re&move What-If Scenario…"]
    choose(qtbot, panel, first)
    row = box.findData(first)

    def remove_from_menu() -> QMessageBox:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
        QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(simulate.isVisible, timeout=3000)
        QTest.keyClick(simulate, Qt.Key.Key_M)
        qtbot.waitUntil(lambda: panel.remove_box is not None
                        and panel.remove_box.isVisible(), timeout=3000)
        return panel.remove_box

    question = remove_from_menu()
    assert question.text().startswith("Remove the what-if “Spring rush (what-if 1)”?")
    assert question.defaultButton() is question.button(QMessageBox.StandardButton.Cancel)
    QTest.keyClick(question, Qt.Key.Key_Escape)  # not after all
    qtbot.waitUntil(lambda: panel.remove_box is None, timeout=3000)
    assert Path(first).exists() and box.findData(first) == row

    question = remove_from_menu()
    remove = question.button(QMessageBox.StandardButton.Yes)
    assert remove.text().replace("&", "") == "Remove"
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.findData(first) < 0, timeout=3000)
    assert not Path(first).exists()
    # The one after it in the list is chosen, and taken as choosing it does: its run.
    assert panel.selected_scenario() == second and box.currentIndex() == row
    assert panel.runner.scenario_path == second
    settings = settings_of(tmp_path)
    assert first not in (settings.value(RECENT_KEY) or [])
    assert first not in json.loads(settings.value(USED_WITH_KEY)).values()

    again = restart(qtbot, window, sample_file, tmp_path)
    listed = [again.scenario_combo.itemData(i) for i in range(again.scenario_combo.count())]
    assert first not in listed and second in listed


def test_removing_the_only_fitting_scenario_leaves_none_chosen(
        qtbot, window: MainWindow, tmp_path: Path) -> None:
    """In a workspace the samples do not fit, the what-if removed was the only choice:
    none is chosen, its run is forgotten, and the panel says how to make one."""
    mine = own_workspace(tmp_path)
    assert window.files.open_source(str(mine))
    panel = window.simulation_panel
    panel.scenario_dir = tmp_path / "scenarios"
    path = make_what_if(qtbot, panel, "Mine", 30)
    click_item(qtbot, context_menu(qtbot, panel), "Remove What-If Scenario…")
    question = panel.remove_box
    assert question is not None
    qtbot.waitExposed(question)
    qtbot.mouseClick(question.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not Path(path).exists(), timeout=3000)
    assert panel.selected_scenario() is None
    assert not panel.runner.loaded
    assert panel.notice.isVisible() and NONE_FITS in panel.notice.text()
    assert not panel.actions_by_name["remove_what_if"].isEnabled()


def test_samples_and_opened_files_cannot_be_edited_or_removed(
        qtbot, window: MainWindow, tmp_path: Path) -> None:
    panel = window.simulation_panel
    panel.scenario_dir = tmp_path / "scenarios"
    make_what_if(qtbot, panel, "Spring rush", 120)
    menu = context_menu(qtbot, panel)
    assert item(menu, "Edit What-If Scenario…").isEnabled()
    menu.close()

    choose(qtbot, panel, str(SCENARIO))  # a sample
    menu = context_menu(qtbot, panel)
    for text in ("Edit What-If Scenario…", "Remove What-If Scenario…"):
        action = item(menu, text)
        assert not action.isEnabled()
        assert action.toolTip().startswith("pool-store.scenario.json is a sample that comes "
                                           "with the app: only what-ifs made with New")
    menu.close()

    # A file the user opened, even one named like a what-if, is theirs: it stays.
    theirs = tmp_path / "elsewhere" / "what-if-1.scenario.json"
    theirs.parent.mkdir()
    shutil.copy(panel.scenario_dir / "what-if-1.scenario.json", theirs)
    panel.ask_scenario = lambda _start: str(theirs)
    panel.actions_by_name["open"].trigger()
    assert panel.selected_scenario() == str(theirs)
    menu = context_menu(qtbot, panel)
    action = item(menu, "Remove What-If Scenario…")
    assert not action.isEnabled() and "a scenario file you opened" in action.toolTip()
    menu.close()
    assert panel.remove_what_if() is None and panel.edit_what_if() is None
    assert theirs.exists()


def test_the_edit_form_says_what_of_the_file_it_cannot_show(
        qtbot, window: MainWindow, tmp_path: Path) -> None:
    """QA 22i: a what-if of a campaign since deleted, or with numbers out of the form's
    range, opened showing other entries, and Save wrote them, without a word."""
    panel = window.simulation_panel
    panel.scenario_dir = tmp_path / "scenarios"
    path = make_what_if(qtbot, panel, "Spring rush", 120)
    dialog = open_editor(qtbot, panel)
    assert dialog.not_shown.isHidden()  # a file the form wrote: all of it shown
    dialog.reject()
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    data["population"]["count"] = 5_000_000
    data["population"]["campaign"] = "gone-campaign"
    data["population"]["payment_types"] = {"credit_card": 0.5, "paypal": 0.5}
    Path(path).write_text(json.dumps(data), encoding="utf-8")
    dialog = open_editor(qtbot, panel)
    assert dialog.not_shown.isVisible()
    said = dialog.not_shown.text()
    assert said == (
        "The form cannot show what the file has for the number of visitors (5,000,000: out "
        'of the form\'s range); the campaign ("gone-campaign", not in this workspace); the '
        "payment types (a mix of payment types the form has no choice for). It shows its "
        "own, and Save Changes writes what it shows.")
    assert dialog.description.accessibleDescription() == said  # read out with the field
    dialog.reject()


def test_the_edit_form_shows_a_description_as_it_is_written(
        qtbot, window: MainWindow, tmp_path: Path) -> None:
    """QA 22i: "été <b>rush</b>" showed "rush" in bold in the form's intro."""
    panel = window.simulation_panel
    panel.scenario_dir = tmp_path / "scenarios"
    path = make_what_if(qtbot, panel, "été <b>rush</b>", 120)
    choose(qtbot, panel, path)
    dialog = open_editor(qtbot, panel)
    assert dialog.intro.textFormat() == Qt.TextFormat.PlainText
    assert "été <b>rush</b>" in dialog.intro.text()
    dialog.reject()


def test_a_what_if_file_spoilt_since_says_why_it_cannot_be_edited(
        qtbot, window: MainWindow, tmp_path: Path) -> None:
    panel = window.simulation_panel
    panel.scenario_dir = tmp_path / "scenarios"
    path = make_what_if(qtbot, panel, "Spring rush", 120)
    Path(path).write_text('{"description": "cut short', encoding="utf-8")  # by hand
    click_item(qtbot, context_menu(qtbot, panel), "Edit What-If Scenario…")
    qtbot.waitUntil(panel.notice.isVisible, timeout=3000)
    # the loader's words, as the panel says them of the same file (QA 22i: Python's)
    assert panel.notice.text().startswith(f"Cannot edit the what-if: {path}: ")
    assert "line 1 column 17: malformed JSON: a string starts here and never ends" \
        in panel.notice.text()
    assert "char " not in panel.notice.text()
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, WhatIfDialog) and w.isVisible()]  # no form opened


def test_a_what_if_whose_campaign_went_says_to_edit_it(qtbot, window: MainWindow,
                                                       tmp_path: Path) -> None:
    """QA 22i: it said to make a new scenario, though Edit What-If is the way for one made
    in the app."""
    panel = window.simulation_panel
    panel.scenario_dir = tmp_path / "scenarios"
    path = make_what_if(qtbot, panel, "Spring rush", 50)
    campaign = json.loads(Path(path).read_text(encoding="utf-8"))["population"]["campaign"]
    window.controller.delete_campaign(campaign)
    panel.select_scenario(path)
    assert not panel.load()
    assert "Edit What-If Scenario…" in panel.notice.text()
    assert "make a new scenario" not in panel.notice.text()
