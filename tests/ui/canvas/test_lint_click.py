"""One click on a warning shows its node; the Warnings list keeps the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt

from canvas_app.ui.main_window import MainWindow


def test_one_click_on_a_warning_selects_and_shows_its_node(qtbot, window: MainWindow) -> None:
    cid = window.current_campaign_id()
    node_id = window.controller.add_node(cid, "sequence", 4000, 3000)  # no steps: a warning
    window.scene.select_nodes([])
    panel = window.lint_panel
    window.docks["lint"].raise_()
    panel.refresh()
    row = next(i for i in range(panel.count())
               if panel.item(i).text().startswith("Warning: ") and "Sequence" in
               panel.item(i).text())
    item = panel.item(row)
    panel.setFocus()
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.visualItemRect(item).center())
    assert window.scene.selected_node_ids() == [node_id]
    seen = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert seen.contains(window.scene.nodes[node_id].pos())
    assert panel.hasFocus()  # the arrows go on through the warnings


def test_thousands_of_findings_list_the_first_and_count_the_rest(qtbot, window: MainWindow,
                                                                 monkeypatch) -> None:
    from canvas_app.ui import lint_panel

    monkeypatch.setattr(lint_panel, "MAX_ROWS", 5)
    cid = window.current_campaign_id()
    for i in range(8):  # sequences without steps: a warning each (and not linked: another)
        window.controller.add_node(cid, "sequence", 600 + 240 * i, 900)
    panel = window.lint_panel
    panel.refresh()
    assert panel.findings_count() == 5
    assert panel.total_findings > 8
    last = panel.item(panel.count() - 1)
    assert last.text().startswith(f"… and {panel.total_findings - 5:,} more not listed here")
    assert not last.flags() & Qt.ItemFlag.ItemIsEnabled


def test_a_clicked_warning_is_let_go_when_another_campaign_shows(qtbot,
                                                                 window: MainWindow) -> None:
    """QA: the warning clicked stayed highlighted over a campaign it is not about; a click
    on a warning of another campaign shows that campaign and keeps its highlight."""
    cid = window.current_campaign_id()
    window.controller.add_node(cid, "sequence", 4000, 3000)  # no steps: a warning
    panel = window.lint_panel
    window.docks["lint"].raise_()
    panel.refresh()
    row = next(i for i in range(panel.count()) if "Sequence" in panel.item(i).text())
    item = panel.item(row)
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.visualItemRect(item).center())
    assert panel.currentRow() == row and item.isSelected()
    other = next(c for c in window.campaign_list.ids() if c != cid)
    window.campaign_list.select(other)
    assert window.current_campaign_id() == other
    assert panel.currentRow() == -1 and not panel.selectedItems()
    # back through the warning itself: its campaign shows, it stays chosen
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.visualItemRect(item).center())
    assert window.current_campaign_id() == cid
    assert panel.currentRow() == row and item.isSelected()
