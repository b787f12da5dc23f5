"""The Simulation panel on a big campaign: set-up, playing, and the run's copy of the workspace.

Builds a workspace of one 5,000-node campaign (sequences of three steps, purchase goals and
tag goals in a chain, 70 to a row; ``--nodes`` to change) beside 30 campaigns of 300 nodes,
and a what-if scenario of 5,000 contacts (``--contacts``) arriving over 21 days into it, 90 %
added to the campaign, buying now and then (as the QA pass measured). In the real main window,
offscreen, the big campaign on the canvas and the Simulation panel shown, it prints:

- snapshot: the run's copy of the workspace, the old way (written to file data and read back
  through the loader, JSON Schema check included) and the new (``runner.snapshot``), best of
  ``--repeat``, side by side, and whether the two copies are equal;
- set-up: ``panel.load()`` (what Simulate waits for before the first tick), best of
  ``--repeat``;
- playing at the default speed (1 day per second) for ``--seconds`` seconds: ticks a second,
  the time each tick takes in the runner (engine, history and the panel following it) as a
  median and 95th percentile, and the window's stalls (gaps between 2 ms timer ticks: p95
  and max) while it plays and paints.

It only uses what the panel had before this benchmark was written, so the same file run in a
checkout of an earlier commit gives the figures before (``git worktree add /tmp/before
HEAD~1``, copy this file there, run it there)::

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/sim_panel.py [--seconds 5]

(A 1,000-node campaign alone, 70 nodes to a row, hung it: the canvas view fitted itself
again and again as the panel set up, in ``CampaignView.resizeEvent``/``fit``.)
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
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def campaign_data(cid: str, name: str, n: int, cols: int, products: int) -> dict:
    nodes, edges = [], []
    for i in range(n):
        row, col = divmod(i, cols)
        nid, x, y, kind = f"{cid}-n{i}", col * 240, row * 180, i % 4
        if kind in (0, 2):
            nodes.append({"id": nid, "kind": "sequence", "name": f"Seq {i}", "x": x, "y": y,
                          "steps": [{"kind": "email", "subject": f"Email {i}"},
                                    {"kind": "delay", "duration": "P2D"},
                                    {"kind": "apply_tag", "tag": f"T{i}"}],
                          "runs_until_completed": False})
        elif kind == 1:
            nodes.append({"id": nid, "kind": "purchase_goal", "name": f"Bought {i}", "x": x,
                          "y": y, "config": {"any_purchase": False, "order_forms": [],
                                             "products": [f"p{(i * 7919) % products}"],
                                             "categories": [], "payment_types": "any",
                                             "achieved_by": "campaign"}})
        else:
            nodes.append({"id": nid, "kind": "tag_goal", "name": f"Tag {i}", "x": x, "y": y,
                          "config": {"tags": [f"T{i - 1}"], "achieved_by": "campaign"}})
    edges = [{"source": f"{cid}-n{i - 1}", "target": f"{cid}-n{i}"}
             for i in range(1, n) if i % 50]
    return {"id": cid, "name": name, "nodes": nodes, "edges": edges}


def workspace_data(big: int, others: int, per: int) -> dict:
    from canvas_app.io.schema import FORMAT, VERSION

    products = 2000
    catalog = {
        "categories": [{"id": f"cat{i}", "name": f"Category {i}"} for i in range(50)],
        "products": [{"id": f"p{i}", "name": f"Product {i}", "category": f"cat{i % 50}",
                      "price": 10 + i % 290, "billing": "one_time"} for i in range(products)],
        "order_forms": [{"id": f"form{i}", "name": f"Order form {i}", "legacy": i % 10 == 0}
                        for i in range(100)],
        "payment_types": ["credit_card", "paypal", "cash", "check", "money_order",
                          "adjustment"],
    }
    ecommerce = {"settings": {"product_actions_for_legacy_and_manual": True},
                 "action_sets": {"successful_purchase": [{"kind": "apply_tag",
                                                          "tag": "Customer"}]},
                 "product_action_sets": {}}
    contacts = [{"id": f"ct{i}", "first_name": f"F{i}", "last_name": f"L{i}",
                 "email": f"c{i}@example.com", "tags": []} for i in range(200)]
    campaigns = [campaign_data(f"c{i}", f"Campaign {i}", per, 20, products)
                 for i in range(others)]
    campaigns.append(campaign_data("big", "Big one", big, 70, products))
    return {"format": FORMAT, "version": VERSION, "catalog": catalog, "ecommerce": ecommerce,
            "contacts": contacts, "campaigns": campaigns}


def scenario_data(contacts: int) -> dict:
    return {"description": "bench", "start": "2026-05-01T00:00:00Z",
            "until": "2026-06-01T00:00:00Z", "seed": 1,
            "population": {
                "count": contacts, "arrival_spread": "P21D", "campaign": "big",
                "share_added": 0.9,
                "purchases": [{"product": f"p{i}", "probability": 0.02, "within": "P10D"}
                              for i in range(0, 2000, 97)],
                "channels": {"shopping_cart": 0.7, "order_form": 0.3},
                "payment_types": {"credit_card": 0.7, "paypal": 0.3},
                "failure_rate": 0.05, "error_rate": 0.01, "retry_share": 0.5,
                "retry_after": "PT6H", "renewals": 0, "renewal_every": "P7D",
                "resolution": "PT1H"}}


def best(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def spin(app: QApplication, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--contacts", type=int, default=5000)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--others", type=int, default=30,
                        help="campaigns of 300 nodes beside the big one (default 30)")
    args = parser.parse_args()
    others, per = args.others, 300

    from canvas_app.app import build_main_window
    from canvas_app.io import workspace_to_data
    from canvas_app.io.draft import draft_from_data
    from canvas_app.ui.simulation import runner as runner_module

    app = QApplication.instance() or QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp(prefix="sim_panel_bench_"))
    try:
        path = folder / "big.campaign.json"
        path.write_text(json.dumps(workspace_data(args.nodes, others, per)), encoding="utf-8")
        scenario = folder / "bench.scenario.json"
        scenario.write_text(json.dumps(scenario_data(args.contacts)), encoding="utf-8")
        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        window = build_main_window(str(path), settings=settings,
                                   recovery_dir=folder / "recovery", offer_recovery=False)
        window.resize(1280, 800)
        window.show()
        QTest.qWaitForWindowExposed(window)
        window.campaign_list.select("big")
        window.show_simulation_panel()
        spin(app, 0.5)
        panel = window.simulation_panel
        panel.selected_scenario = lambda: str(scenario)
        workspace = window.controller.workspace
        nodes = sum(len(c) for c in workspace.campaigns)
        print(f"workspace: {nodes:,} nodes in {len(workspace.campaigns)} campaigns "
              f"(the one shown: {args.nodes:,}); what-if: {args.contacts:,} contacts")

        def old() -> object:
            return draft_from_data(workspace_to_data(workspace))

        old_s = best(old, args.repeat)
        new_s = best(lambda: runner_module.snapshot(workspace), args.repeat)
        equal = runner_module.snapshot(workspace) == old()
        print(f"snapshot   old (to data, schema, build) {old_s * 1000:7.0f} ms   "
              f"new {new_s * 1000:7.0f} ms   x{old_s / new_s:.1f}   equal: {equal}")

        def load() -> None:
            if not panel.load():
                raise SystemExit(f"the run did not set up: {window.statusBar().currentMessage()}")
            app.processEvents()

        setup = best(load, args.repeat)
        print(f"set-up     panel.load()                 {setup * 1000:7.0f} ms (best of "
              f"{args.repeat})")

        runner = panel.runner
        ticks: list[float] = []
        original_tick = runner._tick

        def timed_tick() -> None:
            start = time.perf_counter()
            original_tick()
            ticks.append(time.perf_counter() - start)

        runner._timer.timeout.disconnect(original_tick)
        runner._timer.timeout.connect(timed_tick)
        gaps: list[float] = []
        last = [time.perf_counter()]

        def watch() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        watcher = QTimer()
        watcher.setInterval(2)
        watcher.timeout.connect(watch)
        load()
        panel.toggle_run()
        last[0] = time.perf_counter()
        watcher.start()
        loop = QEventLoop()
        QTimer.singleShot(int(args.seconds * 1000), loop.quit)
        loop.exec()
        watcher.stop()
        clock = panel.clock_label.text()
        if runner.running:
            panel.toggle_run()
        gaps.sort()
        ticks.sort()
        per_tick = statistics.median(ticks) * 1000 if ticks else 0.0
        p95_tick = ticks[int(len(ticks) * 0.95)] * 1000 if ticks else 0.0
        print(f"playing    {len(ticks) / args.seconds:5.1f} ticks/s   per tick median "
              f"{per_tick:5.1f} ms, p95 {p95_tick:5.1f} ms   window stalls p95 "
              f"{gaps[int(len(gaps) * 0.95)] * 1000:4.0f} ms, max {gaps[-1] * 1000:4.0f} ms "
              f"({args.seconds:g} s at the default speed; clock at {clock})")
        panel.stop()
        window.files.ask_unsaved = lambda: "discard"
        window.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
