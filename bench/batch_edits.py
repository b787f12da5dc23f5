"""Batch edits in the real window: switch campaign, select all, delete all, undo, auto-layout.

A MainWindow (offscreen, 1280x800, 100 % zoom) on the sample workspace with campaigns added
as the performance QA built them: nodes in rows of 20 (or 70 for the large one), 240 apart
across and 180 down, each linked to the next (every 50th link left out), so that the link
from the end of a row back to the start of the next runs over the row and bends round the
nodes in its way. Campaigns of up to 399 nodes route their links (LinkRouter); larger ones
do not. For each size, timed with the events each action leaves (the scene's updates, the
repaint): showing the campaign (from another one), View > Auto-Layout, Edit > Select All,
Delete, Undo (the nodes come back and are selected), and renaming one node.

    .venv/bin/python bench/batch_edits.py                      # 300 and 5,000 nodes
    .venv/bin/python bench/batch_edits.py --against HEAD~1     # side by side with a commit

``--against REV`` runs the same measures, each in a fresh process, on the code of commit
REV (``git archive``, into a temporary folder) and on the code here, and prints both with
their ratio. The final routes (every link's control point) are compared too: with the same
final layout (auto-layout comes before the delete and its undo, which put the nodes back in
the order of the selection, Qt's and not always the same), the same routes; and in each
run, the routes after the edits against the routes a new scene works out afresh.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "pool-store.campaign.json"
ACTIONS = ("switch to it", "auto-layout", "select all", "delete all", "undo", "rename a node")


def add_campaign(window, cid: str, size: int, columns: int) -> None:  # noqa: ANN001
    """The QA's campaign (see the module's text), added straight to the domain."""
    from canvas_app.domain.campaign import Campaign
    from canvas_app.domain.nodes import Node

    campaign = window.controller.workspace.add_campaign(Campaign(cid, f"Bench {size}"))
    kinds = ("sequence", "purchase_goal", "sequence", "tag_goal")
    for i in range(size):
        row, column = divmod(i, columns)
        campaign.add_node(Node(f"{cid}-n{i}", kinds[i % 4], f"Step {i}", column * 240.0,
                               row * 180.0))
    for i in range(1, size):
        if i % 50:
            campaign.link(f"{cid}-n{i - 1}", f"{cid}-n{i}")


def routes(scene) -> dict[str, list[float] | None]:  # noqa: ANN001
    out: dict[str, list[float] | None] = {}
    for (source, target), link in scene.links.items():
        control = link.control()
        out[f"{source}>{target}"] = (None if control is None
                                     else [round(control.x(), 3), round(control.y(), 3)])
    return out


def measure(sizes: list[int]) -> dict:
    """Runs the actions on each size in one window; {size: {action: seconds}, ...}."""
    import shutil

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from canvas_app.app import build_main_window, configure_qt
    from canvas_app.ui.canvas.scene import CampaignScene

    configure_qt()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="batch_edits_"))
    source = folder / "pool.campaign.json"
    shutil.copy(SAMPLE, source)
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = build_main_window(str(source), settings=settings, recovery_dir=folder / "rec",
                               offer_recovery=False)
    window.files.ask_unsaved = lambda: "discard"
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    actions = window.actions_by_name
    results: dict = {"times": {}, "routes": {}, "layout": {}, "afresh": {}}

    def settle() -> None:
        for _ in range(3):
            app.processEvents()
        timer = window.scene._lint_timer
        if timer.isActive():  # the lint badges, a moment after an edit: not timed
            timer.stop()
            window.scene.refresh_findings()
            app.processEvents()

    def timed(action: Callable[[], object]) -> float:
        settle()
        start = time.perf_counter()
        action()
        for _ in range(3):  # the scene's updates, the repaint they ask for, the paint
            app.processEvents()
        took = time.perf_counter() - start
        settle()
        return took

    first = window.controller.workspace.campaigns[0].id
    for size in sizes:
        cid = f"bench{size}"
        add_campaign(window, cid, size, 20 if size < 1000 else 70)
        window.campaign_list.select(first)
        settle()
        window.view.reset_zoom()
        row: dict[str, float] = {}
        row["switch to it"] = timed(lambda cid=cid: window.campaign_list.select(cid))
        scene = window.scene
        assert scene.campaign_id == cid and len(scene.nodes) == size
        window.view.reset_zoom()
        window.view.setFocus()
        settle()
        row["auto-layout"] = timed(actions["auto_layout"].trigger)
        window.view.reset_zoom()
        settle()
        row["select all"] = timed(actions["select_all"].trigger)
        assert len(scene.selected_node_ids()) == size and actions["delete"].isEnabled()
        assert actions["copy"].isEnabled() and not actions["rename"].isEnabled()
        row["delete all"] = timed(actions["delete"].trigger)
        assert not scene.nodes and not scene.links and not actions["delete"].isEnabled()
        row["undo"] = timed(actions["undo"].trigger)
        assert len(scene.nodes) == size and actions["delete"].isEnabled()
        assert len(scene.selected_node_ids()) == size
        node = f"{cid}-n{size // 2}"
        row["rename a node"] = timed(lambda node=node, cid=cid: window.controller.rename_node(
            cid, node, "A much longer name for this step, on two lines"))
        results["times"][str(size)] = row
        results["routes"][str(size)] = routes(scene)
        results["layout"][str(size)] = {n.id: [n.x, n.y] for n in
                                        window.controller.campaign(cid).nodes}
        fresh = CampaignScene(window.controller)
        fresh.show_campaign(cid)
        results["afresh"][str(size)] = routes(fresh) == results["routes"][str(size)]
        fresh.detach()
    window.close()
    return results


def run_elsewhere(src: Path, sizes: list[int]) -> dict:
    """``measure`` in a fresh process on the code in ``src``."""
    code = (f"import sys; sys.path.insert(0, {str(src)!r}); "
            f"sys.path.insert(1, {str(ROOT / 'bench')!r}); import json, batch_edits; "
            f"print('RESULT' + json.dumps(batch_edits.measure({sizes!r})))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=src, env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
                               "PYTHONHASHSEED": "0"})  # auto-layout orders by sets
    if done.returncode != 0:
        raise SystemExit(f"the run on {src} failed:\n{done.stderr}")
    line = next(x for x in done.stdout.splitlines() if x.startswith("RESULT"))
    return json.loads(line[len("RESULT"):])


def ms(seconds: float) -> str:
    return f"{seconds * 1000:10.1f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 5000])
    parser.add_argument("--against", metavar="REV",
                        help="also measure the code of this commit, side by side")
    args = parser.parse_args(argv)
    print(f"Batch edits in the window, 100 % zoom, offscreen; sizes {args.sizes} "
          "(up to 399 nodes: routed links)")
    if not args.against:
        results = measure(args.sizes)
        for size, row in results["times"].items():
            print(f"\n{size} nodes")
            for name in ACTIONS:
                print(f"  {name:16}{ms(row[name])}")
            print(f"  routes as worked out afresh: {results['afresh'][size]}")
        return 0 if all(results["afresh"].values()) else 1
    with tempfile.TemporaryDirectory(prefix="batch_edits_rev_") as folder:
        archive = subprocess.run(["git", "archive", args.against, "canvas_app", "resources"],
                                 cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", folder], input=archive, check=True)
        before = run_elsewhere(Path(folder), args.sizes)
    now = run_elsewhere(ROOT, args.sizes)
    same = True
    for size in map(str, args.sizes):
        print(f"\n{size} nodes{'':8}{args.against:>13}{'here':>13}{'ratio':>9}")
        for name in ACTIONS:
            old, new = before["times"][size][name], now["times"][size][name]
            print(f"  {name:18}{ms(old)}{ms(new)}{old / new:8.1f}x")
        print(f"  routes as worked out afresh: {before['afresh'][size]!s:>13}"
              f"{now['afresh'][size]!s:>13}")
        if before["layout"][size] != now["layout"][size]:
            print("  final layouts differ: routes not compared")
            continue
        routes_same = before["routes"][size] == now["routes"][size]
        same = same and routes_same and now["afresh"][size]
        print(f"  same final layout, identical routes: {routes_same}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
