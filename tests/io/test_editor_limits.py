"""Hand-edited files: a value the schema accepts but an editor's typed field refuses (or
cannot show) is refused when the file is loaded, with one located line, instead of when a
dialog shows it. Each case is a real file on disk; the second half checks, against the
dialogs' own fields, that what the loader refuses is exactly what the fields refuse."""

import copy
import json
from datetime import timedelta
from pathlib import Path

import pytest

from canvas_app.cli import main
from canvas_app.domain.timeutil import parse_duration, parse_time
from canvas_app.io import LoadError, load_workspace, save_workspace
from canvas_app.io.editor_limits import (
    DURATION_AMOUNT_MAXIMUM,
    DURATION_UNITS,
    PRICE_MAXIMUM,
    duration_problem,
    price_problem,
    until_problem,
)

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "pool-store.campaign.json"
BASE = json.loads(SAMPLE.read_text(encoding="utf-8"))


def _write(tmp_path: Path, data: dict, text: str | None = None) -> Path:
    path = tmp_path / "hand-edited.campaign.json"
    path.write_text(text if text is not None else json.dumps(data, indent=2,
                                                             ensure_ascii=False),
                    encoding="utf-8")
    return path


def _price(value):
    def mutate(d):
        d["catalog"]["products"][0]["price"] = value
    return mutate


def _wait(value):  # nurture's second step is a delay
    def mutate(d):
        d["campaigns"][0]["nodes"][0]["steps"][1]["duration"] = value
    return mutate


def _until(value):  # a "wait until" step added after nurture's five
    def mutate(d):
        d["campaigns"][0]["nodes"][0]["steps"].append({"kind": "wait_until", "until": value})
    return mutate


def _action_delay(value):
    def mutate(d):
        d["ecommerce"]["action_sets"]["on_login"][0]["delay"] = value
    return mutate


WAIT = "campaigns[0].nodes[0].steps[1].duration: (node nurture) "
REFUSED = {
    "price_three_decimals": (
        _price(12.999),
        "catalog.products[0].price: 12.999 has 3 decimals: a price has at most 2 (as the "
        "product dialog takes it)"),
    "price_float_noise": (
        _price(0.1 + 0.2),
        "catalog.products[0].price: 0.30000000000000004 has 17 decimals: a price has at "
        "most 2 (as the product dialog takes it)"),
    "price_above_the_field": (
        _price(2e9),
        "catalog.products[0].price: 2000000000.0 is more than a price can be: at most "
        "1000000000.00"),
    "wait_with_half_a_second": (
        _wait("PT1.5S"),
        WAIT + "PT1.5S is not a whole number of seconds: the step editor and the simulation "
               "count whole seconds"),
    "wait_in_minutes_with_a_fraction_of_a_second": (
        _wait(0.01),
        WAIT + "0.01 is not a whole number of seconds: the step editor and the simulation "
               "count whole seconds"),
    "wait_of_too_many_seconds": (
        _wait("PT1000001S"),
        WAIT + "PT1000001S is 1000001 seconds, more than the step editor can show (at most "
               "1000000 seconds; a longer wait is given in whole minutes, hours, days or "
               "weeks)"),
    "wait_of_too_many_minutes": (
        _wait(1_000_001),
        WAIT + "1000001 is 1000001 minutes, more than the step editor can show (at most "
               "1000000 minutes; a longer wait is given in whole minutes, hours, days or "
               "weeks)"),
    "wait_of_too_many_hours": (
        _wait("PT1000001H"),
        WAIT + "PT1000001H is 1000001 hours, more than the step editor can show (at most "
               "1000000 hours; a longer wait is given in whole minutes, hours, days or "
               "weeks)"),
    "wait_until_with_seconds": (
        _until("2026-01-02T09:00:30Z"),
        "campaigns[0].nodes[0].steps[5].until: (node nurture) 2026-01-02T09:00:30Z has "
        "seconds: the step editor takes a time in whole minutes (UTC)"),
    "wait_until_with_a_fraction_of_a_second": (
        _until("2026-01-02T09:00:00.5+01:00"),
        "campaigns[0].nodes[0].steps[5].until: (node nurture) 2026-01-02T09:00:00.5+01:00 "
        "has seconds: the step editor takes a time in whole minutes (UTC)"),
    "action_delay_with_a_fraction_of_a_second": (
        _action_delay("PT0.5S"),
        "ecommerce.action_sets.on_login[0].delay: PT0.5S is not a whole number of seconds: "
        "the step editor and the simulation count whole seconds"),
}

