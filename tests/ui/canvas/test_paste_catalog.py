"""Paste in the window: refused content pushes nothing and says why in the status bar
(QA: a self-link pasted showed an internal-error box and left "Undo Paste 1 node" that
raised again; JSON from another application raised KeyError), and goals pasted into a
workspace whose catalog lacks their items bring them, in the same undo step."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from canvas_app.io import load_workspace, save_workspace
from canvas_app.ui.main_window import MainWindow

from .conftest import canonical, make_window

CHECKUP = "checkup-onboarding"


def _set_text(text: str) -> None:
    QGuiApplication.clipboard().setText(text)


def _paste_refused(window: MainWindow, text: str) -> str:
    _set_text(text)
    stack = window.undo_group.activeStack()
    count, before = stack.count(), canonical(window.controller.workspace)
    assert window.paste() == []
    assert stack.count() == count  # no Undo entry
    assert canonical(window.controller.workspace) == before
    return window.statusBar().currentMessage()


def test_a_self_link_or_a_duplicate_link_pushes_nothing_and_says_why(
        window: MainWindow) -> None:
    loop = {"nodes": [{"kind": "sequence", "id": "a", "name": "Loop", "x": 0, "y": 0}],
            "edges": [{"source": "a", "target": "a"}]}
    message = _paste_refused(window, json.dumps(loop))
    assert "a node cannot link to itself" in message and "Pasted" not in message
    twice = {"nodes": [{"kind": "sequence", "id": "a", "name": "A", "x": 0, "y": 0},
                       {"kind": "sequence", "id": "b", "name": "B", "x": 300, "y": 0}],
             "edges": [{"source": "a", "target": "b"}, {"source": "a", "target": "b"}]}
    assert "already links to" in _paste_refused(window, json.dumps(twice))


def test_json_from_other_applications_gets_a_message_not_an_error_box(
        window: MainWindow) -> None:
    node = ('{"nodes": [{"kind": "tag_goal", "id": "a", "name": "x", "x": 0, "y": 0, '
            '"config": {"tags": []}')
    cases = {
        '{"nodes": [{"id": "a"}], "links": []}': 'the key "kind" is missing',
        '{"nodes": [1]}': "expected an object",
        '{"nodes": [{"kind": "bogus", "id": "a", "name": "x", "x": 0, "y": 0}]}':
            'unknown node kind "bogus"',
        node.replace('"x": 0', '"x": "abc"') + "}]}": "expected a number",
        node.replace('"x": 0', '"x": NaN') + "}]}": "not a finite number",
        node.replace('"name": "x"', '"name": ""') + "}]}": "name cannot be empty",
        '{"nodes": [{"kind": "purchase_goal", "id": "a", "name": "x", "x": 0, "y": 0, '
        '"config": "junk"}]}': "expected an object",
        '{"nodes": [{"kind": "sequence", "id": "a", "name": "x", "x": 0, "y": 0, '
        '"steps": "junk"}]}': "expected an array",
        '{"nodes": [{"kind": "sequence", "id": "a", "name": "x", "x": 0, "y": 0, '
        '"steps": [{"kind": "teleport"}]}]}': 'unknown step kind "teleport"',
        '{"nodes": [{"kind": "purchase_goal", "id": "a", "name": "x", "x": 0, "y": 0, '
        '"config": {"products": ["nope"], "payment_types": "any"}}]}': 'no product "nope"',
        "hello world": "The clipboard holds no nodes to paste.",
        '{"nodes": []}': "The clipboard holds no nodes to paste.",
    }
    window.campaign_list.select(CHECKUP)
    for text, words in cases.items():
        assert words in _paste_refused(window, text), text


def _copy_subscribed(window: MainWindow) -> None:
    window.campaign_list.select(CHECKUP)
    window.scene.select_nodes(["subscribed"])
    assert window.copy()


def test_a_goal_pasted_into_a_new_workspace_brings_its_catalog_items_in_one_undo_step(
        window: MainWindow, tmp_path: Path) -> None:
    _copy_subscribed(window)
    catalog = window.controller.workspace.catalog
    assert len(window.paste()) == 1  # in its own workspace: the catalog is left alone
    assert window.controller.workspace.catalog is catalog
    assert window.statusBar().currentMessage() == "Pasted 1 node."
    window.files.new_workspace()
    workspace = window.controller.workspace
    assert not workspace.catalog.products
    before = canonical(workspace)
    stack = window.undo_group.activeStack()
    ids = window.paste()
    assert len(ids) == 1 and stack.count() == 1
    assert window.statusBar().currentMessage() == (
        'Pasted 1 node, and added to the catalog: product "Weekly Pool Checkup", '
        'category "Services".')  # a new workspace lists paypal already
    assert workspace.catalog.products["checkup"].billing == "subscription"
    assert not [f for f in window.controller.findings() if f.node_id == ids[0]
                and "catalog" in f.message]
    saved = tmp_path / "new.campaign.json"
    save_workspace(workspace, saved)
    load_workspace(saved)  # the strict loader, as canvas-app validate, takes it
    assert stack.undoText() == "Paste 1 node and 2 catalog items"
    window.undo()  # one Undo takes back the node and the items
    assert canonical(window.controller.workspace) == before
    assert window.statusBar().currentMessage().startswith(
        "Undid Paste 1 node and 2 catalog items")
    window.redo()
    assert "checkup" in window.controller.workspace.catalog.products
    assert window.controller.workspace.campaign(window.current_campaign_id()).has_node(ids[0])


def test_a_second_window_on_a_poorer_catalog_gets_the_items_it_lacks(
        window: MainWindow, qtbot, sample_file: Path, tmp_path: Path) -> None:
    data = json.loads(sample_file.read_text(encoding="utf-8"))
    data["catalog"] = {"categories": [{"id": "services", "name": "Service calls"}],
                       "products": [], "order_forms": [], "payment_types": ["credit_card"]}
    data["ecommerce"] = {}
    for campaign in data["campaigns"]:
        for node in campaign["nodes"]:
            if node["kind"] == "purchase_goal":
                node["config"] = {"any_purchase": True, "payment_types": "any"}
    other = tmp_path / "other"
    other.mkdir()
    source = other / "other.campaign.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    second = make_window(qtbot, str(source), other)
    _copy_subscribed(window)
    ids = second.paste()
    assert len(ids) == 1
    catalog = second.controller.workspace.catalog
    assert catalog.payment_types == ["credit_card", "paypal"]
    assert catalog.categories["services"].name == "Service calls"  # kept as it is there
    message = second.statusBar().currentMessage()
    assert message.startswith('Pasted 1 node, and added to the catalog: product "Weekly Pool '
                              'Checkup", payment type "paypal".')
    assert '"Service calls"' in message and '"Services"' in message
    second.files.save()
    load_workspace(source)
    second.undo()
    assert second.controller.workspace.catalog.payment_types == ["credit_card"]
    assert "checkup" not in second.controller.workspace.catalog.products
