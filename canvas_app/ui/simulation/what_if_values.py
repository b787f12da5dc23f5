"""The What-If form's values: filled in from the last what-if for the workspace, read back
as a :class:`~canvas_app.sim.what_if.WhatIf`, and checked, each problem in one line."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox

from ...io import LoadError
from ...sim import scenario_from_data
from ...sim.what_if import WhatIf, WhatIfPurchase, WhatIfTag
from ..dialogs.number_field import NumberField
from .what_if_channels import channel_index
from .what_if_fields import no_full_stop, number_of, set_if_fits

# The most visitors a what-if may bring for a run in the window (New What-If's most too): a
# run is set up on the window's thread. A file may ask for more, which the command line runs.
WINDOW_MOST_VISITORS = 1_000_000

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLineEdit, QTableWidget

    from ...domain.workspace import Workspace
    from ..dialogs.date_field import DateTimeField
    from ..dialogs.elided_combo import ElidedComboBox

ALL_PAYMENT_TYPES = "__all__"
NO_CAMPAIGN = ("Nothing to run: this workspace has no campaign for the visitors to go "
               "through. Make one first (File > New Campaign, Ctrl+N), then the what-if")


class FormValues:
    """Mixed into :class:`~.what_if_dialog.WhatIfDialog`, which sets these attributes (and
    :class:`~.what_if_purchases.PurchaseRows` the purchase rows' methods)."""

    workspace: Workspace
    description: QLineEdit
    count: NumberField
    arrival: NumberField
    start: DateTimeField
    days: NumberField
    campaign: ElidedComboBox
    share: NumberField
    purchases: QTableWidget
    login: NumberField
    tags: QTableWidget
    payment_type: ElidedComboBox
    failure: NumberField
    error: NumberField
    retry: NumberField
    retry_hours: NumberField
    renewals: NumberField
    renewal_days: NumberField
    seed: NumberField
    add_purchase: Callable[..., int]
    chosen_products: Callable[[], list[str]]
    _purchase: Callable[[int], WhatIfPurchase]
    add_tag: Callable[..., int]
    chosen_tags: Callable[[], list[str]]
    _tag: Callable[[int], WhatIfTag]
    _order_tabs: Callable[[], None]
    refresh: Callable[..., None]

    def fill(self, what_if: WhatIf) -> None:
        """The form as ``what_if`` had it (the last one for this workspace): a campaign,
        product, order form or payment type no longer in the workspace, or a number out of
        its field's range, is left as the form chose it; a row whose product is gone is
        dropped."""
        self.description.setText(what_if.description)
        set_if_fits(self.count, what_if.count)
        set_if_fits(self.arrival, int(what_if.arrival_days))
        self.start.set_value(what_if.start)
        set_if_fits(self.days, int(what_if.days))
        if (index := self.campaign.findData(what_if.campaign)) >= 0:
            self.campaign.setCurrentIndex(index)
        set_if_fits(self.share, round(what_if.share_added * 100, 1))
        products = self.workspace.catalog.products
        kept = [p for p in what_if.purchases if p.product in products]
        if kept or not what_if.purchases:  # all rows removed last time: none now either
            self.purchases.setRowCount(0)
        for purchase in kept:
            row = self.add_purchase(purchase.product)
            for column, value in ((1, round(purchase.probability * 100, 1)),
                                  (2, int(purchase.within_days))):
                cell = self.purchases.cellWidget(row, column)
                assert isinstance(cell, NumberField)
                set_if_fits(cell, value)
            channel = self.purchases.cellWidget(row, 3)
            assert isinstance(channel, QComboBox)
            if (index := channel_index(channel, purchase.channel, purchase.order_form)) >= 0:
                channel.setCurrentIndex(index)
        set_if_fits(self.login, round(what_if.login_share * 100, 1))
        self.tags.setRowCount(0)
        for given in what_if.tags:
            row = self.add_tag(given.tag)
            for column, value in ((1, round(given.probability * 100, 1)),
                                  (2, int(given.within_days))):
                cell = self.tags.cellWidget(row, column)
                assert isinstance(cell, NumberField)
                set_if_fits(cell, value)
        mix = what_if.payment_types
        payment = next(iter(mix)) if len(mix) == 1 else ALL_PAYMENT_TYPES
        if (index := self.payment_type.findData(payment)) >= 0:
            self.payment_type.setCurrentIndex(index)
        for field, value in ((self.failure, round(what_if.failure_rate * 100, 1)),
                             (self.error, round(what_if.error_rate * 100, 1)),
                             (self.retry, round(what_if.retry_share * 100, 1)),
                             (self.retry_hours, int(what_if.retry_after_hours)),
                             (self.renewals, what_if.renewals),
                             (self.renewal_days, int(what_if.renewal_every_days)),
                             (self.seed, what_if.seed)):
            set_if_fits(field, value)
        self._order_tabs()
        self.refresh()

    def what_if(self) -> WhatIf:
        payment = self.payment_type.currentData()
        if payment == ALL_PAYMENT_TYPES:
            types = self.workspace.catalog.payment_types
            mix = {t: round(1 / len(types), 6) for t in types} if types else {}
        else:
            mix = {payment: 1.0}
        start = self.start.value() or datetime.now(UTC).replace(second=0, microsecond=0)
        return WhatIf(
            description=self.description.text().strip(),
            start=start,
            days=int(number_of(self.days)),
            count=int(number_of(self.count)),
            arrival_days=int(number_of(self.arrival)),
            campaign=self.campaign.currentData(),
            share_added=round(number_of(self.share) / 100, 4),
            purchases=[self._purchase(r) for r in range(self.purchases.rowCount())],
            payment_types=mix,
            failure_rate=round(number_of(self.failure) / 100, 4),
            error_rate=round(number_of(self.error) / 100, 4),
            retry_share=round(number_of(self.retry) / 100, 4),
            retry_after_hours=int(number_of(self.retry_hours)),
            renewals=int(number_of(self.renewals)),
            renewal_every_days=int(number_of(self.renewal_days)),
            seed=int(number_of(self.seed)),
            login_share=round(number_of(self.login) / 100, 4),
            tags=[self._tag(r) for r in range(self.tags.rowCount())],
        )

    def number_fields(self) -> list[NumberField]:
        """Every typed number, in the form's order, the purchase and tag rows' included."""
        fields = [self.count, self.arrival, self.days, self.share]
        for row in range(self.purchases.rowCount()):
            for column in (1, 2):
                cell = self.purchases.cellWidget(row, column)
                if isinstance(cell, NumberField):
                    fields.append(cell)
        fields.append(self.login)
        for row in range(self.tags.rowCount()):
            for column in (1, 2):
                cell = self.tags.cellWidget(row, column)
                if isinstance(cell, NumberField):
                    fields.append(cell)
        return fields + [self.failure, self.error, self.retry, self.retry_hours,
                         self.renewals, self.renewal_days, self.seed]

    def problem_list(self) -> list[str]:
        """Every problem of the form, in its order (each field that is red says why)."""
        out: list[str] = []
        if not self.workspace.campaigns:
            out.append(NO_CAMPAIGN)
        if self.start.problem():
            out.append(f"The start: {self.start.problem()}")
        typed = [f.problem() for f in self.number_fields() if f.problem()]
        out += typed
        chosen = self.chosen_products()
        for twice in dict.fromkeys(p for i, p in enumerate(chosen) if p in chosen[:i]):
            name = self.workspace.catalog.products[twice].name
            rows = [i + 1 for i, p in enumerate(chosen) if p == twice]
            listed = ", ".join(str(r) for r in rows[:-1]) + f" and {rows[-1]}"
            out.append(f'"{name}" is in rows {listed}: give each product one row (a contact '
                       "buys it at most once)")
        tags = self.chosen_tags()
        for row, tag in enumerate(tags, start=1):
            if not tag:
                out.append(f"Tag row {row}: a tag cannot be empty or spaces only: choose or "
                           "type one")
        for twice in dict.fromkeys(t for i, t in enumerate(tags) if t and t in tags[:i]):
            rows = [i + 1 for i, t in enumerate(tags) if t == twice]
            listed = ", ".join(str(r) for r in rows[:-1]) + f" and {rows[-1]}"
            out.append(f'The tag "{twice}" is in tag rows {listed}: give each tag one row (a '
                       "contact is given it at most once)")
        if typed:  # what the fields would give is not what was typed: nothing more to tell
            return out
        what_if = self.what_if()
        if what_if.failure_rate + what_if.error_rate > 1:
            out.append("Declined and error payments together cannot pass 100 %")
        if what_if.arrival_days > what_if.days:
            out.append("Visitors would still be arriving after the simulation ends: "
                       "simulate for longer, or let them arrive sooner")
        if not out:
            try:
                scenario_from_data(what_if.to_data(), self.workspace, "what-if")
            except LoadError as exc:
                out.append(no_full_stop(str(exc).removeprefix("what-if: ")))
        return out

    def problems(self) -> str:
        """Every problem, one to a line ("" when there is none)."""
        return "\n".join(no_full_stop(line) for line in self.problem_list())
