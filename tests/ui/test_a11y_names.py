"""Every control a screen reader reaches has a name it can say (QA a11y: the simulation's
log, contacts and journey, the check lists of the goal editors, the catalog's tables, the
shortcuts table and the What-If form's fields had none, or only their unit, "days").

Each surface is walked whole: the main window (its panels shown, the Simulation panel
after a run on each of its tabs), the node editors, the Catalog and its item editor,
E-Commerce Actions and the action set editor, the What-If form, Open Database and
Keyboard and Mouse. Every visible button, tool button, check box, radio button, line
edit, spin box, combo box, list, table and tree must have an accessible name, and not
just a unit."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollBar,
    QTabBar,
    QWidget,
)

from canvas_app.domain.steps import ACTION_KINDS, STEP_KINDS
from canvas_app.domain.workspace import Workspace
from canvas_app.io import load_workspace
from canvas_app.ui.main_window import MainWindow
from tests.ui.canvas.conftest import (
    SAMPLE,
    make_window,
    sample_file,  # noqa: F401  (a fixture)
)
from tests.ui.dialogs.helpers import add_step_of

SCENARIO = SAMPLE.parent / "pool-store.scenario.json"
# what the QA heard for the What-If's numbers: a unit alone names nothing
UNITS = {"%", "days", "contacts", "hours", "renewals"}
CONTROLS = (QAbstractButton, QLineEdit, QAbstractSpinBox, QComboBox, QAbstractItemView)


def part_of_another(widget: QWidget, root: QWidget) -> str:
    """Why ``widget`` is no control of its own (a piece of another one, which carries the
    name), or "" when it is one."""
    if isinstance(widget, QHeaderView):
        return "a table's header: part of its table, each section named by its heading"
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QAbstractSpinBox):
            return "a spin box's own line edit: the spin box is the control"
        if isinstance(parent, QComboBox):
            return "a combo box's line edit or list: the combo box is the control"
        if isinstance(parent, QScrollBar):
            return "part of a scroll bar"
        if isinstance(parent, QTabBar):
            return "the tab bar's scroll buttons: the tabs are the controls"
        if isinstance(parent, QLineEdit):
            return "a line edit's clear button: part of the field (Esc clears it too)"
        parent = parent.parentWidget()
    if widget.objectName() == "qt_combo_view" or widget.inherits("QComboBoxPrivateContainer"):
        return "a combo box's popup list"
    return ""


def buddy_text(widget: QWidget) -> str:
    """The text of a label beside ``widget`` whose buddy it is: what Qt gives a screen
    reader as the widget's Label relation."""
    parent = widget.parentWidget()
    if parent is None:
        return ""
    for label in parent.findChildren(QLabel):
        if label.parentWidget() is parent and label.buddy() is widget:
            return label.text()
    return ""


def spoken_name(widget: QWidget) -> str:
    """The name a screen reader says for ``widget``, without "&" and a closing ":".

    A combo box is the exception: Qt on Linux gives its current text as its name (the
    choice, not what is chosen), so what names it is its accessible name, else the label
    whose buddy it is."""
    if isinstance(widget, QComboBox):
        name = widget.accessibleName() or buddy_text(widget)
    else:
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    return name.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(":")


def unnamed(root: QWidget) -> list[str]:
    """Each visible control inside ``root`` without a name, or named only by a unit."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or part_of_another(widget, root):
            continue
        if not widget.isVisibleTo(root):
            continue  # hidden: nobody reaches it (it is walked where it shows)
        name = spoken_name(widget)
        if not name or name.casefold() in UNITS:
            found.append(f"{type(widget).__name__} {widget.objectName()!r} named {name!r}")
    return found


def shown(qtbot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.fixture
def workspace() -> Workspace:
    return load_workspace(SAMPLE)


@pytest.fixture
def window(qtbot, sample_file: Path, tmp_path: Path) -> MainWindow:  # noqa: F811
    window = make_window(qtbot, str(sample_file), tmp_path)
    window.simulation_panel.select_scenario(str(SCENARIO))
    return window


def test_the_walk_finds_what_has_no_name(qtbot) -> None:
    """The walk itself: a nameless list and a field named by its unit are found; a named
    one, a field named by its label and a spin box's inner line edit are not."""
    from PySide6.QtWidgets import QHBoxLayout, QListWidget, QSpinBox

    root = QWidget()
    qtbot.addWidget(root)
    row = QHBoxLayout(root)
    nameless = QListWidget()
    nameless.setObjectName("nameless")
    by_unit = QLineEdit()
    by_unit.setObjectName("byUnit")
    unit = QLabel("days")
    unit.setBuddy(by_unit)
    named = QListWidget()
    named.setAccessibleName("Products")
    labelled = QSpinBox()
    label = QLabel("&Seed:")
    label.setBuddy(labelled)
    for widget in (nameless, by_unit, unit, named, label, labelled):
        row.addWidget(widget)
    root.show()
    qtbot.waitExposed(root)
    assert unnamed(root) == ["QListWidget 'nameless' named ''", "QLineEdit 'byUnit' named 'days'"]


