"""Simulation throughput: the cohort path vs an idiomatic SimPy model, same population.

Runs N synthetic contacts (default 1,000,000; ``--quick`` for 20,000) through campaign
"shock-nurture" of resources/samples/pool-store.campaign.json (Nurture -> "Bought pool
shock" -> Post-purchase), with arrivals spread over 30 days, 90 % added to the campaign,
40 % buying pool shock within 10 days (cart or order form, card or PayPal, 5 % declined and
1 % errors, half of those retried 6 hours later), until day 45.

Each model runs in its own child process (so peak memory is its own), on the same
population drawn from the same seed:

- ``cohort``: canvas_app.sim.cohort.run_cohorts, the exact engine replaying each distinct
  behaviour once (exact per-node counts for every contact; journeys rebuilt on demand);
- ``simpy``: one SimPy process per contact, sequences as processes interrupted by the goal;
- ``exact``: the full event-by-event engine (only with ``--exact``, or ``--quick``).

Prints wall time (population generation included), contacts/s, events/s (engine events:
scenario events plus delay ends within the horizon), peak RSS, whether the per-node counts
agree, and the cohort/SimPy throughput ratio. Usage::

    .venv/bin/python bench/sim_throughput.py --quick
    .venv/bin/python bench/sim_throughput.py            # 1,000,000 contacts

``--setup`` measures instead what the Simulation panel waits for before a run can start:
setting up the exact engine (``Simulation(...)``: drawing the population, making its
contacts and ordering its events) for ``--contacts`` contacts (100,000 with ``--setup``
unless given), best of ``--repeat`` runs, each in a fresh child process; ``--against DIR``
runs the same in another checkout of the project beside this one (e.g. the previous commit
in a ``git worktree``), for a before/after table::

    git worktree add -f /tmp/sim-before HEAD~1
    .venv/bin/python bench/sim_throughput.py --setup --against /tmp/sim-before
    git worktree remove --force /tmp/sim-before

``--panel`` (same options) measures a whole run in the Simulation panel, offscreen: set-up,
running to the end as Ctrl+F5 does, every view shown once, and the process's peak memory.

``--log`` measures the explaining log side by side, in one invocation: the exact engine with
its log on (journeys off) for ``--contacts`` contacts (100,000 with ``--log`` unless given),
once keeping the log as a plain list of strings (as it was) and once as the compact
:class:`canvas_app.sim.log_lines.LogLines`, each in a fresh child process, alternating, best of
``--repeat`` by CPU time: the run's CPU and wall time, log lines, the bytes the log takes
(``sys.getsizeof`` of the list and of every line; for LogLines its compressed blocks and the
lines not sealed yet), bytes a line, peak RSS, and whether the two logs hold the same lines
(a CRC of every line)::

    .venv/bin/python bench/sim_throughput.py --log
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import subprocess
import sys
import time
import zlib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SAMPLE = ROOT / "resources" / "samples" / "pool-store.campaign.json"
CAMPAIGN = "shock-nurture"


def population(count: int) -> dict[str, Any]:
    return {
        "count": count, "arrival_spread": "P30D", "campaign": CAMPAIGN, "share_added": 0.9,
        "purchases": [{"product": "shock", "probability": 0.4, "within": "P10D"}],
        "channels": {"shopping_cart": 0.7, "order_form": 0.3},
        "payment_types": {"credit_card": 0.7, "paypal": 0.3},
        "failure_rate": 0.05, "error_rate": 0.01, "retry_share": 0.5, "retry_after": "PT6H",
        "resolution": "PT1H",
    }


def scenario_data(count: int, seed: int) -> dict[str, Any]:
    return {"start": "2026-04-01T00:00:00Z", "until": "2026-05-16T00:00:00Z", "seed": seed,
            "population": population(count)}


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


# -- the models (each run in a child process) -------------------------------------------
def run_cohort(count: int, seed: int) -> dict[str, Any]:
    from canvas_app.io import load_workspace
    from canvas_app.sim import scenario_from_data
    from canvas_app.sim.cohort import run_cohorts

    ws = load_workspace(SAMPLE)
    scenario = scenario_from_data(scenario_data(count, seed), ws)
    began = time.perf_counter()
    run = run_cohorts(ws, scenario, campaign=CAMPAIGN)
    wall = time.perf_counter() - began
    # a journey rebuilt for the last contact shows journeys are kept for every one
    journey = run.journey(count - 1) if count else []
    return {"wall": wall, "events": run.events_handled, "counts": run.counts(),
            "cohorts": len(run.cohorts), "journey_steps": len(journey)}


def run_exact(count: int, seed: int) -> dict[str, Any]:
    from canvas_app.io import load_workspace
    from canvas_app.sim import Simulation, scenario_from_data

    ws = load_workspace(SAMPLE)
    scenario = scenario_from_data(scenario_data(count, seed), ws)
    began = time.perf_counter()
    result = Simulation(ws, scenario, campaign=CAMPAIGN, journeys="none", log=False).run()
    wall = time.perf_counter() - began
    return {"wall": wall, "events": result.events_handled, "counts": result.counts()}


def run_simpy(count: int, seed: int) -> dict[str, Any]:
    from canvas_app.io import load_workspace
    from canvas_app.sim import scenario_from_data
    from canvas_app.sim.plan import Plan
    from canvas_app.sim.population import generate

    ws = load_workspace(SAMPLE)
    scenario = scenario_from_data(scenario_data(count, seed), ws)
    began = time.perf_counter()
    assert scenario.population is not None and scenario.until is not None
    pop = generate(scenario.population, ws, scenario.start, scenario.seed)
    counts = SimpyCampaign(ws, Plan(ws, CAMPAIGN), pop, scenario.start, scenario.until).run()
    wall = time.perf_counter() - began
    return {"wall": wall, "counts": counts}


class SimpyCampaign:
    """An idiomatic SimPy model of the campaign: one process per contact; each sequence a
    process that a purchase goal interrupts. It covers what this campaign uses (sequences of
    email/delay/tag steps, purchase goals, R5, R5a, R9, C11 ordering)."""

    def __init__(self, ws: Any, plan: Any, pop: Any, start: int, until: int) -> None:
        import simpy

        self.simpy = simpy
        self.env = simpy.Environment(initial_time=start)
        self.ws, self.plan, self.pop, self.until = ws, plan, pop, until
        self.counts: dict[str, dict[str, int]] = {
            n: ({"achieved": 0, "waiting": 0} if p.is_goal
                else {"entered": 0, "completed": 0, "removed": 0, "active": 0})
            for n, p in plan.nodes.items()}

    def run(self) -> dict[str, dict[str, int]]:
        for index in range(len(self.pop.arrivals)):
            self.env.process(self.contact(index))
        self.env.run(until=self.until + 1)  # the horizon is inclusive
        return self.counts

    def contact(self, index: int):  # type: ignore[no-untyped-def]
        env = self.env
        yield env.timeout(self.pop.arrivals[index] - env.now)
        state = {"in": False, "entered": set(), "procs": {}, "achieved": set(),
                 "waiting": set(), "paid": {}, "orders": {}}
        # all of the contact's own events are scheduled now, so they come before delays
        # ending at the same instant (C11)
        timers = [env.timeout(ev[0], value=ev)
                  for ev in self.pop.behaviours[self.pop.kinds[index]]]
        for timer in timers:
            ev = yield timer
            self.handle(state, ev)

    def handle(self, c: dict[str, Any], ev: tuple) -> None:
        from canvas_app.domain.purchase import match_purchase

        if ev[1] == "add":
            campaign = self.plan.campaigns.get(ev[2])
            if campaign is None or c["in"]:
                return
            c["in"] = True
            for node_id in campaign.entries:
                self.enter(c, node_id)
            return
        if ev[1] == "buy":
            _, _, k, product, _channel, payment_type, form, outcome = ev
            c["orders"][k] = ((product,), form, payment_type)
            if outcome != "success":
                return
        else:
            k = ev[2]
            if ev[3] != "success" or c["paid"].get(k):
                return
        c["paid"][k] = True
        products, form, payment_type = c["orders"][k]
        for goal in self.plan.purchase_goals:
            if match_purchase(goal.purchase, self.ws.catalog, products, form,
                              payment_type).matched:
                self.achieve(c, goal)

    def enter(self, c: dict[str, Any], node_id: str) -> None:
        node = self.plan.nodes[node_id]
        if node.is_goal:
            if node_id not in c["achieved"] and node_id not in c["waiting"]:
                c["waiting"].add(node_id)
                self.counts[node_id]["waiting"] += 1
        elif node_id not in c["entered"]:
            c["entered"].add(node_id)
            c["procs"][node_id] = self.env.process(self.sequence(c, node))

    def sequence(self, c: dict[str, Any], node: Any):  # type: ignore[no-untyped-def]
        counts = self.counts[node.id]
        counts["entered"] += 1
        counts["active"] += 1
        try:
            for step in node.steps:
                if step.kind == "delay":
                    yield self.env.timeout(int(step.duration.total_seconds()))
            counts["completed"] += 1
            counts["active"] -= 1
            del c["procs"][node.id]
            for successor in node.successors:
                self.enter(c, successor)
        except self.simpy.Interrupt:
            counts["removed"] += 1
            counts["active"] -= 1
            del c["procs"][node.id]

    def achieve(self, c: dict[str, Any], goal: Any) -> None:
        if goal.achieved_by != "any_contact" and not c["in"]:
            return
        if goal.id not in c["achieved"]:
            c["achieved"].add(goal.id)
            self.counts[goal.id]["achieved"] += 1
        c["in"] = True
        for seq_id in goal.upstream_sequences:
            proc = c["procs"].get(seq_id)
            if proc is not None and proc.is_alive and not self.plan.nodes[
                    seq_id].runs_until_completed:
                proc.interrupt()
        if goal.id in c["waiting"]:
            c["waiting"].discard(goal.id)
            self.counts[goal.id]["waiting"] -= 1
        for successor in goal.successors:
            self.enter(c, successor)


def run_with_log(count: int, seed: int, compact: bool) -> dict[str, Any]:
    """The exact engine with its log on, the log kept compact or as a plain list."""
    from canvas_app.io import load_workspace
    from canvas_app.sim import Simulation, scenario_from_data
    from canvas_app.sim.core import EngineCore
    from canvas_app.sim.log_lines import LogLines, PlainLines

    EngineCore.log_type = LogLines if compact else PlainLines
    ws = load_workspace(SAMPLE)
    scenario = scenario_from_data(scenario_data(count, seed), ws)
    sim = Simulation(ws, scenario, campaign=CAMPAIGN, journeys="none")
    began, cpu = time.perf_counter(), time.process_time()
    result = sim.run()
    wall, cpu = time.perf_counter() - began, time.process_time() - cpu
    log = sim.log
    if isinstance(log, LogLines):
        kept = log.stored_bytes()
    else:
        kept = sys.getsizeof(log) + sum(sys.getsizeof(line) for line in log or [])
    crc = 0
    for line in result.log:
        crc = zlib.crc32(line.encode("utf-8", "surrogatepass") + b"\n", crc)
    return {"wall": wall, "cpu": cpu, "events": result.events_handled, "lines": len(result.log),
            "log_bytes": kept, "crc": crc}


def run_log_plain(count: int, seed: int) -> dict[str, Any]:
    return run_with_log(count, seed, compact=False)


def run_log_compact(count: int, seed: int) -> dict[str, Any]:
    return run_with_log(count, seed, compact=True)


MODELS = {"cohort": run_cohort, "simpy": run_simpy, "exact": run_exact,
          "log-plain": run_log_plain, "log-compact": run_log_compact}

# Run by ``python -c`` with PYTHONPATH set to a checkout, so it times that checkout's engine.
SETUP_CODE = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[1] + "/bench")
from sim_throughput import SAMPLE, scenario_data
from canvas_app.io import load_workspace
from canvas_app.sim import Simulation, scenario_from_data
ws = load_workspace(SAMPLE)
scenario = scenario_from_data(scenario_data(int(sys.argv[2]), int(sys.argv[3])), ws)
began = time.perf_counter()
sim = Simulation(ws, scenario)
wall = time.perf_counter() - began
print(json.dumps({"wall": wall, "contacts": len(sim.contacts),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


# The Simulation panel, offscreen, on a copy of the sample: the scenario set up (Run's first
# step), run to the end as Ctrl+F5 does (in slices on the timer), then every view shown once
# (contacts sorted by where now and found in, a journey, the chart, over time).
PANEL_CODE = """
import json, os, resource, shutil, sys, tempfile, time
from pathlib import Path
sys.path.insert(0, sys.argv[1] + "/bench")
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from sim_throughput import SAMPLE, scenario_data
from canvas_app.app import build_main_window
def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
app = QApplication([])
tmp = Path(tempfile.mkdtemp())
workspace = tmp / "sample.campaign.json"
shutil.copy(SAMPLE, workspace)
scenario = tmp / "big.scenario.json"
scenario.write_text(json.dumps(scenario_data(int(sys.argv[2]), int(sys.argv[3]))))
window = build_main_window(str(workspace), recovery_dir=tmp / "recovery", offer_recovery=False,
                           settings=QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
window.resize(1280, 800)
window.show()
app.processEvents()
panel = window.simulation_panel
panel.select_scenario(str(scenario))
before = peak()
began = time.perf_counter()
assert panel.load()
setup = time.perf_counter() - began
began = time.perf_counter()
panel.run_to_end()
while not panel.runner.done or panel.runner.running:
    app.processEvents()
run = time.perf_counter() - began
panel.tabs.setCurrentWidget(panel.contacts)
app.processEvents()
panel.contacts_model.sort(2)
panel.contacts.select_contact(panel.contacts_model.contact_id(0))
panel.contacts.find.setText("waiting")
panel.contacts.apply_find()
for tab in (panel.chart, panel.timeline):
    panel.tabs.setCurrentWidget(tab)
    app.processEvents()
print(json.dumps({"wall": setup, "run": run, "window_mb": before, "peak_mb": peak(),
                  "contacts": len(panel.runner.simulation.contacts)}))
shutil.rmtree(tmp, ignore_errors=True)
"""


def setup_child(root: Path, count: int, seed: int, code: str = SETUP_CODE) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    proc = subprocess.run([sys.executable, "-c", code, str(root), str(count), str(seed)],
                          capture_output=True, text=True, cwd=root, env=env)
    if proc.returncode != 0:
        raise SystemExit(f"set-up in {root} failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def setup_table(count: int, seed: int, repeat: int, against: Path | None,
                panel: bool = False) -> int:
    """Set-up time of the exact engine here (and in ``against``), best of ``repeat``; with
    ``panel``, a whole run in the Simulation panel and its peak memory."""
    roots = [("this checkout", ROOT)] + ([] if against is None else [(str(against), against)])
    if panel:
        print(f"A run of {count:,} contacts (seed {seed}) in the Simulation panel, offscreen: "
              f"set up, run to the end, every view shown; best of {repeat}")
        rows = [("checkout", "set-up s", "run s", "window MB", "peak MB", "contacts")]
    else:
        print(f"Setting up the exact engine for {count:,} contacts (seed {seed}), best of "
              f"{repeat}")
        rows = [("checkout", "set-up s", "peak MB", "contacts")]
    best: dict[str, dict[str, Any]] = {}
    for _ in range(repeat):  # alternate, so a busy moment does not favour one side
        for label, root in roots:
            figures = setup_child(root, count, seed, PANEL_CODE if panel else SETUP_CODE)
            if label not in best or figures["wall"] < best[label]["wall"]:
                best[label] = figures
    for label, _root in roots:
        r = best[label]
        if panel:
            rows.append((label, f"{r['wall']:.2f}", f"{r['run']:.1f}", f"{r['window_mb']:.0f}",
                         f"{r['peak_mb']:.0f}", f"{r['contacts']:,}"))
        else:
            rows.append((label, f"{r['wall']:.2f}", f"{r['peak_mb']:.0f}",
                         f"{r['contacts']:,}"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.rjust(w) if i else cell.ljust(w)
                        for i, (cell, w) in enumerate(zip(row, widths, strict=True))))
    if against is not None:
        print(f"set-up here is {best[str(against)]['wall'] / best['this checkout']['wall']:.1f}x "
              "as fast")
    return 0


# -- the parent: run each model in a child, print the table -----------------------------
def child(model: str, count: int, seed: int) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, __file__, "--model", model, "--contacts",
                           str(count), "--seed", str(seed)], capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{model} failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def print_table(rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.rjust(w) if i else cell.ljust(w)
                        for i, (cell, w) in enumerate(zip(row, widths, strict=True))))


def log_table(count: int, seed: int, repeat: int) -> int:
    """The log as a plain list vs LogLines, side by side (best of ``repeat``, alternating)."""
    print(f"The exact engine with its log on, {count:,} contacts (seed {seed}), best of "
          f"{repeat}: the log as a list of str (before) vs LogLines (now)")
    kinds = [("list of str", "log-plain"), ("LogLines", "log-compact")]
    best: dict[str, dict[str, Any]] = {}
    for _ in range(repeat):  # alternate, so a busy moment does not favour one side
        for label, model in kinds:
            figures = child(model, count, seed)
            if label not in best or figures["cpu"] < best[label]["cpu"]:
                best[label] = figures
    rows = [("log kept as", "run CPU s", "run wall s", "lines", "log MB", "bytes/line", "peak MB")]
    for label, _model in kinds:
        r = best[label]
        rows.append((label, f"{r['cpu']:.2f}", f"{r['wall']:.2f}", f"{r['lines']:,}",
                     f"{r['log_bytes'] / 1e6:.1f}", f"{r['log_bytes'] / max(1, r['lines']):.1f}",
                     f"{r['peak_mb']:.0f}"))
    print_table(rows)
    plain, compact = best["list of str"], best["LogLines"]
    same = plain["crc"] == compact["crc"] and plain["lines"] == compact["lines"]
    print(f"the log takes {plain['log_bytes'] / max(1, compact['log_bytes']):.0f}x less; run "
          f"CPU time {compact['cpu'] / plain['cpu']:.2f}x; same lines: {'yes' if same else 'NO'}")
    return 0 if same else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--quick", action="store_true", help="20,000 contacts, plus exact")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--exact", action="store_true", help="also run the full exact engine")
    parser.add_argument("--no-simpy", action="store_true")
    parser.add_argument("--setup", action="store_true",
                        help="time the exact engine's set-up (100,000 contacts by default)")
    parser.add_argument("--panel", action="store_true",
                        help="a run in the Simulation panel (offscreen): set-up, run and peak "
                             "memory (100,000 contacts by default)")
    parser.add_argument("--against", type=Path, metavar="DIR",
                        help="with --setup or --panel: also measure another checkout")
    parser.add_argument("--repeat", type=int, default=2,
                        help="with --setup, --panel or --log: best of N")
    parser.add_argument("--log", action="store_true",
                        help="the log's memory and run time, as a list of str vs LogLines "
                             "(100,000 contacts by default)")
    parser.add_argument("--model", choices=list(MODELS), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.log and not args.model:
        count = 100_000 if args.contacts == parser.get_default("contacts") else args.contacts
        return log_table(count, args.seed, max(1, args.repeat))
    if args.setup or args.panel:
        count = 100_000 if args.contacts == parser.get_default("contacts") else args.contacts
        return setup_table(count, args.seed, max(1, args.repeat), args.against, args.panel)
    # one model's child process needs SimPy only for the SimPy model itself
    needs_simpy = args.model == "simpy" if args.model else not args.no_simpy
    if needs_simpy and importlib.util.find_spec("simpy") is None:
        print("sim_throughput: SimPy is not installed: run  .venv/bin/pip install -e '.[bench]'"
              "  (or pass --no-simpy)", file=sys.stderr)
        return 1
    count = 20_000 if args.quick else args.contacts
    if args.model:
        figures = MODELS[args.model](count, args.seed)
        figures["peak_mb"] = peak_mb()
        print(json.dumps(figures))
        return 0
    models = ["cohort"] + ([] if args.no_simpy else ["simpy"])
    if args.exact or args.quick:
        models.append("exact")
    print(f"{count:,} contacts through \"{CAMPAIGN}\" (seed {args.seed})")
    results = {m: child(m, count, args.seed) for m in models}
    events = results["cohort"]["events"]
    rows = [("model", "wall s", "contacts/s", "events/s", "peak MB", "counts agree")]
    for model, r in results.items():
        agree = "yes" if r["counts"] == results["cohort"]["counts"] else "NO"
        rows.append((model, f"{r['wall']:.2f}", f"{count / r['wall']:,.0f}",
                     f"{events / r['wall']:,.0f}", f"{r['peak_mb']:.0f}", agree))
    print_table(rows)
    print(f"engine events: {events:,}; cohorts (distinct behaviours): "
          f"{results['cohort']['cohorts']:,}")
    if "simpy" in results:
        ratio = results["simpy"]["wall"] / results["cohort"]["wall"]
        print(f"cohort / SimPy throughput ratio: {ratio:.1f}x")
    counts = results["cohort"]["counts"]
    print("per-node counts: " + "; ".join(
        f"{n}: " + ", ".join(f"{k} {v:,}" for k, v in c.items()) for n, c in counts.items()))
    return 0 if all(r["counts"] == counts for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
