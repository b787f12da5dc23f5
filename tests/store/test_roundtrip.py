"""The round trip of the issue's acceptance: JSON -> store -> JSON gives the same
workspace and the same JSON data, on SQLite and on PostgreSQL."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis.errors import NoSuchExample

from canvas_app.domain.nodes import node_kinds
from canvas_app.domain.steps import ACTION_KINDS, STEP_KINDS
from canvas_app.io import workspace_from_data, workspace_to_data
from tests.strategies import workspaces


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(workspace=workspaces())
def test_json_store_json_round_trip(store, workspace):
    assert workspace.validate() == []
    data = workspace_to_data(workspace)
    # Through JSON text, as a file would be.
    from_json = workspace_from_data(json.loads(json.dumps(data)))
    assert from_json == workspace
    store.save(from_json)
    loaded = store.load()
    assert loaded == from_json
    assert workspace_to_data(loaded) == data
    assert json.loads(json.dumps(workspace_to_data(loaded))) == json.loads(json.dumps(data))


# -- the strategy draws every kind ---------------------------------------------------------
def _nodes(w):
    return [n for c in w.campaigns for n in c.nodes]


def _steps(w):
    return [s for n in _nodes(w) if n.kind == "sequence" for s in n.config.steps]


def _actions(w):
    eco = w.ecommerce
    return [a for actions in [*eco.action_sets.values(), *eco.product_action_sets.values()]
            for a in actions]


def _purchase_goals(w):
    return [n.config for n in _nodes(w) if n.kind == "purchase_goal"]


CHECKS = {
    "action with a delay": lambda w: any(a.delay for a in _actions(w)),
    "step with extra keys": lambda w: any(s.extra for s in _steps(w)),
    "product action set": lambda w: bool(w.ecommerce.product_action_sets),
    "purchase goal naming order forms": lambda w: any(c.order_forms
                                                      for c in _purchase_goals(w)),
    "purchase goal naming products": lambda w: any(c.products for c in _purchase_goals(w)),
    "purchase goal naming categories": lambda w: any(c.categories
                                                     for c in _purchase_goals(w)),
    "purchase goal with payment types": lambda w: any(c.payment_types != "any"
                                                      for c in _purchase_goals(w)),
    "links": lambda w: any(c.edges for c in w.campaigns),
    "contact with tags": lambda w: any(c.tags for c in w.contacts),
}
WANTED = ({f"node {k}" for k in node_kinds()} | {f"step {k}" for k in STEP_KINDS}
          | {f"action {k}" for k in ACTION_KINDS} | set(CHECKS))


def features(w) -> set[str]:
    """What a workspace shows of the variety the round trip must cover."""
    found = {f"node {n.kind}" for n in _nodes(w)}
    found |= {f"step {s.kind}" for s in _steps(w)} | {f"action {a.kind}" for a in _actions(w)}
    return found | {name for name, check in CHECKS.items() if check(w)}


def test_the_strategy_draws_every_kind():
    seen: set[str] = set()

    def everything_seen(workspace) -> bool:
        seen.update(features(workspace))
        return seen >= WANTED

    try:
        find(workspaces(), everything_seen,
             settings=settings(max_examples=1000, phases=[Phase.generate], database=None))
    except NoSuchExample:
        pytest.fail(f"never drawn: {sorted(WANTED - seen)}")
