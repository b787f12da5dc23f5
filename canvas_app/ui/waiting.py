"""Waiting for a database server without freezing the window.

Opening or saving a workspace on a server runs on a thread of its own. The window keeps
drawing meanwhile but takes no input; past :data:`SHOW_AFTER_MS` a small window-modal box
says what is waited for ("Connecting to db.example.org…"), and when the work may be left
(an opening), offers to stop waiting. A server that does not answer takes up to the
connect timeout (10 s) to fail: before this, the window was frozen for all of it.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

T = TypeVar("T")
SHOW_AFTER_MS = 400  # a quick answer shows no box at all


class StoppedWaiting(Exception):
    """The user stopped waiting; the work may still end on its thread, unseen."""


_waiting = 0  # how many waits are under way (nested: a timer's during another's)


def waiting() -> bool:
    """Whether the window is waiting for a server: what would change the workspace (the
    watch taking a teammate's save in) waits too."""
    return _waiting > 0


class _Done(QObject):
    done = Signal()


class _Outcome(Generic[T]):
    def __init__(self) -> None:
        self.value: T | None = None
        self.error: BaseException | None = None
        self.finished = threading.Event()


def wait_for(parent: QWidget | None, saying: str, work: Callable[[], T],
             can_stop: bool = False) -> T:
    """Runs ``work`` on a thread and returns its result (or raises its exception) on the
    window's thread. Meanwhile the window repaints and ignores input; after a moment the
    box says ``saying`` (a window of its own without ``parent``: the app starting). With
    ``can_stop``, its Stop Waiting button raises
    :class:`StoppedWaiting` (the work's result, when it comes, is dropped)."""
    global _waiting
    _waiting += 1
    try:
        return _wait(parent, saying, work, can_stop)
    finally:
        _waiting -= 1


def _wait(parent: QWidget | None, saying: str, work: Callable[[], T], can_stop: bool) -> T:
    outcome: _Outcome[T] = _Outcome()
    done = _Done()
    loop = QEventLoop()
    done.done.connect(loop.quit)

    def run() -> None:
        try:
            outcome.value = work()
        except BaseException as exc:  # noqa: BLE001 (raised again on the window's thread)
            outcome.error = exc
        outcome.finished.set()
        with contextlib.suppress(RuntimeError):  # the waiting has ended and gone
            done.done.emit()

    threading.Thread(target=run, name="server-wait", daemon=True).start()
    if not outcome.finished.wait(0.05):  # most answers come at once: no event loop
        QTimer.singleShot(SHOW_AFTER_MS, loop.quit)
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    if not outcome.finished.is_set():
        box = waiting_box(parent, saying, can_stop)
        box.canceled.connect(loop.quit)
        box.show()
        loop.exec()
        box.canceled.disconnect(loop.quit)
        had_keys = QApplication.activeWindow() is box
        box.hide()  # (close() is refused by a box that cannot stop)
        box.deleteLater()
        if had_keys and parent is not None:  # the keys back to the window (without a
            # window manager to do it, Ctrl+S after an Open went nowhere)
            parent.window().activateWindow()
        if not outcome.finished.is_set():
            raise StoppedWaiting(saying)
    if outcome.error is not None:
        raise outcome.error
    return outcome.value  # type: ignore[return-value]


class WaitingBox(QProgressDialog):
    """A busy bar under what is waited for. One that cannot stop ignores Esc and the
    title bar's close: the window must not take edits while a save reads the workspace."""

    def __init__(self, saying: str, can_stop: bool, parent: QWidget | None) -> None:
        super().__init__(saying, "&Stop Waiting" if can_stop else "", 0, 0, parent)
        self.can_stop = can_stop

    def reject(self) -> None:
        if self.can_stop:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self.can_stop:
            super().closeEvent(event)
        else:
            event.ignore()


def waiting_box(parent: QWidget | None, saying: str, can_stop: bool) -> WaitingBox:
    """A busy bar under ``saying``; a Stop Waiting button when the work may be left."""
    box = WaitingBox(saying, can_stop, parent)
    box.setObjectName("serverWaitBox")
    box.setWindowTitle("Please Wait" if parent is not None else "Campaign Canvas")
    if parent is None:  # the app starting: its name in the title bar, not "Campa…anvas"
        box.setMinimumWidth(box.fontMetrics().horizontalAdvance("M") * 26)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setMinimumDuration(0)
    box.setAutoClose(False)
    box.setAutoReset(False)
    if not can_stop:
        box.setCancelButton(None)
    return box
