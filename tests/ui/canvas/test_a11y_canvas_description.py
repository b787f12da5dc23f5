"""A screen reader hears what is selected on the canvas: the view's accessible description
says the selected node's kind, name and warnings (as the status bar does), or how many
nodes are selected, and follows the selection (QA: it stayed empty while Tab went from
node to node)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest

from canvas_app.ui.main_window import MainWindow


def described(window: MainWindow) -> str:
    """The description a screen reader gets for the canvas, through Qt's accessibility."""
    interface = QAccessible.queryAccessibleInterface(window.view)
    assert interface is not None
    return interface.text(QAccessible.Text.Description)


def test_tab_to_a_node_describes_it(qtbot, window: MainWindow) -> None:
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus, timeout=1000)
    window.scene.clearSelection()
    names = []
    for _ in range(2):
        QTest.keyClick(window.view, Qt.Key.Key_Tab)
        [node_id] = window.scene.selected_node_ids()
        node = window.scene.domain_node(node_id)
        names.append(node.name)
        text = described(window)
        kind = node.kind.replace("_", " ").capitalize()
        assert text.startswith(f'{kind} "{node.name}" selected.'), text
        assert "Enter edits it" in text
        assert f'"{node.name}"' in window.statusBar().currentMessage()  # as the bar says
    assert names[0] != names[1]
    assert QAccessible.queryAccessibleInterface(window.view).text(
        QAccessible.Text.Name) == "Campaign canvas"


def test_a_node_s_warnings_are_described(qtbot, window: MainWindow) -> None:
    campaign_id = window.current_campaign_id()
    node_id = window.controller.add_node(campaign_id, "sequence", 0, 300)  # no steps
    window.scene.refresh_findings()
    findings = window.scene.findings_for(node_id)
    assert findings
    window.scene.select_nodes([node_id])
    text = described(window)
    assert text.startswith(f'Sequence "{window.scene.node_name(node_id)}" selected.')
    count = len(findings)
    assert f"{count} warning{'s' if count > 1 else ''}:" in text
    for message in findings:
        assert message.rstrip(".") in text


def test_several_selected_says_how_many(qtbot, window: MainWindow) -> None:
    window.scene.select_nodes(["nurture", "bought-shock", "post-purchase"])
    assert described(window).startswith("3 nodes selected")
    window.scene.clearSelection()
    assert described(window) == "No node selected: Tab goes to the first node."


def test_a_rename_is_described_again(qtbot, window: MainWindow) -> None:
    window.scene.select_nodes(["nurture"])
    campaign_id = window.current_campaign_id()
    window.controller.rename_node(campaign_id, "nurture", "Welcome series")
    qtbot.waitUntil(lambda: '"Welcome series" selected' in described(window), timeout=2000)
