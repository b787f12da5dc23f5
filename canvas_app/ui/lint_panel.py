"""The lint panel: the workspace's warnings (``workspace.lint()``), one line each.

Activating a line shows its campaign and selects its node. A finding about the workspace
as a whole (no campaign, no node: an e-commerce action naming a deleted campaign) is listed
too; activating it repeats its message in the status bar.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QWidget

from ..domain import events as ev
from ..domain.events import DomainEvent
from ..domain.lint import finding_text
from ..editing.controller import Controller
from .theme import focus_frame, load_icon

CAMPAIGN_ROLE = Qt.ItemDataRole.UserRole + 1
NODE_ROLE = Qt.ItemDataRole.UserRole + 2
FINDING_ROLE = Qt.ItemDataRole.UserRole + 3  # True on a finding's row


MAX_ROWS = 500  # findings listed at most


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
        self.controller: Controller | None = None
        self.total_findings = 0  # listed or not (at most MAX_ROWS are)
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
        if event.name not in ev.MOVES:  # where a node sits changes no finding
            self._timer.start()

    def refresh(self) -> None:
        self.clear()
        if self.controller is None:
            return
        ws = self.controller.workspace
        # Errors first: they stop a simulation (and a file from loading); warnings do not.
        findings = sorted(self.controller.findings(), key=lambda f: f.severity != "error")
        self.total_findings = len(findings)
        for finding in findings[:MAX_ROWS]:
            error = finding.severity == "error"
            text = finding_text(ws, finding)
            item = QListWidgetItem(self._error if error else self._warning,
                                   f"Error: {text}" if error else f"Warning: {text}")
            item.setData(CAMPAIGN_ROLE, finding.campaign_id or "")
            item.setData(NODE_ROLE, finding.node_id or "")
            item.setData(FINDING_ROLE, True)
            item.setToolTip(("Error: must be fixed before simulating. " if error else
                             "Warning: the simulation runs, but look at this. ")
                            + finding.message)
            self.addItem(item)
        if len(findings) > MAX_ROWS:
            # Thousands of rows (a paste of 10,000 unfinished nodes: 35,000) took seconds
            # to lay out, and nobody reads past the first screens.
            more = len(findings) - MAX_ROWS
            item = QListWidgetItem(f"… and {more:,} more not listed here (the first "
                                   f"{MAX_ROWS:,} are, errors first): fix those and the "
                                   "rest come up.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(item)
        if self.count() == 0:
            item = QListWidgetItem("No warnings.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(item)

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
