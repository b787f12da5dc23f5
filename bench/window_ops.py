"""Everyday operations in the main window at scale: how long until the window answers.

For each size N, a workspace of a 20-node campaign and then one of N nodes (sequences,
purchase and tag goals in a square, about 1.2 N links) is written to a temporary folder as
a .campaign.json and a SQLite store, and the JSON one opened in the real MainWindow
(1600x1000, offscreen, the collector tuned as ``run_gui`` does; settings, recovery and XDG
data folders in the temporary folder; autosave and the 30 s checks for others' changes off,
as they would fire inside unrelated operations). Operations go as a user's do: keys sent by
QTest to the focused widget, shortcuts included; File > Open as ``files.open_source``. Rows:
Ctrl+PgDown to the big campaign (from the small one) and away; select all; delete all, undo,
redo; copy, paste, duplicate 1,000; an arrow key with 1,000 selected (a first press; 10 in a
row, as held); Auto-Layout (up to 2,000 nodes); rename in place (Enter after F2 and a name);
find (Ctrl+F, a first key, a second, F3); Save (Ctrl+S after one rename) and Open, JSON and
SQLite. What an operation changed is undone, untimed, after each run. Per operation and
size, the median of the runs, in ms:
- sync: the action and three event-loop passes after it (the repaint it asks for);
- idle: until no event-loop pass has been busy (over 10 ms) for 0.6 s: deferred work (the
  lint 150 ms after an edit, the Warnings panel 200 ms later, the overview) included;
- longest: the longest stretch without the event loop (the action itself, or one pass).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/window_ops.py [--quick] [--sizes N ...]

``--quick``: 2,000 nodes, 1 run. Default: 2,000 and 10,000 nodes, median of 3 runs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
TMP = Path(tempfile.mkdtemp(prefix="window_ops_"))
for _name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):  # never the user's
    os.environ[_name] = str(TMP / _name.lower())

from PySide6.QtCore import QEventLoop, QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

PART = 1000  # nodes copied, pasted, duplicated and moved
BUSY = 0.010  # an event-loop pass longer than this did some work
QUIET = 0.6  # idle once no pass was busy for this long (the lint waits 150 + 200 ms)
LAYOUT_MAX = 2000  # Auto-Layout only up to this many nodes
K = Qt.Key
CTRL, NONE = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.NoModifier
Figures = tuple[float, float, float]  # sync, idle, longest
Step = Callable[[], object]  # untimed: prepares an operation or puts back what it changed


def campaign_data(cid: str, n: int) -> dict[str, Any]:
    """n nodes in a square: sequences of three steps, purchase goals, tag goals; each linked
    to the next but every 50th, and every fourth also to the node three on."""
    nodes, edges, cols = [], [], max(10, int(n ** 0.5))
    for i in range(n):
        node: dict[str, Any] = {"id": f"{cid}-n{i}", "x": i % cols * 240, "y": i // cols * 180}
        if i % 2 == 0:
            node.update(kind="sequence", name=f"Seq {i}", runs_until_completed=False, steps=[
                {"kind": "email", "subject": f"Email {i}"},
                {"kind": "delay", "duration": "P2D"}, {"kind": "apply_tag", "tag": f"T{i}"}])
        elif i % 4 == 1:
            node.update(kind="purchase_goal", name=f"Bought {i}", config={
                "any_purchase": False, "order_forms": [], "products": [f"p{i % 200}"],
                "categories": [], "payment_types": "any", "achieved_by": "campaign"})
        else:
            node.update(kind="tag_goal", name=f"Tag {i}",
                        config={"tags": [f"T{i - 1}"], "achieved_by": "campaign"})
        nodes.append(node)
        edges += [{"source": f"{cid}-n{i - d}", "target": f"{cid}-n{i}"}
                  for d in (1, 3) if (d == 1 and i % 50) or (d == 3 and i % 4 == 3)]
    return {"id": cid, "name": f"{n:,} nodes", "nodes": nodes, "edges": edges}


def write_workspace(n: int) -> tuple[str, str]:
    """The workspace of size n as a .campaign.json and as a SQLite store: their paths."""
    from canvas_app.documents import Document
    from canvas_app.io import load_workspace
    from canvas_app.io.schema import FORMAT, VERSION

    catalog = {"categories": [{"id": "cat", "name": "Category"}],
               "products": [{"id": f"p{i}", "name": f"Product {i}", "category": "cat",
                             "price": 10 + i, "billing": "one_time"} for i in range(200)],
               "order_forms": [], "payment_types": ["credit_card", "paypal"]}
    data = {"format": FORMAT, "version": VERSION, "catalog": catalog,
            "campaigns": [campaign_data("small", 20), campaign_data(f"c{n}", n)]}
    json_path, db_path = TMP / f"w{n}.campaign.json", TMP / f"w{n}.db"
    json_path.write_text(json.dumps(data), encoding="utf-8")
    Document(str(db_path)).save(load_workspace(str(json_path)))
    return str(json_path), str(db_path)


class Window:
    """The main window on one workspace, and the event loop measured round an action."""

    def __init__(self, source: str) -> None:
        from canvas_app.app import build_main_window
        from canvas_app.ui.collector import settle_after_open

        folder = Path(tempfile.mkdtemp(prefix="window_", dir=TMP))
        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        self.w = build_main_window(source, settings=settings, recovery_dir=folder / "recovery",
                                   offer_recovery=False)
        self.w.files.ask_unsaved = lambda: "discard"
        self.w.resize(1600, 1000)
        self.w.show()
        QTest.qWaitForWindowExposed(self.w)
        self.w.view.fit()
        settle_after_open()
        self.quiet()

    def quiet(self) -> None:
        """The autosave and the checks for changes by others, every 30 s: off; the window
        active again (an open long enough to show its waiting box leaves none active)."""
        self.w.activateWindow()
        self.w.files.autosave_timer.setInterval(10**9)
        self.w.files.snapshot_check.stop()
        self.w.files.change_check.stop()
        self.idle(QUIET)

    def idle(self, quiet: float) -> tuple[float, float]:
        """Runs the event loop until no pass has been busy for ``quiet`` s: (when the last
        busy pass ended, from the call; the longest pass)."""
        app = QApplication.instance()
        start = last_busy = time.perf_counter()
        longest = 0.0
        while True:
            began = time.perf_counter()
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            now = time.perf_counter()
            longest = max(longest, now - began)
            if now - began > BUSY:
                last_busy = now
            if now - last_busy > quiet:
                return last_busy - start, longest
            time.sleep(0.001)

    def measure(self, action: Callable[[], float | None], runs: int,
                before: Step | None = None, after: Step | None = None) -> Figures:
        """Median sync, idle and longest stretch of ``action`` (``before`` and ``after``,
        not timed, prepare and put back). An action that runs the event loop itself
        returns its longest stretch."""
        rows = []
        for _ in range(runs):
            if before:
                before()
            self.idle(0.3)
            start = time.perf_counter()
            inner = action()
            first = time.perf_counter() - start if inner is None else inner
            passes = [timed(QApplication.processEvents) for _ in range(3)]
            sync = time.perf_counter() - start
            ends, longest = self.idle(QUIET)
            rows.append((sync, sync + ends, max(first, *passes, longest)))
            if after:
                after()
                self.idle(0.3)
        return tuple(statistics.median(column) for column in zip(*rows, strict=True))

    def key(self, key: Qt.Key, mods: Qt.KeyboardModifier = NONE,
            widget: QWidget | None = None) -> None:
        QTest.keyClick(widget or self.w.view, key, mods)

    def show(self, cid: str) -> None:
        self.w.campaign_list.select(cid)
        self.w.view.setFocus()
        self.idle(0.3)

    def select(self, ids: list[str]) -> None:
        self.w.scene.select_nodes(ids)
        self.w.view.setFocus()

    def held(self, key: Qt.Key, presses: int) -> float:
        """A key held down: presses, each with an event-loop pass; the longest of them."""
        return max(timed(step) for step in (lambda: self.key(key),
                                            QApplication.processEvents) * presses)


def timed(step: Step) -> float:
    began = time.perf_counter()
    step()
    return time.perf_counter() - began


def check(ok: bool, what: str) -> None:
    if not ok:
        raise SystemExit(f"window_ops: {what}")


def operations(win: Window, n: int, runs: int, sources: dict[str, str]) -> dict[str, Figures]:
    """Every operation in turn, in the window on the JSON file (Save and Open last)."""
    from canvas_app.ui.canvas.view_keys import NUDGE_RUN_S

    w, cid, out, part = win.w, f"c{n}", {}, min(PART, n)
    undo_action = w.actions_by_name["undo"].trigger

    def press(key: Qt.Key, mods: Qt.KeyboardModifier = NONE, widget: QWidget | None = None,
              then: Callable[[], bool] | None = None) -> Callable[[], None]:
        """Presses the key, then checks that it did its work."""
        def action() -> None:
            win.key(key, mods, widget)
            check(then is None or then(), f"{key.name} ({mods.name}) did not do its work")
        return action

    def row(name: str, action: Callable[[], float | None], before: Step | None = None,
            after: Step | None = None) -> None:
        out[name] = win.measure(action, runs, before, after)

    row("switch to it (Ctrl+PgDown)", press(K.Key_PageDown, CTRL, then=lambda:
        w.current_campaign_id() == cid), lambda: win.show("small"))
    row("switch away from it", press(K.Key_PageDown, CTRL, then=lambda:
        w.current_campaign_id() == "small"), lambda: win.show(cid))
    win.show(cid)
    scene, count = w.scene, [0]
    ids, shown = list(scene.nodes), lambda: len(scene.nodes)
    check(len(ids) == n, f"{len(ids)} nodes shown, not {n}")
    first, target = ids[:part], ids[n // 2]
    delete = press(K.Key_Delete, then=lambda: shown() == 0)
    undo = press(K.Key_Z, CTRL, then=lambda: shown() == n)

    def deleted() -> None:
        win.select(ids)
        win.idle(0.2)
        delete()

    def grows(key: Qt.Key) -> Callable[[], None]:
        def action() -> None:
            count[0] = shown()
            press(key, CTRL, then=lambda: shown() == count[0] + part)()
        return action

    def new_run() -> None:  # presses further apart than this are a new undo step
        win.select(first)
        time.sleep(NUDGE_RUN_S + 0.1)

    row("select all (Ctrl+A)", press(K.Key_A, CTRL, then=lambda:
        len(scene.selected_node_ids()) == n), lambda: win.select([]))
    row("delete all (Delete)", delete, lambda: win.select(ids), undo_action)
    row("undo of the delete (Ctrl+Z)", undo, deleted)
    row("redo of the delete (Ctrl+Y)", press(K.Key_Y, CTRL, then=lambda: shown() == 0),
        lambda: (deleted(), win.idle(0.2), undo()), undo_action)
    row(f"copy {part:,} (Ctrl+C)", press(K.Key_C, CTRL), lambda: win.select(first))
    row(f"paste {part:,} (Ctrl+V)", grows(K.Key_V),
        lambda: (win.select(first), win.key(K.Key_C, CTRL)), undo_action)
    row(f"duplicate {part:,} (Ctrl+D)", grows(K.Key_D), lambda: win.select(first), undo_action)
    row(f"arrow key, {part:,} selected", press(K.Key_Right), new_run, undo_action)
    row(f"arrow key x10 (held), {part:,}", lambda: win.held(K.Key_Right, 10), new_run,
        undo_action)
    if n <= LAYOUT_MAX:
        row("Auto-Layout (Ctrl+Shift+L)", press(
            K.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier), lambda: win.select([]),
            undo_action)

    def editor_open() -> None:
        win.select([target])
        win.key(K.Key_F2)
        check(w.view.name_editor is not None, "F2 did not open the name editor")
        count[0] += 1
        w.view.name_editor.setText(f"Renamed {count[0]}")

    row("rename in place (Enter)", lambda: press(K.Key_Return, NONE, w.view.name_editor, then=(
        lambda: w.controller.campaign(cid).node(target).name == f"Renamed {count[0]}"))(),
        editor_open)
    bar = w.find_bar

    def find_closed() -> None:
        bar.field.clear()
        bar.close_bar()
        win.show(cid)

    def typed(text: str) -> Step:
        return lambda: (find_closed(), win.key(K.Key_F, CTRL), QTest.keyClicks(bar.field, text))

    row("find: Ctrl+F", press(K.Key_F, CTRL, then=bar.isVisible), find_closed)
    row("find: type 'T' (first key)", lambda: QTest.keyClick(bar.field, "T"), typed(""))
    row("find: type 'a' ('Ta')", lambda: QTest.keyClick(bar.field, "a"), typed("T"))
    row("find: F3 (next 'Tag')", press(K.Key_F3, NONE, bar.field), typed("Tag"))
    find_closed()

    def renamed() -> None:
        count[0] += 1
        w.controller.rename_node(cid, f"{cid}-n{n // 3}", f"Saved {count[0]}")
        win.show(cid)

    for label, source in sources.items():
        if w.session.document.source != str(Path(source).resolve()):
            check(w.files.open_source(source), f"{source} did not open")
            win.quiet()
        row(f"Save {label} (Ctrl+S)", press(K.Key_S, CTRL, then=lambda:
            not w.session.modified), renamed)
        row(f"Open {label} (File > Open)", lambda source=source: check(
            w.files.open_source(source), f"{source} did not open"), after=win.quiet)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2,000 nodes, 1 run")
    parser.add_argument("--sizes", type=int, nargs="+", metavar="N")
    parser.add_argument("--runs", type=int, help="median of this many (default 3; 1 quick)")
    args = parser.parse_args(argv)
    sizes = args.sizes or ([2000] if args.quick else [2000, 10000])
    runs = args.runs or (1 if args.quick else 3)
    from canvas_app.app import APPLICATION, ORGANIZATION, configure_qt
    from canvas_app.ui.collector import tune_for_the_window

    configure_qt()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    tune_for_the_window()
    table: dict[str, dict[int, Figures]] = {}
    try:
        for n in sizes:
            print(f"{n:,} nodes ...", file=sys.stderr, flush=True)
            json_path, db_path = write_workspace(n)
            win = Window(json_path)
            figures = operations(win, n, runs, {"JSON": json_path, "SQLite": db_path})
            for name, row in figures.items():
                table.setdefault(name, {})[n] = row
            win.w.close()
            win.idle(0.3)
    finally:
        app.clipboard().clear()  # our copied nodes: handed back before Qt tears down
        shutil.rmtree(TMP, ignore_errors=True)
    print(f"Everyday operations in the main window, offscreen, median of {runs} run(s), ms: "
          "sync = until the window answers, idle = until deferred work is done, "
          "longest = longest single event-loop pass")
    head = f"{'operation':32}" + "".join(f"{f'{n:,} nodes':^27}" for n in sizes)
    print(head)
    print(f"{'':32}" + f"{'sync':>9}{'idle':>9}{'longest':>9}" * len(sizes))
    print("-" * len(head))
    for name, by_size in table.items():
        cells = "".join("".join(f"{v * 1000:9.0f}" for v in by_size[n]) if n in by_size
                        else f"{'-':>9}" * 3 for n in sizes)
        print(f"{name:32}{cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
