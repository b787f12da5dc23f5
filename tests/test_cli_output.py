"""Standard output that cannot be written: a full disk (``> /dev/full``) is one line on
stderr naming standard output, exit 1; a closed pipe (``| head -1``) is quiet, with the exit
status a shell gives a program ended by SIGPIPE (docs/decisions.md, "Command line")."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from canvas_app.cli import CLOSED_PIPE_EXIT

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "resources" / "samples"
FULL = "/dev/full"
FULL_LINE = "canvas-app: standard output: no space left on device"

needs_dev_full = pytest.mark.skipif(not os.path.exists(FULL), reason="no /dev/full here")


@pytest.fixture
def sample(tmp_path: Path) -> tuple[Path, Path]:
    """The pool-store sample workspace and scenario, copied under tmp_path."""
    workspace = tmp_path / "pool.campaign.json"
    scenario = tmp_path / "pool.scenario.json"
    shutil.copy(SAMPLES / "pool-store.campaign.json", workspace)
    shutil.copy(SAMPLES / "pool-store.scenario.json", scenario)
    return workspace, scenario


def canvas_app(*args: object, stdout: int, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "canvas_app", *map(str, args)],
                          stdout=stdout, stderr=subprocess.PIPE, text=True, cwd=cwd,
                          timeout=120)


def to_full(*args: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    with open(FULL, "w") as full:
        return canvas_app(*args, stdout=full.fileno(), cwd=cwd)


def to_closed_pipe(*args: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command with its standard output a pipe nobody reads any more."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return canvas_app(*args, stdout=write_end, cwd=cwd)
    finally:
        os.close(write_end)


def imported_db(tmp_path: Path, workspace: Path) -> Path:
    db = tmp_path / "store.db"
    done = canvas_app("import", workspace, "--db", db, stdout=subprocess.PIPE, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return db


@needs_dev_full
def test_validate_and_simulate_to_a_full_disk_say_so_in_one_line(
        tmp_path: Path, sample: tuple[Path, Path]) -> None:
    workspace, scenario = sample
    for args in (("validate", workspace),
                 ("simulate", workspace, "--scenario", scenario),
                 ("simulate", workspace, "--scenario", scenario, "--json")):
        done = to_full(*args, cwd=tmp_path)
        assert (done.returncode, done.stderr) == (1, FULL_LINE + "\n"), args


@needs_dev_full
def test_export_to_a_full_standard_output(tmp_path: Path, sample: tuple[Path, Path]) -> None:
    db = imported_db(tmp_path, sample[0])
    done = to_full("export", "--db", db, "-o", "-", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (1, FULL_LINE + "\n")


@needs_dev_full
def test_files_written_before_standard_output_failed_are_named(
        tmp_path: Path, sample: tuple[Path, Path]) -> None:
    """--out, export -o FILE and import write their file, then report on standard output:
    the file stays, and the line says it was written (exit 1: the output asked for is
    lost)."""
    workspace, scenario = sample
    out = tmp_path / "result.json"
    for extra in (["--json"], []):
        out.unlink(missing_ok=True)
        done = to_full("simulate", workspace, "--scenario", scenario, "--out", out, *extra,
                       cwd=tmp_path)
        assert done.returncode == 1
        assert done.stderr == f"{FULL_LINE} (the result JSON was written to {out})\n"
        assert json.loads(out.read_text(encoding="utf-8"))["format"] == "campaign-canvas-result"

    db = imported_db(tmp_path, workspace)
    exported = tmp_path / "exported.campaign.json"
    done = to_full("export", "--db", db, "-o", exported, cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == f"{FULL_LINE} (the workspace was exported to {exported})\n"
    assert json.loads(exported.read_text(encoding="utf-8"))["format"] == "campaign-canvas"

    other = tmp_path / "other.db"
    done = to_full("import", workspace, "--db", other, cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == (f"{FULL_LINE} ({workspace} was imported into "
                           f"sqlite:///{other})\n")
    check = canvas_app("validate", other, stdout=subprocess.PIPE, cwd=tmp_path)
    assert check.returncode == 0, check.stderr


def test_a_closed_pipe_is_quiet(tmp_path: Path, sample: tuple[Path, Path]) -> None:
    workspace, scenario = sample
    db = imported_db(tmp_path, workspace)
    for args in (("validate", workspace),
                 ("simulate", workspace, "--scenario", scenario),
                 ("simulate", workspace, "--scenario", scenario, "--json"),
                 ("export", "--db", db, "-o", "-")):
        done = to_closed_pipe(*args, cwd=tmp_path)
        assert (done.returncode, done.stderr) == (CLOSED_PIPE_EXIT, ""), args


def test_a_closed_pipe_after_out_is_written(tmp_path: Path, sample: tuple[Path, Path]) -> None:
    workspace, scenario = sample
    out = tmp_path / "result.json"
    done = to_closed_pipe("simulate", workspace, "--scenario", scenario, "--json", "--out", out,
                          cwd=tmp_path)
    assert (done.returncode, done.stderr) == (CLOSED_PIPE_EXIT, "")
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "campaign-canvas-result"


def test_the_simulation_module_run_on_its_own_is_the_same_command(
        tmp_path: Path, sample: tuple[Path, Path]) -> None:
    """``python -m canvas_app.sim.cli`` (its docstring's way to run it alone) gives what
    ``canvas-app simulate`` gives: one line for a closed pipe or a full disk, no
    traceback; with or without the word "simulate"."""
    workspace, scenario = sample
    module = [sys.executable, "-m", "canvas_app.sim.cli"]
    whole = subprocess.run([*module, "simulate", workspace, "--scenario", scenario],
                           capture_output=True, text=True, cwd=tmp_path, timeout=120)
    same = canvas_app("simulate", workspace, "--scenario", scenario,
                      stdout=subprocess.PIPE, cwd=tmp_path)
    assert (whole.returncode, whole.stdout) == (0, same.stdout) and same.stdout
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        closed = subprocess.run([*module, workspace, "--scenario", scenario],
                                stdout=write_end, stderr=subprocess.PIPE, text=True,
                                cwd=tmp_path, timeout=120)
    finally:
        os.close(write_end)
    assert (closed.returncode, closed.stderr) == (CLOSED_PIPE_EXIT, "")
    if os.path.exists(FULL):
        with open(FULL, "w") as full:
            done = subprocess.run([*module, "simulate", workspace, "--scenario", scenario],
                                  stdout=full.fileno(), stderr=subprocess.PIPE, text=True,
                                  cwd=tmp_path, timeout=120)
        assert (done.returncode, done.stderr) == (1, FULL_LINE + "\n")


def test_a_reader_that_stops_in_the_middle_of_a_big_json_is_a_closed_pipe(
        tmp_path: Path) -> None:
    """``simulate --json | head -c 10`` with megabytes of JSON: Python's buffered writer
    took the first 64 KiB and dropped the rest with no error, so the command exited 0
    with its output cut short. Now the rest meets the closed pipe: exit 141, quietly."""
    workspace = SAMPLES / "pool-store.campaign.json"
    scenario = SAMPLES / "pool-store-what-if.scenario.json"
    process = subprocess.Popen([sys.executable, "-m", "canvas_app", "simulate", workspace,
                                "--scenario", scenario, "--json"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, cwd=tmp_path)
    assert process.stdout.read(10) == b'{\n  "forma'
    process.stdout.close()  # as head does once it has its bytes
    assert process.wait(timeout=120) == CLOSED_PIPE_EXIT
    assert process.stderr.read() == b""
    process.stderr.close()
