"""A busy cursor over work that takes a noticeable while (edits of thousands of nodes)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

BUSY_NODES = 2000  # an edit of this many nodes takes long enough (about 0.3 s+) to say so


@contextmanager
def busy_cursor(count: int) -> Iterator[None]:
    """Shows the wait cursor while the block runs, when it concerns ``count`` nodes and
    that is at least BUSY_NODES; otherwise does nothing."""
    if count < BUSY_NODES:
        yield
        return
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
