"""The lint panel: the workspace's warnings (``workspace.lint()``), one line each.

Activating a line shows its campaign and selects its node. A finding about the workspace
as a whole (no campaign, no node: an e-commerce action naming a deleted campaign) is listed
too; activating it repeats its message in the status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ..domain import events as ev
from ..domain.campaign import Finding
from ..domain.events import DomainEvent
from ..domain.lint import as_sentences, finding_place, ordered_findings
from ..domain.names import SHORT_NAME_LENGTH, breakable
from ..domain.workspace import Workspace
from ..editing.controller import Controller
from .theme import focus_frame, load_icon

CAMPAIGN_ROLE = Qt.ItemDataRole.UserRole + 1
NODE_ROLE = Qt.ItemDataRole.UserRole + 2
FINDING_ROLE = Qt.ItemDataRole.UserRole + 3  # True on a finding's row


MAX_ROWS = 500  # findings listed at most
PLACE_NAME_LENGTH = SHORT_NAME_LENGTH  # a campaign's or node's name in a line's place, at most


class WrapAnywhere(QStyledItemDelegate):
    """Draws (and measures) a row as the default delegate does, but a word too long for
    the panel's width breaks where the line ends (:func:`breakable`); the item's text
    itself (``item.text()``) is kept as it is."""

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.text = breakable(option.text)  # type: ignore[attr-defined]


class Row(NamedTuple):
    """One finding as listed: its line (without "Error: "), where it is, its message as
    the tooltip's sentences."""

    error: bool
    text: str
    campaign_id: str
    node_id: str
    message: str


def row_text(workspace: Workspace, finding: Finding, nth: str = "") -> str:
    """A finding's line: where it is (``nth``, "1 of 2", after it), then its message as a
    sentence, so that errors ("no tag is chosen: list at least one tag", as the CLI and
    the editor say it) read like the warnings beside them, which are sentences already
    (QA)."""
    where = finding_place(workspace, finding, PLACE_NAME_LENGTH)
    if where and nth:
        where = f"{where} ({nth})"
    message = as_sentences(finding.message)
    return f"{where}: {message}" if where else message


def told_apart(workspace: Workspace, findings: list[Finding]) -> list[str]:
    """Each finding's line (see row_text); lines that would read the same, of one message
    about nodes or campaigns of one name (two nodes named "Nurture": each has the finding), numbered
    after their place, "Nurture (1 of 2): …", in the order listed (QA: two identical lines;
    each still shows its own node when chosen)."""
    texts = [row_text(workspace, finding) for finding in findings]
    counts: dict[str, int] = {}
    for text in texts:
        counts[text] = counts.get(text, 0) + 1
    seen: dict[str, int] = {}
    told = []
    for finding, text in zip(findings, texts, strict=True):
        if counts[text] > 1 and (finding.node_id or finding.campaign_id):
            seen[text] = seen.get(text, 0) + 1
            text = row_text(workspace, finding, f"{seen[text]} of {counts[text]}")
        told.append(text)
    return told


