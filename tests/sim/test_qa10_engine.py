"""QA 10: deep chains need no deep Python stack (D1); goals one event reaches at once are
achieved upstream first, whatever order the nodes are stored in (D2); log times keep four
digits of year (m1)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from canvas_app.sim.core import log_time
from canvas_app.sim.model import to_seconds

from .helpers import (
    add,
    at,
    buy,
    camp,
    delay,
    email,
    ev,
    pgoal,
    seq,
    simulate,
    tag,
    tgoal,
    workspace,
)


def links(*pairs: tuple[str, str]) -> list[str]:
    return [f"{a}>{b}" for a, b in pairs]


def log_text(result: Any) -> list[str]:
    return [line.split(" ", 2)[2] for line in result.log]  # without the time


# -- D1: chains of any length ---------------------------------------------------------------
@pytest.mark.parametrize("length", [300, 5000])
def test_D1_a_chain_of_zero_delay_sequences_runs_to_its_end(length: int) -> None:
    nodes = [seq(f"s{i}", email(f"e{i}")) for i in range(length)]
    edges = links(*((f"s{i}", f"s{i + 1}") for i in range(length - 1)))
    _, result = simulate(workspace(camp("k", nodes, *edges)), add(at(1), "ana", "k"))
    assert result.emails_sent == length
    assert all(result.nodes[f"s{i}"]["completed"] == 1 for i in range(length))
    assert result.contacts["ana"]["position"] == []
    lines = log_text(result)
    assert len(lines) == length + 1
    assert lines[0] == 'Ana Diaz was added to "K" (scenario event) \u2192 entered "S0"'
    assert lines[1] == 'Ana Diaz completed "S0" \u2192 entered "S1"'
    assert lines[-1] == f'Ana Diaz completed "S{length - 1}"'


def test_D1_a_chain_of_tag_goals_and_sequences_runs_to_its_end() -> None:
    """s_i emails, then applies t_i, which achieves the goal g_i just after it (C8: s_i is
    left, its last email not sent), whose successor is s_{i+1}: each link is five nested
    calls deep in a recursive engine."""
    length = 400
    nodes: list[dict[str, Any]] = []
    edges: list[str] = []
    for i in range(length):
        nodes += [seq(f"s{i}", email(f"e{i}"), tag(f"t{i}"), email("never")),
                  tgoal(f"g{i}", f"t{i}")]
        edges.append(f"s{i}>g{i}")
        if i:
            edges.append(f"g{i - 1}>s{i}")
    _, result = simulate(workspace(camp("k", nodes, *edges)), add(at(1), "ana", "k"))
    assert result.emails_sent == length
    assert all(result.nodes[f"g{i}"]["achieved"] == 1 for i in range(length))
    assert all(result.nodes[f"s{i}"]["removed"] == 1 for i in range(length))
    lines = log_text(result)
    assert lines[:3] == [
        'Ana Diaz was added to "K" (scenario event) \u2192 entered "S0"',
        'Ana Diaz achieved "G0" (tag "t0" by "S0" step 2) \u2192 left "S0" at step 2 of 3 '
        '\u2192 entered "S1"',
        'Ana Diaz achieved "G1" (tag "t1" by "S1" step 2) \u2192 left "S1" at step 2 of 3 '
        '\u2192 entered "S2"']


def test_D1_a_chain_of_tags_that_achieve_any_contact_goals() -> None:
    """A tag event achieves g0, whose sequence applies the tag of g1, and so on."""
    length = 2000
    nodes: list[dict[str, Any]] = []
    edges: list[str] = []
    for i in range(length):
        nodes += [tgoal(f"g{i}", f"t{i}", achieved_by="any_contact"),
                  seq(f"s{i}", tag(f"t{i + 1}"), email())]
        edges.append(f"g{i}>s{i}")
    _, result = simulate(workspace(camp("k", nodes, *edges)),
                         ev(at(1), "apply_tag", contact="ana", tag="t0"))
    assert result.emails_sent == length
    assert all(result.nodes[f"g{i}"]["achieved"] == 1 for i in range(length))
    assert all(result.nodes[f"s{i}"]["completed"] == 1 for i in range(length))
    lines = log_text(result)
    # each goal's line, then (depth first) all it set off, then its sequence's completion
    assert lines[1].startswith('Ana Diaz achieved "G0"')
    assert lines[2].startswith('Ana Diaz achieved "G1" (tag "t1" by "S0" step 1)')
    assert lines[length + 1] == f'Ana Diaz completed "S{length - 1}"'
    assert lines[-1] == 'Ana Diaz completed "S0"'


def test_D1_effects_and_lines_keep_the_depth_first_order() -> None:
    """s0 leads to s1 and s2, s1 to s3: what s1 sets off (s3) comes before s2 is entered,
    and each line keeps its place before the lines of what it set off."""
    ws = workspace(camp("k", [seq("s0", email()), seq("s1", email()), seq("s2", email()),
                              seq("s3", email())], "s0>s1", "s0>s2", "s1>s3"))
    sim, result = simulate(ws, add(at(1), "ana", "k"))
    assert log_text(result) == [
        'Ana Diaz was added to "K" (scenario event) \u2192 entered "S0"',
        'Ana Diaz completed "S0" \u2192 entered "S1" \u2192 entered "S2"',
        'Ana Diaz completed "S1" \u2192 entered "S3"',
        'Ana Diaz completed "S3"',
        'Ana Diaz completed "S2"']
    entered = [(j["event"], j["node"]) for j in result.contacts["ana"]["journey"]
               if j["event"] in ("entered", "completed")]
    assert entered == [("entered", "s0"), ("completed", "s0"), ("entered", "s1"),
                       ("completed", "s1"), ("entered", "s3"), ("completed", "s3"),
                       ("entered", "s2"), ("completed", "s2")]
    assert sim.pending_work == []


# -- D2: goals one event reaches, whatever the storage order ----------------------------------
def both_orders(nodes: list[dict[str, Any]], edges: list[str], *events: dict[str, Any],
                action_sets: dict[str, Any] | None = None) -> list[Any]:
    """The results of the campaign with its nodes stored as given, and reversed."""
    results = []
    for order in (nodes, nodes[::-1]):
        ws = workspace(camp("k", order, *edges), action_sets=action_sets)
        _, result = simulate(ws, *events)
        results.append(result)
    return results


def same_run(first: Any, second: Any) -> None:
    assert first.nodes == second.nodes
    assert first.contacts == second.contacts
    assert list(first.log) == list(second.log)
    assert first.emails_sent == second.emails_sent


def test_D2_one_order_meets_two_purchase_goals_one_upstream_of_the_other() -> None:
    """QA repro order-a/order-b: g1 (mitt) -> s (3 days, email) -> g2 (any purchase). The
    mitt order meets both: g1 puts Ben into s, then g2 removes him from it (R5)."""
    nodes = [pgoal("g1", products=("mitt",)), seq("s", delay("P3D"), email()),
             pgoal("g2", any_purchase=True)]
    results = both_orders(nodes, ["g1>s", "s>g2"], add(at(1), "ben", "k"),
                          buy(at(2), "ben", "o1", "mitt"))
    for result in results:
        assert result.nodes["s"]["entered"] == 1 and result.nodes["s"]["removed"] == 1
        assert result.nodes["s"]["completed"] == 0 and result.emails_sent == 0
        assert result.nodes["g1"]["achieved"] == result.nodes["g2"]["achieved"] == 1
        assert log_text(result)[-2:] == [
            'Ben Okafor achieved "G1" (order o1, Credit card) \u2192 entered "S"',
            'Ben Okafor achieved "G2" (order o1, Credit card) \u2192 left "S" at step 1 of 2']
    same_run(*results)


def test_D2_one_tag_meets_two_tag_goals_one_upstream_of_the_other() -> None:
    nodes = [tgoal("g1", "vip"), seq("s", delay("P3D"), email()), tgoal("g2", "vip")]
    results = both_orders(nodes, ["g1>s", "s>g2"], add(at(1), "ben", "k"),
                          ev(at(2), "apply_tag", contact="ben", tag="vip"))
    for result in results:
        assert result.nodes["s"]["removed"] == 1 and result.emails_sent == 0
        assert log_text(result)[-2:] == [
            'Ben Okafor achieved "G1" (tag "vip" by scenario event) \u2192 entered "S"',
            'Ben Okafor achieved "G2" (tag "vip" by scenario event) \u2192 left "S" at step 1 of 2']
    same_run(*results)


def test_D2_a_tag_an_action_set_applies_meets_both_goals_upstream_first() -> None:
    """The set's tag is checked after the order's purchase goals (R16, C11), its goals
    upstream first."""
    nodes = [tgoal("g1", "buyer"), seq("s", delay("P3D"), email()), tgoal("g2", "buyer")]
    sets = {"successful_purchase": [{"kind": "apply_tag", "tag": "buyer"}]}
    results = both_orders(nodes, ["g1>s", "s>g2"], add(at(1), "ben", "k"),
                          buy(at(2), "ben", "o1", "mitt"), action_sets=sets)
    for result in results:
        assert result.nodes["s"]["removed"] == 1 and result.emails_sent == 0
    same_run(*results)


def test_D2_a_sequence_step_tag_meets_both_goals_upstream_first() -> None:
    """start applies "go", a goal of g1 (upstream) and of g2 (downstream of s)."""
    nodes = [seq("start", tag("go")), tgoal("g1", "go"), seq("s", delay("P3D"), email()),
             tgoal("g2", "go")]
    results = both_orders(nodes, ["start>g1", "g1>s", "s>g2"], add(at(1), "ben", "k"))
    for result in results:
        assert result.nodes["s"]["removed"] == 1 and result.emails_sent == 0
    same_run(*results)


def test_D2_unrelated_goals_and_goals_on_a_loop_go_by_node_id() -> None:
    """a and b: neither is upstream of the other; x and y are on a loop (each upstream of the
    other): by node id, whatever the storage order."""
    anyone = "any_contact"
    nodes = [tgoal("b", "t", achieved_by=anyone), seq("sb", email("b")),
             tgoal("a", "t", achieved_by=anyone), seq("sa", email("a")),
             tgoal("y", "t", achieved_by=anyone), seq("sy", delay("P1D")),
             tgoal("x", "t", achieved_by=anyone), seq("sx", delay("P1D"))]
    edges = ["b>sb", "a>sa", "x>sx", "sx>y", "y>sy", "sy>x"]
    results = both_orders(nodes, edges, ev(at(1), "apply_tag", contact="ana", tag="t"))
    for result in results:
        achieved = [line.split('"')[1] for line in log_text(result)
                    if line.startswith("Ana Diaz achieved")]
        assert achieved == ["A", "B", "X", "Y"]
    same_run(*results)


def test_D2_payment_type_refusals_come_before_the_goals_the_order_meets() -> None:
    nodes = [pgoal("g1", products=("mitt",)), seq("s", delay("P3D"), email()),
             pgoal("g2", any_purchase=True, payment_types=["check"])]
    results = both_orders(nodes, ["g1>s", "s>g2"], add(at(1), "ben", "k"),
                          buy(at(2), "ben", "o1", "mitt"))
    for result in results:
        lines = log_text(result)
        placed = next(i for i, line in enumerate(lines) if "placed order o1" in line)
        assert lines[placed + 1:placed + 3] == [
            'Ben Okafor did not achieve "G2" (order o1): payment type Credit card not chosen',
            'Ben Okafor achieved "G1" (order o1, Credit card) \u2192 entered "S"']
        assert result.nodes["s"]["completed"] == 1 and result.emails_sent == 1
    same_run(*results)


# -- m1: four digits of year -------------------------------------------------------------------
@pytest.mark.parametrize(("moment", "text"), [
    (datetime(1, 1, 1, tzinfo=UTC), "0001-01-01 00:00"),
    (datetime(999, 12, 31, 23, 59, 7, tzinfo=UTC), "0999-12-31 23:59:07"),
    (datetime(2026, 3, 2, 9, 5, tzinfo=UTC), "2026-03-02 09:05"),
    (datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC), "9999-12-31 23:59:59"),
])
def test_m1_log_time_keeps_four_digits_of_year(moment: datetime, text: str) -> None:
    assert log_time(to_seconds(moment)) == text


def test_m1_a_run_in_year_one_logs_0001() -> None:
    ws = workspace(camp("k", [seq("s", email())]))
    _, result = simulate(ws, add("0001-01-01T00:00:00Z", "ana", "k"),
                         start="0001-01-01T00:00:00Z")
    assert list(result.log) == [
        '0001-01-01 00:00 Ana Diaz was added to "K" (scenario event) \u2192 entered "S"',
        '0001-01-01 00:00 Ana Diaz completed "S"']
