"""Bad workspace files: one located line naming file, JSON path and problem; exit 1 (R11, C6)."""

import copy
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from canvas_app.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "pool-store.campaign.json"
BASE = json.loads(SAMPLE.read_text())


def _nurture_goal(d: dict) -> dict:
    return d["campaigns"][0]["nodes"][1]["config"]


def _set(path_fn: Callable[[dict], dict], key: str, value: object) -> Callable[[dict], None]:
    def mutate(d: dict) -> None:
        path_fn(d)[key] = value
    return mutate


CASES = {
    "wrong_format": (_set(lambda d: d, "format", "other-app"),
                     "format: not a Campaign Canvas workspace"),
    "no_format": (lambda d: d.pop("format"),  # any other JSON object: not "format is null"
                  'not a Campaign Canvas workspace: the "format" key is missing'),
    "newer_version": (_set(lambda d: d, "version", 2),
                      "version: version 2 is newer than this app can read"),
    "bad_version": (_set(lambda d: d, "version", "one"), 'version: unsupported version "one"'),
    "unknown_node_kind": (_set(lambda d: d["campaigns"][0]["nodes"][0], "kind", "webhook"),
                          'campaigns[0].nodes[0].kind: (node nurture) unknown node kind '
                          '"webhook" (known: purchase_goal, tag_goal, sequence)'),
    "node_far_off_the_canvas": (
        _set(lambda d: d["campaigns"][0]["nodes"][0], "x", 1e300),
        "campaigns[0].nodes[0].x: (node nurture) 1e+300 is too large (it cannot be more "
        "than 1000000)"),
    "node_far_above": (
        _set(lambda d: d["campaigns"][0]["nodes"][1], "y", -2_000_000),
        "campaigns[0].nodes[1].y: (node bought-shock) -2000000 is too small (it cannot be "
        "less than -1000000)"),
    "link_to_missing_node": (
        lambda d: d["campaigns"][0]["edges"].append({"source": "nurture", "target": "ghost"}),
        'campaigns[0].edges[2].target: there is no node "ghost" in this campaign'),
    "self_link": (
        lambda d: d["campaigns"][0]["edges"].append({"source": "nurture", "target": "nurture"}),
        "campaigns[0].edges[2]: a node cannot link to itself"),
    "duplicate_link": (
        lambda d: d["campaigns"][0]["edges"].append(
            {"source": "nurture", "target": "bought-shock"}),
        'campaigns[0].edges[2]: "Nurture" already links to "Bought pool shock"'),
    "duplicate_node_id_in_campaign": (
        lambda d: d["campaigns"][0]["nodes"].append(
            copy.deepcopy(d["campaigns"][0]["nodes"][0])),
        'campaigns[0].nodes[3].id: node id "nurture" is used twice'),
    "duplicate_node_id_across_campaigns": (
        lambda d: d["campaigns"][1]["nodes"].append(
            copy.deepcopy(d["campaigns"][0]["nodes"][0])),
        'campaigns[1].nodes[4].id: node id "nurture" is used twice (also in campaign '
        'shock-nurture)'),
    "duplicate_product_id": (
        _set(lambda d: d["catalog"]["products"][1], "id", "mitt"),
        'catalog.products[1].id: id "mitt" is used twice'),
    "duplicate_contact_id": (
        _set(lambda d: d["contacts"][1], "id", "c-ana"),
        'contacts[1].id: contact id "c-ana" is used twice'),
    "duplicate_campaign_id": (
        _set(lambda d: d["campaigns"][1], "id", "shock-nurture"),
        'campaigns[1].id: campaign id "shock-nurture" is used twice'),
    # R11, as it can arise in a file (C2)
    "R11_no_option_selected": (
        lambda d: _nurture_goal(d).update(any_purchase=False, products=[]),
        "campaigns[0].nodes[1].config: (node bought-shock) no purchase option is ticked"),
    "R11_no_payment_type_empty_list": (
        _set(_nurture_goal, "payment_types", []),
        # the words of the purchase goal dialog (R11: one problem, one message everywhere)
        'campaigns[0].nodes[1].config.payment_types: (node bought-shock) "Only these payment '
        'types" is chosen but no payment type is ticked: tick one, or choose "Any payment '
        'types"'),
    "R11_payment_types_missing": (
        lambda d: _nurture_goal(d).pop("payment_types"),
        'campaigns[0].nodes[1].config: (node bought-shock) the key "payment_types" is '
        'missing'),
    "R11_unknown_product": (
        _set(_nurture_goal, "products", ["shock", "diving-board"]),
        'campaigns[0].nodes[1].config.products[1]: (node bought-shock) no product '
        '"diving-board" in the catalog'),
    "R11_unknown_category": (
        _set(_nurture_goal, "categories", ["toys"]),
        'campaigns[0].nodes[1].config.categories[0]: (node bought-shock) no category "toys" '
        "in the catalog"),
    "R11_unknown_order_form": (
        _set(_nurture_goal, "order_forms", ["winter-form"]),
        'campaigns[0].nodes[1].config.order_forms[0]: (node bought-shock) no order form '
        '"winter-form" in the catalog'),
    "R11_unknown_payment_type": (
        _set(_nurture_goal, "payment_types", ["bitcoin"]),
        'campaigns[0].nodes[1].config.payment_types[0]: (node bought-shock) no payment type '
        '"bitcoin" in the catalog'),
    "unknown_product_category": (
        _set(lambda d: d["catalog"]["products"][0], "category", "toys"),
        'catalog.products[0].category: no category "toys" in the catalog'),
    "unknown_product_action_set": (
        lambda d: d["ecommerce"]["product_action_sets"].update(
            {"ghost": [{"kind": "apply_tag", "tag": "x"}]}),
        'ecommerce.product_action_sets.ghost: no product "ghost" in the catalog'),
    "action_to_unknown_campaign": (
        _set(lambda d: d["ecommerce"]["action_sets"]["on_login"][1], "campaign", "nope"),
        'ecommerce.action_sets.on_login[1].campaign: no campaign "nope"'),
    "duration_in_months": (
        _set(lambda d: d["campaigns"][0]["nodes"][0]["steps"][1], "duration", "P1M"),
        'campaigns[0].nodes[0].steps[1].duration: (node nurture) "P1M" is not a duration '
        "(months and years are not allowed): use a number of minutes (0 or more) or an "
        "ISO 8601 duration like P2DT3H"),
    "bad_wait_until_time": (
        lambda d: d["campaigns"][0]["nodes"][0]["steps"].append(
            {"kind": "wait_until", "until": "next tuesday"}),
        "campaigns[0].nodes[0].steps[5].until: (node nurture) 'next tuesday' is not an "
        "ISO 8601 time"),
    "step_missing_its_field": (
        lambda d: d["campaigns"][0]["nodes"][0]["steps"][0].pop("subject"),
        "campaigns[0].nodes[0].steps[0].subject: (node nurture) \"Send email\" needs a subject"),
    "empty_node_name": (
        _set(lambda d: d["campaigns"][0]["nodes"][2], "name", "  "),
        "campaigns[0].nodes[2].name: (node post-purchase) a node's name cannot be empty"),
    # D7: a step's kind is a step kind; the schema's findings name the node like the rest
    "unknown_step_kind": (
        _set(lambda d: d["campaigns"][0]["nodes"][0]["steps"][0], "kind", "send_email"),
        'campaigns[0].nodes[0].steps[0].kind: (node nurture) unknown step kind "send_email" '
        "(known: email, delay, wait_until, apply_tag, remove_tag, notify_team, "
        "set_contact_type)"),
    "unknown_action_kind": (
        _set(lambda d: d["ecommerce"]["action_sets"]["on_login"][0], "kind", "email"),
        'ecommerce.action_sets.on_login[0].kind: unknown action kind "email" (known: '
        "apply_tag, remove_tag, send_email"),
    "negative_delay": (
        _set(lambda d: d["campaigns"][0]["nodes"][0]["steps"][1], "duration", -5),
        "campaigns[0].nodes[0].steps[1].duration: (node nurture) -5 is not a duration: use a "
        "number of minutes (0 or more) or an ISO 8601 duration like P2DT3H"),
    "node_without_name": (
        lambda d: d["campaigns"][0]["nodes"][2].pop("name"),
        'campaigns[0].nodes[2]: (node post-purchase) the key "name" is missing'),
    # D4: values that do not fit a date are refused where they are, not mid-run
    "delay_too_long": (
        _set(lambda d: d["campaigns"][0]["nodes"][0]["steps"][1], "duration", "P3000000D"),
        'campaigns[0].nodes[0].steps[1].duration: (node nurture) "P3000000D" is too long '
        "for a duration (more than 2000 years)"),
    "delay_overflowing_a_timedelta": (
        _set(lambda d: d["campaigns"][0]["nodes"][0]["steps"][1], "duration", "P99999999999D"),
        'campaigns[0].nodes[0].steps[1].duration: (node nurture) "P99999999999D" is too '
        "long"),
    "delay_in_minutes_overflowing": (
        _set(lambda d: d["campaigns"][0]["nodes"][0]["steps"][1], "duration", 1e300),
        "campaigns[0].nodes[0].steps[1].duration: (node nurture) 1e+300 is too long for a "
        "duration"),
    "action_delay_too_long": (
        _set(lambda d: d["ecommerce"]["action_sets"]["on_login"][0], "delay", "P3000000D"),
        'ecommerce.action_sets.on_login[0].delay: "P3000000D" is too long for a duration '
        "(more than 2000 years)"),
    "wait_until_past_year_9999_in_utc": (
        lambda d: d["campaigns"][0]["nodes"][0]["steps"].append(
            {"kind": "wait_until", "until": "9999-12-31T23:59:59-01:00"}),
        "campaigns[0].nodes[0].steps[5].until: (node nurture) '9999-12-31T23:59:59-01:00' is "
        "out of range: in UTC it must fall in the years 1 to 9999"),
    "wrong_type": (
        _set(lambda d: d["campaigns"][0]["nodes"][0], "x", "left"),
        'campaigns[0].nodes[0].x: (node nurture) expected a number, found "left"'),
}


