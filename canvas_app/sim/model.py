"""The scenario a simulation runs (R18): start, horizon, contacts, timed events, population.

Times inside the engine are whole seconds since the Unix epoch (UTC); :func:`to_seconds`
and :func:`to_datetime` convert. A scenario is built by :func:`canvas_app.sim.files.load_scenario`
(from a file, with located errors) or directly in code (tests, the canvas).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from ..domain.contacts import Contact
from ..domain.errors import DomainError, Problem
from ..domain.timeutil import format_time

if TYPE_CHECKING:
    from .population import PopulationSpec

EVENT_TYPES: tuple[str, ...] = ("add_to_campaign", "remove_from_campaign", "purchase",
                                "payment", "cart_login", "apply_tag", "remove_tag")
PAYMENT_OUTCOMES: tuple[str, ...] = ("success", "failed", "error")


def to_seconds(moment: datetime) -> int:
    """Whole seconds since the epoch; naive datetimes are UTC (C5)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp() // 1)


def duration_seconds(delta: timedelta | None) -> int:
    return 0 if delta is None else int(round(delta.total_seconds()))


# The calendar a run can show: datetime ends with the year 9999.
FIRST_SECOND = to_seconds(datetime(1, 1, 1, tzinfo=UTC))
LAST_SECOND = to_seconds(datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC))


class ClockOutOfRange(DomainError):
    """The simulated clock left the calendar (a long delay or renewals late in year 9999)."""


def to_datetime(seconds: int) -> datetime:
    if not FIRST_SECOND <= seconds <= LAST_SECOND:
        raise ClockOutOfRange(
            "the simulated clock would pass the end of the calendar (9999-12-31T23:59:59Z): "
            "a delay or renewal lands after it; give the scenario an earlier horizon (until)")
    return datetime.fromtimestamp(seconds, UTC)


def iso(seconds: int) -> str:
    """ISO 8601 UTC with a ``Z`` (C5)."""
    return format_time(to_datetime(seconds))


@dataclass(frozen=True, slots=True)
class Buyer:
    """A buyer named by first name, last name and email (R15)."""

    first_name: str
    last_name: str
    email: str

    def as_contact(self, contact_id: str) -> Contact:
        return Contact(contact_id, self.first_name.strip(), self.last_name.strip(),
                       self.email.strip())


@dataclass(slots=True)
class ScenarioEvent:
    """One timed event. ``index`` is its place in the file's ``events`` (-1 if generated)."""

    at: int
    type: str
    contact: str | Buyer | None = None
    campaign: str | None = None
    tag: str | None = None
    channel: str | None = None
    order_id: str | None = None
    products: tuple[str, ...] = ()
    payment_type: str | None = None
    order_form: str | None = None
    outcome: str | None = None
    index: int = -1


@dataclass
class Scenario:
    start: int
    until: int | None = None
    seed: int | None = None
    contacts: list[Contact] = field(default_factory=list)
    events: list[ScenarioEvent] = field(default_factory=list)
    population: PopulationSpec | None = None
    source: str = ""

    @classmethod
    def at(cls, start: datetime | str, until: datetime | str | None = None,
           **kw: object) -> Scenario:
        """A scenario from datetimes or ISO strings (a convenience for code and tests)."""
        from ..domain.timeutil import parse_time

        def sec(value: datetime | str) -> int:
            return to_seconds(parse_time(value) if isinstance(value, str) else value)

        return cls(start=sec(start), until=None if until is None else sec(until), **kw)

    def memory_problem(self) -> Problem:
        """Why a run of this scenario stopped with a MemoryError, at the place that asks
        for the most: its population's size (``population.count: not enough memory to
        simulate 5,000,000 contacts: try a smaller count``). The command line says it; a
        window that sets up a run can too."""
        if self.population is None:
            return Problem("", "not enough memory to simulate it")
        return Problem("population.count", f"not enough memory to simulate "
                                           f"{self.population.count:,} contacts: try a "
                                           "smaller count")
