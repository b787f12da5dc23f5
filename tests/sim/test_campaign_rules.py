"""R3-R7 and C7-C9, C14: contacts moving through campaign graphs."""

from __future__ import annotations

from .helpers import (
    add,
    at,
    buy,
    camp,
    delay,
    email,
    ev,
    events_of,
    pgoal,
    seq,
    simulate,
    tag,
    tgoal,
    workspace,
)


def test_R3_added_contact_starts_at_every_entry_node() -> None:
    ws = workspace(camp("c", [seq("s1", email(), delay("P1D")), tgoal("g", "vip"),
                              seq("s2", email())], "g>s2"))
    _, result = simulate(ws, add(at(1), "ana"))
    assert result.nodes["s1"]["entered"] == 1
    assert result.nodes["g"]["waiting"] == 1  # an entry goal: the contact waits there
    assert result.nodes["s2"]["entered"] == 0
    assert result.contacts["ana"]["position"] == ["g"]  # s1 completed after its delay
    assert result.campaigns["c"]["contacts"] == 1


def test_R3_contact_not_added_is_not_in_campaign() -> None:
    ws = workspace(camp("c", [seq("s1", email())]))
    _, result = simulate(ws, add(at(1), "ana"))
    assert result.nodes["s1"]["entered"] == 1
    assert result.contacts["ben"]["position"] == []
    assert events_of(result, "ben") == []


def test_R4_goal_refuses_contact_not_in_campaign_and_logs_why() -> None:
    ws = workspace(camp("c", [seq("s", email()), pgoal("g", ("shock",)), seq("post", email())],
                        "s>g", "g>post"))
    _, result = simulate(ws, buy(at(2), "ben", "o-1", "shock"))
    assert result.nodes["g"]["achieved"] == 0
    assert result.nodes["post"]["entered"] == 0
    refused = events_of(result, "ben", "not_eligible")
    assert refused and refused[0]["detail"] == 'order o-1, Credit card: not in "C"'
    assert any('did not achieve "G"' in line and 'not in "C"' in line  # the campaign named
               for line in result.log)


def test_R4_any_contact_goal_accepts_outsider_without_entry_start() -> None:
    ws = workspace(camp("c", [seq("entry", email()), pgoal("g", ("shock",),
                                                           achieved_by="any_contact"),
                              seq("post", email())], "g>post"))
    _, result = simulate(ws, buy(at(2), "ben", "o-1", "shock"))
    assert result.nodes["g"]["achieved"] == 1
    assert result.nodes["post"]["entered"] == 1
    assert result.nodes["entry"]["entered"] == 0  # C9: joining by a goal is no entry start
    assert result.campaigns["c"]["contacts"] == 1


def test_R4_removed_contact_is_not_eligible() -> None:
    ws = workspace(camp("c", [seq("s", delay("P5D")), pgoal("g", ("shock",))], "s>g"))
    _, result = simulate(ws, add(at(1), "ana"),
                         ev(at(2), "remove_from_campaign", contact="ana", campaign="c"),
                         buy(at(3), "ana", "o-1", "shock"))
    assert result.nodes["g"]["achieved"] == 0
    assert events_of(result, "ana", "not_eligible")[0]["detail"].endswith(
        'removed from "C"')


def test_R5_goal_cancels_direct_and_indirect_upstream_sequences() -> None:
    # a (entry) -> g ; b (entry) -> t (tag goal) -> g : b is upstream of g through t
    ws = workspace(camp("c", [seq("a", email(), delay("P3D"), email()),
                              seq("b", delay("P4D"), email()), tgoal("t", "x"),
                              pgoal("g", ("shock",)), seq("post", email())],
                        "a>g", "b>t", "t>g", "g>post"))
    _, result = simulate(ws, add(at(1), "ana"), buy(at(2), "ana", "o-1", "shock"))
    assert result.nodes["a"]["removed"] == 1
    assert result.nodes["b"]["removed"] == 1
    assert result.nodes["a"]["completed"] == 0 and result.nodes["b"]["completed"] == 0
    assert result.nodes["post"]["entered"] == 1
    line = next(x for x in result.log if 'achieved "G"' in x)
    assert '→ left "A" at step 2 of 3' in line and '→ left "B" at step 1 of 2' in line
    assert line.endswith('→ entered "Post"')


