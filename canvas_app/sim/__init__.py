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
  ``result.to_json()``, ``result.counts()``, ``result.log``: a
  :class:`~.log_lines.LogLines`, read as a list of str, that keeps finished lines
  compressed in blocks: a 100,000-contact run's log takes about 4 MB, not 107 MB).

A GUI runs ``sim.run(...)`` (or repeated ``run_until``) in a worker thread and forwards
movements and counts to the view through its own signals; nothing here imports Qt.

Big populations
---------------
:func:`run_cohorts` (module :mod:`.cohort`) gives the same per-node counts, action-set counts
and emails for a scenario whose contacts come from a population generator, by simulating
each distinct behaviour once with this engine and shifting it in time; see that module.
``bench/sim_throughput.py`` measures it against a SimPy model.

The exact engine itself sets up a population of 100,000 in well under a second: the cyclic
garbage collector is paused while set-up makes its long-lived objects, the population's
contacts are made straight into the run's contact states, and its events are made one by one
as they come due (the run holds their times and references in arrays; the order is that of
the events spelt out in full, C11). A contact's ``journey`` (a :class:`.state.Journey`) is
kept flat and read as ``(at, event, node, detail)`` tuples; contacts share each distinct
detail text. ``bench/sim_throughput.py --setup [--against DIR]`` times the set-up.

Scenario files (``*.scenario.json``, schema ``resources/schema/scenario.schema.json``)
--------------------------------------------------------------------------------------
``start`` (required), ``until`` (inclusive horizon; without it the run goes on until
nothing is left to happen), ``seed``, ``contacts`` (added to the workspace's; one with a
workspace contact's id replaces it for the run), ``events`` [{``at``, ``type``, ...}] with
the keys of SPEC §6 and C4 (a purchase needs ``contact``, ``channel``, ``order_id``,
``products``, ``payment_type``; ``outcome`` defaults to ``success``; ``order_form`` is
required for, and only allowed with, the ``order_form`` / ``legacy_order_form`` channels,
and must be of the matching kind), an optional ``note`` per event, and no key of another
type of event (``scenario_file.EVENT_KEYS``: ``add_to_campaign`` and
``remove_from_campaign`` take ``contact``, ``campaign``; ``apply_tag`` and ``remove_tag``
``contact``, ``tag``; ``cart_login`` ``contact``; ``purchase`` ``contact``, ``channel``,
``order_id``, ``products``, ``payment_type``, ``order_form``, ``outcome``; ``payment``
``order_id``, ``outcome``, ``payment_type``: the order's buyer pays), and ``population``:
``count``, ``arrival_spread`` (duration after ``start``), ``campaign`` + ``share_added``,
``purchases`` [{``product``, ``probability``, ``within``, ``channel``?, ``order_form``?}],
``channels`` and ``payment_types`` (weights), ``failure_rate``, ``error_rate``,
``retry_share`` + ``retry_after`` (a failed or errored order paid later), ``renewals`` +
``renewal_every`` (payments of subscription orders), ``resolution`` (purchase times fall on
multiples of it after arrival), ``id_prefix``, ``login_share`` (the share who log into the
multi-step cart as they arrive: a ``cart_login`` after their ``add_to_campaign``), ``tags``
[{``tag``, ``probability``, ``within``}] (an ``apply_tag`` drawn as purchases are, each tag at
most once a contact; both drawn after every other draw, so a file without them gives the
population it gave before). Population contacts are numbered in arrival
order, ``id_prefix`` then the number zero-padded to the count's width (``p-1`` ...
``p-9`` for 9 contacts, ``p-0001`` ... ``p-2000`` for 2,000), and buy as themselves (no
contact creation). A purchase through the ``order_form`` channel with no ``order_form``
named is placed on the catalog's first order form that is not a legacy one (for
``legacy_order_form``, its first legacy form).

Choices where SPEC.md is silent
-------------------------------
- Contacts created by purchases get ids ``new-1``, ``new-2`` ... in order of creation
  (C12), skipping an id a workspace or scenario contact already has: when ``new-1`` and
  ``new-2`` are taken, the first created contact is ``new-3``. An id is never given to two
  contacts, and a created contact is always told apart from the file's own.
- Times are kept to the whole second (fractions are dropped): events within one second are
  one instant and run in file order (C11), and an event less than a second before ``start``
  is taken as at ``start``. Scenario events after the horizon are not simulated (the log
  says how many).