ACCEPTED = {
    "price_two_decimals": _price(12.99),
    "price_at_the_maximum": _price(1_000_000_000),
    "price_whole": _price(49),
    "wait_of_a_million_seconds": _wait("PT1000000S"),
    "wait_in_fractional_units_that_are_whole_seconds": _wait("P0.5DT1.5M"),
    "wait_in_minutes_that_are_whole_seconds": _wait(1.5),
    "wait_of_a_hundred_thousand_weeks": _wait("P100000W"),
    "wait_of_many_whole_minutes_that_are_whole_hours": _wait(60_000_000),
    "action_delay_of_two_hours": _action_delay("PT2H"),
    "wait_until_in_whole_minutes": _until("2026-01-02T09:00:00Z"),
    "wait_until_with_an_offset": _until("2026-01-02T09:30+05:30"),
    "wait_until_a_date": _until("2026-01-02"),
}


@pytest.mark.parametrize("name", list(REFUSED))
def test_a_value_the_editor_refuses_is_refused_at_load(tmp_path, capsys, name):
    mutate, message = REFUSED[name]
    data = copy.deepcopy(BASE)
    mutate(data)
    path = _write(tmp_path, data)
    with pytest.raises(LoadError) as caught:
        load_workspace(path)
    assert str(caught.value) == f"{path}: {message}"
    # the command line says it in the same one line, and validate exits 1
    assert main(["validate", str(path)]) == 1
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", f"{path}: {message}\n")


@pytest.mark.parametrize("name", list(ACCEPTED))
def test_a_value_the_editor_shows_still_loads_and_round_trips(tmp_path, name):
    data = copy.deepcopy(BASE)
    ACCEPTED[name](data)
    path = _write(tmp_path, data)
    workspace = load_workspace(path)
    again = tmp_path / "again.campaign.json"
    save_workspace(workspace, again)
    assert load_workspace(again) == workspace


def test_every_such_value_in_a_file_is_listed(tmp_path):
    data = copy.deepcopy(BASE)
    _price(12.999)(data)
    _wait("PT1.5S")(data)
    with pytest.raises(LoadError) as caught:
        load_workspace(_write(tmp_path, data))
    assert [p.path for p in caught.value.problems] == [
        "catalog.products[0].price", "campaigns[0].nodes[0].steps[1].duration"]


# -- a lone \uD800 escape: loaded, then the file could not be saved (a traceback) ---------
def test_a_lone_surrogate_escape_is_refused_at_its_place(tmp_path, capsys):
    data = copy.deepcopy(BASE)
    data["campaigns"][0]["nodes"][0]["name"] = "Nurture LONE"
    path = _write(tmp_path, data, json.dumps(data, indent=2).replace("LONE", "\\ud800"))
    message = ("campaigns[0].nodes[0].name: (node nurture) \\ud800 in a string is half of a "
               "UTF-16 pair without its other half: it is no character, and the file could "
               "not be saved; remove it")
    with pytest.raises(LoadError) as caught:
        load_workspace(path)
    assert str(caught.value) == f"{path}: {message}"
    assert main(["validate", str(path)]) == 1
    assert capsys.readouterr().err == f"{path}: {message}\n"


def test_a_lone_surrogate_in_a_key_is_named_with_its_escape(tmp_path):
    data = copy.deepcopy(BASE)
    data["campaigns"][0]["nodes"][0]["steps"][0]["x_KEY"] = 1  # unknown keys are kept (C5)
    path = _write(tmp_path, data, json.dumps(data).replace("KEY", "\\udc00"))
    with pytest.raises(LoadError) as caught:
        load_workspace(path)
    assert str(caught.value).startswith(
        f"{path}: campaigns[0].nodes[0].steps[0].x_\\udc00: (node nurture) \\udc00 in a "
        "string is half of a UTF-16 pair")