def _write(tmp_path: Path, mutate: Callable[[dict], None]) -> Path:
    data = copy.deepcopy(BASE)
    mutate(data)
    path = tmp_path / "pool.campaign.json"
    path.write_text(json.dumps(data, indent=2))
    return path


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_file_gives_one_located_line_and_exit_1(case, tmp_path, capsys):
    mutate, expected = CASES[case]
    path = _write(tmp_path, mutate)
    before = path.read_bytes()
    code = main(["validate", str(path)])
    out, err = capsys.readouterr()
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"{path}: "), lines[0]
    assert expected in lines[0]
    assert "Traceback" not in err and out == ""
    assert path.read_bytes() == before


def test_malformed_json_names_line_and_column(tmp_path, capsys):
    path = tmp_path / "broken.campaign.json"
    path.write_text('{"format": "campaign-canvas",\n  "version": 1,,\n}')
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"{path}: line 2 column 16: malformed JSON: a key must be in double " \
                  "quotes here"


@pytest.mark.parametrize(("text", "place", "words"), [
    ('{"format": "campaign-canvas", "x": "abc', "line 1 column 36",
     'a string starts here and never ends (a missing ")'),
    ('{"format": "campaign-canvas"} x', "line 1 column 31", "more text after the end of the JSON"),
    ('{"format": [tru]}', "line 1 column 13", "expected a value here (text in double quotes, "
     "a number, true, false, null, a list or an object)"),
])
def test_malformed_json_is_said_in_words_that_read_whole(text, place, words, tmp_path, capsys):
    path = tmp_path / "broken.campaign.json"
    path.write_text(text)
    assert main(["validate", str(path)]) == 1
    assert capsys.readouterr().err.strip() == f"{path}: {place}: malformed JSON: {words}"


