"""Opening and saving on a database server run while the window waits: it repaints, takes
no edits, says after a moment what it waits for, and an opening can be stopped (before,
a server that did not answer froze the window for the whole 10 s connect timeout)."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from canvas_app.ui.waiting import StoppedWaiting, wait_for, waiting

from .canvas.conftest import SAMPLE, make_window


def slow(seconds: float, value: object = "done"):
    def work() -> object:
        time.sleep(seconds)
        return value
    return work


def box_shown() -> QWidget | None:
    return next((w for w in QApplication.topLevelWidgets()
                 if w.objectName() == "serverWaitBox" and w.isVisible()), None)


def when_box_shows(parent: QWidget, then) -> QTimer:
    """Calls ``then(box)`` once, as soon as the waiting box shows (looked for every 20 ms:
    on a busy machine the timers of a wait come late and together)."""
    timer = QTimer(parent)

    def look() -> None:
        box = box_shown()
        if box is not None:
            timer.stop()
            then(box)

    timer.timeout.connect(look)
    timer.start(20)
    return timer


def test_a_quick_answer_shows_no_box(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    assert wait_for(parent, "Connecting to team…", slow(0.01, 42)) == 42
    assert box_shown() is None and not waiting()


def test_the_window_keeps_running_and_the_box_says_what_it_waits_for(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    ticks: list[float] = []
    boxes: list[str] = []
    start = time.monotonic()
    timer = QTimer(parent)
    timer.timeout.connect(lambda: ticks.append(time.monotonic() - start))
    timer.start(50)  # the window's own timers (and repaints) go on meanwhile
    QTimer.singleShot(100, lambda: boxes.append(f"waiting={waiting()}"))
    when_box_shows(parent, lambda box: boxes.append(box.labelText()))
    assert wait_for(parent, "Saving to team…", slow(1.2)) == "done"
    timer.stop()
    assert len(ticks) >= 5
    assert sorted(boxes) == ["Saving to team…", "waiting=True"]  # (timers come late at times)
    qtbot.waitUntil(lambda: box_shown() is None)


def test_the_works_error_is_raised_on_the_windows_thread(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def fails() -> None:
        time.sleep(0.1)
        raise ValueError("no such database")

    with pytest.raises(ValueError, match="no such database"):
        wait_for(parent, "Connecting to team…", fails)


def test_stop_waiting_leaves_the_work(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()

    def stop(box: QWidget) -> None:
        [button] = [b for b in box.findChildren(QPushButton) if b.text() == "&Stop Waiting"]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    when_box_shows(parent, stop)
    began = time.monotonic()
    with pytest.raises(StoppedWaiting):
        wait_for(parent, "Connecting to team…", slow(5), can_stop=True)
    assert time.monotonic() - began < 3
    assert box_shown() is None


def test_a_save_cannot_be_stopped_with_escape(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    pressed: list[bool] = []

    def escape(box: QWidget) -> None:
        assert not [b for b in box.findChildren(QPushButton) if b.isVisible()]
        qtbot.keyClick(box, Qt.Key.Key_Escape)
        box.close()
        pressed.append(box.isVisible())

    when_box_shows(parent, escape)
    assert wait_for(parent, "Saving to team…", slow(1.2)) == "done"
    assert pressed == [True]  # still shown after Esc and close


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port that takes connections and never answers: a server that hangs."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    try:
        yield listener.getsockname()[1]
    finally:
        listener.close()


def test_opening_a_server_that_does_not_answer_can_be_stopped(
        qtbot, tmp_path, silent_server: int) -> None:
    window = make_window(qtbot, str(SAMPLE), tmp_path)
    before = window.session.document
    url = f"postgresql+psycopg://ann:s3cret@127.0.0.1:{silent_server}/team"
    seen: list[str] = []

    def stop(box: QWidget) -> None:
        seen.append(box.labelText())
        [button] = [b for b in box.findChildren(QPushButton) if b.text() == "&Stop Waiting"]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    when_box_shows(window, stop)
    began = time.monotonic()
    assert not window.files.open_database(url)
    assert time.monotonic() - began < 5  # not the 10 s connect timeout
    assert seen == [f"Connecting to 127.0.0.1:{silent_server}/team…"]
    assert window.session.document == before
    assert window.statusBar().currentMessage() == \
        f"Stopped waiting for 127.0.0.1:{silent_server}/team: not opened."
    assert window.files._error_box is None
