"""The What-If form comes back as it was left with a workspace after a restart: kept per
workspace in the app's settings (a private INI file here), entries that no longer fit the
workspace dropped, a value that is not such a form ignored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox

from canvas_app.sim.what_if import WhatIf
from canvas_app.ui.dialogs.number_field import NumberField
from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.panel_scenarios import (
    DESCRIPTION_MAX,
    FORMS_KEY,
    FORMS_MAX,
    FORMS_MAX_CHARS,
    read_forms,
    write_form,
)
from canvas_app.ui.simulation.what_if_dialog import WhatIfDialog
from tests.ui.canvas.conftest import make_window


def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"  # the one make_window gives every window


def fill_form(dialog: WhatIfDialog) -> None:
    """Entries a user makes: every kind of field, three purchase rows."""
    dialog.description.setText("Spring rush")
    dialog.count.set_text("120")
    dialog.arrival.set_text("10")
    dialog.start.set_text("2026-04-01 09:30")
    dialog.days.set_text("45")
    dialog.campaign.setCurrentIndex(dialog.campaign.findData("checkup-onboarding"))
    dialog.share.set_text("12,5")
    dialog.purchases.setRowCount(0)
    dialog.add_purchase("shock", 40.0, 3)
    dialog.add_purchase("mitt", 15.0, 21)
    dialog.add_purchase("checkup", 10.0, 14)
    set_channel(dialog, 2, "Order form: Classic Order Form (legacy)")
    set_channel(dialog, 0, "Order form: Spring Opening Order Form")
    dialog.payment_type.setCurrentIndex(dialog.payment_type.findData("paypal"))
    dialog.failure.set_text("7")
    dialog.renewals.set_text("3")
    dialog.seed.setValue(7)
    assert not dialog.problems()


def set_channel(dialog: WhatIfDialog, row: int, text: str) -> None:
    channel = dialog.purchases.cellWidget(row, 3)
    assert isinstance(channel, QComboBox)
    index = channel.findText(text)
    assert index >= 0
    channel.setCurrentIndex(index)


def cell_text(dialog: WhatIfDialog, row: int, column: int) -> str:
    cell = dialog.purchases.cellWidget(row, column)
    if isinstance(cell, QComboBox):
        return cell.currentText()
    assert isinstance(cell, NumberField)
    return cell.text()


def rows(dialog: WhatIfDialog) -> list[list[str]]:
    return [[cell_text(dialog, r, c) for c in range(4)] for r in range(dialog.purchases.rowCount())]


def restart(qtbot, window: MainWindow, source: Path, tmp_path: Path) -> WhatIfDialog:
    """Closes the window, starts a new one on the same workspace and settings file (read
    anew from disk), and opens the What-If form there."""
    assert window.close()
    again = make_window(qtbot, str(source), tmp_path)
    return again.simulation_panel.new_what_if()


def edit_workspace(path: Path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")


@pytest.fixture
def fresh(qtbot, tmp_path: Path, sample_file: Path) -> WhatIf:
    """The form as a new one opens on the sample (nothing kept), on a settings file of its
    own."""
    other = tmp_path / "fresh"
    other.mkdir()
    window = make_window(qtbot, str(sample_file), other)
    dialog = window.simulation_panel.new_what_if()
    made = dialog.what_if()
    dialog.reject()
    window.close()
    return made


def test_the_form_comes_back_as_it_was_left_after_a_restart(qtbot, window: MainWindow,
                                                            sample_file: Path,
                                                            tmp_path: Path) -> None:
    dialog = window.simulation_panel.new_what_if()
    fill_form(dialog)
    made = dialog.what_if()
    left = rows(dialog)
    dialog.reject()  # cancelled: kept all the same
    again = restart(qtbot, window, sample_file, tmp_path)
    assert "what_if_forms=" in settings_file(tmp_path).read_text(encoding="utf-8")
    assert again.what_if() == made
    assert rows(again) == left
    assert again.description.text() == "Spring rush"
    assert again.start.text() == "2026-04-01 09:30 UTC"
    assert again.campaign.currentData() == "checkup-onboarding"
    assert again.share.text() == "12.5"
    assert again.payment_type.currentText() == "PayPal"
    assert again.run_button.isEnabled()
    again.reject()


def test_the_form_left_open_when_the_window_closes_comes_back(qtbot, window: MainWindow,
                                                             sample_file: Path,
                                                             tmp_path: Path) -> None:
    """Closed at once after the last entry (before the form would be kept while typing)."""
    dialog = window.simulation_panel.new_what_if()
    fill_form(dialog)
    made = dialog.what_if()
    again = restart(qtbot, window, sample_file, tmp_path)
    assert again.what_if() == made
    again.reject()


def test_what_was_deleted_since_is_dropped_the_rest_kept(qtbot, window: MainWindow,
                                                         sample_file: Path,
                                                         tmp_path: Path) -> None:
    dialog = window.simulation_panel.new_what_if()
    fill_form(dialog)
    made = dialog.what_if()
    left = rows(dialog)
    dialog.reject()
    window.close()

    def delete(data: dict) -> None:
        catalog = data["catalog"]
        catalog["products"] = [p for p in catalog["products"] if p["id"] != "mitt"]
        catalog["order_forms"] = [f for f in catalog["order_forms"]
                                  if f["id"] != "classic-form"]
        for form in catalog["order_forms"]:
            if form["id"] == "spring-form":
                form["name"] = "Spring Opening Form"  # renamed: the same form
        catalog["payment_types"].remove("paypal")
        data["campaigns"] = [c for c in data["campaigns"] if c["id"] != "checkup-onboarding"]

    edit_workspace(sample_file, delete)
    again = make_window(qtbot, str(sample_file), tmp_path).simulation_panel.new_what_if()
    # The mitt's row is gone; the checkup's legacy form is gone: its row is kept, on the
    # cart; the spring form's row keeps its form under its new name.
    assert rows(again) == [
        ["Super Sock It Pool Shock", "40.0", "3", "Order form: Spring Opening Form"],
        left[2][:3] + ["Shopping cart"],
    ]
    assert again.campaign.currentData() == "shock-nurture"  # as a new form chooses it
    assert again.payment_type.currentData() == "credit_card"  # as a new form chooses it
    shown = again.what_if()
    assert (shown.description, shown.count, shown.start, shown.days, shown.share_added,
            shown.failure_rate, shown.renewals, shown.seed) == \
        (made.description, made.count, made.start, made.days, made.share_added,
         made.failure_rate, made.renewals, made.seed)
    assert not again.problems()
    again.reject()


@pytest.mark.parametrize("value", [
    "not json {",
    "[1, 2, 3]",
    '"a string"',
    "{}",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[" * 50,
    ["a", "list", "of", "strings"],
    42,
])
def test_a_value_that_is_no_kept_form_is_ignored(qtbot, sample_file: Path, tmp_path: Path,
                                                 fresh: WhatIf, value: object) -> None:
    settings = QSettings(str(settings_file(tmp_path)), QSettings.Format.IniFormat)
    settings.setValue(FORMS_KEY, value)
    settings.sync()
    window = make_window(qtbot, str(sample_file), tmp_path)
    dialog = window.simulation_panel.new_what_if()
    assert dialog.what_if() == fresh
    assert not dialog.problems()
    dialog.reject()  # and keeping the form now replaces what was there
    assert list(read_forms(window.settings)) == [str(sample_file.resolve())]


def test_garbage_inside_a_kept_form_leaves_those_fields_as_new(qtbot, sample_file: Path,
                                                               tmp_path: Path,
                                                               fresh: WhatIf) -> None:
    garbage = {
        "description": 12, "start": "yesterday", "days": "thirty", "count": -5,
        "arrival_days": None, "campaign": 7, "share_added": 2.5, "failure_rate": True,
        "error_rate": float("nan"), "retry_after_hours": [], "payment": {"x": 1},
        "seed": 10 ** 30, "renewals": 4,
        "purchases": [None, "shock", {"product": 3}, {"product": "gone"},
                      {"product": "stabilizer", "chance": "lots", "within": 9999,
                       "channel": 5, "form": "nope"}],
    }
    settings = QSettings(str(settings_file(tmp_path)), QSettings.Format.IniFormat)
    settings.setValue(FORMS_KEY, json.dumps({str(sample_file.resolve()): garbage}))
    settings.sync()
    window = make_window(qtbot, str(sample_file), tmp_path)
    dialog = window.simulation_panel.new_what_if()
    shown = dialog.what_if()
    # The one sensible number is kept; every other field is as a new form has it.
    assert shown.renewals == 4
    assert shown.description == fresh.description and shown.start == fresh.start
    assert (shown.days, shown.count, shown.share_added, shown.failure_rate,
            shown.error_rate, shown.seed, shown.campaign, shown.payment_types) == \
        (fresh.days, fresh.count, fresh.share_added, fresh.failure_rate, fresh.error_rate,
         fresh.seed, fresh.campaign, fresh.payment_types)
    # The one row whose product is still there, its nonsense left as a new row has it.
    assert rows(dialog) == [["Pool Stabilizer / Conditioner", "20.0", "7", "Shopping cart"]]
    assert not dialog.problems()
    dialog.reject()


def test_each_workspace_keeps_its_own_form(qtbot, window: MainWindow, sample_file: Path,
                                           tmp_path: Path, fresh: WhatIf) -> None:
    panel = window.simulation_panel
    dialog = panel.new_what_if()
    dialog.description.setText("For the sample")
    dialog.reject()
    other = tmp_path / "other.campaign.json"
    other.write_text(sample_file.read_text(encoding="utf-8"), encoding="utf-8")
    assert window.files.open_source(str(other))
    dialog = panel.new_what_if()
    assert dialog.what_if() == fresh  # nothing kept for this one yet
    dialog.description.setText("For the other")
    dialog.reject()
    assert window.files.open_source(str(sample_file))
    dialog = panel.new_what_if()
    assert dialog.description.text() == "For the sample"
    dialog.reject()
    assert set(read_forms(window.settings)) == {str(sample_file.resolve()),
                                                str(other.resolve())}


def test_the_kept_forms_stay_small(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "small.ini"), QSettings.Format.IniFormat)
    form = {"description": "x" * DESCRIPTION_MAX, "purchases": [
        {"product": f"p{i}", "chance": 0.5, "within": 7, "channel": "order_form",
         "form": f"form-{i}"} for i in range(60)]}
    for number in range(FORMS_MAX + 10):
        write_form(settings, f"/work/{number}.campaign.json", form)
    kept = read_forms(settings)
    assert len(kept) <= FORMS_MAX
    assert next(iter(kept)) == f"/work/{FORMS_MAX + 9}.campaign.json"  # the latest first
    assert "/work/0.campaign.json" not in kept  # the oldest went
    assert len(settings.value(FORMS_KEY)) <= FORMS_MAX_CHARS


def test_a_long_form_is_kept_cut_short(qtbot, window: MainWindow, sample_file: Path,
                                       tmp_path: Path) -> None:
    dialog = window.simulation_panel.new_what_if()
    dialog.description.setText("y" * 5000)
    dialog.reject()
    kept = read_forms(window.settings)[str(sample_file.resolve())]
    assert isinstance(kept, dict) and len(kept["description"]) == DESCRIPTION_MAX
    assert len(window.settings.value(FORMS_KEY)) < 2000


def test_an_untitled_workspace_keeps_its_form_for_the_session_only(qtbot,
                                                                  window: MainWindow) -> None:
    assert window.files.new_workspace()
    panel = window.simulation_panel
    dialog = panel.new_what_if()
    dialog.description.setText("Untitled idea")
    dialog.reject()
    assert panel.new_what_if().description.text() == "Untitled idea"
    assert read_forms(window.settings) == {}


def test_a_refused_entry_is_not_kept_the_last_good_form_is(qtbot, window: MainWindow,
                                                           sample_file: Path,
                                                           tmp_path: Path) -> None:
    dialog = window.simulation_panel.new_what_if()
    dialog.count.set_text("250")
    dialog.reject()
    dialog = window.simulation_panel.new_what_if()
    dialog.count.set_text("25o")  # a typo: refused
    dialog.reject()
    again = restart(qtbot, window, sample_file, tmp_path)
    assert again.count.text() == "250"
    again.reject()


def test_entries_are_kept_while_the_form_is_still_open(qtbot, window: MainWindow,
                                                       sample_file: Path) -> None:
    """A crash or a killed app later still finds what was typed a moment before."""
    dialog = window.simulation_panel.new_what_if()
    dialog.description.setText("Typed, not closed")
    key = str(sample_file.resolve())
    qtbot.waitUntil(lambda: isinstance(read_forms(window.settings).get(key), dict)
                    and read_forms(window.settings)[key]["description"] == "Typed, not closed",
                    timeout=3000)
    assert dialog.isVisible()
    dialog.reject()
