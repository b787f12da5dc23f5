"""The names a screen reader says for the controls QA found nameless (or named by a unit),
word for word: each is short, says what the control is, and a field's is its label's own
words with its unit."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QTableWidget, QWidget

from canvas_app.domain.workspace import Workspace
from canvas_app.io import load_workspace
from canvas_app.ui.main_window import MainWindow
from tests.ui.canvas.conftest import (
    SAMPLE,
    make_window,
    sample_file,  # noqa: F401  (a fixture)
)
from tests.ui.test_a11y_names import shown, spoken_name


@pytest.fixture
def workspace() -> Workspace:
    return load_workspace(SAMPLE)


@pytest.fixture
def window(qtbot, sample_file: Path, tmp_path: Path) -> MainWindow:  # noqa: F811
    return make_window(qtbot, str(sample_file), tmp_path)


def names(root: QWidget, *object_names: str) -> dict[str, str]:
    found = {}
    for name in object_names:
        widget = root.findChild(QWidget, name)
        assert widget is not None, name
        found[name] = spoken_name(widget)
    return found


def test_simulation_panel(qtbot, window: MainWindow) -> None:
    window.show_simulation_panel()
    assert names(window.simulation_panel, "simulationLog", "simulationContacts",
                 "simulationJourney", "simulationFindContact") == {
        "simulationLog": "Simulation log",
        "simulationContacts": "Simulated contacts",
        "simulationJourney": "Contact's journey",
        "simulationFindContact": "Find contacts",
    }


def test_what_if_fields_say_their_label_and_unit(qtbot, workspace: Workspace) -> None:
    from canvas_app.ui.simulation.what_if_dialog import WhatIfDialog

    dialog = shown(qtbot, WhatIfDialog(workspace, "shock-nurture"))
    fields = {"count": "Visitors (contacts)", "arrival": "Arriving over (days)",
              "days": "Simulate for (days)", "share": "Share added (%)",
              "failure": "Declined payments (%)", "error": "Payment errors (%)",
              "retry": "Paid later (%)", "retry_hours": "Paid later after (hours)",
              "renewals": "Subscriptions (renewals)", "renewal_days": "Renewals every (days)",
              "seed": "Seed"}
    assert {a: spoken_name(getattr(dialog, a)) for a in fields} == fields
    # no unit is a field's buddy (Qt prefers a buddy beside the field to the form's label)
    units = [label.text() for label in dialog.findChildren(QLabel)
             if label.buddy() is not None and label.text() in ("%", "days", "contacts",
                                                               "hours", "renewals")]
    assert units == []


def test_what_if_purchases_are_named_by_column_and_row(qtbot, workspace: Workspace) -> None:
    from canvas_app.ui.simulation.what_if_dialog import WhatIfDialog

    dialog = shown(qtbot, WhatIfDialog(workspace, "shock-nurture"))
    table = dialog.purchases
    while table.rowCount() < 3:
        dialog.add_purchase_row()
    assert spoken_name(table) == "Purchases"

    def row_names(row: int) -> list[str]:
        return [spoken_name(table.cellWidget(row, column)) for column in range(4)]

    assert row_names(1) == ["Product, purchase 2", "Chance (%), purchase 2",
                            "Within (days), purchase 2", "Channel, purchase 2"]
    # the second row removed: the third is the second now, and says so
    table.selectRow(1)
    dialog.remove_purchase()
    assert row_names(1) == ["Product, purchase 2", "Chance (%), purchase 2",
                            "Within (days), purchase 2", "Channel, purchase 2"]
    # and its message names the row it is in
    table.cellWidget(1, 1).set_text("200")
    assert "Row 2: the chance" in dialog.problems()
    assert "Row 3" not in dialog.problems()


def test_check_lists_name_what_they_list(qtbot) -> None:
    from canvas_app.ui.dialogs.check_list import CheckList

    chooser = CheckList("bigList", "bigSearch", what="payment types")
    qtbot.addWidget(chooser)
    assert names(chooser, "bigListList", "bigSearch") == {
        "bigListList": "Payment types", "bigSearch": "Search payment types"}


def test_purchase_goal_lists(qtbot, workspace: Workspace) -> None:
    from canvas_app.ui.dialogs import node_editor_for

    dialog = shown(qtbot, node_editor_for("purchase_goal")(
        workspace, "checkup-onboarding", "subscribed", None, undo_stack=QUndoStack()))
    assert names(dialog, "orderFormListList", "productListList", "categoryListList",
                 "paymentTypeListList", "productSearch") == {
        "orderFormListList": "Order forms", "productListList": "Products",
        "categoryListList": "Categories", "paymentTypeListList": "Payment types",
        "productSearch": "Search products"}


def test_tag_goal_list_search_and_new_tag(qtbot, workspace: Workspace) -> None:
    from canvas_app.ui.dialogs import node_editor_for

    dialog = shown(qtbot, node_editor_for("tag_goal")(
        workspace, "checkup-onboarding", "visit-booked", None, undo_stack=QUndoStack()))
    assert names(dialog, "tagListList", "tagSearch", "newTagEdit") == {
        "tagListList": "Tags", "tagSearch": "Search tags", "newTagEdit": "New tag"}


def test_catalog_tables_are_named_after_their_tabs(qtbot, workspace: Workspace) -> None:
    from canvas_app.ui.dialogs.catalog_manager import CatalogManagerDialog

    dialog = shown(qtbot, CatalogManagerDialog(workspace, QUndoStack()))
    assert names(dialog, "productTable", "categoryTable", "orderFormTable",
                 "paymentTypeTable") == {
        "productTable": "Products", "categoryTable": "Categories",
        "orderFormTable": "Order forms", "paymentTypeTable": "Payment types"}
    tabs = [dialog.tabs.tabText(i).replace("&", "") for i in range(dialog.tabs.count())]
    assert [spoken_name(dialog.tabs.widget(i).findChild(QTableWidget))
            for i in range(dialog.tabs.count())] == tabs


def test_shortcuts_table(qtbot, window: MainWindow) -> None:
    window.show_shortcuts()
    dialog = window.shortcuts_dialog
    table = dialog.findChild(QTableWidget, "shortcutsTable")
    assert table is dialog.table
    assert spoken_name(table) == "Keyboard shortcuts"
