"""The window's garbage collector settings (canvas_app/ui/collector.py): the app freezes
what is alive once a workspace is shown; tests and scripts keep Python's collector."""

from __future__ import annotations

import gc
import shutil
import weakref
from pathlib import Path

import pytest

from canvas_app.ui import collector

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "samples" / \
    "pool-store.campaign.json"


@pytest.fixture
def python_collector():
    """Python's collector as it was, whatever the test did to it."""
    threshold = gc.get_threshold()
    state = dict(collector._state)
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)
    collector._state.update(state)


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_outside_the_app_nothing_is_frozen(python_collector, qtbot):
    threshold = gc.get_threshold()
    collector.settle_after_open()
    qtbot.wait(10)
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == threshold


def test_the_app_raises_the_young_threshold_once(python_collector):
    young, *older = gc.get_threshold()
    collector.tune_for_the_window()
    collector.tune_for_the_window()
    assert gc.get_threshold() == (young * collector.YOUNG_THRESHOLD_FACTOR, *older)


def test_after_an_open_what_is_alive_is_frozen_and_old_garbage_still_goes(python_collector,
                                                                        qtbot):
    collector.tune_for_the_window()
    kept = Cycle()
    dropped = Cycle()
    gone = weakref.ref(dropped)
    collector.settle_after_open()
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0)
    del dropped  # garbage now, but frozen: a full pass leaves it
    gc.collect()
    assert gone() is not None
    collector.settle_now()  # the next open unfreezes and collects before freezing
    assert gone() is None
    assert gc.get_freeze_count() > 0 and kept.me is kept


def test_opening_a_file_in_the_window_freezes_it(python_collector, qtbot, tmp_path):
    from tests.ui.canvas.conftest import make_window

    first, second = tmp_path / "first.campaign.json", tmp_path / "second.campaign.json"
    shutil.copy(SAMPLE, first)
    shutil.copy(SAMPLE, second)
    window = make_window(qtbot, str(first), tmp_path)
    collector.tune_for_the_window()
    assert gc.get_freeze_count() == 0
    assert window.files.open_source(str(second))
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0)
    workspace = window.session.workspace
    assert all(o is not workspace for o in gc.get_objects())  # frozen: in no generation
