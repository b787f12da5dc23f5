"""A main window on a copy of the sample workspace, its Simulation panel on the sample
scenario."""

from __future__ import annotations

from pathlib import Path

import pytest

from canvas_app.ui.main_window import MainWindow
from tests.ui.canvas.conftest import SAMPLE, make_window

SCENARIO = SAMPLE.parent / "pool-store.scenario.json"

# Reused as fixtures here.
from tests.ui.canvas.conftest import sample_file  # noqa: E402, F401


@pytest.fixture
def window(qtbot, sample_file: Path, tmp_path: Path) -> MainWindow:  # noqa: F811
    window = make_window(qtbot, str(sample_file), tmp_path)
    window.simulation_panel.select_scenario(str(SCENARIO))
    return window
