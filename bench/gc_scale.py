"""Python's garbage collector on a big workspace: what its full passes cost the window, and
what ``gc.freeze()`` after opening (canvas_app/ui/file_actions.py) saves.

Offscreen, a campaign of N nodes with N links (bench/canvas_scale.py's layout) is shown in
the real scene and view. Then, in one run, alternating so that the machine's load falls on
both alike, each of these is timed with the collector as Python sets it up ("default"),
with everything alive after the open frozen ("frozen"), and frozen with the youngest
generation's threshold ten times Python's ("frozen, 10x"):
- one full ``gc.collect()``;
- paste of all N nodes (as Edit > Paste: the scene follows) and its undo, until the event
  loop is idle; with the number of collections of the oldest generation that ran during
  them and the time they took (measured with ``gc.callbacks``).

    QT_QPA_PLATFORM=offscreen python bench/gc_scale.py [--size 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))  # canvas_scale, beside this file

from canvas_scale import build_workspace, open_campaign  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


class FullPasses:
    """Counts and times the collections of the oldest generation (2), and times all."""

    def __init__(self) -> None:
        self.count = 0
        self.seconds = 0.0
        self.all_seconds = 0.0
        self._start = 0.0
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.perf_counter()
            return
        spent = time.perf_counter() - self._start
        self.all_seconds += spent
        if info.get("generation") == 2:
            self.count += 1
            self.seconds += spent

    def reset(self) -> None:
        self.count, self.seconds, self.all_seconds = 0, 0.0, 0.0


def timed(action: Callable[[], None],
          passes: FullPasses) -> tuple[float, int, float, float]:
    """(seconds, full passes, their seconds, seconds of all collections)."""
    gc.collect()
    passes.reset()
    start = time.perf_counter()
    action()
    QApplication.processEvents()
    return time.perf_counter() - start, passes.count, passes.seconds, passes.all_seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3, help="best of this many (default 3)")
    args = parser.parse_args(argv)
    from canvas_app.app import configure_qt

    configure_qt()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    workspace = build_workspace(args.size)
    stack, controller, scene, view = open_campaign(workspace)
    view.show()
    QApplication.processEvents()
    view.fit()
    QApplication.processEvents()
    gc.collect()
    tracked = len(gc.get_objects())
    data = controller.copy_data("big", list(scene.nodes))
    passes = FullPasses()

    def paste() -> None:
        ids = controller.paste_data("big", data)
        scene.select_nodes(ids)

    modes = ("default", "frozen", "frozen, 10x")
    results: dict[str, dict[str, list[tuple[float, int, float, float]]]] = {
        mode: {"collect": [], "paste": [], "undo": []} for mode in modes}
    thresholds = gc.get_threshold()
    for _ in range(args.runs):
        for mode in modes:
            if mode != "default":
                gc.collect()
                gc.freeze()
            if mode == "frozen, 10x":
                gc.set_threshold(thresholds[0] * 10, *thresholds[1:])
            start = time.perf_counter()
            gc.collect()
            results[mode]["collect"].append((time.perf_counter() - start, 1, 0.0, 0.0))
            results[mode]["paste"].append(timed(paste, passes))
            assert len(scene.nodes) == 2 * args.size
            results[mode]["undo"].append(timed(stack.undo, passes))
            assert len(scene.nodes) == args.size
            gc.unfreeze()
            gc.set_threshold(*thresholds)

    print(f"{args.size} nodes and links shown; {tracked:,} objects tracked by the collector; "
          f"best of {args.runs}, alternating")
    print("paste and undo: time until idle (full passes, their time; all collections' time)")
    print(f"{'':22}" + "".join(f"{mode:>32}" for mode in modes))
    for what, label in (("collect", "gc.collect() (full)"), ("paste", f"paste of {args.size}"),
                        ("undo", "undo of the paste")):
        cells = []
        for mode in modes:
            took, count, spent, every = min(results[mode][what])
            cell = f"{took * 1000:.1f} ms"
            if what != "collect":
                cell += f" ({count}, {spent * 1000:.0f} ms; {every * 1000:.0f} ms)"
            cells.append(cell)
        print(f"{label:22}" + "".join(f"{cell:>32}" for cell in cells))
    view.close()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
