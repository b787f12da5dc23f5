"""The contacts of a running simulation as a table, and one contact's journey as rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ...domain.names import isolated, without_isolates
from ...sim import Simulation
from ...sim.commerce import is_mismatch
from ...sim.core import log_time
from ...sim.state import IN, ContactState
from .words import COMPLETED, LEFT_EARLY, WAITING_AT

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("Contact", "Email", "Where now", "Goals achieved", "Tags")
LISTS = (3, 4)  # columns of names: goals achieved, tags
# A list column's names one by one (a tuple), so a cell too narrow can say how many it
# leaves out ("Bought pool shock, +2"); None for other cells.
ITEMS_ROLE = Qt.ItemDataRole.UserRole + 1

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
    "not_eligible": "not eligible",  # R4: not in the campaign, or removed from it
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
    """The node's name; with its campaign's when another campaign has a node of that name
    (each name :func:`~canvas_app.domain.names.isolated`: "Node (Campaign)" in that order
    when both are Hebrew or Arabic)."""
    if not node_id:
        return ""
    campaigns = sim.workspace.campaigns
    home = next((c for c in campaigns if node_id in c.graph), None)
    if home is None:
        return node_id
    name = home.node(node_id).name
    twins = sum(1 for c in campaigns for n in c.nodes if n.name == name)
    return f"{isolated(name)} ({isolated(home.name)})" if twins > 1 else name


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
    return [(log_time(at), event_words(event, detail), node_name(sim, node), node or "",
             detail) for at, event, node, detail in c.journey]


NOT_ACHIEVED = "not achieved"


def event_words(event: str, detail: str) -> str:
    """A journey event in words. The result file's ``not_eligible`` (SPEC C13's one event
    for a goal not reached) is also what an order that did not match the goal records
    ("order o-1: payment type Check not chosen"); that contact may well be eligible (R4),
    so it reads "not achieved"."""
    if is_mismatch(event, detail):
        return NOT_ACHIEVED
    return EVENT_WORDS.get(event, event)


STATIC = 2  # the first columns (name, email) never change during a run
MAX_SPANS = 200  # dataChanged signals for one refresh at most
NOT_KEPT = -1  # a contact without a journey: always looked at again


class ContactsModel(QAbstractTableModel):
    """Reads the simulation's contacts; ``refresh()`` after it moved.

    Sorting and finding happen here, on texts kept per contact (each cell's text, and one
    lower-case text per contact to search), so a click on a heading or a key in the find box
    never calls back into ``data()`` per comparison. A contact's texts are made again only
    when its journey grew (every change of where it is, its goals or tags is a journey
    event); ``refresh()`` does nothing when the run did not move since the last one.
    """

    def __init__(self) -> None:
        super().__init__()
        self.sim: Simulation | None = None
        self._ids: list[str] = []  # every contact, in the run's order
        self._index: dict[str, int] = {}  # contact id -> its place in _ids
        self._static: list[tuple[str, str]] = []  # (name, email) per contact
        self._dynamic: list[tuple[str, str, str] | None] = []  # where, goals, tags; None: stale
        self._search: list[str | None] = []  # name and email to find in, case-folded
        # The sequences each contact went through, case-folded, to find in too (a node's
        # name finds those who passed it, not only those there now); None: stale.
        self._been: list[str | None] = []
        self._been_texts: dict[str, str] = {}  # each distinct one kept once
        # Where now, goals and tags: few different texts among many contacts, each kept
        # once (with its case-folded text to find in), not once per contact.
        self._texts: dict[tuple[str, str, str], tuple[str, str, str]] = {}
        self._folded: dict[tuple[str, str, str], str] = {}
        self._lists: dict[str, tuple[str, ...]] = {}  # a list cell's text -> its names
        self._seen: list[int] = []  # journey length when its texts were made
        self._names: dict[str, str] = {}
        self._stamp: tuple[int, int, int] | None = None  # the run as last refreshed
        self._rows: list[int] = []  # contacts on show (places in _ids), in the shown order
        self._row_of: list[int] | None = None  # place in _ids -> row, -1 hidden (lazy)
        self.sort_column = -1  # -1: the run's order
        self.sort_order = Qt.SortOrder.AscendingOrder
        self.filter_text = ""  # case-folded
        self._order_stale = False  # sorted or filtered on texts since changed

    def set_simulation(self, sim: Simulation | None) -> None:
        self.beginResetModel()
        self.sim = sim
        self._names = {}
        self._ids, self._index, self._static = [], {}, []
        self._dynamic, self._search, self._seen, self._been = [], [], [], []
        self._texts, self._folded, self._been_texts, self._lists = {}, {}, {}, {}
        self._append(list(sim.contacts) if sim is not None else [])
        self._stamp = self._run_stamp()
        self._rows = self._ordered()
        self._row_of = None
        self._order_stale = False
        self.endResetModel()

    def _run_stamp(self) -> tuple[int, int, int] | None:
        sim = self.sim
        return None if sim is None else (sim.processed, sim.now, len(sim.contacts))

    def _append(self, ids: list[str]) -> None:
        sim = self.sim
        assert sim is not None or not ids
        first = len(self._ids)
        self._ids.extend(ids)
        for place, contact_id in enumerate(ids, first):
            self._index[contact_id] = place
        contacts = [sim.contacts[i] for i in ids] if sim is not None else []
        self._static.extend((c.name, c.email) for c in contacts)
        self._dynamic.extend([None] * len(ids))
        self._search.extend([None] * len(ids))
        self._been.extend([None] * len(ids))
        self._seen.extend(NOT_KEPT if c.journey is None else len(c.journey) for c in contacts)

    def refresh(self, live: bool = False) -> None:
        """Takes in what changed since the last refresh: new contacts (created by
        purchases), and the rows of the contacts that moved. ``live`` (the run is playing):
        the rows keep their order and the contacts on show stay; otherwise they are
        sorted and found again when a sorted or searched text changed."""
        sim = self.sim
        stamp = self._run_stamp()
        if sim is None or stamp == self._stamp:
            if not live and self._order_stale:
                self._reorder()
            return
        self._stamp = stamp
        if len(sim.contacts) != len(self._ids):
            first = len(self._ids)
            self._append(list(sim.contacts)[first:])
            new = [p for p in range(first, len(self._ids)) if self._shows(p)]
            if new:
                self.beginInsertRows(QModelIndex(), len(self._rows),
                                     len(self._rows) + len(new) - 1)
                self._rows.extend(new)
                self._row_of = None
                self.endInsertRows()
            self._order_stale = self._order_stale or bool(new) and self.sort_column >= 0
        contacts = sim.contacts
        seen = self._seen
        lengths = [NOT_KEPT if (j := contacts[i].journey) is None else len(j) for i in self._ids]
        changed = [p for p, (was, now) in enumerate(zip(seen, lengths, strict=True))
                   if was != now or now == NOT_KEPT]
        for p in changed:
            self._dynamic[p] = None
            self._been[p] = None
        self._seen = lengths
        if changed and (self.sort_column >= STATIC or self.filter_text):
            self._order_stale = True
        if not live and self._order_stale:
            self._reorder()
        else:
            self._emit_changed(changed)

    def _emit_changed(self, changed: list[int]) -> None:
        """dataChanged for the rows of these contacts (places in _ids), in spans."""
        if not changed:
            return
        row_of = self._rows_by_place()
        rows = sorted(r for p in changed if (r := row_of[p]) >= 0)
        last = len(COLUMNS) - 1
        if len(rows) > MAX_SPANS:  # scattered over a sorted table: one span, from first to last
            self.dataChanged.emit(self.index(rows[0], STATIC), self.index(rows[-1], last))
            return
        start = prev = None
        for row in [*rows, None]:
            if start is not None and (row is None or row != prev + 1):
                self.dataChanged.emit(self.index(start, STATIC), self.index(prev, last))
                start = None
            if row is not None and start is None:
                start = row
            prev = row

    def _rows_by_place(self) -> list[int]:
        if self._row_of is None:
            row_of = [-1] * len(self._ids)
            for row, place in enumerate(self._rows):
                row_of[place] = row
            self._row_of = row_of
        return self._row_of

    # -- sorting and finding -------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column = column if 0 <= column < len(COLUMNS) else -1
        self.sort_order = order
        self._reorder()

    def set_filter(self, text: str) -> None:
        """Shows only the contacts with ``text`` in one of their cells (any case)."""
        folded = text.casefold()
        if folded == self.filter_text:
            return
        self.filter_text = folded
        self.beginResetModel()
        self._rows = self._ordered()
        self._row_of = None
        self._order_stale = False
        self.endResetModel()

    def _shows(self, place: int) -> bool:
        return not self.filter_text or self._matches(place, self.filter_text)

    def _ordered(self) -> list[int]:
        """The contacts to show, in the chosen order (ties in the run's order)."""
        places = range(len(self._ids))
        if self.filter_text:
            text = self.filter_text
            places = [p for p in places if self._matches(p, text)]  # type: ignore[assignment]
        column = self.sort_column
        if column < 0:
            return list(places)
        if column < STATIC:
            keys = [cells[column].casefold() for cells in self._static]
        else:
            keys = [without_isolates(self._cells(p)[column - STATIC]).casefold()
                    for p in range(len(self._ids))]
        return sorted(places, key=keys.__getitem__,
                      reverse=self.sort_order == Qt.SortOrder.DescendingOrder)

    def _reorder(self) -> None:
        """Sorts and finds again; the selection (persistent indexes) follows its contacts,
        and a row count that changes resets the view."""
        rows = self._ordered()
        self._order_stale = False
        if len(rows) != len(self._rows) or set(rows) != set(self._rows):
            self.beginResetModel()
            self._rows, self._row_of = rows, None
            self.endResetModel()
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        places = [self._rows[i.row()] if i.isValid() else -1 for i in persistent]
        self._rows, self._row_of = rows, None
        row_of = self._rows_by_place()
        self.changePersistentIndexList(persistent, [
            self.index(row_of[p], i.column()) if p >= 0 else QModelIndex()
            for i, p in zip(persistent, places, strict=True)])
        self.layoutChanged.emit()

    # -- texts ---------------------------------------------------------------------------
    def _cells(self, place: int) -> tuple[str, str, str]:
        cells = self._dynamic[place]
        if cells is None:
            cells = self._dynamic[place] = self._make_cells(place)
        return cells

    def _matches(self, place: int, text: str) -> bool:
        """Whether one of the contact's cells holds ``text`` (case-folded)."""
        static = self._search[place]
        if static is None:
            static = self._search[place] = "\n".join(self._static[place]).casefold()
        cells = self._cells(place)
        folded = self._folded.get(cells)
        if folded is None:
            folded = self._folded[cells] = without_isolates("\n".join(cells)).casefold()
        if "\n" in text:  # (not from the find box) across cells, as in one text
            return text in f"{static}\n{folded}"
        return text in static or text in folded or text in self._been_text(place)

    def _been_text(self, place: int) -> str:
        """The names of the sequences the contact entered, where it is now or not (the
        goals it reached are a column already), case-folded; kept once per distinct text."""
        been = self._been[place]
        if been is None:
            assert self.sim is not None
            c = self.sim.contacts[self._ids[place]]
            text = without_isolates("\n".join(sorted(self._name(node) for node in c.entered)))
            text = text.casefold()
            been = self._been[place] = self._been_texts.setdefault(text, text)
        return been

    def _make_cells(self, place: int) -> tuple[str, str, str]:
        assert self.sim is not None
        c = self.sim.contacts[self._ids[place]]
        # Each name isolated: a list of Hebrew or Arabic names separated by commas was
        # laid out as one right-to-left run, its last name first.
        where = ", ".join(f"{WAITING_AT} {isolated(self._name(node))}" if node in c.waiting
                          else isolated(self._name(node)) for node in c.position()) \
            or nowhere(c)
        goals = tuple(isolated(name) for name in sorted(
            (self._name(node) for node in c.achieved), key=without_isolates))
        tags = tuple(isolated(tag) for tag in sorted(c.tags))
        cells = (where, self._list_text(goals) or "—", self._list_text(tags))
        return self._texts.setdefault(cells, cells)

    def _list_text(self, names: tuple[str, ...]) -> str:
        text = ", ".join(names)
        if len(names) > 1:
            self._lists.setdefault(text, names)
        return text

    def contact_id(self, row: int) -> str:
        return self._ids[self._rows[row]]

    def row_of(self, contact_id: str) -> int:
        """The contact's row, -1 when it is not on show (unknown or not found)."""
        place = self._index.get(contact_id)
        return -1 if place is None else self._rows_by_place()[place]

    # -- Qt --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # the tooltip: the heading in full, for a column narrower than it (Goals achieved
        # and Tags beside a journey in a small window)
        if orientation == Qt.Orientation.Horizontal and role in (
                Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The tooltip is the whole text, for a cell too narrow to show it.
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        ITEMS_ROLE) or self.sim is None or not index.isValid():
            return None
        place = self._rows[index.row()]
        column = index.column()
        if role == ITEMS_ROLE:
            return self._lists.get(self._cells(place)[column - STATIC]) \
                if column in LISTS else None
        if column < STATIC:
            return self._static[place][column]
        return self._cells(place)[column - STATIC]

    def _name(self, node_id: str) -> str:
        if node_id not in self._names and self.sim is not None:
            self._names[node_id] = node_name(self.sim, node_id)
        return self._names.get(node_id, node_id)
