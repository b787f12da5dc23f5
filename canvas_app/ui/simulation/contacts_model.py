"""The contacts of a running simulation as a table, and one contact's journey as rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ...sim import Simulation
from ...sim.core import log_time
from ...sim.state import IN, ContactState
from .words import COMPLETED, LEFT_EARLY, WAITING_AT

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("Contact", "Email", "Where now", "Goals achieved", "Tags")

EVENT_WORDS = {
    "added": "added to the campaign",
    "removed_from_campaign": "removed from the campaign",
    "entered": "entered",
    "step": "step",
    "completed": COMPLETED,
    "removed": LEFT_EARLY,
    "waiting": "waiting at",
    "achieved": "achieved",
    "achieved_again": "achieved again",
    "not_eligible": "not eligible",
    "skipped_reentry": "not entered again",
    "tag_applied": "tag applied",
    "tag_removed": "tag removed",
    "email_sent": "email sent",
    "notify_team": "team notified",
    "contact_type_set": "contact type set",
    "action_set": "action set",
    "contact_created": "contact created",
    "purchase": "purchase",
    "payment": "payment",
    "cart_login": "logged into the cart",
}


def node_name(sim: Simulation, node_id: str | None) -> str:
    """The node's name; with its campaign's when another campaign has a node of that name."""
    if not node_id:
        return ""
    campaigns = sim.workspace.campaigns
    home = next((c for c in campaigns if node_id in c.graph), None)
    if home is None:
        return node_id
    name = home.node(node_id).name
    twins = sum(1 for c in campaigns for n in c.nodes if n.name == name)
    return f"{name} ({home.name})" if twins > 1 else name


def nowhere(c: ContactState) -> str:
    """Where now, for a contact at no node: never in a campaign, finished, or removed."""
    states = set(c.membership.values())
    if not states:
        return "not in a campaign"
    if IN in states:
        return "finished"
    return "removed from its campaign" if len(states) == 1 and len(c.membership) == 1 \
        else "removed from its campaigns"


def journey_rows(sim: Simulation, contact_id: str) -> list[tuple[str, str, str, str, str]]:
    """(when, what, node name, node id, detail) for each journey event of the contact."""
    c = sim.contacts.get(contact_id)
    if c is None or c.journey is None:
        return []
    return [(log_time(at), EVENT_WORDS.get(event, event), node_name(sim, node), node or "",
             detail) for at, event, node, detail in c.journey]


class ContactsModel(QAbstractTableModel):
    """Reads the simulation's contacts as they are now; ``refresh()`` after it moved."""

    def __init__(self) -> None:
        super().__init__()
        self.sim: Simulation | None = None
        self._ids: list[str] = []
        self._names: dict[str, str] = {}

    def set_simulation(self, sim: Simulation | None) -> None:
        self.beginResetModel()
        self.sim = sim
        self._ids = list(sim.contacts) if sim is not None else []
        self._names = {}
        self.endResetModel()

    def refresh(self) -> None:
        sim = self.sim
        if sim is None:
            return
        if len(sim.contacts) != len(self._ids):  # contacts created by purchases
            first = len(self._ids)
            new = list(sim.contacts)[first:]
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._ids.extend(new)
            self.endInsertRows()
        if self._ids:
            self.dataChanged.emit(self.index(0, 2), self.index(len(self._ids) - 1, 4))

    def contact_id(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, contact_id: str) -> int:
        try:
            return self._ids.index(contact_id)
        except ValueError:
            return -1

    # -- Qt --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        sim = self.sim
        # The tooltip is the whole text, for a cell too narrow to show it.
        shown = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        if sim is None or not index.isValid() or role not in shown:
            return None
        c = sim.contacts[self._ids[index.row()]]
        column = index.column()
        if column == 0:
            return c.name
        if column == 1:
            return c.email
        if column == 2:
            return ", ".join(f"{WAITING_AT} {self._name(node)}" if node in c.waiting
                             else self._name(node) for node in c.position()) or nowhere(c)
        if column == 3:
            return ", ".join(sorted(self._name(node) for node in c.achieved)) or "—"
        return ", ".join(sorted(c.tags))

    def _name(self, node_id: str) -> str:
        if node_id not in self._names and self.sim is not None:
            self._names[node_id] = node_name(self.sim, node_id)
        return self._names.get(node_id, node_id)
