"""A simulation too big for the memory at hand (QA: ``ulimit -v 1500000`` and a population of
5,000,000 printed two chained tracebacks ending in MemoryError): one line naming the
scenario's place, exit 1, nothing written. The MemoryError is raised by a stand-in where
the real one was (the population's names, the engine's set-up, the run, the JSON), so the
test needs no real shortage of memory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from canvas_app.cli import main
from tests.cli_lines import one_error_line as _error_line

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "pool-store.campaign.json"
WHAT_IF = ROOT / "resources" / "samples" / "pool-store-what-if.scenario.json"
SCENARIO = ROOT / "resources" / "samples" / "pool-store.scenario.json"



def _population_of(tmp_path: Path, count: int) -> Path:
    data = json.loads(WHAT_IF.read_text(encoding="utf-8"))
    data["population"]["count"] = count
    path = tmp_path / "pop.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _short_of_memory(*_args: object, **_kwargs: object) -> None:
    raise MemoryError


def test_a_population_too_big_for_the_memory_is_one_line_naming_its_count(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    scenario = _population_of(tmp_path, 5_000_000)
    # where the QA's run failed first: making the contacts' names
    monkeypatch.setattr("canvas_app.sim.engine.generate", _short_of_memory)
    assert main(["simulate", str(SAMPLE), "--scenario", str(scenario)]) == 1
    assert _error_line(capsys) == (f"{scenario}: population.count: not enough memory to "
                                   "simulate 5,000,000 contacts: try a smaller count")


def test_the_population_names_failing_half_way_through_set_up(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    scenario = _population_of(tmp_path, 300)
    out = tmp_path / "result.json"
    monkeypatch.setattr("canvas_app.sim.population.Population.names", _short_of_memory)
    assert main(["simulate", str(SAMPLE), "--scenario", str(scenario), "--out",
                 str(out)]) == 1
    assert _error_line(capsys) == (f"{scenario}: population.count: not enough memory to "
                                   "simulate 300 contacts: try a smaller count")
    assert not out.exists()


@pytest.mark.parametrize("where", ["canvas_app.sim.engine.Simulation.run",
                                   "canvas_app.sim.result.SimResult.to_json"])
def test_a_run_without_a_population_short_of_memory(
        where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "result.json"
    monkeypatch.setattr(where, _short_of_memory)
    assert main(["simulate", str(SAMPLE), "--scenario", str(SCENARIO), "--json", "--out",
                 str(out)]) == 1
    assert _error_line(capsys) == f"{SCENARIO}: not enough memory to simulate it"
    assert not out.exists()


def test_any_other_command_short_of_memory_is_one_line(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("canvas_app.sources.load_workspace", _short_of_memory)
    assert main(["validate", str(SAMPLE)]) == 1
    assert _error_line(capsys) == "canvas-app: validate: not enough memory to finish"
