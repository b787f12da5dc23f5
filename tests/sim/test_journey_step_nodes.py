"""QA: a sequence's tag, tag-removal and contact-type steps left the journey's node empty
(its email and notify-team steps named their sequence), so the contacts table's Node column
was blank for them and double-clicking could not show the node; an action set of one action
read "(1 actions)"."""

from __future__ import annotations

from .helpers import add, at, buy, camp, email, events_of, seq, simulate, tag, workspace


def test_every_step_of_a_sequence_names_its_sequence_in_the_journey() -> None:
    steps = (email("Hello"), tag("vip"), {"kind": "remove_tag", "tag": "vip"},
             {"kind": "set_contact_type", "contact_type": "customer"},
             {"kind": "notify_team", "message": "Call"})
    ws = workspace(camp("c", [seq("s", *steps)]))
    _, result = simulate(ws, add(at(1), "ana"))
    by_event = {j["event"]: j for j in events_of(result, "ana")}
    for event in ("email_sent", "tag_applied", "tag_removed", "contact_type_set",
                  "notify_team"):
        assert by_event[event]["node"] == "s", by_event[event]


def test_an_action_set_s_actions_name_no_node_and_one_action_is_singular() -> None:
    ws = workspace(camp("c", [seq("s", email())]),
                   product_sets={"mitt": [{"kind": "apply_tag", "tag": "gold"}],
                                 "shock": [{"kind": "apply_tag", "tag": "a"},
                                           {"kind": "apply_tag", "tag": "b"}]})
    _, result = simulate(ws, buy(at(1), "ana", "o-1", "mitt"),
                         buy(at(2), "ana", "o-2", "shock"))
    sets = [j["detail"] for j in events_of(result, "ana", "action_set")]
    assert sets[0].endswith("(1 action)") and sets[1].endswith("(2 actions)"), sets
    tags = events_of(result, "ana", "tag_applied")
    assert tags and all(j["node"] is None for j in tags)
