"""A large workspace file is read on a thread: the window repaints meanwhile and says what
it waits for ("Opening big.campaign.json…"), and the opening can be stopped (a file of
12,000 nodes took a second or two to read and check, the window frozen, not even
repainting). Small files are read at once, as before."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from canvas_app.documents import Document
from canvas_app.ui import file_actions

from .canvas.conftest import SAMPLE, make_window
from .test_server_wait import box_shown, when_box_shows


def slowed(monkeypatch, seconds: float) -> list[str]:
    """Document.load_stamped takes ``seconds`` longer; returns the threads it ran on."""
    threads: list[str] = []
    original = Document.load_stamped

    def load_stamped(self: Document):
        import threading

        threads.append(threading.current_thread().name)
        time.sleep(seconds)
        return original(self)

    monkeypatch.setattr(Document, "load_stamped", load_stamped)
    return threads


def test_a_large_file_opens_while_the_window_says_so(qtbot, monkeypatch,
                                                     tmp_path: Path) -> None:
    window = make_window(qtbot, str(SAMPLE), tmp_path)
    big = tmp_path / "big.campaign.json"
    shutil.copy(SAMPLE, big)
    monkeypatch.setattr(file_actions, "LARGE_FILE_BYTES", big.stat().st_size)
    threads = slowed(monkeypatch, 0.8)
    said: list[str] = []
    when_box_shows(window, lambda box: said.append(box.labelText()))
    assert window.files.open_source(str(big))
    assert threads and threads[0] != "MainThread"
    assert said == ["Opening big.campaign.json…"]
    assert window.session.document.source == str(big)
    assert box_shown() is None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # the keys back to it


def test_stopping_leaves_the_workspace_open_as_it_was(qtbot, monkeypatch,
                                                      tmp_path: Path) -> None:
    window = make_window(qtbot, str(SAMPLE), tmp_path)
    before = window.session.document.source
    big = tmp_path / "big.campaign.json"
    shutil.copy(SAMPLE, big)
    monkeypatch.setattr(file_actions, "LARGE_FILE_BYTES", 1)
    slowed(monkeypatch, 1.5)

    def stop(box) -> None:
        [button] = [b for b in box.findChildren(QPushButton) if b.text() == "&Stop Waiting"]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    when_box_shows(window, stop)
    assert not window.files.open_source(str(big))
    assert window.session.document.source == before
    assert window.statusBar().currentMessage() \
        == "Stopped waiting for big.campaign.json: not opened."


def test_a_small_file_is_read_at_once(qtbot, monkeypatch, tmp_path: Path) -> None:
    window = make_window(qtbot, str(SAMPLE), tmp_path)
    small = tmp_path / "small.campaign.json"
    shutil.copy(SAMPLE, small)
    threads = slowed(monkeypatch, 0.0)
    assert window.files.open_source(str(small))
    assert threads == ["MainThread"]