def test_a_surrogate_pair_is_one_character_and_saves(tmp_path):
    data = copy.deepcopy(BASE)
    data["campaigns"][0]["nodes"][0]["name"] = "Nurture PAIR"
    text = json.dumps(data, indent=2).replace("PAIR", "\\ud83d\\ude00 \\\\ud800")
    path = _write(tmp_path, data, text)
    workspace = load_workspace(path)
    assert workspace.campaigns[0].nodes[0].name == "Nurture 😀 \\ud800"  # an escaped backslash
    saved = tmp_path / "saved.campaign.json"
    save_workspace(workspace, saved)
    assert "Nurture 😀 \\\\ud800" in saved.read_text(encoding="utf-8")
    assert load_workspace(saved) == workspace


# -- the loader refuses exactly what the dialogs' fields refuse ---------------------------
PRICES = [0, 0.01, 12.99, 12.999, 0.1 + 0.2, 1e-5, 49, 999_999_999.99, 1e9, 1e9 + 0.01, 2e9,
          1e15]
WHOLE_SECOND_WAITS = ["PT0S", "PT59S", "PT1000000S", "PT1000001S", "PT1000020S",
                      1_000_000, 1_000_001, 1_000_020, "PT1000000H", "PT1000001H",
                      "PT1000008H", "P100000W", "P700000D", "P1W"]


def test_the_limits_are_the_dialogs_own():
    from canvas_app.ui.dialogs import catalog_item, step_fields

    assert catalog_item.PRICE_MAXIMUM == PRICE_MAXIMUM
    editor_units = tuple((n, s) for n, s in DURATION_UNITS if n != "seconds")
    assert editor_units == step_fields.UNITS


def test_prices_the_loader_refuses_are_those_the_price_field_refuses(qtbot):
    from canvas_app.ui.dialogs.number_field import NumberField

    field = NumberField("the price", decimals=2, maximum=PRICE_MAXIMUM)
    qtbot.addWidget(field)
    for price in PRICES:
        field.setValue(price)
        assert bool(field.problem()) == (price_problem(price) is not None), price


def test_waits_the_loader_refuses_are_those_the_wait_field_refuses(qtbot):
    from canvas_app.ui.dialogs.step_fields import DurationEdit

    edit = DurationEdit("durationEdit", "the wait")
    qtbot.addWidget(edit)
    assert edit.amount.maximum() == DURATION_AMOUNT_MAXIMUM
    for value in WHOLE_SECOND_WAITS:
        edit.set_value(parse_duration(value))
        assert bool(edit.amount.problem()) == (duration_problem(value) is not None), value


def test_a_wait_with_a_fraction_of_a_second_is_one_the_field_cannot_show(qtbot):
    """The field shows whole units: PT1.5S came back as 2 seconds, without a word."""
    from canvas_app.ui.dialogs.step_fields import DurationEdit

    edit = DurationEdit("durationEdit", "the wait")
    qtbot.addWidget(edit)
    for value in ("PT1.5S", 0.01, "PT0.000002S"):
        delta = parse_duration(value)
        edit.set_value(delta)
        assert edit.value() != delta and duration_problem(value) is not None, value
    assert edit.value() == timedelta(0) and not edit.amount.problem()  # 2 µs shown as 0


def test_times_the_loader_refuses_are_those_the_date_field_cannot_show(qtbot):
    """The field shows whole minutes: 09:00:30 came back as 09:00 at the step's next edit."""
    from canvas_app.ui.dialogs.date_field import DateTimeField

    field = DateTimeField()
    qtbot.addWidget(field)
    for value in ("2026-01-02T09:00:00Z", "2026-01-02T09:00:30Z", "2026-01-02",
                  "2026-01-02T09:30+05:30", "2026-01-02T09:00:00.5Z", "0001-01-01T00:00Z",
                  "9999-12-31T23:59:59Z", "9999-12-31T23:59:00Z"):
        moment = parse_time(value)
        field.set_value(moment)
        assert (field.value() == moment) == (until_problem(value) is None), value
