"""What a hand-edited file may hold that the schema accepts but an editor's typed field
refuses: caught when the file is loaded, with its place, instead of when the field shows it.

- A product's price: the product dialog's field takes at most 2 decimals and at most
  1,000,000,000 (12.999 or 2e9 turned the field red, with nothing to say where they came
  from).
- A step's wait (``duration``) or an action's ``delay``: the step editor shows a whole
  number, at most 1,000,000, of the largest unit that divides it (seconds, minutes, hours,
  days, weeks). A duration with a fraction of a second (``PT1.5S``, ``0.01`` minutes) was
  rounded without a word when shown and when saved (the simulation counts whole seconds
  too), and one of more than 1,000,000 seconds that is not whole minutes (``PT1000001S``),
  of more than 1,000,000 minutes that is not whole hours, or of more than 1,000,000 hours
  that is not whole days was refused by the field. (Anything longer in days or weeks is
  already refused by the 2000-year limit of ``parse_duration``.)
- A "wait until" time with seconds (``2026-01-02T09:00:30Z``): the step editor's date field
  shows and takes whole minutes, and dropped the seconds without a word at the step's next
  edit.
- A campaign's name that is empty or spaces only: the Campaigns list's rename refuses it
  ("A campaign name cannot be empty.", ``Workspace.rename_campaign`` strips), yet a file's
  ``""`` was a blank row there, and ``validate`` and ``import`` took it (QA 23d). (A node
  with no name is one of the model's rules instead, ``Campaign.validate``: the app keeps
  such a draft and shows an error on the node, which can be renamed on the canvas.)

The numbers are the dialogs' (``canvas_app/ui/dialogs/catalog_item.py`` PRICE_MAXIMUM and
``duration_edit.py`` DurationEdit); a test checks that both sides agree value by value.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from ..domain.errors import Problem
from ..domain.timeutil import parse_duration, parse_time
from .schema_messages import shown

PRICE_DECIMALS = 2
PRICE_MAXIMUM = 1_000_000_000
DURATION_AMOUNT_MAXIMUM = 1_000_000
BLANK_CAMPAIGN_NAME = "a campaign's name cannot be empty or spaces only"
# the step editor's units, smallest first, in seconds
DURATION_UNITS: tuple[tuple[str, int], ...] = (
    ("seconds", 1), ("minutes", 60), ("hours", 3600), ("days", 86400), ("weeks", 604800))


def price_problem(price: float) -> str | None:
    """Why the product dialog's price field would refuse ``price``, or None."""
    if price > PRICE_MAXIMUM:
        return (f"{shown(price)} is more than a price can be: at most "
                f"{PRICE_MAXIMUM:.{PRICE_DECIMALS}f}")
    if float(f"{price:.{PRICE_DECIMALS}f}") != price:
        digits = format(Decimal(repr(float(price))), "f").partition(".")[2]
        return (f"{shown(price)} has {len(digits)} decimals: a price has at most "
                f"{PRICE_DECIMALS} (as the product dialog takes it)")
    return None


def shown_unit(delta: timedelta) -> tuple[int, str]:
    """``(amount, unit)`` as the step editor shows a whole-second duration: the largest
    unit that divides it (0 is "0 minutes")."""
    seconds = round(delta.total_seconds())
    amount, name = seconds, "seconds"
    if seconds % 60 == 0:
        amount, name = seconds // 60, "minutes"
    for unit_name, size in DURATION_UNITS:
        if seconds and seconds % size == 0:
            amount, name = seconds // size, unit_name
    return amount, name


def duration_problem(value: Any) -> str | None:
    """Why the step editor could not show the file's duration ``value`` (minutes or ISO
    8601, already accepted by ``parse_duration``), or None."""
    delta = parse_duration(value)
    if delta.microseconds:
        return (f"{_plain(value)} is not a whole number of seconds: the step editor and the "
                "simulation count whole seconds")
    amount, unit = shown_unit(delta)
    if amount > DURATION_AMOUNT_MAXIMUM:
        return (f"{_plain(value)} is {amount} {unit}, more than the step editor can show "
                f"(at most {DURATION_AMOUNT_MAXIMUM} {unit}; a longer wait is given in "
                "whole minutes, hours, days or weeks)")
    return None


def until_problem(value: Any) -> str | None:
    """Why the step editor's date field could not show the file's time ``value`` (already
    accepted by ``parse_time``) as it is, or None."""
    moment = parse_time(value)
    if moment.second or moment.microsecond:
        return (f"{_plain(value)} has seconds: the step editor takes a time in whole "
                "minutes (UTC)")
    return None


def _plain(value: Any) -> str:
    """A duration as written in the file: P99999999999D, or 90 (minutes)."""
    return value if isinstance(value, str) else shown(value)


def _step_problems(steps: Any, where: str, node: str | None) -> list[Problem]:
    problems = []
    for i, step in enumerate(steps):
        for key, check in (("duration", duration_problem), ("until", until_problem),
                           ("delay", duration_problem)):
            if key in step:
                message = check(step[key])
                if message is not None:
                    prefix = f"(node {node}) " if node else ""
                    problems.append(Problem(f"{where}[{i}].{key}", prefix + message))
    return problems


def editor_problems(data: dict[str, Any]) -> list[Problem]:
    """Every value of a workspace file's data (one :func:`workspace_from_data` accepted)
    that an editor's typed field would refuse, in the file's order."""
    problems = []
    for i, product in enumerate(data.get("catalog", {}).get("products", [])):
        if "price" in product:
            message = price_problem(product["price"])
            if message is not None:
                problems.append(Problem(f"catalog.products[{i}].price", message))
    eco = data.get("ecommerce", {})
    for key in ("action_sets", "product_action_sets"):
        for name, actions in eco.get(key, {}).items():
            problems += _step_problems(actions, f"ecommerce.{key}.{name}", None)
    for ci, campaign in enumerate(data.get("campaigns", [])):
        if not campaign["name"].strip():
            problems.append(Problem(f"campaigns[{ci}].name", BLANK_CAMPAIGN_NAME))
        for ni, node in enumerate(campaign.get("nodes", [])):
            if node.get("kind") == "sequence":
                problems += _step_problems(node.get("steps", []),
                                           f"campaigns[{ci}].nodes[{ni}].steps", node["id"])
    return problems
