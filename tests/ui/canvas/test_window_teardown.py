"""A main window torn down, and the Simulation panel shown, without surprises."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QApplication

from canvas_app.app import build_main_window

from .conftest import make_window


def test_a_window_deleted_raises_nothing_as_its_scene_goes(qtbot, sample_file: Path,
                                                           tmp_path: Path) -> None:
    """The scene, deleted with the window, used to tell the view (and so the navigator)
    of its items going one by one: the navigator then asked the Python side for links
    already deleted, a traceback in the event loop (pytest-qt fails the test on one)."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = build_main_window(str(sample_file), settings=settings,
                               recovery_dir=tmp_path / "recovery", offer_recovery=False)
    window.files.ask_unsaved = lambda: "discard"
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    assert window.scene.links  # links to go
    node = next(iter(window.scene.current_campaign().nodes))
    window.controller.move_nodes(window.current_campaign_id(), {node.id: (node.x, node.y + 60)})
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


def test_the_simulation_panel_takes_its_height_at_once(qtbot, sample_file: Path,
                                                       tmp_path: Path) -> None:
    """Showing the panel gave it 45 % of the window, and a check 150 ms later took it back
    to 45 % of the canvas and panel: the canvas shrank, then grew under the pointer (and a
    fitted view moved twice)."""
    window = make_window(qtbot, str(sample_file), tmp_path)
    dock = window.docks["simulation"]
    window.show_simulation_panel()
    QApplication.processEvents()
    shown = (dock.height(), window.view.height())
    qtbot.wait(400)  # the window's own check of the panels' share has run since
    assert (dock.height(), window.view.height()) == shown
    assert dock.height() > 200
