"""The run's copies: of the workspace (runner.snapshot, io/snapshot.py), the workspace that
writing it to file data and reading that back gave, object for object, sharing nothing an
edit changes; of the counts over time (the runner's history), those that copying every
node's counts at each instant gave."""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from hypothesis import HealthCheck, given, settings

from canvas_app.domain.contacts import Contact
from canvas_app.domain.nodes import Node
from canvas_app.domain.purchase import PurchaseGoalConfig
from canvas_app.domain.sequence import SequenceConfig
from canvas_app.domain.steps import Step
from canvas_app.domain.workspace import Workspace
from canvas_app.io import load_workspace, workspace_to_data
from canvas_app.io.draft import draft_from_data
from canvas_app.sim import Simulation
from canvas_app.ui.simulation.runner import (
    LOOKS_PER_BUCKET,
    POINTS_PER_BUCKET,
    SAMPLES,
    snapshot,
)
from tests.strategies import workspaces
from tests.ui.canvas.conftest import SAMPLE


def round_trip(workspace: Workspace) -> Workspace:
    """The copy as the runner made it before: file data, read back by the loader."""
    return draft_from_data(workspace_to_data(workspace))


def described(value: Any) -> Any:
    """Everything of a domain object that can differ, types included (1 is not 1.0, a
    time in UTC is not the same time at +02:00)."""
    if is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__,
                tuple((f.name, described(getattr(value, f.name))) for f in fields(value)))
    if isinstance(value, dict):
        return ("dict", tuple((described(k), described(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return (type(value).__name__, tuple(described(v) for v in value))
    if isinstance(value, datetime):
        return ("datetime", value.isoformat(), repr(value.tzinfo))
    return (type(value).__name__, repr(value))


def whole(workspace: Workspace) -> Any:
    campaigns = []
    for campaign in workspace.campaigns:
        graph = campaign.graph
        campaigns.append((
            campaign.id, campaign.name, type(campaign.events).__name__,
            [(node_id, described(data["node"]), sorted(data)) for node_id, data
             in graph.nodes(data=True)],
            [(node_id, list(graph.successors(node_id)), list(graph.predecessors(node_id)))
             for node_id in graph],
            [(s, t, data) for s, t, data in graph.edges(data=True)],
            graph.graph))
    return (described(workspace.catalog), described(workspace.ecommerce),
            described(workspace.contacts), campaigns)


def assert_same_copy(workspace: Workspace) -> None:
    old, new = round_trip(workspace), snapshot(workspace)
    assert new == old
    assert workspace_to_data(new) == workspace_to_data(old)
    assert whole(new) == whole(old)
    assert new.events is not workspace.events
    for campaign in new.campaigns:
        assert campaign.events is new.events


def mutable_parts(workspace: Workspace) -> list[Any]:
    """Every object of the workspace that an edit may change in place."""
    parts: list[Any] = [workspace.catalog, workspace.ecommerce, workspace.contacts,
                        workspace.catalog.payment_types, workspace.catalog.products]
    parts += list(workspace.catalog.products.values())
    parts += list(workspace.catalog.categories.values())
    parts += list(workspace.catalog.order_forms.values())
    for actions in (*workspace.ecommerce.action_sets.values(),
                    *workspace.ecommerce.product_action_sets.values()):
        parts.append(actions)
        parts += [step for step in actions] + [step.extra for step in actions]
    for contact in workspace.contacts:
        parts += [contact, contact.tags]
    for campaign in workspace.campaigns:
        parts += [campaign, campaign.graph]
        for node in campaign.nodes:
            parts += [node, node.config]
            if isinstance(node.config, SequenceConfig):
                parts.append(node.config.steps)
                parts += [step for step in node.config.steps]
                parts += [step.extra for step in node.config.steps]
    return parts


def test_the_sample_is_copied_as_the_file_would_give_it() -> None:
    workspace = load_workspace(SAMPLE)
    assert_same_copy(workspace)
    mine = {id(part) for part in mutable_parts(workspace)}
    assert not mine & {id(part) for part in mutable_parts(snapshot(workspace))}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workspaces())
def test_random_workspaces_are_copied_as_the_file_would_give_them(
        workspace: Workspace) -> None:
    assert_same_copy(workspace)
    mine = {id(part) for part in mutable_parts(workspace)}
    assert not mine & {id(part) for part in mutable_parts(snapshot(workspace))}


def test_what_the_file_normalises_is_normalised_as_it_does() -> None:
    """Values the app may hold that a file's round trip changes: a duration with a fraction
    of a second (kept in whole seconds), a time in another zone or none (in UTC), a step
    whose extra keys clash with its own, an int coordinate, a ticked purchase option listing
    nothing (not ticked), an unticked one listing something (dropped), an empty contact
    type (none)."""
    workspace = load_workspace(SAMPLE)
    campaign = workspace.campaigns[0]
    plus_two = timezone(timedelta(hours=2))
    steps = [
        Step("delay", duration=timedelta(seconds=90.4)),
        Step("wait_until", until=datetime(2026, 5, 1, 9, 30, tzinfo=plus_two)),
        Step("wait_until", until=datetime(2026, 5, 1, 9, 30)),
        Step("email", subject="Hi", extra={"subject": "Other", "x-note": [1, 2]}),
        Step("apply_tag", tag="t", delay=timedelta(minutes=5, microseconds=7)),
        Step("delay", duration=timedelta(days=3)),
    ]
    campaign.add_node(Node("odd-seq", "sequence", "Odd", 3, -4, SequenceConfig(steps, True)))
    campaign.add_node(Node("odd-goal", "purchase_goal", "Odd goal", 1.5, 2, PurchaseGoalConfig(
        use_products=True, products=[], use_categories=False, categories=["chem"],
        payment_types=["paypal"])))
    workspace.ecommerce.action_sets["successful_purchase"] = [
        Step("send_email", subject="Thanks", delay=timedelta(seconds=0.5))]
    workspace.contacts.append(Contact("odd", "Odd", "One", "odd@example.com", ["a"], ""))
    assert_same_copy(workspace)
    copy = snapshot(workspace)
    node = copy.campaign(campaign.id).node("odd-seq")
    assert node.config.steps[0].duration == timedelta(seconds=90)
    assert node.config.steps[1].until == datetime(2026, 5, 1, 7, 30, tzinfo=UTC)
    assert (node.x, node.y) == (3.0, -4.0) and isinstance(node.x, float)


def test_a_run_does_not_see_later_edits(window) -> None:
    panel = window.simulation_panel
    assert panel.load()
    sim = panel.runner.simulation
    live = window.controller.workspace
    campaign = live.campaigns[0]
    node = campaign.nodes[0]
    names = {c.id: [n.name for n in c.nodes] for c in sim.workspace.campaigns}
    steps = {n.id: [s.describe() for s in n.config.steps] for c in sim.workspace.campaigns
             for n in c.nodes if n.kind == "sequence"}
    campaign.rename(node.id, "Renamed after the run started")
    for n in campaign.nodes:
        if n.kind == "sequence" and n.config.steps:
            n.config.steps[0].subject = "Changed in place"
            n.config.steps.append(Step("apply_tag", tag="added later"))
    live.contacts.append(Contact("late", "Late", "Comer", "late@example.com"))
    assert {c.id: [n.name for n in c.nodes] for c in sim.workspace.campaigns} == names
    assert {n.id: [s.describe() for s in n.config.steps] for c in sim.workspace.campaigns
            for n in c.nodes if n.kind == "sequence"} == steps
    assert "late" not in {c.id for c in sim.workspace.contacts}


def history_as_before(sim: Simulation) -> list[tuple[int, dict[str, dict[str, int]]]]:
    """The runner's history as it was kept before changed_counts(): every node's counts
    copied at each instant looked at, compared whole with the last point (runner._step and
    _keep of then, stepping to the end)."""
    every = max(60, (sim.until - sim.start) // SAMPLES) if sim.until is not None else 3600
    history = [(sim.now, sim.counts())]
    origin, bucket, looked, kept, skipped, last_instant = sim.now, 0, 0, 0, False, sim.now

    def keep(at: int, counts: dict[str, dict[str, int]]) -> None:
        nonlocal kept
        if counts != history[-1][1]:
            if history[-1][0] == at:
                history[-1] = (at, counts)
            else:
                history.append((at, counts))
            kept += 1

    while (at := sim.next_time()) is not None:
        when = int(at.timestamp())
        now_bucket = (when - origin) // every
        if now_bucket != bucket:
            if skipped:
                keep(last_instant, sim.counts())
            bucket, looked, kept, skipped = now_bucket, 0, 0, False
        sim.step()
        following = sim.next_time()
        if following is None or int(following.timestamp()) != when:
            last_instant = when
            if looked < LOOKS_PER_BUCKET and kept < POINTS_PER_BUCKET:
                looked += 1
                keep(when, sim.counts())
            else:
                skipped = True
    if skipped:  # the last full bucket, at its last instant (QA 22i)
        keep(last_instant, sim.counts())
    return history


def test_a_full_last_bucket_shows_its_changes_where_they_were(window, monkeypatch,
                                                               tmp_path) -> None:
    """QA 22i: with no event after a full bucket, its changes showed at the horizon (a
    flat line for a century, then a jump); now at the last instant they happened."""
    import json

    from canvas_app.ui.simulation import runner as runner_module

    monkeypatch.setattr(runner_module, "LOOKS_PER_BUCKET", 1)
    what_if = json.loads((SAMPLE.parent / "pool-store-what-if.scenario.json").read_text())
    what_if["population"]["count"] = 60
    what_if["until"] = "2126-05-01T00:00:00Z"  # a century: every event in its first bucket
    path = tmp_path / "century.scenario.json"
    path.write_text(json.dumps(what_if), encoding="utf-8")
    panel = window.simulation_panel
    panel.select_scenario(str(path))
    assert panel.load()
    runner = panel.runner
    runner.finish()
    sim = runner.simulation
    last_at, last_counts = runner.history[-1]
    assert last_counts == sim.counts()  # the end's counts, kept in the history
    assert last_at <= runner._last_instant < sim.until


def test_the_history_of_counts_is_the_one_copying_every_node_gave(window) -> None:
    """The chart over time's points, kept from the nodes whose counts changed, are those
    that copying every node's counts at each instant gave (a run played in ticks, stepped,
    then finished at once)."""
    panel = window.simulation_panel
    assert panel.load()
    runner = panel.runner
    sim = runner.simulation
    reference = Simulation(snapshot(window.controller.workspace), sim.scenario)
    for _ in range(5):
        runner.step()
        runner.counts_now()  # the panel takes the counts between two points too
    runner.finish()
    assert len(runner.history) > 2
    assert runner.history == history_as_before(reference)
    assert runner.timeline()[-1] == (sim.now, sim.counts())
    assert runner.counts_now() == sim.counts()
