"""A refused duration reads the same wherever it is (QA 2, t16): in a workspace's step or
action delay, in a scenario's population, whether the file's schema or the parser refuses
it. One wording: the value as the file writes it (JSON), "is not a duration", one advice."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from canvas_app.cli import main
from canvas_app.domain.timeutil import DURATION_ADVICE, parse_duration

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"

# the schema refuses the first two (no "P" at the start, below 0); the parser the others
BAD = ["-P1D", -5, "P", "PT", "P1DT", "1 day", True, None]


def expected(value: Any) -> str:
    return f"{json.dumps(value)} is not a duration: {DURATION_ADVICE}"


def simulate(tmp_path: Path, capsys: pytest.CaptureFixture[str], *,
             step: Any = None, action: Any = None, spread: Any = None) -> str:
    """The one error line of ``simulate`` on the sample, with one duration replaced."""
    ws = json.loads((SAMPLES / "pool-store.campaign.json").read_text(encoding="utf-8"))
    sc = json.loads((SAMPLES / "pool-store.scenario.json").read_text(encoding="utf-8"))
    if step is not None:
        steps = ws["campaigns"][0]["nodes"][0]["steps"]
        delay = next(s for s in steps if s["kind"] == "delay")
        delay["duration"] = step[0]
    if action is not None:
        first = next(actions for actions in ws["ecommerce"]["action_sets"].values() if actions)
        first[0]["delay"] = action[0]
    if spread is not None:
        sc["population"] = {"count": 2, "arrival_spread": spread[0]}
    w, s = tmp_path / "w.campaign.json", tmp_path / "s.scenario.json"
    w.write_text(json.dumps(ws), encoding="utf-8")
    s.write_text(json.dumps(sc), encoding="utf-8")
    assert main(["simulate", str(w), "--scenario", str(s)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    return lines[0]


@pytest.mark.parametrize("value", BAD)
def test_a_step_duration(value: Any, tmp_path: Path,
                         capsys: pytest.CaptureFixture[str]) -> None:
    line = simulate(tmp_path, capsys, step=(value,))
    assert line.endswith(f".duration: (node {_first_node()}) {expected(value)}"), line


@pytest.mark.parametrize("value", BAD)
def test_an_action_delay(value: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = simulate(tmp_path, capsys, action=(value,))
    assert line.endswith(f"[0].delay: {expected(value)}"), line


@pytest.mark.parametrize("value", BAD)
def test_a_scenario_duration(value: Any, tmp_path: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    line = simulate(tmp_path, capsys, spread=(value,))
    assert line.endswith(f"population.arrival_spread: {expected(value)}"), line


def test_validate_says_it_alike(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = json.loads((SAMPLES / "pool-store.campaign.json").read_text(encoding="utf-8"))
    delay = next(s for s in ws["campaigns"][0]["nodes"][0]["steps"] if s["kind"] == "delay")
    for value in ("P", "-P1D"):
        delay["duration"] = value
        path = tmp_path / "w.campaign.json"
        path.write_text(json.dumps(ws), encoding="utf-8")
        assert main(["validate", str(path)]) == 1
        assert capsys.readouterr().err.rstrip("\n").endswith(expected(value))


def test_months_say_why_with_the_same_advice() -> None:
    with pytest.raises(ValueError) as info:
        parse_duration("P1M")
    assert str(info.value) == (f'"P1M" is not a duration (months and years are not allowed): '
                               f"{DURATION_ADVICE}")


def test_too_long_quotes_the_value_as_the_file_writes_it() -> None:
    with pytest.raises(ValueError) as info:
        parse_duration("P3000000D")
    assert str(info.value) == '"P3000000D" is too long for a duration (more than 2000 years)'


def _first_node() -> str:
    ws = json.loads((SAMPLES / "pool-store.campaign.json").read_text(encoding="utf-8"))
    return str(ws["campaigns"][0]["nodes"][0]["id"])

