"""The large-edit benchmark runs end to end on a tiny campaign (no timing is checked here):
its own checks (every item built, removed and moved) hold on the way."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_edit_scale_bench_runs() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "edit_scale.py"), "--size", "50", "--runs", "1"],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    for row in ("arrow move, 50 selected", "paste of 50", "undo of the paste",
                "delete of 50", "undo of the delete"):
        assert row in result.stdout
