"""The simulation engine of Campaign Canvas: a Qt-free discrete-event simulation (R17-R19).

Contacts move through the campaigns of a workspace as a scenario's purchases, payments,
logins, tags and campaign additions happen, following SPEC.md R3-R16 and C7-C14 exactly.

Running a scenario
------------------
::

    from canvas_app.io import load_workspace
    from canvas_app.sim import Simulation, load_scenario

    workspace = load_workspace("resources/samples/pool-store.campaign.json")
    scenario = load_scenario("resources/samples/pool-store.scenario.json", workspace)
    sim = Simulation(workspace, scenario, seed=7)   # campaign="shock-nurture" to run one
    result = sim.run()                              # SimResult
    print(result.to_json())                         # the --json output (R19, C12, C13)

``Simulation(workspace, scenario, seed=None, campaign=None, until=None, journeys="all",
log=True)``: ``until`` (a datetime) overrides the scenario's horizon; ``journeys`` is
``"all"``, ``"none"`` or ``N`` (keep the journeys of the first N contacts); ``log=False``
skips the explaining log (for big populations).

Driving it step by step (the canvas's live view)
------------------------------------------------
- ``sim.step() -> bool`` handles the next event (scenario events first within an instant,
  then delay ends and delayed actions in the order they were scheduled, C11); ``False``
  when nothing is left before the horizon.
- ``sim.run_until(moment)`` handles everything up to and including ``moment``.
- ``sim.next_time()`` (datetime or None), ``sim.time`` (the clock), ``sim.done``,
  ``sim.progress()`` (0..1).
- ``sim.run(progress=callback(fraction), should_cancel=callback() -> bool, every=2000)``
  runs to the end, calling ``progress`` and polling ``should_cancel`` every ``every``
  events; a cancelled run returns a result with ``complete == False``.
- ``unsubscribe = sim.subscribe(listener)``: ``listener(movement)`` is called for every
  journey event as it happens. A :class:`Movement` has ``at`` (seconds since the epoch;
  :func:`to_datetime` converts), ``contact`` (id), ``kind`` (a C13 journey event such as
  ``entered``, ``completed``, ``removed``, ``waiting``, ``achieved``), ``node``,
  ``from_node``, ``to_node`` and ``detail`` (plain words).
- ``sim.counts()`` gives per node id ``{"entered", "completed", "removed", "active"}`` for
  sequences and ``{"achieved", "waiting"}`` for goals, as they are now.
- ``sim.result()`` builds the :class:`SimResult` at any point (``result.to_data()``,
  ``result.to_json()``, ``result.counts()``, ``result.log``).

A GUI runs ``sim.run(...)`` (or repeated ``run_until``) in a worker thread and forwards
movements and counts to the view through its own signals; nothing here imports Qt.

Big populations
---------------
:func:`run_cohorts` (module :mod:`.cohort`) gives the same per-node counts, action-set counts
and emails for a scenario whose contacts come from a population generator, by simulating
each distinct behaviour once with this engine and shifting it in time; see that module.
``bench/sim_throughput.py`` measures it against a SimPy model.

Files and command line
----------------------
:mod:`.scenario_file` loads and checks scenario files (``LoadError`` with a located line);
:mod:`.files` holds the scenario and result JSON Schemas; :mod:`.cli` is
``canvas-app simulate``; :mod:`.summary` the readable summary.
"""

from .engine import Simulation
from .model import Buyer, Scenario, ScenarioEvent, iso, to_datetime, to_seconds
from .result import SimResult
from .scenario_file import load_scenario, scenario_from_data
from .state import Movement

__all__ = ["Buyer", "Movement", "Scenario", "ScenarioEvent", "SimResult", "Simulation",
           "iso", "load_scenario", "scenario_from_data", "to_datetime", "to_seconds"]
