"""Fixtures of the canvas tests: a main window on a copy of the sample workspace."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings

from canvas_app.app import build_main_window
from canvas_app.ui.main_window import MainWindow

SAMPLE = Path(__file__).resolve().parents[3] / "resources" / "samples" / "pool-store.campaign.json"


@pytest.fixture
def sample_file(tmp_path: Path) -> Path:
    target = tmp_path / "pool.campaign.json"
    shutil.copy(SAMPLE, target)
    return target


def make_window(qtbot, source: str, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = build_main_window(source, settings=settings, recovery_dir=tmp_path / "recovery",
                               offer_recovery=False)
    qtbot.addWidget(window)
    window.files.ask_unsaved = lambda: "discard"
    window.campaign_list.ask_delete = lambda _question: True
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.view.fit()
    return window


@pytest.fixture
def window(qtbot, sample_file: Path, tmp_path: Path) -> MainWindow:
    return make_window(qtbot, str(sample_file), tmp_path)


def view_pos(window: MainWindow, scene_point: QPointF) -> QPoint:
    """Viewport coordinates of a scene point."""
    return window.view.mapFromScene(scene_point)


def canonical(workspace) -> dict:
    """The workspace as data with nodes and links sorted: node order is not meaningful."""
    from canvas_app.io import workspace_to_data

    data = workspace_to_data(workspace)
    for campaign in data["campaigns"]:
        campaign["nodes"].sort(key=lambda n: n["id"])
        campaign["edges"].sort(key=lambda e: (e["source"], e["target"]))
    return data


def add_big_campaign(window: MainWindow, size: int) -> str:
    """A new campaign of ``size`` linked sequences in rows of 20, shown; its id."""
    from canvas_app.domain.nodes import Node

    cid = window.controller.new_campaign("Big")
    campaign = window.controller.campaign(cid)
    for i in range(size):
        campaign.add_node(Node(f"big-{i}", "sequence", f"S {i}", (i % 20) * 240,
                               (i // 20) * 180))
    for i in range(1, size):
        campaign.link(f"big-{i - 1}", f"big-{i}")
    window.campaign_list.select(cid)
    return cid


def answer_next_box_by_default(seen: list[tuple[str, list[str], str]]) -> None:
    """Soon after this, the modal box shown is recorded (its text, its buttons' texts
    sorted, its default button's text) and answered with its default button."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def answer() -> None:
        box = QApplication.activeModalWidget()
        seen.append((box.text(), sorted(b.text() for b in box.buttons()),
                     box.defaultButton().text()))
        box.defaultButton().click()

    QTimer.singleShot(100, answer)
