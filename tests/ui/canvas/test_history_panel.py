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


def shown_texts(view) -> list[str]:
    """Each row's text as the panel draws it (its delegate's), not the model's."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    texts = []
    for row in range(view.model().rowCount()):
        option = QStyleOptionViewItem()
        view.itemDelegate().initStyleOption(option, view.model().index(row, 0))
        texts.append(option.text)
    return texts


def test_each_edit_names_its_campaign_when_there_are_several(qtbot, window: MainWindow) -> None:
    """Two nodes of one name in two campaigns: their edits read apart (regression QA: two
    identical rows). The catalog's edits and Undo's menu entry keep the short text."""
    window.panel_actions["history"].trigger()
    view = window.docks["history"].widget()
    controller = window.controller
    first, second = controller.workspace.campaigns[:2]
    for campaign in (first, second):
        controller.rename_node(campaign.id, campaign.nodes[0].id, "Same")
    for campaign in (first, second):
        controller.rename_node(campaign.id, campaign.nodes[0].id, "Other")
    texts = shown_texts(view)
    assert texts[0] == "As opened"
    assert texts[3:] == [f'Rename "Same" to "Other" ({first.name})',
                         f'Rename "Same" to "Other" ({second.name})']
    assert window.undo_group.undoText() == 'Rename "Same" to "Other"'
    controller.rename_campaign(second.id, "Renamed Later")
    assert shown_texts(view)[4] == 'Rename "Same" to "Other" (Renamed Later)'
    # one campaign left: nothing to tell apart
    window.undo_group.undo()
    controller.delete_campaign(second.id)
    assert not any(t.endswith(")") for t in shown_texts(view)[1:])
