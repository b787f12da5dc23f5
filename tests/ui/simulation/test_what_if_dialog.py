"""New What-If: a population scenario from a form, saved, listed and run."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from canvas_app.io import load_workspace
from canvas_app.sim import load_scenario
from canvas_app.ui.dialogs.number_field import NumberField
from canvas_app.ui.main_window import MainWindow

from .conftest import SAMPLE


def test_form_starts_from_what_the_campaign_sells(qtbot, window: MainWindow) -> None:
    dialog = window.simulation_panel.new_what_if()
    assert dialog.campaign.currentData() == "shock-nurture"  # the campaign on show
    product = dialog.purchases.cellWidget(0, 0)
    assert isinstance(product, QComboBox) and product.currentData() == "shock"
    assert dialog.run_button.isEnabled()
    dialog.reject()


def test_the_share_added_is_off_while_no_campaign_is_chosen(qtbot, window: MainWindow) -> None:
    dialog = window.simulation_panel.new_what_if()
    assert dialog.share.isEnabled()
    dialog.campaign.setCurrentIndex(dialog.campaign.findData(None))  # they only shop
    assert not dialog.share.isEnabled()
    dialog.campaign.setCurrentIndex(dialog.campaign.findData("shock-nurture"))
    assert dialog.share.isEnabled()
    dialog.reject()


def test_impossible_settings_keep_create_disabled(qtbot, window: MainWindow) -> None:
    dialog = window.simulation_panel.new_what_if()
    dialog.failure.setValue(80.0)
    dialog.error.setValue(30.0)
    assert not dialog.run_button.isEnabled()
    assert "cannot pass 100 %" in dialog.problem.text()
    dialog.error.setValue(0.0)
    assert dialog.run_button.isEnabled()
    dialog.arrival.setValue(60)  # arriving over 60 days, simulated for 30
    assert not dialog.run_button.isEnabled()
    assert "still be arriving" in dialog.problem.text()
    dialog.reject()


def test_create_and_run_saves_lists_and_runs_the_scenario(qtbot, window: MainWindow,
                                                          tmp_path: Path) -> None:
    panel = window.simulation_panel
    panel.scenario_dir = tmp_path / "scenarios"
    panel.speed_combo.setCurrentIndex(panel.speed_combo.count() - 1)  # as fast as possible
    dialog = panel.new_what_if()
    dialog.count.setValue(120)
    chance = dialog.purchases.cellWidget(0, 1)
    assert isinstance(chance, NumberField)
    chance.setValue(50.0)
    dialog.add_purchase("checkup", 10.0, 14)
    dialog.run_button.click()
    saved = tmp_path / "scenarios" / "what-if-1.scenario.json"
    assert saved.exists()
    assert panel.selected_scenario() == str(saved)
    assert panel.runner.running
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["population"]["count"] == 120
    assert [p["product"] for p in data["population"]["purchases"]] == ["shock", "checkup"]
    assert data["population"]["purchases"][0]["probability"] == 0.5
    workspace = load_workspace(SAMPLE)
    assert load_scenario(saved, workspace).population is not None  # the CLI reads it too
    qtbot.waitUntil(lambda: panel.runner.done, timeout=20000)
    assert panel.runner.simulation.counts()["bought-shock"]["achieved"] > 0
    # A second one gets the next number; the first stays listed.
    panel.new_what_if().run_button.click()
    assert (tmp_path / "scenarios" / "what-if-2.scenario.json").exists()
    assert panel.scenario_combo.findData(str(saved)) >= 0


def test_scenarios_made_or_opened_are_listed_at_the_next_start(qtbot, window: MainWindow,
                                                               sample_file: Path,
                                                               tmp_path: Path) -> None:
    from tests.ui.canvas.conftest import make_window

    panel = window.simulation_panel
    panel.scenario_dir = tmp_path / "scenarios"
    panel.new_what_if().run_button.click()
    panel.runner.pause()
    made = str(tmp_path / "scenarios" / "what-if-1.scenario.json")
    again = make_window(qtbot, str(sample_file), tmp_path)  # the same settings file
    box = again.simulation_panel.scenario_combo
    index = box.findData(made)
    assert index >= 0
    tooltip = box.itemData(index, Qt.ItemDataRole.ToolTipRole)
    assert tooltip == f"What if visitors arrive and some buy?\n{made}"  # about it, its file
    assert box.itemText(index) == "What if visitors arrive and some buy? (what-if 1)"
    assert box.itemText(box.count() - 1) == "Open Scenario…"


def test_remove_takes_the_row_being_edited(qtbot, window: MainWindow) -> None:
    dialog = window.simulation_panel.new_what_if()
    qtbot.waitExposed(dialog)
    dialog.add_purchase("checkup", 10.0, 14)
    dialog.add_purchase("mitt", 5.0, 3)
    first_product = dialog.purchases.cellWidget(0, 0)
    first_product.setFocus()  # as a click into the first row's product box does
    qtbot.waitUntil(lambda: dialog.purchases.currentRow() == 0, timeout=2000)
    dialog.remove_button.click()
    products = [dialog.purchases.cellWidget(r, 0).currentData()
                for r in range(dialog.purchases.rowCount())]
    assert products == ["checkup", "mitt"]
    dialog.reject()


def test_with_no_products_add_purchase_is_off_and_says_why(qtbot, window: MainWindow) -> None:
    assert window.files.new_workspace()
    assert not window.controller.workspace.catalog.products
    dialog = window.simulation_panel.new_what_if()
    assert dialog.purchases.rowCount() == 0
    assert not dialog.add_button.isEnabled()
    assert dialog.add_button.toolTip() == "The catalog has no products yet"
    assert dialog.add_purchase() == -1  # nothing added, no blank product row
    assert dialog.purchases.rowCount() == 0
    assert dialog.problem.text() == "" and dialog.run_button.isEnabled()
    dialog.reject()


def test_one_product_in_two_rows_is_refused(qtbot, window: MainWindow) -> None:
    dialog = window.simulation_panel.new_what_if()
    assert dialog.purchases.rowCount() == 1  # shock, what the campaign's goal looks for
    dialog.add_purchase("shock", 10.0)
    assert not dialog.run_button.isEnabled()
    assert dialog.problem.text().startswith('"Super Sock It Pool Shock" is in rows 1 and 2')
    second = dialog.purchases.cellWidget(1, 0)
    assert isinstance(second, QComboBox)
    second.setCurrentIndex(second.findData("mitt"))
    assert dialog.run_button.isEnabled() and dialog.problem.text() == ""
    dialog.reject()


def test_add_purchase_picks_a_product_not_chosen_yet(qtbot, window: MainWindow) -> None:
    dialog = window.simulation_panel.new_what_if()
    products = list(window.controller.workspace.catalog.products)
    while dialog.add_button.isEnabled():
        dialog.add_button.click()
    chosen = [dialog.purchases.cellWidget(r, 0).currentData()
              for r in range(dialog.purchases.rowCount())]
    assert sorted(chosen) == sorted(products)  # each once, then the button stops
    assert dialog.add_button.toolTip() == "Every product in the catalog has a row already"
    assert dialog.run_button.isEnabled()
    dialog.reject()


def test_paid_later_says_what_it_means(qtbot, window: MainWindow) -> None:
    dialog = window.simulation_panel.new_what_if()
    tip = dialog.retry.toolTip()
    assert "declined" in tip and "later" in tip and "after" in tip
    dialog.reject()


def test_typed_numbers_and_dates_are_read_as_meant_or_refused(qtbot,
                                                             window: MainWindow) -> None:
    from datetime import UTC, datetime

    dialog = window.simulation_panel.new_what_if()
    dialog.share.set_text("12,5")  # a comma is a decimal mark, as many people type it
    assert dialog.run_button.isEnabled()
    assert dialog.what_if().share_added == 0.125
    dialog.share.set_text("-3")
    assert not dialog.run_button.isEnabled()
    assert dialog.problem.text().startswith("The share added to the campaign")
    dialog.share.set_text("80")
    chance = dialog.purchases.cellWidget(0, 1)
    assert isinstance(chance, NumberField)
    chance.set_text("abc")
    assert not dialog.run_button.isEnabled()
    assert dialog.problem.text().startswith('Row 1: the chance "abc" is not a number')
    chance.set_text("30")
    dialog.start.set_text("2026-02-30 09:00")  # does not exist: refused, not moved
    assert not dialog.run_button.isEnabled()
    assert "February 2026 has 28 days" in dialog.problem.text()
    dialog.start.set_text("2026-03-01 09:00")
    assert dialog.run_button.isEnabled()
    assert dialog.what_if().start == datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    dialog.reject()


def test_every_problem_is_listed_not_only_the_first(qtbot, window: MainWindow) -> None:
    """QA: 0 visitors and a 150 % share turned both fields red, but only the visitors'
    message showed."""
    dialog = window.simulation_panel.new_what_if()
    dialog.show()
    dialog.count.set_text("0")
    dialog.share.set_text("150")
    lines = dialog.problem.text().split("\n")
    assert len(lines) == 2, lines
    assert lines[0] == dialog.count.problem()
    assert lines[1] == dialog.share.problem()
    assert lines[1].startswith("The share added to the campaign")
    assert not dialog.run_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.problem.height() >= dialog.problem.heightForWidth(
        dialog.problem.width()))  # every line in view
    dialog.count.set_text("100")
    dialog.share.set_text("80")
    assert dialog.problem.text() == "" and dialog.run_button.isEnabled()
    # Settings that do not go together: both said.
    dialog.failure.setValue(80.0)
    dialog.error.setValue(30.0)
    dialog.arrival.setValue(60)  # arriving over 60 days, simulated for 30
    text = dialog.problem.text()
    assert "cannot pass 100 %" in text and "still be arriving" in text
    dialog.reject()


def test_with_no_campaign_it_says_there_is_nothing_to_run(qtbot, window: MainWindow,
                                                          tmp_path: Path) -> None:
    """A what-if with no campaign to go through would 'finish' at once with nothing moving:
    the form says so and does not start, until a campaign is made."""
    panel = window.simulation_panel
    panel.scenario_dir = tmp_path / "scenarios"
    panel.scenario_dir.mkdir()
    while window.controller.workspace.campaigns:
        assert window.campaign_list.delete_current()
    dialog = panel.new_what_if()
    assert dialog.campaign.count() == 1 and dialog.campaign.currentData() is None
    assert not dialog.run_button.isEnabled()
    assert dialog.problem.text().startswith("Nothing to run: this workspace has no campaign")
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    dialog.buttons.accepted.emit()  # Enter in the form: still refused
    assert dialog.isVisible() and not list(panel.scenario_dir.iterdir())
    assert not panel.runner.loaded
    dialog.reject()
    window.campaign_list.new_campaign()
    dialog = panel.new_what_if()
    assert "Nothing to run" not in dialog.problem.text()
    dialog.reject()


def test_paid_by_names_payment_types_as_the_catalog_does(qtbot, window: MainWindow) -> None:
    """QA: the form said "Paypal" where the catalog and the goal editor say "PayPal"."""
    from canvas_app.domain.catalog import payment_type_label

    dialog = window.simulation_panel.new_what_if()
    types = window.controller.workspace.catalog.payment_types
    assert "paypal" in types
    texts = {dialog.payment_type.itemData(i): dialog.payment_type.itemText(i)
             for i in range(dialog.payment_type.count())}
    assert texts["paypal"] == "PayPal"
    assert all(texts[t] == payment_type_label(t) for t in types)
    dialog.reject()


def test_channels_mark_legacy_forms_and_show_whole_names(qtbot, window: MainWindow) -> None:
    """QA: "Order form: Spa Order Forn": the channel box cut long names, and a legacy
    order form was not marked as the goal editor marks it."""
    from canvas_app.domain.catalog import OrderForm
    from canvas_app.ui.simulation.what_if_channels import ChannelBox

    dialog = window.simulation_panel.new_what_if()
    qtbot.waitExposed(dialog)
    channel = dialog.purchases.cellWidget(0, 3)
    assert isinstance(channel, ChannelBox)
    labels = [channel.itemText(i) for i in range(channel.count())]
    assert "Order form: Classic Order Form (legacy)" in labels
    assert "Order form: Spring Opening Order Form" in labels  # not legacy: no mark
    for index, label in enumerate(labels):  # each whole in the box as the form opens
        channel.setCurrentIndex(index)
        assert channel.shown_text() == label
        assert channel.toolTip() == label
    dialog.reject()
    # A name too long for the column loses its middle, not its end; the tooltip has it all.
    catalog = window.controller.workspace.catalog
    long_name = "Spa and Hot Tub Winter Maintenance Bundle Order Form, Northern Region"
    catalog.order_forms["spa"] = OrderForm("spa", long_name, legacy=True)
    dialog = window.simulation_panel.new_what_if()
    qtbot.waitExposed(dialog)
    channel = dialog.purchases.cellWidget(0, 3)
    assert isinstance(channel, ChannelBox)
    channel.setCurrentIndex(channel.count() - 1)
    shown = channel.shown_text()
    assert shown != channel.currentText() and "…" in shown
    assert shown.startswith("Order form: Spa") and shown.endswith("(legacy)")
    assert channel.toolTip() == f"Order form: {long_name} (legacy)"
    dialog.reject()


def test_the_form_opens_with_the_last_entries_of_the_session(qtbot, window: MainWindow,
                                                             tmp_path: Path) -> None:
    """QA: the form forgot everything entered each time it opened."""
    panel = window.simulation_panel
    panel.scenario_dir = tmp_path / "scenarios"
    dialog = panel.new_what_if()
    dialog.description.setText("Spring rush")
    dialog.count.set_text("120")
    dialog.share.set_text("12,5")
    dialog.add_purchase("checkup", 10.0, 14)
    channel = dialog.purchases.cellWidget(1, 3)
    assert isinstance(channel, QComboBox)
    channel.setCurrentIndex(channel.findText("Order form: Classic Order Form (legacy)"))
    dialog.payment_type.setCurrentIndex(dialog.payment_type.findData("paypal"))
    dialog.seed.setValue(7)
    made = dialog.what_if()
    dialog.reject()  # cancelled: kept all the same
    again = panel.new_what_if()
    assert again.what_if() == made
    assert again.payment_type.currentText() == "PayPal"
    again.count.set_text("abc")  # refused: not what is kept
    again.reject()
    third = panel.new_what_if()
    assert third.what_if() == made
    third.run_button.click()
    panel.runner.pause()
    data = json.loads((tmp_path / "scenarios" / "what-if-1.scenario.json").read_text("utf-8"))
    assert data["description"] == "Spring rush" and data["population"]["count"] == 120
    assert data["population"]["purchases"][1]["channel"] == "legacy_order_form"


def test_what_ifs_are_listed_by_their_description(qtbot, window: MainWindow,
                                                  tmp_path: Path) -> None:
    """QA: the Scenario box said "what-if-1.scenario.json", "what-if-2.scenario.json"…"""
    panel = window.simulation_panel
    panel.scenario_dir = tmp_path / "scenarios"
    dialog = panel.new_what_if()
    dialog.description.setText("Spring rush")
    dialog.run_button.click()
    panel.runner.pause()
    dialog = panel.new_what_if()  # the same description, remembered: told apart by number
    dialog.run_button.click()
    panel.runner.pause()
    dialog = panel.new_what_if()
    dialog.description.setText("What if a heatwave brings three times the usual visitors "
                               "and most of them buy shock?")
    dialog.run_button.click()
    panel.runner.pause()
    box = panel.scenario_combo
    texts = [box.itemText(box.findData(str(tmp_path / "scenarios" / f"what-if-{n}"
                                           ".scenario.json"))) for n in (1, 2, 3)]
    assert texts[:2] == ["Spring rush (what-if 1)", "Spring rush (what-if 2)"]
    assert texts[2].startswith("What if a heatwave brings three times") and \
        texts[2].endswith("… (what-if 3)")
    assert box.currentText() == texts[2]
    # the samples keep their file names (their descriptions are paragraphs)
    assert box.itemText(box.findData(str(SAMPLE.parent / "pool-store.scenario.json"))) == \
        "pool-store.scenario.json"
