"""The History panel: the workspace's edits by name; clicking one goes back to it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from canvas_app.ui.main_window import MainWindow


def test_history_lists_edits_and_a_click_goes_back_to_one(qtbot, window: MainWindow) -> None:
    dock = window.docks["history"]
    assert not dock.isVisible()  # out of the way until asked for
    toggle = window.panel_actions["history"]  # View > Panels > History
    assert toggle in window.menus["panels"].actions()
    toggle.trigger()
    qtbot.waitUntil(dock.isVisible)
    view = dock.widget()
    assert view.objectName() == "historyView"
    controller = window.controller
    controller.rename_node("shock-nurture", "nurture", "Welcome")
    controller.rename_node("shock-nurture", "post-purchase", "After the sale")
    model = view.model()
    rows = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert rows == ["As opened", 'Rename "Nurture" to "Welcome"',
                    'Rename "Post-purchase" to "After the sale"']
    first_edit = view.visualRect(model.index(1, 0)).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=first_edit)
    campaign = controller.workspace.campaign("shock-nurture")
    assert campaign.node("nurture").name == "Welcome"
    assert campaign.node("post-purchase").name == "Post-purchase"  # the later edit undone
    opened = view.visualRect(model.index(0, 0)).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=opened)
    assert campaign.node("nurture").name == "Nurture"
    assert not window.isWindowModified()  # back as opened: nothing left to save


def test_history_starts_from_a_new_workspace_or_from_the_one_opened(
        qtbot, window: MainWindow, sample_file) -> None:
    view = window.docks["history"].widget()
    assert view.emptyLabel() == "As opened"
    assert window.files.new_workspace()
    assert view.emptyLabel() == "New workspace"  # QA: "As opened" for one never opened
    assert window.files.open_source(str(sample_file))
    assert view.emptyLabel() == "As opened"