def test_main_window(qtbot, window: MainWindow) -> None:
    from tests.ui.simulation.test_simulation_panel import run_to_finish

    for dock in window.docks.values():
        dock.show()
    window.show_simulation_panel()
    run_to_finish(qtbot, window)
    panel = window.simulation_panel
    window.find_bar.open()
    found = unnamed(window)
    for index in range(panel.tabs.count()):
        panel.tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda index=index: panel.tabs.widget(index).isVisible())
        found += [f"{panel.tabs.tabText(index)}: {what}" for what in unnamed(window)]
    assert sorted(set(found)) == []


@pytest.mark.parametrize(("campaign", "node"), [("checkup-onboarding", "subscribed"),
                                                ("checkup-onboarding", "visit-booked"),
                                                ("shock-nurture", "nurture")])
def test_node_editors(qtbot, workspace: Workspace, campaign: str, node: str) -> None:
    from PySide6.QtGui import QUndoStack

    from canvas_app.ui.dialogs import node_editor_for

    kind = workspace.campaign(campaign).node(node).kind
    dialog = shown(qtbot, node_editor_for(kind)(workspace, campaign, node, None,
                                                undo_stack=QUndoStack()))
    found = unnamed(dialog)
    editor = getattr(dialog, "steps_editor", None)
    if editor is not None:  # a sequence: each step's form, and each kind of step
        for row in range(editor.list.count()):
            editor.list.setCurrentRow(row)
            found += [f"step {row + 1}: {what}" for what in unnamed(dialog)]
        for step_kind in STEP_KINDS:
            add_step_of(qtbot, editor, step_kind)
            found += [f"new {step_kind}: {what}" for what in unnamed(dialog)]
    assert found == []


def test_catalog_and_its_item_editor(qtbot, workspace: Workspace) -> None:
    from PySide6.QtGui import QUndoStack

    from canvas_app.ui.dialogs.catalog_item import CatalogItemDialog
    from canvas_app.ui.dialogs.catalog_manager import TABS, CatalogManagerDialog

    dialog = shown(qtbot, CatalogManagerDialog(workspace, QUndoStack()))
    found = []
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        found += [f"{dialog.tabs.tabText(index)}: {what}" for what in unnamed(dialog)]
    for section in TABS:
        items = getattr(workspace.catalog, section)  # a dict, or payment types' list
        first = next(iter(items.values() if isinstance(items, dict) else items))
        for item in (None, first):
            editor = shown(qtbot, CatalogItemDialog(workspace.catalog, section, item))
            found += [f"{section} ({'new' if item is None else 'edit'}): {what}"
                      for what in unnamed(editor)]
            editor.reject()
    assert found == []


def test_ecommerce_actions_and_an_action_set(qtbot, workspace: Workspace) -> None:
    from PySide6.QtGui import QUndoStack

    from canvas_app.ui.dialogs.action_set import ActionSetDialog
    from canvas_app.ui.dialogs.ecommerce_actions import EcommerceActionsDialog

    found = [f"E-Commerce Actions: {what}"
             for what in unnamed(shown(qtbot, EcommerceActionsDialog(workspace, QUndoStack())))]
    dialog = shown(qtbot, ActionSetDialog(workspace, "successful_purchase"))
    found += [f"action set: {what}" for what in unnamed(dialog)]
    for kind in ACTION_KINDS:
        add_step_of(qtbot, dialog.steps_editor, kind)
        found += [f"new {kind}: {what}" for what in unnamed(dialog)]
    assert found == []


def test_what_if(qtbot, workspace: Workspace) -> None:
    from canvas_app.ui.simulation.what_if_dialog import WhatIfDialog

    dialog = shown(qtbot, WhatIfDialog(workspace, "shock-nurture"))
    dialog.add_purchase_row()
    assert dialog.purchases.rowCount() >= 2  # the cells of more than one row
    assert unnamed(dialog) == []


def test_open_database(qtbot) -> None:
    from canvas_app.ui.database_dialog import DatabaseDialog

    dialog = shown(qtbot, DatabaseDialog("Open Database", ""))
    found = []
    for index in range(dialog.kind.count()):  # each kind of database's fields
        dialog.kind.setCurrentIndex(index)
        found += [f"{dialog.kind.currentText()}: {what}" for what in unnamed(dialog)]
    assert found == []


def test_keyboard_and_mouse(qtbot, window: MainWindow) -> None:
    window.show_shortcuts()
    dialog = window.shortcuts_dialog
    qtbot.waitExposed(dialog)
    assert unnamed(dialog) == []