def test_R5_runs_until_completed_sequence_keeps_running() -> None:
    ws = workspace(camp("c", [seq("a", delay("P3D"), email("last"), ruc=True),
                              pgoal("g", ("shock",)), seq("post", email())],
                        "a>g", "g>post"))
    _, result = simulate(ws, add(at(1), "ana"), buy(at(2), "ana", "o-1", "shock"))
    assert result.nodes["a"]["removed"] == 0
    assert result.nodes["a"]["completed"] == 1
    assert result.nodes["post"]["entered"] == 1
    # after completing, the contact reaches the goal it already achieved: no wait (C14)
    assert result.nodes["g"]["waiting"] == 0
    assert result.contacts["ana"]["position"] == []
    assert result.emails_sent == 2


def test_R5_successors_a_sequence_starts_and_a_goal_waits() -> None:
    ws = workspace(camp("c", [pgoal("g", ("shock",)), seq("s", email()), tgoal("t", "x")],
                        "g>s", "g>t"))
    _, result = simulate(ws, add(at(1), "ana"), buy(at(2), "ana", "o-1", "shock"))
    assert result.nodes["s"]["completed"] == 1
    assert result.nodes["t"]["waiting"] == 1
    assert result.contacts["ana"]["position"] == ["t"]


def test_R5a_no_second_entry_into_a_sequence() -> None:
    # s -> g -> s : a loop that R5a keeps finite
    ws = workspace(camp("c", [seq("start", email()), seq("s", delay("P2D")),
                              pgoal("g", any_purchase=True)], "start>s", "s>g", "g>s"))
    _, result = simulate(ws, add(at(1), "ana"), buy(at(2), "ana", "o-1", "shock"))
    assert result.nodes["s"]["entered"] == 1
    assert result.nodes["s"]["removed"] == 1
    skipped = events_of(result, "ana", "skipped_reentry")
    assert len(skipped) == 1 and skipped[0]["node"] == "s"


def test_R6_delays_hold_and_completion_enters_successors() -> None:
    ws = workspace(camp("c", [seq("s", email(), delay("P2D"), email(), delay(90)),
                              seq("next", email())], "s>next"))
    _, result = simulate(ws, add(at(1), "ana"))
    journey = events_of(result, "ana")
    completed = next(j for j in journey if j["event"] == "completed")
    assert completed["at"] == "2026-01-03T10:30:00Z"  # 2 days + 90 minutes
    entered_next = [j for j in journey if j["event"] == "entered" and j["node"] == "next"]
    assert entered_next[0]["at"] == completed["at"]
    assert result.nodes["next"]["completed"] == 1
    assert result.emails_sent == 3


def test_R6_delay_past_the_horizon_leaves_the_contact_active() -> None:
    ws = workspace(camp("c", [seq("s", email(), delay("P10D"), email())]))
    _, result = simulate(ws, add(at(1), "ana"), until=at(5))
    assert result.nodes["s"] == {**result.nodes["s"], "entered": 1, "completed": 0,
                                 "removed": 0, "active": 1}
    assert result.contacts["ana"]["position"] == ["s"]
    assert result.emails_sent == 1


def test_R6_wait_until_passed_goes_through_and_future_wait_holds() -> None:
    ws = workspace(camp("c", [
        seq("past", {"kind": "wait_until", "until": "2025-06-01T00:00:00Z"}, email()),
        seq("future", {"kind": "wait_until", "until": "2026-01-20T12:00:00Z"}, email()),
    ]))
    _, result = simulate(ws, add(at(1), "ana"), until=at(10))
    assert result.nodes["past"]["completed"] == 1
    assert result.nodes["future"]["active"] == 1  # its wait ends after the horizon
    _, later = simulate(ws, add(at(1), "ana"), until=at(25))
    future_done = [j for j in events_of(later, "ana", "completed") if j["node"] == "future"]
    assert future_done[0]["at"] == "2026-01-20T12:00:00Z"


def test_R7_tag_goal_by_step_by_action_and_by_event() -> None:
    ws = workspace(camp("c", [seq("s", delay("P1D"), tag("vip")), tgoal("g", "vip", "gold"),
                              seq("post", email())], "s>g", "g>post"),
                   product_sets={"mitt": [{"kind": "apply_tag", "tag": "gold"}]})
    _, by_step = simulate(ws, add(at(1), "ana"))
    assert by_step.nodes["g"]["achieved"] == 1
    _, by_action = simulate(ws, add(at(1), "ana"), buy(at(1, 12), "ana", "o-1", "mitt"))
    assert events_of(by_action, "ana", "achieved")[0]["detail"].startswith('tag "gold"')
    _, by_event = simulate(ws, add(at(1), "ana"), ev(at(1, 10), "apply_tag", contact="ana",
                                                      tag="vip"))
    achieved = events_of(by_event, "ana", "achieved")
    assert achieved[0]["at"] == at(1, 10)
    assert by_event.nodes["post"]["entered"] == 1


