"""The purchase goal editor, the Catalog window and the E-Commerce Actions product search
at 4 and at 2,000 products, side by side in one run.

The workspace is ``catalog_scale.py``'s (the performance QA's: 50 categories, 100 order
forms, a purchase goal naming one product), with 4 or 2,000 products and one small
campaign (the editors' cost is in the catalog's lists, not in the nodes). The app's style
(``use_app_style``) is used, as in the app. It prints, as wall time with the events each
action leaves (the best of ``--runs``, and the median):

- purchase goal editor: opening it (built, shown, laid out: ``open_node_editor``), then in
  its product search a first key ("p", every product matches), a second key ("1", a few
  hundred match), a third ("2") and clearing the search (every row back);
- Catalog window: opening it (built, filled, shown) and a switch to its second tab;
- E-Commerce Actions: one key in its product field (the completer's list filtered and
  shown).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/editor_scale.py [--runs 3]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # catalog_scale, beside this file

from catalog_scale import workspace_data  # noqa: E402
from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit  # noqa: E402

from canvas_app.domain.workspace import Workspace  # noqa: E402
from canvas_app.io.workspace_file import workspace_from_data  # noqa: E402

SIZES = (4, 2000)
GOAL = ("c0", "c0-n1")  # a purchase goal naming one product


def timed(action: Callable[[], object]) -> tuple[float, object]:
    """The action and the events it posted (layouts, repaints), in seconds."""
    app = QApplication.instance()
    start = time.perf_counter()
    result = action()
    app.processEvents()
    app.processEvents()
    return time.perf_counter() - start, result


def settle() -> None:
    app = QApplication.instance()
    for _ in range(5):
        app.processEvents()


def close(dialog: QDialog) -> None:
    dialog.done(QDialog.DialogCode.Rejected)  # no "discard changes?" question
    dialog.deleteLater()
    settle()


def bench_goal(workspace: Workspace, stack: QUndoStack, runs: int) -> dict[str, list[float]]:
    from canvas_app.ui.dialogs import open_node_editor

    figures: dict[str, list[float]] = {}

    def add(name: str, seconds: float) -> None:
        figures.setdefault(name, []).append(seconds)

    for _ in range(runs):
        seconds, dialog = timed(lambda: open_node_editor(None, workspace, stack, *GOAL))
        add("goal editor: open", seconds)
        search = dialog.findChild(QLineEdit, "productSearch")
        search.setFocus()
        for key, name in (("p", "1st key"), ("1", "2nd key"), ("2", "3rd key")):
            add(f"goal editor: search, {name}",
                timed(lambda k=key, s=search: QTest.keyClick(s, k))[0])
        add("goal editor: search, clear", timed(search.clear)[0])
        close(dialog)
    return figures


def bench_catalog(workspace: Workspace, stack: QUndoStack, runs: int) -> dict[str, list[float]]:
    from canvas_app.ui.dialogs import open_catalog_manager

    figures: dict[str, list[float]] = {"Catalog window: open": [],
                                       "Catalog window: 2nd tab": []}
    for _ in range(runs):
        seconds, dialog = timed(lambda: open_catalog_manager(None, workspace, stack))
        figures["Catalog window: open"].append(seconds)
        figures["Catalog window: 2nd tab"].append(
            timed(lambda d=dialog: d.tabs.setCurrentIndex(1))[0])
        close(dialog)
    return figures


def bench_ecommerce(workspace: Workspace, stack: QUndoStack,
                    runs: int) -> dict[str, list[float]]:
    from canvas_app.ui.dialogs import open_ecommerce_actions

    figures: dict[str, list[float]] = {"E-Commerce Actions: product key": []}
    for _ in range(runs):
        dialog = open_ecommerce_actions(None, workspace, stack)
        settle()
        field = dialog.findChild(QLineEdit, "productSearch")
        field.setFocus()
        figures["E-Commerce Actions: product key"].append(
            timed(lambda f=field: QTest.keyClick(f, "p"))[0])
        dialog.completer.popup().hide()
        close(dialog)
    return figures


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv)
    from canvas_app.ui.theme import use_app_style

    use_app_style(app)
    results: dict[int, dict[str, list[float]]] = {}
    for products in SIZES:
        workspace = workspace_from_data(workspace_data(1, 40, 8, products))
        gc.collect()
        gc.freeze()  # as the app does once a workspace is open
        stack = QUndoStack()
        results[products] = (bench_goal(workspace, stack, args.runs)
                             | bench_catalog(workspace, stack, args.runs)
                             | bench_ecommerce(workspace, stack, args.runs))
    names = list(results[SIZES[0]])
    width = max(len(name) for name in names)
    print(f"{'':{width}}  " + "  ".join(f"{f'{n:,} products: best (median)':>30}"
                                       for n in SIZES))
    for name in names:
        cells = []
        for products in SIZES:
            times = results[products][name]
            cells.append(f"{ms(min(times))} ({ms(statistics.median(times))})")
        print(f"{name:{width}}  " + "  ".join(f"{cell:>30}" for cell in cells))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
