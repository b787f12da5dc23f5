"""Large edits on the canvas: the time of one arrow-key move, paste, undo and delete of N nodes.

Offscreen, a campaign of N nodes with N links (rows of 100, as ``canvas_scale.py`` lays
them out) is shown in the real scene and view (Controller + CampaignScene + CanvasView). Each
operation goes the way the window sends it (the arrow key to the view; paste, select and
reveal as Edit > Paste does; Delete; Undo) and is timed with the events it leaves (the
scene's updates, the overview's rebuild, the view's repaint): wall clock, and this process's
CPU time, steadier on a busy machine. The lint badges follow a moment later (the scene's
lint timer): that pass is timed apart, as "then lint".

    .venv/bin/python bench/edit_scale.py              # 10,000 nodes
    .venv/bin/python bench/edit_scale.py --size 2000 --runs 1
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

from canvas_scale import VIEW_H, VIEW_W, build_workspace  # noqa: E402
from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


class Bench:
    def __init__(self, n: int, zoom_100: bool) -> None:
        from canvas_app.editing.controller import Controller
        from canvas_app.ui.canvas import CampaignScene, CanvasView

        self.n = n
        self.pasted: list[str] = []
        self.workspace = build_workspace(n)
        self.stack = QUndoStack()
        self.controller = Controller(self.workspace, self.stack)
        self.scene = CampaignScene(self.controller)
        self.view = CanvasView()
        self.view.resize(VIEW_W, VIEW_H)
        self.view.bind(self.scene)
        self.scene.show_campaign("big")
        self.view.show()
        QApplication.processEvents()
        self.view.fit()
        if zoom_100:
            self.view.reset_zoom()
            self.view.centerOn(self.scene.nodes[f"n{n // 2}"])
        self.settle()

    def settle(self) -> float:
        """Refreshes the lint badges, as the scene's timer would a moment after an edit
        (stopped first, so that its pass is timed apart from the edit's); then runs what
        the event loop holds. Returns the lint's time."""
        timer = self.scene._lint_timer
        if not timer.isActive():
            QApplication.processEvents()
            return 0.0
        timer.stop()
        start = time.perf_counter()
        self.scene.refresh_findings()
        QApplication.processEvents()
        return time.perf_counter() - start

    def timed(self, action: Callable[[], None]) -> tuple[float, float, float]:
        """(the action with the events it leaves: wall clock, then this process's CPU
        time, steadier on a busy machine; then the lint badges, wall clock)."""
        gc.collect()
        timer = self.scene._lint_timer
        start, cpu = time.perf_counter(), time.process_time()
        action()
        lint_due = timer.isActive()
        timer.stop()  # its pass is timed below
        for _ in range(3):  # the scene's update, the view's repaint it asks for, the paint
            QApplication.processEvents()
        took, cpu = time.perf_counter() - start, time.process_time() - cpu
        if lint_due:
            timer.start()
        return took, cpu, self.settle()

    # -- the operations, as the window does them ------------------------------------------
    def ids(self) -> list[str]:
        return list(self.scene.nodes)

    def arrow(self) -> None:
        self.view.setFocus()
        QTest.keyClick(self.view, Qt.Key.Key_Right)

    def paste(self, data: dict) -> None:
        ids = self.pasted = self.controller.paste_data("big", data)
        self.scene.select_nodes(ids)
        items = [self.scene.nodes[n] for n in ids if n in self.scene.nodes]
        if items:
            rect = QRectF(items[0].sceneBoundingRect())
            for item in items[1:]:
                rect = rect.united(item.sceneBoundingRect())
            self.view.ensureVisible(rect, 40, 40)

    def delete(self, ids: list[str]) -> None:
        self.controller.delete("big", ids)

    def undo(self) -> None:
        self.stack.undo()

    def close(self) -> None:
        self.scene.detach()
        self.view.close()


def ms(seconds: float) -> str:
    return f"{seconds * 1000:9.1f} ms"


Row = tuple[str, float, float, float]


def run(n: int, runs: int, zoom_100: bool) -> list[Row]:
    bench = Bench(n, zoom_100)
    rows: list[Row] = []

    def best(name: str, times: list[tuple[float, float, float]]) -> None:
        rows.append((name, *(min(column) for column in zip(*times, strict=True))))

    everything = bench.ids()
    bench.scene.select_nodes(everything)
    bench.settle()
    best(f"arrow move, {n} selected", [bench.timed(bench.arrow) for _ in range(runs)])
    check = bench.workspace.campaign("big").node("n0")
    assert check.x == 20.0 * runs, f"the arrow key moved n0 to {check.x}"
    data = bench.controller.copy_data("big", everything)
    pastes, undos = [], []
    for _ in range(runs):
        pastes.append(bench.timed(lambda: bench.paste(data)))
        assert len(bench.scene.nodes) == 2 * n and len(bench.pasted) == n
        assert len(bench.scene.links) == 2 * n
        assert len(bench.scene.selected_node_ids()) == n
        undos.append(bench.timed(bench.undo))
        assert len(bench.scene.nodes) == n and len(bench.scene.links) == n
    best(f"paste of {n}", pastes)
    best("undo of the paste", undos)
    deletes, restores = [], []
    for _ in range(runs):
        deletes.append(bench.timed(lambda: bench.delete(everything)))
        assert not bench.scene.nodes and not bench.scene.links
        restores.append(bench.timed(bench.undo))
        assert len(bench.scene.nodes) == n and len(bench.scene.links) == n
    best(f"delete of {n}", deletes)
    best("undo of the delete", restores)
    bench.close()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=2, help="best of this many (default 2)")
    parser.add_argument("--zoom-100", action="store_true",
                        help="at 100 %% zoom (items shown) instead of fit (the overview)")
    args = parser.parse_args(argv)
    from canvas_app.app import configure_qt

    configure_qt()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    where = "100 % zoom" if args.zoom_100 else "fit to the view"
    print(f"Edit scale, {args.size} nodes with as many links, {where}, offscreen, "
          f"best of {args.runs}")
    header = f"{'':32}{'edit':>12}{'(CPU)':>12}{'then lint':>12}"
    print(header)
    print("-" * len(header))
    for name, took, cpu, lint in run(args.size, args.runs, args.zoom_100):
        print(f"{name:32}{ms(took):>12}{ms(cpu):>12}{ms(lint):>12}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