def test_C7_goals_react_to_events_not_states() -> None:
    ws = workspace(camp("c", [seq("s", email()), tgoal("g", "vip")], "s>g"),
                   contacts=[{"id": "ana", "first_name": "Ana", "last_name": "D",
                              "email": "a@x.com", "tags": ["vip"]}])
    _, result = simulate(ws, add(at(1), "ana"),
                         ev(at(2), "apply_tag", contact="ana", tag="vip"))
    assert result.nodes["g"]["achieved"] == 0  # holding the tag, and re-applying it: nothing
    assert result.nodes["g"]["waiting"] == 1


def test_C8_repeat_achievement_not_counted_but_has_effects() -> None:
    ws = workspace(camp("c", [seq("s", delay("P5D")), tgoal("g", "a", "b"),
                              seq("post", delay("P9D"))], "s>g", "g>post"))
    _, result = simulate(ws, add(at(1), "ana"), ev(at(2), "apply_tag", contact="ana", tag="a"),
                         ev(at(3), "apply_tag", contact="ana", tag="b"))
    assert result.nodes["g"]["achieved"] == 1
    again = events_of(result, "ana", "achieved_again")
    assert len(again) == 1
    assert events_of(result, "ana", "skipped_reentry")[0]["node"] == "post"
    assert any('achieved again "G"' in line for line in result.log)


def test_C8_sequence_whose_own_step_achieves_downstream_goal_is_removed() -> None:
    ws = workspace(camp("c", [seq("s", email(), tag("done"), email("never")),
                              tgoal("g", "done"), seq("post", email())], "s>g", "g>post"))
    _, result = simulate(ws, add(at(1), "ana"))
    assert result.nodes["s"]["removed"] == 1 and result.nodes["s"]["completed"] == 0
    assert result.emails_sent == 2  # the step after the tag never runs
    ruc = workspace(camp("c", [seq("s", email(), tag("done"), email("still"), ruc=True),
                               tgoal("g", "done"), seq("post", email())], "s>g", "g>post"))
    _, kept = simulate(ruc, add(at(1), "ana"))
    assert kept.nodes["s"]["completed"] == 1 and kept.emails_sent == 3


def test_C9_remove_from_campaign_and_add_twice() -> None:
    ws = workspace(camp("c", [seq("s", delay("P5D")), tgoal("g", "x")], "s>g"))
    _, result = simulate(ws, add(at(1), "ana"), add(at(1, 10), "ana"),
                         ev(at(2), "remove_from_campaign", contact="ana", campaign="c"))
    assert result.nodes["s"]["entered"] == 1 and result.nodes["s"]["removed"] == 1
    assert any("already in" in line and "nothing to do" in line for line in result.log)
    assert [j["event"] for j in events_of(result, "ana")][-2:] == [
        "removed_from_campaign", "removed"]
    assert result.contacts["ana"]["position"] == []


def test_C14_achieving_one_goal_does_not_end_waits_at_others() -> None:
    ws = workspace(camp("c", [tgoal("g1", "x"), tgoal("g2", "y"), seq("s", email())],
                        "g1>s"))
    _, result = simulate(ws, add(at(1), "ana"), ev(at(2), "apply_tag", contact="ana", tag="x"))
    assert result.nodes["g1"]["waiting"] == 0 and result.nodes["g2"]["waiting"] == 1
    assert result.contacts["ana"]["position"] == ["g2"]


def test_C14_campaign_option_simulates_one_campaign_alone() -> None:
    ws = workspace(camp("c", [seq("s", email())]),
                   camp("other", [pgoal("og", any_purchase=True, achieved_by="any_contact")]),
                   action_sets={"successful_purchase": [tag("buyer")]})
    _, result = simulate(ws, add(at(1), "ana"), buy(at(2), "ana", "o-1", "shock"),
                         campaign="c")
    assert set(result.nodes) == {"s"}
    assert result.action_sets == {"successful_purchase": 1}  # action sets still fire


def test_log_names_the_campaign_of_a_node_whose_name_another_campaign_shares() -> None:
    first, second = seq("w1", email()), seq("w2", email())
    first["name"] = second["name"] = "Welcome"
    ws = workspace(camp("a", [first, seq("only", email())], "w1>only"), camp("b", [second]))
    _, result = simulate(ws, add(at(1), "ana", "a"), add(at(2), "ana", "b"))
    assert any('entered "Welcome" in "A"' in line for line in result.log)
    assert any('entered "Welcome" in "B"' in line for line in result.log)
    assert any('entered "Only"' in line and '"Only" in' not in line for line in result.log)
    assert [j["detail"] for j in events_of(result, "ana", "entered")][:1] == [
        'entered "Welcome" in "A"']
