"""QA 2 of the command line and the simulation's files: each case runs ``canvas-app`` on
real files (via :func:`canvas_app.cli.main`) and checks what it prints and returns."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from canvas_app.cli import main

CATALOG = {
    "categories": [{"id": "cat-a", "name": "Cat A"}],
    "products": [{"id": "p1", "name": "Prod One", "category": "cat-a", "price": 10,
                  "billing": "one_time"}],
    "order_forms": [{"id": "f-new", "name": "New Form", "legacy": False}],
    "payment_types": ["credit_card", "paypal"],
}
CONTACTS = [{"id": "c1", "first_name": "Ann", "last_name": "One", "email": "ann@x.com",
             "tags": []}]


def seq(node_id: str, *steps: dict[str, Any], name: str | None = None) -> dict[str, Any]:
    return {"id": node_id, "kind": "sequence", "name": name or node_id, "x": 0, "y": 0,
            "steps": list(steps), "runs_until_completed": False}


def workspace(*nodes: dict[str, Any], edges: tuple[tuple[str, str], ...] = (),
              contacts: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"format": "campaign-canvas", "version": 1, "catalog": CATALOG,
            "ecommerce": {"settings": {"product_actions_for_legacy_and_manual": False},
                          "action_sets": {}, "product_action_sets": {}},
            "contacts": CONTACTS if contacts is None else contacts,
            "campaigns": [{"id": "C", "name": "C", "nodes": list(nodes),
                           "edges": [{"source": a, "target": b} for a, b in edges]}]}


def files(tmp_path: Path, ws: dict[str, Any], scenario: dict[str, Any]) -> tuple[str, str]:
    w = tmp_path / "w.campaign.json"
    s = tmp_path / "s.scenario.json"
    w.write_text(json.dumps(ws), encoding="utf-8")
    s.write_text(json.dumps({"start": "2026-01-01T00:00:00Z", **scenario}), encoding="utf-8")
    return str(w), str(s)


def added(contact: str = "c1", when: str = "2026-01-01T00:00:00Z") -> dict[str, Any]:
    return {"at": when, "type": "add_to_campaign", "contact": contact, "campaign": "C"}


def one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    return lines[0]


# -- 2: an unknown key in a scenario's contact is refused, as everywhere else in the file ---
def test_an_unknown_key_of_a_scenario_contact_is_refused(tmp_path, capsys):
    w, s = files(tmp_path, workspace(seq("N", {"kind": "email", "subject": "Hi"})), {
        "contacts": [{"id": "ann2", "first_name": "Ann", "last_name": "Two",
                      "emial": "ann2@x.com"}],
        "events": [added("ann2")]})
    assert main(["simulate", w, "--scenario", s]) == 1
    assert one_error_line(capsys) == (
        f'{s}: contacts[0]: unknown key "emial" (known: id, first_name, last_name, email, '
        "tags, contact_type)")


# -- 3: a line break in a name, tag or subject is printed escaped, on one line ---------------
def test_control_characters_are_printed_escaped_one_entry_a_line(tmp_path, capsys):
    ws = workspace(
        seq("N", {"kind": "email", "subject": "line1\nline2"},
            {"kind": "apply_tag", "tag": "t\x1bx"}, name="Multi\nLine"),
        {"id": "G", "kind": "tag_goal", "name": "Wait\u2028here", "x": 0, "y": 0,
         "config": {"tags": ["never\tapplied"], "achieved_by": "campaign"}},
        edges=(("N", "G"),),
        contacts=[{"id": "c1", "first_name": "An\nn", "last_name": "O\x1b", "email": "a@x.com",
                   "tags": []}])
    w, s = files(tmp_path, ws, {"events": [added()]})
    assert main(["validate", w]) == 0
    out = capsys.readouterr().out.splitlines()
    assert all(line.startswith("warning: ") for line in out[:-1]) and len(out) > 1
    assert any('"never\\tapplied"' in line for line in out)
    assert out[-1].startswith(f"{w}: valid (")

    assert main(["simulate", w, "--scenario", s]) == 0
    out = capsys.readouterr().out.splitlines()
    log = out[out.index("What happened:") + 1:]
    assert log and all(line.startswith("  2026-01-01 00:00 ") for line in log)
    assert any("An\\nn O\\x1b" in line and '"Multi\\nLine"' in line for line in log)
    assert any('"Wait\\u2028here"' in line for line in log)


# -- 8: "1 contact in it", "2 contacts in it" ------------------------------------------------
@pytest.mark.parametrize(("contacts", "expected"), [(1, "1 contact in it"),
                                                    (2, "2 contacts in it"),
                                                    (0, "0 contacts in it")])
def test_the_campaign_heading_counts_contacts_in_words(contacts, expected, tmp_path, capsys):
    people = [{"id": f"c{i}", "first_name": "A", "last_name": str(i), "email": f"{i}@x.com",
               "tags": []} for i in range(2)]
    w, s = files(tmp_path, workspace(seq("N", {"kind": "email", "subject": "Hi"}),
                                     contacts=people),
                 {"events": [added(f"c{i}") for i in range(contacts)]})
    assert main(["simulate", w, "--scenario", s]) == 0
    assert f'Campaign "C" (C): {expected}' in capsys.readouterr().out.splitlines()


# -- 5: a bad option value is bad usage: exit 2, one line --------------------------------------
@pytest.mark.parametrize(("option", "value", "expected"), [
    ("--until", "garbage", "argument --until: 'garbage' is not an ISO 8601 time like "
                           "2026-01-02T09:00:00Z"),
    ("--until", "2026-13-01", "argument --until: '2026-13-01' is not an ISO 8601 time"),
    ("--seed", "abc", "argument --seed: 'abc' is not a whole number"),
])
def test_a_bad_option_value_is_a_usage_error_on_one_line(option, value, expected, tmp_path,
                                                         capsys):
    w, s = files(tmp_path, workspace(seq("N", {"kind": "email", "subject": "Hi"})),
                 {"events": [added()]})
    with pytest.raises(SystemExit) as caught:
        main(["simulate", w, "--scenario", s, option, value])
    assert caught.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.splitlines()) == 1
    assert captured.err.startswith(f"canvas-app simulate: error: {expected}")


# -- 7: a payment listed before its order at the same instant says so --------------------------
def test_a_payment_before_its_order_at_the_same_instant_names_the_order(tmp_path, capsys):
    when = "2026-01-02T00:00:00Z"
    w, s = files(tmp_path, workspace(seq("N", {"kind": "email", "subject": "Hi"})), {
        "events": [{"at": when, "type": "payment", "order_id": "o1", "outcome": "success"},
                   {"at": when, "type": "purchase", "contact": "c1", "channel": "shopping_cart",
                    "order_id": "o1", "products": ["p1"], "payment_type": "paypal",
                    "outcome": "pending"}]})
    assert main(["simulate", w, "--scenario", s]) == 1
    assert one_error_line(capsys) == (
        f'{s}: events[0].order_id: order "o1" is placed by events[1], after this payment (at '
        "the same time, later in the file): a payment must come after its order")


# -- 4: created contacts skip ids the files' own contacts hold (documented choice) ------------
def test_created_contacts_skip_new_ids_already_taken(tmp_path, capsys):
    people = [{"id": f"new-{i}", "first_name": "N", "last_name": str(i),
               "email": f"n{i}@x.com", "tags": []} for i in (1, 2)]
    w, s = files(tmp_path, workspace(seq("N", {"kind": "email", "subject": "Hi"}),
                                     contacts=people), {
        "events": [{"at": "2026-01-01T00:00:00Z", "type": "purchase",
                    "contact": {"first_name": "Zoe", "last_name": "Z", "email": "z@x.com"},
                    "channel": "shopping_cart", "order_id": "o1", "products": ["p1"],
                    "payment_type": "paypal", "outcome": "success"}]})
    assert main(["simulate", w, "--scenario", s, "--json"]) == 0
    contacts = json.loads(capsys.readouterr().out)["contacts"]
    assert contacts["new-3"]["first_name"] == "Zoe"
    assert [contacts[f"new-{i}"]["last_name"] for i in (1, 2)] == ["1", "2"]
