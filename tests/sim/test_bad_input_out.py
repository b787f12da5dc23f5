"""``simulate --out``: every problem with the file to write begins ``--out:`` (QA: a device,
``--out /dev/full``, and a write that failed, named the file alone)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from canvas_app.cli import main
from tests.cli_lines import one_error_line as _error_line

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "pool-store.campaign.json"
SCENARIO = ROOT / "resources" / "samples" / "pool-store.scenario.json"



def _simulate(out: str) -> int:
    return main(["simulate", str(SAMPLE), "--scenario", str(SCENARIO), "--out", out])


@pytest.mark.skipif(not os.path.exists(os.devnull) or os.name != "posix",
                    reason="no device file to name")
def test_a_device_as_out_is_said_with_the_out_label(
        capsys: pytest.CaptureFixture[str]) -> None:
    device = "/dev/full" if os.path.exists("/dev/full") else os.devnull
    assert _simulate(device) == 1
    assert _error_line(capsys) == f"--out: {device}: it is a device, not a file: give a " \
                                  "file name"


def test_every_out_problem_begins_with_the_out_label(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    lines = {}
    for name in ("", "-", str(folder), str(tmp_path / "no" / "r.json"), str(SCENARIO)):
        assert _simulate(name) == 1, name
        lines[name] = _error_line(capsys)
    assert all(line.startswith("--out: ") for line in lines.values()), lines
    assert lines[str(folder)] == f"--out: {folder}: it is a folder, not a file: give a " \
                                 "file name"


def test_a_write_that_fails_is_said_with_the_out_label(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("canvas_app.io.atomic.write_text_atomic", full_disk)
    out = tmp_path / "r.json"
    assert _simulate(str(out)) == 1
    assert _error_line(capsys) == f"--out: {out}: cannot write: No space left on device"
    assert not out.exists()
