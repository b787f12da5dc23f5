"""What the engine keeps per contact and per order, and the movement events it emits."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..domain.contacts import normalise_email, normalise_name

IN = "in"
REMOVED = "removed"


JourneyEntry = tuple[int, str, "str | None", str]  # (at, event, node, detail)


class Journey:
    """A contact's journey: ``(at, event, node, detail)`` entries (C13), in order.

    Kept flat, four slots an entry with no tuple of its own, and read as tuples: a run of
    100,000 contacts keeps over a million entries, and a tuple each cost 72 bytes more.
    """

    __slots__ = ("flat",)

    def __init__(self) -> None:
        self.flat: list[Any] = []  # at, event, node, detail, at, event, ...

    def add(self, at: int, event: str, node: str | None, detail: str) -> None:
        self.flat += (at, event, node, detail)

    def append(self, entry: JourneyEntry) -> None:
        self.flat += entry

    def __len__(self) -> int:
        return len(self.flat) >> 2

    def __iter__(self) -> Iterator[JourneyEntry]:
        flat = self.flat
        return zip(flat[0::4], flat[1::4], flat[2::4], flat[3::4], strict=True)

    def __getitem__(self, index: int) -> JourneyEntry:
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("journey index out of range")
        at, event, node, detail = self.flat[4 * index:4 * index + 4]
        return at, event, node, detail

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Journey):
            return self.flat == other.flat
        if isinstance(other, list):
            return list(self) == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Journey({list(self)!r})"


class ContactState:
    """One contact during a run.

    ``membership`` maps a campaign id to ``"in"`` or ``"removed"`` (R3, R4);
    ``active`` maps a sequence id to the index of the step the contact is at (R6);
    ``waiting`` holds the goals it waits at, in the order it reached them.
    """

    __slots__ = ("id", "first_name", "last_name", "email", "tags", "contact_type",
                 "membership", "entered", "active", "waiting", "achieved", "journey",
                 "name")

    def __init__(self, contact_id: str, first_name: str, last_name: str, email: str,
                 tags: Iterable[str], contact_type: str | None, keep_journey: bool) -> None:
        self.id = contact_id
        self.first_name = first_name
        self.last_name = last_name
        self.email = email
        self.tags: set[str] = set(tags)
        self.contact_type = contact_type
        self.membership: dict[str, str] = {}
        self.entered: set[str] = set()
        self.active: dict[str, int] = {}
        self.waiting: dict[str, None] = {}
        self.achieved: set[str] = set()
        self.journey: Journey | None = Journey() if keep_journey else None
        self.name = f"{first_name} {last_name}".strip() or email or contact_id

    def position(self) -> list[str]:
        return sorted([*self.active, *self.waiting])

    def match_key(self) -> tuple[str, str, str]:
        """First name, last name and email as R15 and C10 compare them."""
        return (normalise_name(self.first_name), normalise_name(self.last_name),
                normalise_email(self.email))


@dataclass(slots=True)
class Order:
    id: str
    contact: str
    channel: str
    products: tuple[str, ...]
    payment_type: str
    order_form: str | None
    paid: bool = False
    placed: str = "success"  # the payment's outcome when the order was placed


@dataclass(frozen=True, slots=True)
class Movement:
    """One journey event of one contact, as listeners receive it (see the package docs).

    ``kind`` is a journey event name (C13). ``from_node`` / ``to_node`` say where the contact
    moved: ``entered`` and ``waiting`` have ``to_node``; ``completed`` and ``removed`` have
    ``from_node``; ``achieved`` has the goal in both ``node`` and ``to_node`` (and ends a
    wait there, if any); ``removed_from_campaign`` ends every wait in that campaign (its
    sequences each get their own ``removed``).
    """

    at: int
    contact: str
    kind: str
    node: str | None
    from_node: str | None
    to_node: str | None
    detail: str
