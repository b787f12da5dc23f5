"""The simulation panel's Actions tab: how often each e-commerce action set ran, and how
many emails were sent (R19: the result holds both; QA 23g: only the command line showed
them, and an owner who had just set up E-Commerce Actions could not see whether they ran).

Every set with actions is listed, those that never ran too (with a word on why a set may
not run), in the order results list them (C12): the default sets, then the products'.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.counting import counted
from ...domain.workspace import Workspace
from ...sim.commerce import set_label
from ..theme import TEXT_MUTED

NO_RUN = "Run a simulation to see how often each e-commerce action set runs."
NO_SETS = ("No e-commerce action set has actions: Workspace > E-Commerce Actions… sets "
           "what runs on a login, a new contact, a purchase or a product bought.")
# Why a set may never run: what its rules ask for (R12-R16, C10)
WHY_NOT = {
    "on_login": "runs when a contact logs into the multi-step cart (a scenario's cart_login "
                "event)",
    "contact_creation": "runs when a shopping cart or order form buyer matches no contact",
    "successful_purchase": "runs when a shopping cart or order form order's payment succeeds",
    "failed_purchase": "runs when a shopping cart or order form order's payment fails",
    "error_purchase": "runs when a shopping cart or order form order's payment meets an "
                      "error",
}
PRODUCT_WHY = ("runs when a shopping cart or order form order with this product is paid "
               "(and a legacy order form or manual order's, when E-Commerce Actions says so)")


class ActionsTab(QWidget):
    """A table of the run's action sets and the times each ran, under a line of totals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("simulationActions")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.summary = QLabel(NO_RUN)
        self.summary.setObjectName("actionsSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("actionSetRuns")
        self.table.setAccessibleName("Action sets and the times each ran")
        self.table.setHorizontalHeaderLabels(["Action set", "Times run"])
        self.table.verticalHeader().hide()
        # rows as the contacts table's: a line of text and a little room (not 30 px)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.table.hide()

    def show_runs(self, workspace: Workspace | None, runs: dict[str, int],
                  emails: int) -> None:
        """The sets of the run's ``workspace`` (None: no run) with how often each ran."""
        if workspace is None:
            self.summary.setText(NO_RUN)
            self.table.setRowCount(0)
            self.table.hide()
            return
        keys = workspace.ecommerce.non_empty_keys()
        keys += [k for k in runs if k not in keys]  # (a set the run met that is gone now)
        if not keys:
            self.summary.setText(f"{NO_SETS} {counted(emails, 'email')} sent.")
            self.table.setRowCount(0)
            self.table.hide()
            return
        ran = sum(1 for k in keys if runs.get(k, 0))
        total = sum(runs.get(k, 0) for k in keys)
        self.summary.setText(
            f"{ran} of {counted(len(keys), 'action set')} ran, "
            f"{counted(total, 'time')} in all; {counted(emails, 'email')} sent "
            "(by steps and actions).")
        self.table.setRowCount(len(keys))
        muted = QColor(TEXT_MUTED)
        for row, key in enumerate(keys):
            count = runs.get(key, 0)
            name = QTableWidgetItem(set_label(key, workspace.catalog))
            why = PRODUCT_WHY if key.startswith("product:") else WHY_NOT.get(key, "")
            name.setToolTip(f"{name.text()}: {why}" if why else name.text())
            times = QTableWidgetItem(f"{count:,}")
            times.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if not count:  # never ran: greyed, the tooltip says what would run it
                for item in (name, times):
                    item.setForeground(muted)
                times.setToolTip(f"Never ran in this run: it {why}" if why else "Never ran")
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, times)
        self.table.show()

    def rows(self) -> list[tuple[str, str]]:
        """The table as read: (set, times run) per row."""
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text())
                for r in range(self.table.rowCount())]
