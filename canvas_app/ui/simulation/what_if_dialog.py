"""New What-If: a population scenario from a form, so nobody has to write JSON to ask
"what if 500 visitors arrive over two weeks and a third of them buy pool shock?".

The dialog lays the form out here: above and below, the visitors and their payments; between,
two tabs, Purchases (a table of what they buy) and Logins and tags (the share logging into
the cart as they arrive, and a table of the tags they are given). Its purchase and tag rows
are in what_if_purchases, its values
(filled in, read back, checked) in what_if_values, its fields and choices in what_if_fields
and what_if_channels."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.catalog import payment_type_label
from ...domain.workspace import Workspace
from ..dialogs.alt_keys import keep_alt_from_typing
from ..dialogs.date_field import DateTimeField
from ..dialogs.elided_combo import ElidedComboBox
from ..dialogs.window_size import fit_to_screen, room_on_screen
from .what_if_channels import CHANNEL_WIDEST, ChannelBox, channel_choices, goal_products
from .what_if_fields import (
    align_label_columns,
    buddy_label,
    in_lines,
    percent_field,
    whole_field,
    with_unit,
)
from .what_if_purchases import PurchaseRows
from .what_if_values import ALL_PAYMENT_TYPES, NO_CAMPAIGN, WINDOW_MOST_VISITORS, FormValues

# ALL_PAYMENT_TYPES and NO_CAMPAIGN are imported from here too (they were defined here).
__all__ = ["ALL_PAYMENT_TYPES", "EDIT_TITLE", "NO_CAMPAIGN", "NO_PRODUCTS", "PAID_LATER_TIP",
           "WhatIfDialog"]

NO_PRODUCTS = "The catalog has no products yet"
INTRO = ("Simulate many made-up contacts at once: how many arrive, which campaign they join, "
         "and how likely each product is bought.")
EDIT_TITLE = "Edit What-If Scenario"
LOGIN_TIP = ("The share of visitors who log into the shop's multi-step cart as they arrive "
             "(after they are added to the campaign): each login runs the On Login actions "
             "of Workspace > E-Commerce Actions, as a real login does")
TAGS_TIP = ("Tags given to any of the visitors after they arrive, as if a form or an "
            "integration applied them, wherever they are in the campaign: a tag goal is "
            "achieved by every contact in its campaign who gets its tag (or any contact, if "
            "the goal says so), not only by those waiting at it")
PAID_LATER_TIP = ("Of the payments declined or failed with an error, the share paid "
                  "successfully later, after the time set next to it (the buyer tries "
                  "again). The rest stay unpaid.")


class WhatIfDialog(QDialog, PurchaseRows, FormValues):
    edited = Signal()  # any entry changed (after the form was built)
    CHANNEL_LEAST = 120  # px of the channel column at least (its text loses its middle)
    PRODUCT_LETTERS = 26  # the product column's room before the channel's is shortened
    COMBO_LETTERS = 24  # a choice box asks for at most this many letters (longer: "…")

    def __init__(self, workspace: Workspace, campaign_id: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("whatIfDialog")
        keep_alt_from_typing(self)  # as in the editors: Alt+letter types nothing
        self.setWindowTitle("New What-If Scenario")
        self.workspace = workspace
        self.channels = channel_choices(workspace.catalog)
        layout = QVBoxLayout(self)
        self.intro = QLabel(INTRO)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        # Editing: what of the file the form cannot show (see set_not_shown)
        self.not_shown = QLabel()
        self.not_shown.setObjectName("whatIfNotShown")
        self.not_shown.setWordWrap(True)
        self.not_shown.setTextFormat(Qt.TextFormat.PlainText)
        self.not_shown.setStyleSheet("QLabel#whatIfNotShown { background: #fff8e1; "
                                     "color: #5f4b00; padding: 4px; }")
        self.not_shown.hide()
        layout.addWidget(self.not_shown)
        form = QFormLayout()
        self.description = QLineEdit("What if visitors arrive and some buy?")
        form.addRow("&Description:", self.description)
        self.count = whole_field(1, WINDOW_MOST_VISITORS, 500, "The number of visitors")
        self.arrival = whole_field(0, 365, 14, "The days visitors arrive over")
        arrivals = QHBoxLayout()
        arrivals.addWidget(with_unit(self.count, "contacts", "Visitors"))
        arrivals.addWidget(QLabel("arriving over"))
        arrivals.addWidget(with_unit(self.arrival, "days", "Arriving over"))
        arrivals.addStretch(1)
        form.addRow(buddy_label("V&isitors:", self.count), arrivals)
        today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
        self.start = DateTimeField()  # "2026-02-30" is refused, not made another day
        self.start.set_value(today)
        form.addRow("S&tarting:", self.start)
        self.days = whole_field(1, 3650, 30, "The days to simulate")
        form.addRow(buddy_label("Si&mulate for:", self.days),
                    with_unit(self.days, "days", "Simulate for"))
        # as wide as the form gives it: a long campaign name is cut with "…" (whole in
        # its tooltip) instead of widening the window past the screen
        self.campaign = ElidedComboBox(self.COMBO_LETTERS)
        self.campaign.addItem("(none: they only shop)", None)
        for campaign in workspace.campaigns:
            self.campaign.addItem(campaign.name, campaign.id)
        if campaign_id is not None and self.campaign.findData(campaign_id) >= 0:
            self.campaign.setCurrentIndex(self.campaign.findData(campaign_id))
        self.share = percent_field(80.0, "The share added to the campaign")
        joins = QHBoxLayout()
        joins.addWidget(self.campaign, 1)
        joins.addWidget(buddy_label("s&hare added:", self.share))
        joins.addWidget(with_unit(self.share, "%", "Share added"))
        form.addRow(buddy_label("Added to &campaign:", self.campaign), joins)
        # No campaign to add them to: no share to choose.
        self.campaign.currentIndexChanged.connect(
            lambda _i: self.share.setEnabled(self.campaign.currentData() is not None))
        self.share.setEnabled(self.campaign.currentData() is not None)
        layout.addLayout(form)

        # Two tabs: what the visitors buy, and what else they do (log in, get tags)
        self.tables = QTabWidget()
        self.tables.setObjectName("whatIfTables")
        # in the dialog at once: its tab bar then comes before its pages' fields and Paid
        # by in the focus chain (put in it after its pages, Tab from Paid by went to it)
        layout.addWidget(self.tables, 1)
        # its tab bar is the stop, not the tab widget (whose place in the chain is after
        # the pages' fields): Tab from Remove went back to the tab bar
        self.tables.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tables.tabBar().setFocusPolicy(Qt.FocusPolicy.TabFocus)  # (it took NoFocus too)
        purchases_page = QWidget()
        purchases_box = QVBoxLayout(purchases_page)
        self.purchases_label = QLabel(
            "Each contact buys each product at most once." if
            workspace.catalog.products else "None: the catalog has no products yet "
            "(Workspace > Catalog… adds them); the visitors only arrive.")
        self.purchases_label.setWordWrap(True)
        self.purchases = QTableWidget(0, 4)
        self.purchases.setObjectName("whatIfPurchases")
        self.purchases.setAccessibleName("Purchases")  # its cells: see _name_cells
        self.purchases.setHorizontalHeaderLabels(["Product", "Chance (%)", "Within (days)",
                                                  "Channel"])
        self.purchases.verticalHeader().hide()
        header = self.purchases.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # The channel column as wide as its longest choice (up to CHANNEL_WIDEST; a longer
        # one loses its middle), the dialog wider by what that takes. The numbers' columns
        # as wide as their headers and fields at the user's font (fixed 90 and 95 px cut
        # "Chance (%)" to "hance (%" at 14 pt).
        channel_width = min(CHANNEL_WIDEST, ChannelBox(self.channels).sizeHint().width() + 12)
        channel_width = max(190, channel_width)
        widths = {1: max(90, header.sectionSizeHint(1),
                         percent_field(100.0, "").sizeHint().width()),
                  2: max(95, header.sectionSizeHint(2),
                         whole_field(0, 3650, 3650, "").sizeHint().width()),
                  3: channel_width}
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.purchases.setColumnWidth(column, width)
        # in a narrow table (a small screen) the channel and the product share the room
        self._channel_width = channel_width
        self.purchases.viewport().installEventFilter(self)
        self._table_keys(self.purchases)
        self.purchases.setMinimumHeight(110)
        purchases_box.addWidget(self.purchases, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("&Add purchase")
        self.add_button.setObjectName("whatIfAddPurchase")
        self.add_button.clicked.connect(lambda: self.add_purchase_row())
        self.remove_button = QPushButton("Remo&ve")
        self.remove_button.clicked.connect(self.remove_purchase)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.purchases_label, 1)  # beside the buttons: no line of its own
        purchases_box.addLayout(buttons)
        self.tables.addTab(purchases_page, "P&urchases")

        others_page = QWidget()
        others_box = QVBoxLayout(others_page)
        self.login = percent_field(0.0, "The share logging into the cart")
        self.login.setToolTip(LOGIN_TIP)
        login_row = QHBoxLayout()
        login_label = buddy_label("L&og into the cart:", self.login)
        login_label.setToolTip(LOGIN_TIP)
        login_row.addWidget(login_label)
        login_row.addWidget(with_unit(self.login, "%", "Log into the cart"))
        login_words = QLabel("of the visitors, as they arrive")
        login_words.setWordWrap(True)  # on two lines where the form is narrow
        login_words.setToolTip(LOGIN_TIP)
        login_row.addWidget(login_words, 1)
        others_box.addLayout(login_row)
        self.tags = QTableWidget(0, 3)
        self.tags.setObjectName("whatIfTags")
        self.tags.setAccessibleName("Tags applied")
        self.tags.setToolTip(TAGS_TIP)
        self.tags.setHorizontalHeaderLabels(["Tag", "Chance (%)", "Within (days)"])
        self.tags.verticalHeader().hide()
        tag_header = self.tags.horizontalHeader()
        tag_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            tag_header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.tags.setColumnWidth(column, widths[column])
        self._table_keys(self.tags)
        self.tags.setMinimumHeight(60)
        others_box.addWidget(self.tags, 1)
        tag_buttons = QHBoxLayout()
        self.add_tag_button = QPushButton("Add tag")
        self.add_tag_button.setObjectName("whatIfAddTag")
        self.add_tag_button.setToolTip("Another tag to give the visitors")
        self.add_tag_button.clicked.connect(lambda: self.add_tag_row())
        self.remove_tag_button = QPushButton("Remove tag")
        self.remove_tag_button.setToolTip("Removes the tag row chosen (else the last)")
        self.remove_tag_button.clicked.connect(self.remove_tag)
        tag_buttons.addWidget(self.add_tag_button)
        tag_buttons.addWidget(self.remove_tag_button)
        tags_words = QLabel("Each contact is given each tag at most once.")
        tags_words.setWordWrap(True)
        tags_words.setToolTip(TAGS_TIP)
        tag_buttons.addWidget(tags_words, 1)
        others_box.addLayout(tag_buttons)
        self.tables.addTab(others_page, "Logi&ns and tags")
        self.tables.setTabToolTip(0, "What the visitors buy")
        self.tables.setTabToolTip(1, "The share logging into the cart, and the tags the "
                                     "visitors are given")
        self.tables.currentChanged.connect(lambda _i: self._order_tabs())

        payments = QFormLayout()
        self.payment_type = ElidedComboBox(self.COMBO_LETTERS)
        self.payment_type.addItem("An even mix of all payment types", ALL_PAYMENT_TYPES)
        for payment in workspace.catalog.payment_types:
            self.payment_type.addItem(payment_type_label(payment), payment)  # "PayPal"
        if self.payment_type.findData("credit_card") >= 0:
            self.payment_type.setCurrentIndex(self.payment_type.findData("credit_card"))
        payments.addRow("Paid b&y:", self.payment_type)
        self.failure = percent_field(5.0, "The share declined")
        self.error = percent_field(1.0, "The share of errors")
        self.retry = percent_field(50.0, "The share paid later")
        self.retry_hours = whole_field(1, 24 * 60, 6, "The hours until paid later")
        self.failure.setToolTip("The share of payments the payment provider declines")
        self.error.setToolTip("The share of payments that fail with an error")
        self.retry.setToolTip(PAID_LATER_TIP)
        self.retry_hours.setToolTip("How long after a declined or failed payment it goes "
                                    "through (see \"paid later\")")
        # on one line, or two where one is wider than the screen (a large font)
        failures = QVBoxLayout()
        failures.setSpacing(payments.verticalSpacing())
        self.failure_lines = (QHBoxLayout(), QHBoxLayout())
        self.failure_parts: list[tuple[QLabel, QWidget]] = []
        for text, widget, unit, name in (
                ("dec&lined", self.failure, "%", "Declined payments"),
                ("&errors", self.error, "%", "Payment errors"),
                ("&paid later", self.retry, "%", "Paid later"),
                ("a&fter", self.retry_hours, "hours", "Paid later after")):
            label = QLabel(text)
            label.setToolTip(widget.toolTip())
            label.setBuddy(widget)
            self.failure_parts.append((label, with_unit(widget, unit, name)))
        for line in self.failure_lines:
            failures.addLayout(line)
        self._place_failures(1)
        payments.addRow("Payments:", failures)
        self.renewals = whole_field(0, 1000, 0, "The number of renewals")
        self.renewal_days = whole_field(1, 366, 30, "The days between renewals")
        self.renewals.setToolTip("How many times each paid subscription renews (a payment "
                                 "each time, after the first), for products billed as a "
                                 "subscription only; other products are paid once")
        self.renewal_days.setToolTip("The days between one payment of a subscription and "
                                     "its next renewal")
        renew = QHBoxLayout()
        renew.addWidget(with_unit(self.renewals, "renewals", "Subscriptions"))
        renew.addWidget(QLabel("every"))
        renew.addWidget(with_unit(self.renewal_days, "days", "Renewals every"))
        renew.addStretch(1)
        subscriptions = buddy_label("Su&bscriptions:", self.renewals)
        subscriptions.setToolTip(self.renewals.toolTip())
        payments.addRow(subscriptions, renew)
        self.seed = whole_field(0, 2_000_000_000, 1, "The seed")
        self.seed.setToolTip("The same seed draws the same contacts and purchases again")
        payments.addRow(buddy_label("&Seed:", self.seed), with_unit(self.seed, "", "Seed"))
        layout.addLayout(payments)
        # One column of fields for the two parts of the form, above and below the purchases.
        align_label_columns(form, payments)

        self.problem = QLabel()
        self.problem.setObjectName("whatIfProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b42318;")
        # Room for two lines, kept whether or not there is a problem: the message is not
        # cut short, and the form does not jump as it comes and goes.
        self.problem.setMinimumHeight(2 * self.problem.fontMetrics().lineSpacing() + 4)
        self.problem.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.run_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.run_button.setText("Create and &run")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        first = goal_products(workspace, campaign_id) or list(workspace.catalog.products)[:1]
        for product in first[:3]:
            self.add_purchase(product, 30.0)
        self._order_tabs()
        for widget in (self.count, self.arrival, self.days, self.share, self.login,
                       self.failure, self.error, self.retry, self.retry_hours, self.renewals,
                       self.renewal_days, self.seed):
            widget.changed.connect(self.refresh)
        self.campaign.currentIndexChanged.connect(self.refresh)
        self.payment_type.currentIndexChanged.connect(self.refresh)
        self.start.changed.connect(self.refresh)
        self.description.textChanged.connect(self.edited)
        # A click into a row's product, chance, window or channel selects that row, so
        # Remove takes the row the user is working in.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        room = room_on_screen(self)
        if room is not None and self.minimumSizeHint().width() > room.width():
            self._place_failures(2)
        # wider by what the columns take beyond their usual widths; within the screen
        extra = channel_width - 190 + widths[1] - 90 + widths[2] - 95
        fit_to_screen(self, max(640 + extra, self.minimumSizeHint().width()),
                      max(640, self.sizeHint().height()))
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.purchases.viewport() and event.type() == QEvent.Type.Resize:
            self._share_channel_column()
        return super().eventFilter(watched, event)

    def _table_keys(self, table: QTableWidget) -> None:
        """Rows chosen whole; Tab goes from cell to cell and on out of the table (with Qt's
        tab navigation in a table, the keyboard could never leave it); the bare table is
        no stop of its own, its cells are."""
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setTabKeyNavigation(False)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def _place_failures(self, lines: int) -> None:
        """The payment failures' four fields on one line, or two (declined and errors, then
        paid later and after)."""
        in_lines(self.failure_lines, self.failure_parts, lines)

    def refresh(self, *_args: object) -> None:
        problem = self.problems()
        self.problem.setText(problem)
        self.run_button.setEnabled(not problem)
        self.remove_button.setEnabled(self.purchases.rowCount() > 0)
        self.remove_tag_button.setEnabled(self.tags.rowCount() > 0)
        catalog = self.workspace.catalog.products
        if not catalog:
            self.add_button.setEnabled(False)
            self.add_button.setToolTip(NO_PRODUCTS)
        elif set(catalog) <= set(self.chosen_products()):
            self.add_button.setEnabled(False)
            self.add_button.setToolTip("Every product in the catalog has a row already")
        else:
            self.add_button.setEnabled(True)
            self.add_button.setToolTip("Another product the visitors may buy")
        self.edited.emit()

    def for_editing(self, name: str, file_name: str) -> None:
        """The form as it edits the what-if ``name`` (its file ``file_name``) instead of
        making one: titled so, and its button saves the changes over it."""
        self.setObjectName("editWhatIfDialog")
        self.setWindowTitle(f"{EDIT_TITLE} — {name}")
        self.intro.setTextFormat(Qt.TextFormat.PlainText)  # a description is never markup
        self.intro.setText(f"The entries of the what-if \u201c{name}\u201d. Save replaces "
                           f"it with them, in the Scenario list and in its file, {file_name}.")
        # Alt+G: the form's S is the Seed's, and its A and V, Add purchase's and Remove's
        # (QA 22k: Alt+S went to the Seed)
        self.run_button.setText("Save Chan&ges")

    def set_not_shown(self, parts: list[str]) -> None:
        """Says which of the file's entries the form shows otherwise, and that Save writes
        the form's."""
        if not parts:
            self.not_shown.hide()
            self.description.setAccessibleDescription("")
            return
        text = (f"The form cannot show what the file has for {'; '.join(parts)}. It shows "
                "its own, and Save Changes writes what it shows.")
        self.not_shown.setText(text)
        self.not_shown.show()
        # said to a screen reader too, with the first field (QA 22k: Tab went past it)
        self.description.setAccessibleDescription(text)

    def _accept(self) -> None:
        if not self.problems():
            self.accept()