class LintPanel(QListWidget):
    finding_activated = Signal(str, str)  # campaign id, node id
    workspace_finding_activated = Signal(str)  # message of a finding without a campaign
    finding_clicked = Signal(str, str)  # one click: show the node, the panel keeps the keys

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lintPanel")
        self.setStyleSheet(focus_frame("LintPanel", "lintPanel"))  # Enter acts here
        self.setAccessibleName("Warnings")
        self.setWordWrap(True)
        self._delegate = WrapAnywhere(self)  # long words wrap too: no sideways scrolling
        self.setItemDelegate(self._delegate)
        self.controller: Controller | None = None
        self.total_findings = 0  # listed or not (at most MAX_ROWS are)
        self.shown_findings: list[Finding] | None = None  # the controller's list listed
        self._name_keys: dict[str, str] = {}  # names as sorted, kept
        self._rows: list[Row] = []  # the findings listed
        self._tail = ""  # the line after them: how many more, or "No warnings."
        self._unsubscribe: Callable[[], None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.refresh)
        self._warning = load_icon("warning.svg")
        self._error = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._clicked)

    def bind(self, controller: Controller) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
        self.controller = controller
        self._unsubscribe = controller.workspace.events.subscribe(self._on_event)
        self.refresh()

    def _on_event(self, event: DomainEvent) -> None:
        # Where a node sits changes no finding; one node or link of a batch waits for the
        # event naming them all (restarting the timer for each of 20,000 cost a tenth of
        # a second of a delete).
        if event.name not in ev.MOVES and not event.extra.get("batched"):
            self._timer.start()

    def refresh(self) -> None:
        if self.controller is None:
            self.shown_findings = None
            self._show([], "")
            return
        ws = self.controller.workspace
        # Errors first: they stop a simulation (and a file from loading); warnings do not.
        # Then by campaign and node name: one order whatever the edits (see ordered_findings)
        found = self.shown_findings = self.controller.findings()
        self.total_findings = len(found)
        listed = ordered_findings(ws, found, self._name_keys, MAX_ROWS)
        rows = [Row(f.severity == "error", text, f.campaign_id or "", f.node_id or "",
                    as_sentences(f.message))
                for f, text in zip(listed, told_apart(ws, listed), strict=True)]
        more = ""
        if len(found) > MAX_ROWS:
            # Thousands of rows (a paste of 10,000 unfinished nodes: 35,000) took seconds
            # to lay out, and nobody reads past the first screens.
            more = (f"… and {len(found) - MAX_ROWS:,} more not listed here (the first "
                    f"{MAX_ROWS:,} are, errors first): fix those and the rest come up.")
        self._show(rows, more)

    def _show(self, rows: list[Row], more: str) -> None:
        """Lists ``rows``, then ``more`` (or "No warnings." when there is no row). A row
        that is listed already as it is stays as it is; others are rewritten in place:
        making hundreds of rows again after each edit cost more than finding them, and
        the current row and the scroll position stay."""
        tail = more or ("" if rows else "No warnings.")
        if rows == self._rows and tail == self._tail:
            return
        current = self.currentRow()
        chosen = self._rows[current] if 0 <= current < len(self._rows) else None
        if self._tail:  # the last line goes, and comes back below the rows
            self.takeItem(self.count() - 1)  # no owner left: Python drops it
        while self.count() > len(rows):
            self.takeItem(self.count() - 1)
        for i, row in enumerate(rows):
            if i < len(self._rows) and self._rows[i] == row:
                continue
            item = self.item(i)
            if item is None:
                item = QListWidgetItem()
                item.setData(FINDING_ROLE, True)
                self.addItem(item)
            item.setIcon(self._error if row.error else self._warning)
            item.setText(f"Error: {row.text}" if row.error else f"Warning: {row.text}")
            item.setData(CAMPAIGN_ROLE, row.campaign_id)
            item.setData(NODE_ROLE, row.node_id)
            item.setToolTip(("Error: must be fixed before simulating. " if row.error else
                             "Warning: the simulation runs, but look at this. ") + row.message)
        self._rows, self._tail = rows, tail
        if tail:
            item = QListWidgetItem(tail)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(item)
        if chosen is not None:
            # the highlight stays with the finding chosen, not with its row number (QA: a
            # finding listed above it moved the highlight onto another); gone with it
            place = rows.index(chosen) if chosen in rows else -1
            if place != self.currentRow():
                self.setCurrentRow(place)

    def campaign_shown(self, campaign_id: str | None) -> None:
        """Another campaign on the canvas: a highlighted finding of the one left is let go
        (QA: a warning clicked stayed highlighted over a campaign it is not about)."""
        row = self.currentRow()
        if 0 <= row < len(self._rows) and self._rows[row].campaign_id != (campaign_id or ""):
            self.setCurrentRow(-1)

    def findings_count(self) -> int:
        return sum(1 for i in range(self.count()) if self.item(i).data(FINDING_ROLE))

    def _clicked(self, item: QListWidgetItem) -> None:
        campaign_id, node_id = item.data(CAMPAIGN_ROLE), item.data(NODE_ROLE)
        if item.data(FINDING_ROLE) and campaign_id and node_id and self.controller is not None \
                and self.controller.workspace.has_campaign(str(campaign_id)):
            self.finding_clicked.emit(str(campaign_id), str(node_id))

    def _activated(self, item: QListWidgetItem) -> None:
        if not item.data(FINDING_ROLE):
            return
        campaign_id = item.data(CAMPAIGN_ROLE)
        if campaign_id and self.controller is not None \
                and self.controller.workspace.has_campaign(str(campaign_id)):
            self.finding_activated.emit(str(campaign_id), str(item.data(NODE_ROLE) or ""))
        else:
            self.workspace_finding_activated.emit(item.text())
