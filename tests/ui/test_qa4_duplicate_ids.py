"""QA4: a workspace with a node id used in two campaigns, or two contacts with one id, opened
with no error counted; the Warnings panel never named the problem; Simulate refused it naming
ids the app never shows; Save As said "Saved" with no error count. Now lint reports them
(domain/workspace_lint.py), so the open and save notes count them, the panel lists them by
name on their nodes, and the fixes it suggests work."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from canvas_app.ui.main_window import MainWindow
from tests.domain.test_lint_validate_agree import contact_twice, node_id_in_two_campaigns, sample
from tests.ui.canvas.conftest import make_window


def broken_file(tmp_path: Path, *changes) -> Path:
    data = sample()
    for change in changes:
        change(data)
    path = tmp_path / "dupid2.campaign.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def open_window(qtbot, tmp_path: Path, *changes) -> MainWindow:
    ok = tmp_path / "ok.campaign.json"
    ok.write_text(json.dumps(sample()), encoding="utf-8")
    window = make_window(qtbot, str(ok), tmp_path)
    assert window.files.open_source(str(broken_file(tmp_path, *changes)))
    return window


def rows(window: MainWindow) -> list[str]:
    panel = window.lint_panel
    panel.refresh()
    return [panel.item(i).text() for i in range(panel.count())]


def shared_id_rows(window: MainWindow) -> list[str]:
    return [r for r in rows(window) if r.startswith("Error: ") and "same id" in r]


def test_opening_a_node_id_in_two_campaigns_counts_it_and_warnings_names_it(
        qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path, node_id_in_two_campaigns)
    assert window.statusBar().currentMessage().startswith(
        "Opened dupid2.campaign.json. It has 2 errors to fix")
    assert not window.docks["lint"].visibleRegion().isEmpty()  # brought forward
    first, second = window.controller.workspace.campaigns
    a, b = first.nodes[0], second.nodes[0]
    assert shared_id_rows(window) == [
        f"Error: {first.name} › {a.name}: \"{a.name}\" has the same id ({a.id}) as "
        f"\"{b.name}\" in campaign \"{second.name}\", so a simulation cannot tell them apart. "
        "Delete one of them and add it again, or Duplicate it: a copy gets an id of its own "
        "(link the copy as the original was, then delete the original).",
        f"Error: {second.name} › {b.name}: \"{b.name}\" has the same id ({b.id}) as "
        f"\"{a.name}\" in campaign \"{first.name}\", so a simulation cannot tell them apart. "
        "Delete one of them and add it again, or Duplicate it: a copy gets an id of its own "
        "(link the copy as the original was, then delete the original).",
    ]


def test_clicking_the_error_shows_its_node_with_the_error_badge(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path, node_id_in_two_campaigns)
    first, second = window.controller.workspace.campaigns
    panel = window.lint_panel
    rows(window)
    row = next(i for i in range(panel.count())
               if panel.item(i).text().startswith(f"Error: {second.name} ›"))
    panel.scrollToItem(panel.item(row))
    QTest.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.visualItemRect(panel.item(row)).center())
    qtbot.waitUntil(lambda: window.current_campaign_id() == second.id)
    node_id = second.nodes[0].id
    assert [n for n, item in window.scene.nodes.items() if item.isSelected()] == [node_id]
    assert window.scene.has_error(node_id)
    assert not any(window.scene.has_error(n) for n in window.scene.nodes if n != node_id)


def test_simulate_names_the_nodes_and_the_panel_lists_it(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path, node_id_in_two_campaigns)
    first, second = window.controller.workspace.campaigns
    window.simulate()
    notice = window.simulation_panel.notice.text()
    assert notice.startswith(f"Fix the workspace before simulating: {first.name} › "
                             f"{first.nodes[0].name}: \"{first.nodes[0].name}\" has the same id")
    assert notice.endswith("(and 1 more). The Warnings panel lists every problem.")
    assert "node id" not in notice and "shock-nurture" not in notice  # the old words, ids
    assert len(shared_id_rows(window)) == 2  # the promise kept


def test_delete_one_of_them_ends_the_error(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path, node_id_in_two_campaigns)
    first, second = window.controller.workspace.campaigns
    node_id = second.nodes[0].id
    window.reveal_node(second.id, node_id)
    window.delete_selection()
    assert not second.has_node(node_id) and first.has_node(node_id)
    assert shared_id_rows(window) == []
    assert window.controller.workspace.validate() == []


def test_duplicate_gives_the_copy_an_id_of_its_own(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path, node_id_in_two_campaigns)
    first, second = window.controller.workspace.campaigns
    node_id = second.nodes[0].id
    others = window.controller.workspace.all_node_ids()
    window.reveal_node(second.id, node_id)
    (copy,) = window.duplicate()
    assert copy not in others
    window.reveal_node(second.id, node_id)
    window.delete_selection()  # the original
    assert shared_id_rows(window) == []
    assert window.controller.workspace.validate() == []


def test_two_contacts_with_one_id_are_an_error_on_open_and_save_as(qtbot,
                                                                  tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path, contact_twice)
    assert window.statusBar().currentMessage().startswith(
        "Opened dupid2.campaign.json. It has 1 error to fix")
    (row,) = shared_id_rows(window)
    assert row.startswith('Error: Contacts "Ana Diaz" and "Anna Diaz" have the same id (c-ana)')
    assert window.files.save_as(str(tmp_path / "copy.campaign.json"))
    assert window.statusBar().currentMessage() == (
        "Saved copy.campaign.json. It has 1 error to fix before it can be simulated, "
        "validated or imported: see Warnings.")
