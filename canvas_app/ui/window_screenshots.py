"""Grabs the README's pictures of the main window on the sample workspace (docs/*.png):
the canvas, a link being dragged, a what-if run playing, and one contact's journey.

Run offscreen: ``QT_QPA_PLATFORM=offscreen python -m canvas_app.ui.window_screenshots docs``.
Settings and data go to a temporary folder, so the pictures show what a newcomer sees.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


def _settle(app: QApplication, until: Callable[[], bool] | None = None,
            timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while True:
        app.processEvents()
        if until is None or until() or time.monotonic() > end:
            break
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()


def _window(app: QApplication, folder: Path, width: int = 1280, height: int = 800):
    from ..app import build_main_window

    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = build_main_window(str(SAMPLES / "pool-store.campaign.json"), settings=settings,
                               recovery_dir=folder / "recovery", offer_recovery=False)
    window.files.ask_unsaved = lambda: "discard"
    window.resize(width, height)
    window.show()
    _settle(app)
    window.view.fit()
    _settle(app)
    return window


def canvas(app: QApplication, folder: Path, out: Path) -> None:
    window = _window(app, folder)
    window.grab().save(str(out / "canvas.png"))
    window.close()


def linking(app: QApplication, folder: Path, out: Path) -> None:
    """A tag goal dropped below the flow, its link being dragged to "Visit booked"."""
    from .canvas.node_item import handle_centre

    window = _window(app, folder)
    window.campaign_list.select("checkup-onboarding")
    campaign = window.current_campaign_id()
    booked = window.scene.nodes["visit-booked"].pos()
    node_id = window.controller.add_node(campaign, "tag_goal", booked.x() - 120,
                                         booked.y() + 220)
    window.view.fit()
    _settle(app)
    source = window.scene.nodes[node_id]
    viewport = window.view.viewport()
    start = window.view.mapFromScene(source.mapToScene(handle_centre(source.kind)))
    end = window.view.mapFromScene(booked)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     start)
    for i in range(1, 9):
        QTest.mouseMove(viewport, start + (end - start) * (i / 8))
    _settle(app)
    window.grab().save(str(out / "canvas-linking.png"))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       end)
    window.close()


def simulation(app: QApplication, folder: Path, out: Path) -> None:
    """The what-if scenario of 2,000 visitors, paused a third of the way, Over Time."""
    window = _window(app, folder, 1400, 900)
    panel = window.simulation_panel
    panel.select_scenario(str(SAMPLES / "pool-store-what-if.scenario.json"))
    panel.speed_combo.setCurrentText("1 week per second")
    window.actions_by_name["sim_run"].trigger()
    runner = panel.runner
    start, horizon = runner.clock(), runner.horizon()
    assert start is not None and horizon is not None
    middle = start + (horizon - start) * 0.45
    _settle(app, lambda: runner.clock() is not None and runner.clock() >= middle, 60)
    window.actions_by_name["sim_run"].trigger()  # pause
    panel.tabs.setCurrentWidget(panel.timeline)
    _settle(app)
    window.grab().save(str(out / "simulation.png"))
    window.close()


def journey(app: QApplication, folder: Path, out: Path) -> None:
    """The sample scenario run to its end; Ana Diaz's journey on the canvas and listed."""
    window = _window(app, folder, 1400, 900)
    panel = window.simulation_panel
    panel.select_scenario(str(SAMPLES / "pool-store.scenario.json"))
    window.actions_by_name["sim_end"].trigger()
    _settle(app, lambda: panel.runner.done and not panel.runner.running, 60)
    panel.tabs.setCurrentWidget(panel.contacts)
    panel.select_contact("c-ana")
    _settle(app)
    window.grab().save(str(out / "simulation-journey.png"))
    window.close()


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "docs")
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="canvas-shots-"))
    for name in ("DATA", "CONFIG", "STATE", "CACHE"):
        os.environ[f"XDG_{name}_HOME"] = str(folder / name.lower())
    app = QApplication.instance() or QApplication(sys.argv[:1])
    for shot in (canvas, linking, simulation, journey):
        shot(app, folder, out)  # type: ignore[arg-type]
        print(f"{shot.__name__}: done")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
