"""Python's garbage collector in the window (the app only; tests and scripts keep Python's
own settings).

A shown workspace of 10,000 nodes keeps about 230,000 objects the collector tracks, and
every full pass (which Python starts on its own during a big paste) walked them all: about
120-170 ms each here. So once a workspace is shown, what is alive then is frozen
(``gc.freeze()``: left out of every pass) after one collection, and the youngest
generation's threshold is ten times Python's (fewer passes while a big edit allocates).
Measured by bench/gc_scale.py; docs/decisions.md gives the figures.

Frozen objects that become garbage later (the workspace a new one replaces) are unfrozen
at the next open, collected, and only then is the new workspace frozen: at most the
workspace before the shown one waits, never every workspace opened since the start.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QTimer

YOUNG_THRESHOLD_FACTOR = 10
_state = {"active": False}


def tune_for_the_window() -> None:
    """Called once by the app's start (``run_gui``) before its first workspace is shown."""
    if _state["active"]:
        return
    _state["active"] = True
    young, *older = gc.get_threshold()
    gc.set_threshold(young * YOUNG_THRESHOLD_FACTOR, *older)


def settle_after_open() -> None:
    """A workspace was just shown: once the event loop has run what is queued (Qt's
    deferred deletes of the replaced one among it), collect and freeze. Nothing outside
    the app (see :func:`tune_for_the_window`)."""
    if _state["active"]:
        QTimer.singleShot(0, settle_now)


def settle_now() -> None:
    gc.unfreeze()  # what the last open froze and is garbage since can go now
    gc.collect()
    gc.freeze()
