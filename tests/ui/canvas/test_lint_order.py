"""The Warnings list has one order whatever the edits that led to it: errors first, then by
campaign (as the campaign list), then by node name; a node restored by Undo comes back to
its place in the list, not last."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from canvas_app.ui.lint_panel import CAMPAIGN_ROLE, NODE_ROLE, LintPanel
from canvas_app.ui.main_window import MainWindow


def rows(panel: LintPanel) -> list[tuple[str, str, str]]:
    panel.refresh()
    return [(panel.item(i).text(), panel.item(i).data(CAMPAIGN_ROLE),
             panel.item(i).data(NODE_ROLE)) for i in range(panel.findings_count())]


def as_read(name: str) -> list[object]:
    """A name as people sort it: capitals aside, numbers by their value."""
    return [int(part) if part.isdigit() else part.casefold()
            for part in re.split(r"(\d+)", name)]


def add_unfinished(window: MainWindow, cid: str, names: list[str]) -> list[str]:
    """Sequences without steps (a warning each) and tag goals with no tag (an error
    each), named as given, in that order."""
    ids = []
    for i, name in enumerate(names):
        kind = "tag_goal" if name.startswith("Goal") else "sequence"
        node_id = window.controller.add_node(cid, kind, 3000 + 300 * i, 3000 - 200 * i)
        window.controller.rename_node(cid, node_id, name)
        ids.append(node_id)
    return ids


def test_undo_of_a_deletion_puts_the_warnings_back_in_their_places(
        qtbot, window: MainWindow) -> None:
    panel = window.lint_panel
    cid = window.current_campaign_id()
    ids = add_unfinished(window, cid, ["Step 1", "Goal 10", "Step 2", "Goal 2", "Step 10"])
    before = rows(panel)
    assert any(node_id == ids[0] for _, _, node_id in before)
    window.controller.delete(cid, [ids[0], ids[1]])
    assert not any(node_id in ids[:2] for _, _, node_id in rows(panel))
    window.controller.undo_stack.undo()
    assert rows(panel) == before
    window.controller.undo_stack.redo()
    window.controller.undo_stack.undo()
    assert rows(panel) == before


def test_errors_first_then_campaigns_in_list_order_then_names(
        qtbot, window: MainWindow) -> None:
    panel = window.lint_panel
    first = window.current_campaign_id()
    add_unfinished(window, first, ["Step 10", "Goal 10", "step 2", "Goal 2"])
    second = window.controller.new_campaign("Zeta")
    add_unfinished(window, second, ["Goal 1", "Step 1", "Alpha"])
    listed = rows(panel)
    errors = [row for row in listed if row[0].startswith("Error: ")]
    assert listed[:len(errors)] == errors  # errors first
    campaigns = window.campaign_list.ids()
    for part in (errors, listed[len(errors):]):
        ranks = [campaigns.index(cid) for _, cid, _ in part if cid]
        assert ranks == sorted(ranks)  # by campaign, as the campaign list
    ws = window.controller.workspace
    warnings = listed[len(errors):]
    first_warned = list(dict.fromkeys(ws.campaign(first).node(n).name
                                      for _, c, n in warnings if c == first and n))
    assert first_warned == sorted(first_warned, key=as_read)
    steps = [name for name in first_warned if name.lower().startswith("step")]
    assert steps == ["step 2", "Step 10"]  # capitals aside, numbers by their value
    first_errors = list(dict.fromkeys(ws.campaign(first).node(n).name
                                      for _, c, n in errors if c == first))
    assert first_errors == ["Goal 2", "Goal 10"]  # numbers by their value
    second_warned = list(dict.fromkeys(ws.campaign(second).node(n).name
                                       for _, c, n in warnings if c == second))
    assert second_warned == sorted(second_warned, key=as_read)
    assert {"Alpha", "Step 1"} <= set(second_warned)
    # moving a node changes nothing in the list
    window.controller.move_nodes(first, {ws.campaign(first).nodes[-1].id: (-500.0, -500.0)})
    assert rows(panel) == listed


def test_a_refresh_with_nothing_new_keeps_the_current_row(qtbot, window: MainWindow) -> None:
    panel = window.lint_panel
    cid = window.current_campaign_id()
    add_unfinished(window, cid, ["Step 1", "Step 2", "Step 3"])
    panel.refresh()
    panel.setCurrentRow(2)
    item = panel.item(2)
    panel.refresh()
    assert panel.currentRow() == 2 and panel.item(2) is item


def test_the_highlight_stays_with_its_warning_when_one_comes_above(
        qtbot, window: MainWindow) -> None:
    """QA: the highlight kept its row number, so a finding listed above it moved the
    highlight onto another; and it goes when its finding goes."""
    panel = window.lint_panel
    cid = window.current_campaign_id()
    add_unfinished(window, cid, ["Step 3", "Step 5"])
    panel.refresh()
    chosen = next(i for i in range(panel.findings_count())
                  if '"Step 5"' in panel.item(i).text())
    panel.setCurrentRow(chosen)
    add_unfinished(window, cid, ["Step 1"])  # listed before it
    panel.refresh()
    assert '"Step 5"' in panel.currentItem().text()
    assert panel.currentRow() > chosen  # moved down with it
    node = panel.currentItem().data(NODE_ROLE)
    window.controller.delete(cid, [node])
    panel.refresh()
    assert panel.currentRow() == -1


def listed(panel: LintPanel) -> list[tuple[str, object, object, str, bool]]:
    return [(item.text(), item.data(CAMPAIGN_ROLE), item.data(NODE_ROLE), item.toolTip(),
             bool(item.flags() & Qt.ItemFlag.ItemIsEnabled))
            for item in (panel.item(i) for i in range(panel.count()))]


def test_rows_rewritten_in_place_read_as_a_list_made_afresh(qtbot, window: MainWindow,
                                                            monkeypatch) -> None:
    """After each edit the list, kept and rewritten where it changed, is the one a new
    panel makes: rows come, go, move, and the last line says how many more or none."""
    from canvas_app.ui import lint_panel

    monkeypatch.setattr(lint_panel, "MAX_ROWS", 6)
    panel = window.lint_panel
    cid = window.current_campaign_id()
    controller = window.controller

    def check() -> None:
        panel.refresh()
        fresh = LintPanel()
        qtbot.addWidget(fresh)
        fresh.bind(controller)
        assert listed(panel) == listed(fresh)

    check()
    ids = add_unfinished(window, cid, ["Step 5", "Goal 3"])
    check()
    ids += add_unfinished(window, cid, ["Step 1", "Goal 1", "Step 9", "Goal 9"])  # more
    check()
    controller.rename_node(cid, ids[2], "Step 99")  # rows move
    check()
    controller.delete(cid, ids)
    check()
    for campaign in list(controller.workspace.campaigns):  # nothing left to warn about
        controller.delete_campaign(campaign.id)
    check()
    assert [row[0] for row in listed(panel)] == ["No warnings."]
    controller.undo_stack.undo()
    check()


def test_two_nodes_of_one_name_have_lines_that_read_apart(window: MainWindow) -> None:
    """QA: renaming a node to "Nurture" beside the sample's Nurture listed two identical
    lines, one per node; they are numbered, and each still shows its own node."""
    cid = "shock-nurture"
    window.controller.rename_node(cid, "post-purchase", "Nurture")
    found = [(text, node) for text, _campaign, node in rows(window.lint_panel)
             if "are named" in text]
    assert [text.split(": 2 nodes")[0] for text, _node in found] == [
        "Warning: Pool Shock Nurture › Nurture (1 of 2)",
        "Warning: Pool Shock Nurture › Nurture (2 of 2)"]
    assert {node for _text, node in found} == {"nurture", "post-purchase"}
    # a name told apart again: no numbers
    window.controller.rename_node(cid, "post-purchase", "After")
    assert not [text for text, _c, _n in rows(window.lint_panel) if "(1 of 2)" in text]


def test_two_campaigns_of_one_name_have_lines_that_read_apart(window: MainWindow) -> None:
    """QA 20: a merge brought in a second campaign of a name; the Warnings panel said
    nothing. Now a warning on each, numbered, each showing its own campaign."""
    from canvas_app.domain.campaign import Campaign

    window.controller.workspace.add_campaign(Campaign("c-merged", "Pool Shock Nurture"))
    found = [(text, campaign) for text, campaign, _node in rows(window.lint_panel)
             if "campaigns are named" in text]
    assert [text.split(": 2 campaigns")[0] for text, _c in found] == [
        "Warning: Pool Shock Nurture (1 of 2)", "Warning: Pool Shock Nurture (2 of 2)"]
    assert {campaign for _text, campaign in found} == {"shock-nurture", "c-merged"}
