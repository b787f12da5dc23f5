"""The plan's upstream sequences (R5) on long chains, loops and random campaigns.

The plan finds each goal's upstream sequences at set-up and lists a goal's tuple when first
asked for (canvas_app/sim/plan.py). Here they are checked against what a chain's shape says
they must be, and against ``campaign.upstream`` (``networkx.ancestors``) on random campaigns
with and without loops; and a contact is run through a chain of about 3,000 links to its
end.
"""

from __future__ import annotations

import random
from typing import Any

from canvas_app.domain.workspace import Workspace
from canvas_app.sim.plan import Plan

from .helpers import add, at, camp, email, seq, simulate, tag, tgoal, workspace

GOALS = 1500  # s0 > g0 > s1 > g1 > ... > s1499 > g1499: 2,999 links


def chain(goals: int, back_link: tuple[str, str] | None = None,
          seed: int = 3) -> tuple[Workspace, list[str]]:
    """A chain of ``goals`` sequence-goal pairs, its nodes stored in a shuffled order
    (returned too). Sequence sk applies tag tk, which achieves goal gk; the last sequence
    only sends an email, so a contact ends waiting at the last goal."""
    nodes: list[dict[str, Any]] = []
    links: list[str] = []
    for k in range(goals):
        last = k == goals - 1
        nodes.append(seq(f"s{k}", email() if last else tag(f"t{k}")))
        nodes.append(tgoal(f"g{k}", f"t{k}"))
        links.append(f"s{k}>g{k}")
        if not last:
            links.append(f"g{k}>s{k + 1}")
    if back_link is not None:
        links.append(f"{back_link[0]}>{back_link[1]}")
    random.Random(seed).shuffle(nodes)
    return workspace(camp("c", nodes, *links)), [n["id"] for n in nodes]


def in_order(ids: set[str], order: list[str]) -> tuple[str, ...]:
    return tuple(n for n in order if n in ids)


def test_R5_each_goal_of_a_long_chain_lists_the_sequences_before_it_in_node_order() -> None:
    ws, order = chain(GOALS)
    plan = Plan(ws)
    for k in (0, 1, 2, 777, GOALS // 2, GOALS - 2, GOALS - 1):
        expected = in_order({f"s{j}" for j in range(k + 1)}, order)
        assert plan.nodes[f"g{k}"].upstream_sequences == expected, k
    assert [len(plan.nodes[f"g{k}"].upstream_sequences) for k in range(GOALS)] == \
        list(range(1, GOALS + 1))
    assert all(plan.nodes[f"s{k}"].upstream_sequences == () for k in range(GOALS))


def test_R5_goals_on_a_loop_list_every_sequence_that_reaches_them() -> None:
    """A link from the last goal back to s1000: every goal from g1000 on is on a loop with
    s1000..s1499, so all sequences reach it; the goals before the loop are unchanged."""
    ws, order = chain(GOALS, back_link=(f"g{GOALS - 1}", "s1000"))
    plan = Plan(ws)
    everything = in_order({f"s{j}" for j in range(GOALS)}, order)
    for k in (1000, 1001, 1234, GOALS - 1):
        assert plan.nodes[f"g{k}"].upstream_sequences == everything, k
    for k in (0, 500, 999):
        assert plan.nodes[f"g{k}"].upstream_sequences == \
            in_order({f"s{j}" for j in range(k + 1)}, order), k


def test_R5_a_contact_runs_through_a_long_chain_to_its_last_goal() -> None:
    ws, _ = chain(GOALS)
    _, result = simulate(ws, add(at(1), "ana"))
    assert result.contacts["ana"]["position"] == [f"g{GOALS - 1}"]
    for k in range(GOALS - 1):
        assert result.nodes[f"g{k}"]["achieved"] == 1, k
        assert result.nodes[f"s{k}"]["entered"] == 1, k
        assert result.nodes[f"s{k}"]["removed"] == 1, k  # left when g{k} was achieved
    last = result.nodes[f"s{GOALS - 1}"]
    assert (last["entered"], last["completed"], last["removed"]) == (1, 1, 0)
    assert result.nodes[f"g{GOALS - 1}"]["achieved"] == 0
    assert result.nodes[f"g{GOALS - 1}"]["waiting"] == 1


def random_campaign(r: random.Random, number: int) -> dict[str, Any]:
    ids = [f"n{i}" for i in range(r.randint(2, 60))]
    nodes = [seq(i) if r.random() < 0.5 else tgoal(i, "t") for i in ids]
    links: set[str] = set()
    for _ in range(int(len(ids) * r.choice([0.5, 1, 2, 4]))):
        a, b = r.sample(ids, 2)
        links.add(f"{a}>{b}")
    r.shuffle(nodes)
    return camp(f"c{number}", [dict(n, id=f"{n['id']}c{number}") for n in nodes],
                *sorted(f"{a}c{number}>{b}c{number}" for a, b in
                        (link.split(">") for link in links)))


def test_R5_upstream_sequences_match_the_campaigns_own_ancestors_on_random_campaigns() -> None:
    for seed in range(60):
        r = random.Random(seed)
        ws = workspace(*(random_campaign(r, c) for c in range(r.randint(1, 3))))
        plan = Plan(ws)
        for campaign in ws.campaigns:
            order = [n.id for n in campaign.nodes]
            for node in campaign.nodes:
                if node.is_goal:
                    upstream = campaign.upstream(node.id)
                    expected = tuple(n for n in order
                                     if n in upstream and not campaign.node(n).is_goal)
                    assert plan.nodes[node.id].upstream_sequences == expected, (seed, node.id)
