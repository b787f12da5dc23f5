"""The Simulation panel's "Contacts and journeys" tab: every contact of the run, with where it
is now, and the whole journey of the one selected."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLineEdit, QSplitter, QTreeWidgetItem, QWidget

from ...sim import Simulation
from .contacts_model import ContactsModel, journey_rows
from .contacts_table import ContactsTable
from .journey_view import MIN_COLUMN, ROOMY_DETAILS_CHARS, JourneyView

FIND_DELAY_MS = 250  # the find box searches once typing pauses this long
SIDE_CHARS = 6  # neither side of the split narrower than two columns of this many characters


class FindBox(QLineEdit):
    """Asks to be wide enough for its hint in full (beside the tabs, it gets what it asks)."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(self.fontMetrics().horizontalAdvance(self.placeholderText()) + 40,
                     hint.height())


class ContactsTab(QSplitter):
    contact_selected = Signal(str)  # the contact's id, "" when none is selected
    node_activated = Signal(str)  # a journey step's node id, double-clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.sim: Simulation | None = None
        self._shown = -1  # journey rows on show (the placeholder is not one)
        self.model = ContactsModel()
        self.find = FindBox()
        self.find.setObjectName("simulationFindContact")
        # its hint and tooltip were all a screen reader had, and only as a description
        self.find.setAccessibleName("Find contacts")
        self.find.setPlaceholderText("Find: name, email, node, goal or tag")
        self.find.setToolTip("Shows the contacts with this text in their name, email, goals "
                             "or tags, or in the name of a node they are at or went through")
        self.find.setClearButtonEnabled(True)
        # Searching 100,000 contacts takes a moment: once typing pauses, not per key.
        self._find_timer = QTimer(self)
        self._find_timer.setSingleShot(True)
        self._find_timer.setInterval(FIND_DELAY_MS)
        self._find_timer.timeout.connect(self.apply_find)
        self.find.textChanged.connect(lambda _text: self._find_timer.start())
        self.find.returnPressed.connect(self.go_to_first_match)
        self.table = ContactsTable()
        self.table.setModel(self.model)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the run's order at first
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.journey = JourneyView()
        self.journey.itemActivated.connect(self._step_activated)
        # The find box is not laid out here: the panel puts it beside its tabs, so the
        # table keeps that row's height for contacts.
        self.addWidget(self.table)
        self.addWidget(self.journey)
        # Neither side can be squeezed out of sight. Until the user moves the split, the
        # journey gets what its columns need (see default_split), the contacts the rest,
        # a contact chosen or not.
        self.setChildrenCollapsible(False)
        self.setSizes([350, 650])
        self.split_by_user = False
        self.splitterMoved.connect(self._moved_by_user)

    def _moved_by_user(self, _pos: int, _index: int) -> None:
        self.split_by_user = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.split_by_user:
            self.default_split()

    def default_split(self) -> None:
        """The same whether a contact is chosen or not (QA: choosing one moved the split,
        and the table shrank under the pointer). The width goes, in turn: to the contacts'
        names, places and emails whole (their goals and tags at their headings); to the
        journey, up to its first columns wide (What on one line) and ROOMY_DETAILS_CHARS
        of Details beside them (QA5: with a third of 1280 px "added to the campaign"
        wrapped to three lines, the Details to many); to the contacts, up to every column
        whole; the rest to the journey. A window wide enough for every column whole
        beside the journey's first columns (What on one line) has them so. In a small
        window the journey keeps its first columns beside its Details
        (comfortable_width(2)), and the table scrolls."""
        total = sum(self.sizes())
        if total <= 0:
            return
        room = total - self.handleWidth()
        spare = room - self.table.wanted_width()  # beside every column of the table whole
        if spare >= self.journey.comfortable_width(1):  # a wide window: What on one line
            journey = spare
        else:
            roomy = self.journey.comfortable_width(0, ROOMY_DETAILS_CHARS)
            journey = max(min(roomy, max(room - self.table.who_width(), total // 2)),
                          self.journey.comfortable_width(2))
        least = self.least_side()
        journey = max(least, min(journey, total - least))
        if self.sizes() != [total - journey, journey]:
            self.setSizes([total - journey, journey])

    def least_side(self) -> int:
        """The narrowest either side of the split gets from default_split: two columns of
        a few characters (two MIN_COLUMN at 9 pt)."""
        return 2 * max(MIN_COLUMN, self.fontMetrics().averageCharWidth() * SIDE_CHARS)

    def apply_find(self) -> None:
        """Filters on the find box's text (at once; typing waits FIND_DELAY_MS); the
        selected contact stays selected while it is in the list, and no other contact gets
        selected in its place."""
        self._find_timer.stop()
        selected = self.selected_contact()
        self.table.selectionModel().clear()
        self.model.set_filter(self.find.text())
        wanted = self.find.text().strip()
        self.table.empty_text = (f'No contacts match "{wanted}".'
                                 if wanted and self.model.rowCount() == 0 else "")
        self.table.viewport().update()
        if selected is not None:
            self._select_row(self.model.row_of(selected))

    def clear_find(self) -> None:
        """The find box emptied and every contact shown (another workspace)."""
        self.find.clear()
        self.apply_find()

    def go_to_first_match(self) -> None:
        """Enter in the find box: the list found at once, its first contact selected (its
        journey shown) and the keyboard in the table (QA4: Enter did nothing)."""
        self.apply_find()
        if self.model.rowCount() == 0:
            return
        self.table.selectRow(0)
        self.table.scrollTo(self.model.index(0, 0))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _select_row(self, row: int) -> None:
        if row >= 0:
            self.table.selectRow(row)

    def set_simulation(self, sim: Simulation | None) -> None:
        self.sim = sim
        self.model.set_simulation(sim)
        self.journey.clear()
        self.journey.setProperty("contact", None)
        self._shown = -1
        self._split_again()

    def _split_again(self) -> None:
        """The contacts' widths anew (new rows), and the split for them and the journey,
        unless the user chose it."""
        self.table.measure()
        if not self.split_by_user:
            self.default_split()

    def refresh(self, live: bool = False) -> None:
        """After the run moved: new contacts, where they are, the selected one's journey.
        ``live``: while it plays, the rows keep their order (sorted again once it stops)."""
        selected = self.selected_contact()
        self.model.refresh(live)
        if selected is not None and self.selected_contact() is None:
            self._select_row(self.model.row_of(selected))  # rows found again: still there
        contact = self.selected_contact()
        if contact is not None:
            self.show_journey(contact)
        self._split_again()

    def selected_contact(self) -> str | None:
        """The contact whose journey is on show: the current row if it is selected (rows
        chosen with Shift or Ctrl, to copy), else the first selected, or None."""
        selection = self.table.selectionModel()
        rows = selection.selectedRows()
        if not rows:
            return None
        current = selection.currentIndex()
        if current.isValid() and selection.isRowSelected(current.row()):
            return self.model.contact_id(current.row())
        return self.model.contact_id(min(index.row() for index in rows))

    def select_contact(self, contact_id: str) -> None:
        row = self.model.row_of(contact_id)
        if row < 0 and self.sim is not None and contact_id in self.sim.contacts:
            self.find.clear()  # hidden by the search: show everyone again
            self.apply_find()
            row = self.model.row_of(contact_id)
        if row < 0:
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

    def show_journey(self, contact_id: str) -> None:
        if self.sim is None:
            return
        rows = journey_rows(self.sim, contact_id)
        if self.journey.property("contact") == contact_id and self._shown == len(rows):
            return  # nothing new
        # A contact just chosen opens at its first step; the same contact's journey, grown
        # while the run plays, follows its new steps only if the user was at its end (as
        # a log does), else it stays where the user scrolled to.
        same = self.journey.property("contact") == contact_id and self._shown > 0
        bar = self.journey.verticalScrollBar()
        at_end, kept = bar.value() >= bar.maximum(), bar.value()
        self.journey.setProperty("contact", contact_id)
        self._shown = len(rows)
        self.journey.clear()
        for when, what, name, node_id, detail in rows:
            self.journey.add_step([when, what, name, detail], node_id)
        self.journey.fit_to_steps()  # What and Node as wide as their words
        if rows:
            self.journey.doItemsLayout()  # the scroll range of the new rows
            if not same:
                self.journey.scrollToTop()
            elif at_end:
                self.journey.scrollToBottom()
            else:
                bar.setValue(kept)
        else:
            empty = QTreeWidgetItem(["Nothing has happened to this contact yet."])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.journey.addTopLevelItem(empty)
            empty.setFirstColumnSpanned(True)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        contact = self.selected_contact()
        if contact is None:
            self.journey.clear()
            self.journey.setProperty("contact", None)
            self._shown = -1
        else:
            self.show_journey(contact)
        self.contact_selected.emit(contact or "")

    def _step_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        node_id = item.data(0, Qt.ItemDataRole.UserRole)
        if node_id:
            self.node_activated.emit(node_id)