@pytest.mark.parametrize("token", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_numbers_are_refused_with_their_place(token, tmp_path, capsys):
    text = json.dumps(BASE, indent=2).replace('"x": 240', f'"x": {token}', 1)
    path = tmp_path / "nan.campaign.json"
    path.write_text(text)
    assert main(["validate", str(path)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"{path}: campaigns[0].nodes[1].x: (node bought-shock) {token} is not a number JSON "
        "allows: use a finite number")


@pytest.mark.parametrize(("token", "shown"), [
    ("1e400", "1e400"), ("-1e400", "-1e400"),
    ("9" * 400, "99999999999999999999\u20269999999999"),
    ("9" * 5000, "99999999999999999999\u20269999999999")])
def test_numbers_too_large_for_a_float_are_refused_with_their_place(token, shown, tmp_path,
                                                                    capsys):
    # D5: Python reads 1e400 as infinity, which export would then write as Infinity
    text = json.dumps(BASE, indent=2).replace('"x": 240', f'"x": {token}', 1)
    path = tmp_path / "big.campaign.json"
    path.write_text(text)
    assert main(["validate", str(path)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"{path}: campaigns[0].nodes[1].x: (node bought-shock) {shown} is too large a number for "
        "any field: use a number within the field's limits")


def test_a_number_too_large_outside_a_node_names_only_its_place(tmp_path, capsys):
    path = tmp_path / "big.campaign.json"
    data = copy.deepcopy(BASE)
    data["catalog"]["products"][0]["price"] = "BIG"
    path.write_text(json.dumps(data).replace('"BIG"', "1e999"))
    assert main(["validate", str(path)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"{path}: catalog.products[0].price: 1e999 is too large a number for any field: use a "
        "number within the field's limits")


def test_the_largest_float_is_read_and_refused_in_words(tmp_path, capsys):
    text = json.dumps(BASE, indent=2).replace('"x": 240', '"x": 1e308', 1)
    path = tmp_path / "big.campaign.json"
    path.write_text(text)
    assert main(["validate", str(path)]) == 1
    assert capsys.readouterr().err == (
        f"{path}: campaigns[0].nodes[1].x: (node bought-shock) 1e+308 is too large (it "
        "cannot be more than 1000000)\n")


def test_json_nested_too_deeply_is_one_line(tmp_path):
    # D4: 100000 nested arrays made the JSON reader raise RecursionError
    path = tmp_path / "deep.campaign.json"
    path.write_text("[" * 100000 + "]" * 100000)
    out = subprocess.run([sys.executable, "-m", "canvas_app", "validate", str(path)],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 1
    assert out.stderr == (f"{path}: the JSON is nested too deeply to read (arrays or objects "
                          "inside each other)\n")


def test_missing_file(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "none.campaign.json")]) == 1
    assert capsys.readouterr().err.strip().endswith("none.campaign.json: no such file")


def test_valid_sample_passes_and_prints_a_summary(capsys):
    assert main(["validate", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "valid (2 campaigns, 7 nodes, 4 products)" in out


def test_lint_warnings_are_printed_and_exit_is_0(tmp_path, capsys):
    def mutate(d: dict) -> None:
        d["campaigns"][0]["nodes"][0]["steps"].insert(
            0, {"kind": "wait_until", "until": "2001-01-01T00:00:00Z"})
    path = _write(tmp_path, mutate)
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "warning:" in out and "which has passed" in out


def test_command_line_shows_no_traceback_on_bad_input(tmp_path):
    path = _write(tmp_path, _set(lambda d: d, "version", 7))
    out = subprocess.run([sys.executable, "-m", "canvas_app", "validate", str(path)],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 1
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr


def test_a_mistyped_command_exits_2_and_names_the_commands(capsys):
    assert main(["simulat", "x.json"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("canvas-app: unknown command 'simulat' (commands: gui, validate")


def test_bad_usage_exits_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["validate"])
    assert exc.value.code == 2


def test_a_scenario_given_as_a_workspace_says_what_it_is(capsys):
    from pathlib import Path

    scenario = Path(__file__).resolve().parents[2] / "resources" / "samples" / \
        "pool-store.scenario.json"
    assert main(["validate", str(scenario)]) == 1
    err = capsys.readouterr().err.strip()
    assert err == (f"{scenario}: this is a simulation scenario, not a workspace: open it with "
                   "Simulate > Open Scenario…, or give it to canvas-app simulate WORKSPACE "
                   "--scenario")


def test_a_file_saved_with_a_byte_order_mark_loads(tmp_path, capsys):
    """Windows Notepad writes UTF-8 with a BOM: it is not content, for workspaces and
    scenarios alike."""
    workspace = tmp_path / "bom.campaign.json"
    workspace.write_bytes(b"\xef\xbb\xbf" + SAMPLE.read_bytes())
    assert main(["validate", str(workspace)]) == 0
    assert "valid (2 campaigns, 7 nodes, 4 products)" in capsys.readouterr().out
    scenario = tmp_path / "bom.scenario.json"
    scenario.write_bytes(b"\xef\xbb\xbf"
                         + (SAMPLE.parent / "pool-store.scenario.json").read_bytes())
    assert main(["simulate", str(workspace), "--scenario", str(scenario)]) == 0
    assert capsys.readouterr().err == ""
