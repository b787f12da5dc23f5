"""Property: the controller's findings, kept between edits (``domain/lint_cache.py``), are
exactly a full ``workspace.lint(now)`` (the same findings in the same order) after every
edit of a random sequence of edits and undos, at a clock that moves on between them.

The edits reach everything some finding reads: nodes, links, names (alike, or none),
steps (tags spelled two ways, waits around the clock, keys a step does not use), tag and
purchase goals' settings, a node id used in two campaigns, campaigns added, renamed,
duplicated and deleted, the catalog (a product goals name, taken away), the e-commerce
actions (adding contacts to a campaign, applying a tag, naming a campaign that is gone,
an unused key) and the contacts' tags.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QUndoStack

from canvas_app.domain.contacts import Contact
from canvas_app.domain.ecommerce import Ecommerce
from canvas_app.domain.nodes import Node
from canvas_app.domain.purchase import PurchaseGoalConfig
from canvas_app.domain.steps import Step
from canvas_app.domain.tag_goal import TagGoalConfig
from canvas_app.domain.usage import copy_catalog
from canvas_app.editing.commands import AddNodesCommand
from canvas_app.editing.controller import Controller
from canvas_app.editing.settings_commands import (
    ReplaceNodeCommand,
    SetCatalogCommand,
    SetEcommerceCommand,
)
from canvas_app.io import load_workspace

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "samples" / "pool-store.campaign.json"
START = datetime(2026, 5, 1, 12, 0, 30, tzinfo=UTC)
TAGS = ("VIP", "vip", " VIP", "Visit booked", "visit  booked", "Newsletter",
        "Logged into cart", "never applied", "")
NAMES = ("Nurture", "nurture", "Goal 2", "Goal 10", "  ", "Onboarding")
OPS = ("add", "delete", "link", "unlink", "move", "rename", "duplicate", "steps",
       "tag_goal", "purchase_goal", "blank_name", "same_id", "new_campaign",
       "rename_campaign", "duplicate_campaign", "delete_campaign", "catalog", "ecommerce",
       "contacts", "undo", "redo", "clock")
KINDS = ("purchase_goal", "tag_goal", "sequence")

# the edits that reach across campaigns or the clock, twice as often
OFTEN = OPS + ("same_id", "rename_campaign", "steps", "tag_goal", "catalog", "ecommerce",
               "contacts", "clock")
edit = st.tuples(st.sampled_from(OFTEN), st.integers(0, 10_000), st.integers(0, 10_000),
                 st.integers(-3_000, 3_000))


def pick(items: list, n: int):
    return items[n % len(items)] if items else None


def step(n: int, now: datetime, minutes: int) -> Step:
    kind = ("apply_tag", "remove_tag", "wait_until", "email", "delay", "wait_until")[n % 6]
    tag = pick(list(TAGS), n // 6)
    if kind in ("apply_tag", "remove_tag"):
        return Step(kind, tag=tag)
    if kind == "wait_until":
        return Step(kind, until=now + timedelta(minutes=minutes, seconds=n % 60))
    if kind == "email":  # a delay on an email step: a key its kind does not use
        return Step(kind, subject="Hi", delay=timedelta(hours=1) if n % 2 else None)
    return Step(kind, duration=timedelta(days=1), extra={"note": 1} if n % 3 == 0 else {})


def action(n: int, campaign_ids: list[str]) -> Step:
    kind = n % 4
    if kind == 0:
        return Step("apply_tag", tag=pick(list(TAGS), n // 4))
    if kind == 1:  # a campaign that exists, or one that does not
        return Step("add_to_campaign", campaign=pick([*campaign_ids, "gone"], n // 4))
    if kind == 2:
        return Step("remove_tag", tag=pick(list(TAGS), n // 4), extra={"odd": True})
    return Step("notify_team", message="Sold", subject="unused" if n % 8 == 3 else None)


def apply(controller: Controller, stack: QUndoStack, op: str, a: int, b: int, c: int,
          now: datetime) -> datetime:
    """One edit (all through undo commands, but the contacts, which the app does not
    edit); the clock as it is after it."""
    ws = controller.workspace
    campaigns = ws.campaigns
    campaign = pick(campaigns, a)
    if op == "clock":
        return now + timedelta(seconds=c * 37)
    if op == "undo":
        stack.undo()
        return now
    if op == "redo":
        stack.redo()
        return now
    if campaign is None or op == "new_campaign":
        controller.new_campaign()
        return now
    cid = campaign.id
    nodes = campaign.nodes
    ids = [n.id for n in nodes]
    node = pick(nodes, b)
    if op == "add":
        controller.add_node(cid, KINDS[b % 3], float(c), 0.0)
    elif op == "delete" and ids:
        link = pick(campaign.edges, c)
        controller.delete(cid, [pick(ids, b)], [link] if link and c % 2 else [])
    elif op == "link" and ids:
        controller.link(cid, pick(ids, b), pick(ids, b // 7 + c))
    elif op == "unlink" and campaign.edges:
        controller.unlink(cid, *pick(campaign.edges, b))
    elif op == "move" and ids:
        controller.move_nodes(cid, {pick(ids, b): (float(c), float(b))})
    elif op == "rename" and node is not None:
        controller.rename_node(cid, node.id, pick(list(NAMES), c) if c % 3 else f"N {c % 4}")
    elif op == "duplicate" and ids:
        controller.duplicate(cid, sorted({pick(ids, b), pick(ids, c)}))
    elif op == "steps" and node is not None and node.kind == "sequence":
        steps = [step(b // 7 ** i + c, now, c // (i + 1)) for i in range(b % 4)]
        after = node.copy(config=type(node.config)(steps=steps))
        stack.push(ReplaceNodeCommand(ws, cid, node, after))
    elif op == "tag_goal" and node is not None and node.kind == "tag_goal":
        tags = [pick(list(TAGS), b // 9 ** i) for i in range(c % 3)]
        after = node.copy(config=TagGoalConfig(tags=tags, achieved_by=node.config.achieved_by))
        stack.push(ReplaceNodeCommand(ws, cid, node, after))
    elif op == "purchase_goal" and node is not None and node.kind == "purchase_goal":
        products = list(ws.catalog.products)[: b % 3] or ["shock"]
        config = PurchaseGoalConfig(use_products=bool(c % 4), products=products,
                                    any_purchase=not c % 4,
                                    achieved_by=("campaign", "any_contact")[b % 2])
        stack.push(ReplaceNodeCommand(ws, cid, node, node.copy(config=config)))
    elif op == "blank_name" and node is not None:
        stack.push(ReplaceNodeCommand(ws, cid, node, node.copy(name=" " * (b % 2))))
    elif op == "same_id" and node is not None and len(campaigns) > 1:
        other = pick([x for x in campaigns if x.id != cid], c)
        if not other.has_node(node.id):  # the id again, in another campaign
            copy = Node(node.id, node.kind, node.name, 0.0, 0.0, node.config.copy())
            stack.push(AddNodesCommand(ws, other.id, [copy], [], "Same id", copy=False))
    elif op == "rename_campaign":
        controller.rename_campaign(cid, f"Campaign named {c}")
    elif op == "duplicate_campaign":
        controller.duplicate_campaign(cid)
    elif op == "delete_campaign" and len(campaigns) > 1:
        controller.delete_campaign(cid)
    elif op == "catalog":  # a product taken away (goals naming it go wrong), or all back
        catalog = copy_catalog(load_workspace(SAMPLE).catalog if b % 3 == 0 else ws.catalog)
        if catalog.products and b % 3:
            del catalog.products[pick(list(catalog.products), c)]
        stack.push(SetCatalogCommand(ws, ws.catalog, catalog))
    elif op == "ecommerce":
        campaign_ids = [x.id for x in campaigns]
        actions = [action(b // 5 ** i + c, campaign_ids) for i in range(b % 4)]
        eco = Ecommerce(action_sets={"on_login": actions} if actions else {},
                        product_action_sets={pick(list(ws.catalog.products) or ["x"], c):
                                             [action(c + 1, campaign_ids)]} if c % 2 else {})
        stack.push(SetEcommerceCommand(ws, ws.ecommerce, eco))
    elif op == "contacts":
        ws.set_contacts([Contact(f"p{i % 3}", f"P{i}", tags=[pick(list(TAGS), b + i)])
                         for i in range(c % 5)] + ws.contacts[:1])  # an id twice, or not
    return now


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=st.lists(edit, min_size=1, max_size=60))
def test_kept_findings_are_a_full_lint_after_every_edit(edits) -> None:
    workspace = load_workspace(SAMPLE)
    stack = QUndoStack()
    controller = Controller(workspace, stack)
    now = START
    try:
        assert controller.findings(now) == workspace.lint(now)
        for op, a, b, c in edits:
            now = apply(controller, stack, op, a, b, c, now)
            kept = controller.findings(now)
            assert kept == workspace.lint(now), op
            assert controller.findings(now) is kept  # nothing changed: the same list
            for later in (now + timedelta(seconds=b % 90), now + timedelta(minutes=c)):
                assert controller.findings(later) == workspace.lint(later), (op, later)
        while stack.canUndo():
            stack.undo()
            assert controller.findings(now) == workspace.lint(now)
    finally:
        stack.clear()


def test_a_wait_passing_and_the_minute_moving_are_seen_without_an_edit() -> None:
    workspace = load_workspace(SAMPLE)
    stack = QUndoStack()
    controller = Controller(workspace, stack)
    campaign = workspace.campaigns[0]
    node = next(n for n in campaign.nodes if n.kind == "sequence")
    until = START + timedelta(minutes=5)
    after = node.copy(config=type(node.config)(steps=[Step("wait_until", until=until)]))
    stack.push(ReplaceNodeCommand(workspace, campaign.id, node, after))
    try:
        before = controller.findings(START)
        assert not any("has passed" in f.message for f in before)
        passed = controller.findings(until + timedelta(seconds=1))
        assert [f.message for f in passed if "has passed" in f.message] == [
            f.message for f in workspace.lint(until + timedelta(seconds=1))
            if "has passed" in f.message]
        assert len([f for f in passed if "has passed" in f.message]) == 1
        later = controller.findings(until + timedelta(minutes=3))
        assert later == workspace.lint(until + timedelta(minutes=3))
        assert later != passed  # the message says the minute it is now
    finally:
        stack.clear()


def test_an_edit_in_one_campaign_lints_that_campaign_only(monkeypatch) -> None:
    import canvas_app.domain.lint_cache as lint_cache

    workspace = load_workspace(SAMPLE)
    stack = QUndoStack()
    controller = Controller(workspace, stack)
    controller.findings(START)
    linted: list[str] = []
    real = lint_cache.lint_campaign

    def counting(ws, campaign, *args):
        linted.append(campaign.id)
        return real(ws, campaign, *args)

    monkeypatch.setattr(lint_cache, "lint_campaign", counting)
    first, second = workspace.campaigns[:2]
    controller.rename_node(second.id, second.nodes[0].id, "Renamed")
    assert controller.findings(START) == workspace.lint(START)
    assert linted == [second.id]
    controller.move_nodes(first.id, {first.nodes[0].id: (900.0, 900.0)})
    assert controller.findings(START) == workspace.lint(START)
    assert linted == [second.id]  # a move changes no finding


def test_an_edit_of_one_node_checks_that_node_again_only(monkeypatch) -> None:
    """Within the campaign linted again, each node's own findings (its settings, its
    steps, its tags) are kept: a rename, a link or a new node checks only the nodes it
    concerns; a new catalog checks every node again."""
    import canvas_app.domain.lint as lint

    workspace = load_workspace(SAMPLE)
    stack = QUndoStack()
    controller = Controller(workspace, stack)
    controller.findings(START)
    checked: list[str] = []
    real = lint.NodeLint

    class Counting(real):
        def __init__(self, ws, campaign_id, node) -> None:
            checked.append(node.id)
            super().__init__(ws, campaign_id, node)

    monkeypatch.setattr(lint, "NodeLint", Counting)

    def kept_checking() -> list[str]:
        """The nodes the kept findings checked again (then, uncounted, a full lint)."""
        kept = controller.findings(START)
        again = list(checked)
        with monkeypatch.context() as m:
            m.setattr(lint, "NodeLint", real)
            assert kept == workspace.lint(START)
        checked.clear()
        return again

    campaign = max(workspace.campaigns, key=len)
    first, second = campaign.nodes[:2]
    try:
        controller.rename_node(campaign.id, first.id, "Renamed")
        assert kept_checking() == [first.id]
        stack.push(AddNodesCommand(workspace, campaign.id, [Node("fresh", "sequence", "Fresh")],
                                   [], "Add"))
        assert controller.link(campaign.id, second.id, "fresh")
        assert kept_checking() == ["fresh"]  # a link changes no node's own findings
        stack.undo()
        stack.undo()
        assert kept_checking() == []
        stack.push(SetCatalogCommand(workspace, workspace.catalog,
                                     copy_catalog(workspace.catalog)))
        assert len(kept_checking()) == sum(len(c) for c in workspace.campaigns)
    finally:
        stack.clear()


def test_a_campaign_renamed_renames_it_in_the_findings_of_an_id_used_twice() -> None:
    workspace = load_workspace(SAMPLE)
    stack = QUndoStack()
    controller = Controller(workspace, stack)
    first, second = workspace.campaigns[:2]
    node = first.nodes[0]
    twin = Node(node.id, node.kind, node.name, 0.0, 0.0, node.config.copy())
    stack.push(AddNodesCommand(workspace, second.id, [twin], [], "Same id", copy=False))
    try:
        assert controller.findings(START) == workspace.lint(START)
        controller.rename_campaign(first.id, "Renamed campaign")
        kept = controller.findings(START)
        assert kept == workspace.lint(START)
        assert any("Renamed campaign" in f.message for f in kept)
    finally:
        stack.clear()


def test_a_tag_spelled_two_ways_follows_the_names_and_steps_of_its_places() -> None:
    workspace = load_workspace(SAMPLE)
    stack = QUndoStack()
    controller = Controller(workspace, stack)
    campaign, sequence = next((c, n) for c in workspace.campaigns for n in c.nodes
                              if n.kind == "sequence")
    other, goal = next((c, n) for c in workspace.campaigns for n in c.nodes
                       if n.kind == "tag_goal")
    steps = [Step("apply_tag", tag="VIP"), Step("email", subject="Hi")]
    stack.push(ReplaceNodeCommand(workspace, campaign.id, sequence,
                                  sequence.copy(config=type(sequence.config)(steps=steps))))
    stack.push(ReplaceNodeCommand(workspace, other.id, goal,
                                  goal.copy(config=TagGoalConfig(tags=["vip"]))))
    try:
        def spelling() -> list[str]:
            kept = controller.findings(START)
            assert kept == workspace.lint(START)
            return [f.message for f in kept if "spelled alike" in f.message]

        assert len(spelling()) == 2
        controller.rename_node(campaign.id, sequence.id, "Welcome series")
        assert any("Welcome series" in m for m in spelling())
        controller.rename_node(other.id, goal.id, "Became a VIP")
        assert any("Became a VIP" in m for m in spelling())
        node = campaign.node(sequence.id)
        later = [Step("email", subject="Hi"), Step("apply_tag", tag="VIP")]  # step 2 now
        stack.push(ReplaceNodeCommand(workspace, campaign.id, node,
                                      node.copy(config=type(node.config)(steps=later))))
        assert any("step 2" in m for m in spelling())
        stack.undo()
        assert any("step 1" in m for m in spelling())
    finally:
        stack.clear()