- R5a is per contact and sequence for the whole run: re-adding a removed contact starts it
  at the entry nodes again, but sequences it entered before are skipped (and logged).
- A contact removed from a campaign that achieves an *any contact* goal of it is back in
  the campaign (R3), without starting at the entry nodes (C9).
- A ``payment`` with outcome ``success`` on an order that was already paid (R9) is logged
  with the purchase goals it is not checked against: as a renewal when the order holds a
  subscription, else as a later payment (an instalment). Failed or errored payments are
  logged and change nothing.
- Tags applied or removed by a scenario event are logged even when they move nobody (R19:
  the marketer sees their own events happen), as is a removal of a tag not held.
- Who may achieve the goals one event reaches (an order's purchase goals, a tag's tag goals)
  is settled before any of them is achieved, so the result does not depend on the order
  goals are stored in: a contact that joins a campaign through one of them (an *any
  contact* goal, R3) is not yet eligible for that campaign's *contacts in this campaign*
  goals on the same order or tag; the log says so ('not in "Spring sale" before this
  order (it joined with it, through another goal)'). Tags the order's action sets apply
  are events of their own, checked after its purchase goals (R16), so their tag goals see
  the campaigns it joined.
- The goals one event reaches (an order, an applied tag) are achieved campaign by
  campaign in workspace order; within a campaign a goal comes before the goals it is
  upstream of (links lead from it to them, directly or through other nodes, and none lead
  back), else the smallest node id first. So a goal that puts the contact into a sequence
  is achieved before a downstream goal that removes it from that sequence (R5), as if the
  two were reached one after the other, whatever the order the nodes are stored in.
- Purchase goals that match an order's products but not its payment type log the refusal
  (``payment type Check not chosen``), before the order's goals are achieved; goals whose
  options do not match stay silent. C13 has no journey event of its own for it, nor for a
  ``wait_until`` whose time has passed: they record ``not_eligible`` and ``step``
  (docs/file-format.md, "Simulation result"; docs/decisions.md).
- An order that does not run non-empty action sets matching it (its buyer's
  ``contact_creation`` if created, its outcome's default set, ``successful_purchase`` for a
  pending order, its products' sets if placed paid or pending) logs one line naming them and
  why (``Ecommerce.sets_not_run``): 'action set "Product: Mitt" not run (order o-1): "Also
  run product actions for legacy order forms and manual orders" is off', "API orders run no
  action sets", "default sets run only for shopping cart and order form orders", or, for a
  shopping cart or order form order placed pending, "the order was placed pending, and a
  later payment runs no action sets". A workspace without such sets gets no line.
- Applying a tag the contact already has, or adding it to a campaign it is in, is logged
  as a no-op (C7, C9); so is an action's removal of a tag the contact does not have.
- A sequence an action set starts at once runs its steps at once (R6), but stops at a step
  whose tag has a goal downstream of it until the instant's goals are checked (R16, C11):
  reaching that goal then cancels its remaining steps and counts it ``removed`` (C8), as
  when the contact came in by a scenario event; otherwise it goes on from there.

Files and command line
----------------------
:mod:`.scenario_file` loads and checks scenario files (``LoadError`` with a located line);
:mod:`.files` holds the scenario and result JSON Schemas; :mod:`.cli` is
``canvas-app simulate WORKSPACE --scenario FILE [--campaign ID] [--seed N] [--until TIME]
[--json] [--out FILE]``: it prints the summary (:mod:`.summary`), or the result JSON with
``--json``; ``--out FILE`` writes the result JSON to FILE as well (standard output still
gets the summary, or the JSON with ``--json``). Modules: :mod:`.model` (scenario records,
time helpers), :mod:`.plan` (per-node plans), :mod:`.core` / :mod:`.movement` / :mod:`.commerce` /
:mod:`.engine` (the engine), :mod:`.population`, :mod:`.cohort`, :mod:`.result`.
"""

from .engine import Simulation
from .model import Buyer, Scenario, ScenarioEvent, iso, to_datetime, to_seconds
from .result import SimResult
from .scenario_file import load_scenario, scenario_from_data
from .state import Movement

__all__ = ["Buyer", "Movement", "Scenario", "ScenarioEvent", "SimResult", "Simulation",
           "iso", "load_scenario", "scenario_from_data", "to_datetime", "to_seconds"]
