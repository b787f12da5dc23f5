"""Simulation set-up on long chains of goals: the plan's upstream sequences (R5).

A campaign is one chain ``s0 > g0 > s1 > g1 > ...`` of N links (sequence sk applies tag tk,
which achieves tag goal gk; the last node's tag is never applied, so a contact ends waiting
or done there), its nodes stored in a shuffled order. For each N this prints:

- ``plan s``: building :class:`canvas_app.sim.plan.Plan` (what every run sets up first,
  finding each goal's upstream sequences), this process's CPU time (steadier than the wall
  clock on a busy machine; the wall clock beside it), best of ``--repeat``;
- ``per doubling``: how much ``plan s`` grows when N doubles (from the row above: 2.0 is
  linear, 4.0 the square of N);
- ``entries``: how many upstream sequences the goals list in all (goal k lists k+1, so
  this grows with the square of N whatever the plan does; counted after the run);
- ``run s``: one contact added to the campaign and run through the whole chain (wall
  clock; it meets every goal, so it lists every goal's upstream sequences), and where it
  ends (``done``: it completed the chain's last sequence).

Each N is measured in a fresh child process. ``--against DIR`` measures the same in another
checkout of the project beside this one (e.g. the previous commit in a ``git worktree``)
and adds its ``plan s`` and the ratio, for a before/after table::

    .venv/bin/python bench/plan_chains.py                       # N = 1000, 2000, 4000, 8000
    .venv/bin/python bench/plan_chains.py --links 500,1000,2000 --repeat 1
    git worktree add -f /tmp/plan-before HEAD~1
    .venv/bin/python bench/plan_chains.py --links 500,1000,2000,4000 --against /tmp/plan-before
    git worktree remove --force /tmp/plan-before
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def chain_data(links: int) -> dict[str, Any]:
    """A workspace (file data) whose one campaign is a chain of ``links`` links."""
    nodes: list[dict[str, Any]] = []
    for i in range(links + 1):
        k = i // 2
        if i % 2 == 0:
            nodes.append({"id": f"s{k}", "kind": "sequence", "name": f"S{k}", "x": 0, "y": 0,
                          "steps": [{"kind": "apply_tag", "tag": f"t{k}"}]})
        else:
            nodes.append({"id": f"g{k}", "kind": "tag_goal", "name": f"G{k}", "x": 0, "y": 0,
                          "config": {"tags": [f"t{k}"], "achieved_by": "campaign"}})
    edges = [{"source": a["id"], "target": b["id"]}
             for a, b in zip(nodes, nodes[1:], strict=False)]
    last = nodes[-1]
    if last["kind"] == "sequence":
        last["steps"] = [{"kind": "email", "subject": "done"}]
    else:
        last["config"]["tags"] = ["never"]
    random.Random(links).shuffle(nodes)
    return {"format": "campaign-canvas", "version": 1,
            "catalog": {"categories": [], "products": [], "order_forms": [],
                        "payment_types": ["credit_card"]},
            "ecommerce": {"settings": {}, "action_sets": {}, "product_action_sets": {}},
            "contacts": [{"id": "ana", "first_name": "Ana", "last_name": "Diaz",
                          "email": "ana@example.com"}],
            "campaigns": [{"id": "chain", "name": "Chain", "nodes": nodes, "edges": edges}]}


def measure(links: int, repeat: int) -> dict[str, Any]:
    """In the child: ``links``' figures with the canvas_app on ``sys.path``."""
    from canvas_app.io.workspace_file import workspace_from_data
    from canvas_app.sim import Simulation, scenario_from_data
    from canvas_app.sim.plan import Plan

    workspace = workspace_from_data(chain_data(links), "chain.campaign.json")
    best, best_wall = math.inf, math.inf
    for _ in range(repeat):
        gc.collect()
        began, cpu = time.perf_counter(), time.process_time()
        plan = Plan(workspace)
        cpu = time.process_time() - cpu
        if cpu < best:
            best, best_wall = cpu, time.perf_counter() - began
    scenario = scenario_from_data(
        {"start": "2026-01-01T00:00:00Z", "events": [
            {"at": "2026-01-01T09:00:00Z", "type": "add_to_campaign", "contact": "ana",
             "campaign": "chain"}]}, workspace, "chain.scenario.json")
    began = time.perf_counter()
    result = Simulation(workspace, scenario, plan=plan, journeys="none", log=False).run()
    run = time.perf_counter() - began
    position = result.contacts["ana"]["position"]
    entries = sum(len(node.upstream_sequences) for node in plan.nodes.values())
    return {"plan": best, "plan_wall": best_wall, "entries": entries, "run": run,
            "ends": ",".join(position) or "done"}


def child(root: Path, links: int, repeat: int) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    proc = subprocess.run([sys.executable, __file__, "--child", str(links), "--repeat",
                           str(repeat)], capture_output=True, text=True, cwd=root, env=env)
    if proc.returncode != 0:
        raise SystemExit(f"{links} links in {root} failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def per_doubling(before: tuple[int, float] | None, links: int, seconds: float) -> str:
    if before is None or before[0] == links or before[1] <= 0:
        return "-"
    return f"{(seconds / before[1]) ** (1 / math.log2(links / before[0])):.2f}"


def print_table(rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.rjust(w) for cell, w in zip(row, widths, strict=True)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", default="1000,2000,4000,8000",
                        help="chain lengths, comma-separated (default 1000,2000,4000,8000)")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many (default 3)")
    parser.add_argument("--against", type=Path, help="another checkout to measure alike")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        print(json.dumps(measure(args.child, args.repeat)))
        return 0
    sizes = [int(n) for n in args.links.split(",")]
    print(f"Plan set-up on a chain of N links (goal > sequence > goal ...), best of "
          f"{args.repeat}, each N in a fresh process")
    header = ("N links", "entries", "plan s", "wall s", "per doubling", "run s", "ends at")
    if args.against is not None:
        header += (f"plan s in {args.against}", "per doubling", "as fast")
    rows = [header]
    mine: tuple[int, float] | None = None
    theirs: tuple[int, float] | None = None
    for links in sizes:
        here = child(ROOT, links, args.repeat)
        row = (f"{links:,}", f"{here['entries']:,}", f"{here['plan']:.3f}",
               f"{here['plan_wall']:.3f}", per_doubling(mine, links, here["plan"]),
               f"{here['run']:.3f}", here["ends"])
        mine = (links, here["plan"])
        if args.against is not None:
            there = child(args.against, links, args.repeat)
            if there["entries"] != here["entries"] or there["ends"] != here["ends"]:
                print(f"N = {links}: the checkouts disagree: {here} vs {there}")
            row += (f"{there['plan']:.3f}", per_doubling(theirs, links, there["plan"]),
                    f"{there['plan'] / here['plan']:.0f}x")
            theirs = (links, there["plan"])
        rows.append(row)
        print(f"  {links:,} links measured", file=sys.stderr)  # the big ones take a while
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
