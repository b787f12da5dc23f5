"""The scale benchmark runs end to end on a tiny size (no timing is checked here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_canvas_scale_bench_runs() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "canvas_scale.py"), "--sizes", "60",
         "--no-nodegraphqt"], capture_output=True, text=True, cwd=ROOT, timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert "Campaign Canvas     60" in result.stdout
    assert "open" in result.stdout and "drag x100" in result.stdout
    # The floor and the drag's unpainted share are printed beside the figures.
    assert "fill only (floor)" in result.stdout
    assert "of which not painting" in result.stdout
    assert "Qt alone     60" in result.stdout


def test_canvas_scale_workspace_saves_as_a_file_that_loads(tmp_path: Path) -> None:
    """The benchmark's workspace is a valid one: saved, it opens again unchanged (its tag
    goals had no tag, so the saved file was refused)."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import canvas_scale
    finally:
        sys.path.remove(str(ROOT / "bench"))
    from canvas_app.io.workspace_file import load_workspace, save_workspace

    workspace = canvas_scale.build_workspace(8)
    path = tmp_path / "big.campaign.json"
    save_workspace(workspace, path)
    assert load_workspace(path) == workspace
