"""The What-If form's purchase rows: a product, the chance it is bought, within how many
days, and through which channel, one row per product; and its tag rows: a tag (one of the
workspace's, or typed), the chance each visitor is given it, within how many days. Tab
walks them cell by cell, and a click into a cell selects its row (for Remove)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QComboBox, QWidget

from ...domain.node_edit import workspace_tags
from ...sim.what_if import WhatIfPurchase, WhatIfTag
from ..dialogs.elided_combo import ElidedComboBox
from ..dialogs.number_field import NumberField
from .what_if_channels import ChannelBox, goal_tags
from .what_if_fields import number_of, percent_field, whole_field

# each column's accessible name (its heading) and its numbers' name in messages
CELL_NAMES = (("Product", ""), ("Chance (%)", "the chance"), ("Within (days)", "the days within"),
              ("Channel", ""))
TAG_CELL_NAMES = (("Tag", ""), ("Chance (%)", "the chance"), ("Within (days)", "the days within"))
TAG_LETTERS = 16  # a tag box asks room for this many letters (a longer tag scrolls in it)
TAG_TIP = ("A tag to give the visitors: one the workspace uses (its goals, steps, actions or "
           "contacts), or type a new one")

if TYPE_CHECKING:
    from PySide6.QtWidgets import QPushButton, QTableWidget, QTabWidget

    from ...domain.workspace import Workspace



class PurchaseRows:
    """Mixed into :class:`~.what_if_dialog.WhatIfDialog`, which sets these attributes."""

    CHANNEL_LEAST: int
    PRODUCT_LETTERS: int
    COMBO_LETTERS: int
    workspace: Workspace
    channels: list[tuple[str, str, str | None]]
    purchases: QTableWidget
    tags: QTableWidget
    tables: QTabWidget
    share: NumberField
    login: NumberField
    add_button: QPushButton
    remove_button: QPushButton
    add_tag_button: QPushButton
    remove_tag_button: QPushButton
    _channel_width: int
    refresh: Callable[..., None]
    isVisible: Callable[[], bool]  # noqa: N815 (QWidget's)

    def _share_channel_column(self) -> None:
        """The channel column as wide as its longest choice, but leaving the product's
        column :attr:`PRODUCT_LETTERS` letters of the room the numbers leave (at 14 pt on
        an 800 px screen the product showed "Super So…" beside a 345 px channel)."""
        table = self.purchases
        room = table.viewport().width() - table.columnWidth(1) - table.columnWidth(2)
        product = table.fontMetrics().averageCharWidth() * self.PRODUCT_LETTERS
        width = min(self._channel_width, max(room - product, self.CHANNEL_LEAST))
        if table.columnWidth(3) != width:
            table.setColumnWidth(3, width)

    def add_purchase(self, product: str | None = None, chance: float = 20.0,
                     within: int = 7) -> int:
        if not self.workspace.catalog.products:
            return -1  # nothing to buy (the button is disabled and says so)
        if product is None:  # the first product no row has yet
            taken = set(self.chosen_products())
            product = next((p for p in self.workspace.catalog.products if p not in taken),
                           None)
        row = self.purchases.rowCount()
        self.purchases.insertRow(row)
        products = ElidedComboBox(self.COMBO_LETTERS)  # a long name ends in "…"
        for item in self.workspace.catalog.products.values():
            products.addItem(item.name, item.id)
        if product is not None and products.findData(product) >= 0:
            products.setCurrentIndex(products.findData(product))
        chance_spin = percent_field(chance, f"Row {row + 1}: the chance")
        within_spin = whole_field(0, 3650, within, f"Row {row + 1}: the days within")
        channel = ChannelBox(self.channels)
        self.purchases.setCellWidget(row, 0, products)
        self.purchases.setCellWidget(row, 1, chance_spin)
        self.purchases.setCellWidget(row, 2, within_spin)
        self.purchases.setCellWidget(row, 3, channel)
        products.currentIndexChanged.connect(self.refresh)
        chance_spin.changed.connect(self.refresh)
        within_spin.changed.connect(self.refresh)
        channel.currentIndexChanged.connect(self.refresh)
        self._order_tabs()
        self.refresh()
        return row

    def add_purchase_row(self) -> None:
        """Add purchase (the button, Alt+A): a row, and the keyboard in its product box, so
        the new row is the one being filled in (QA4 s80, s100: the focus stayed in the row
        before, or on the button)."""
        row = self.add_purchase()
        cell = self.purchases.cellWidget(row, 0) if row >= 0 else None
        if cell is not None:
            self.purchases.scrollTo(self.purchases.model().index(row, 0))
            cell.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_tag(self, tag: str | None = None, chance: float = 20.0, within: int = 7) -> int:
        """A tag row: ``tag``, else the first tag no row has yet of the tag goals' (else of
        the workspace's; else none, to be typed). Its box offers the workspace's tags."""
        known = workspace_tags(self.workspace)
        if tag is None:
            taken = set(self.chosen_tags())
            tag = next((t for t in [*goal_tags(self.workspace), *known] if t not in taken), "")
        row = self.tags.rowCount()
        self.tags.insertRow(row)
        box = QComboBox()
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # typed: this row's alone
        box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(TAG_LETTERS)  # a long tag does not widen the form
        box.addItems(known)
        box.setCurrentIndex(-1)
        box.setEditText(tag)
        box.setToolTip(TAG_TIP)
        chance_spin = percent_field(chance, f"Tag row {row + 1}: the chance")
        within_spin = whole_field(0, 3650, within, f"Tag row {row + 1}: the days within")
        chance_spin.setToolTip("The chance that each visitor is given this tag")
        within_spin.setToolTip("Each visitor given the tag is given it within this many "
                               "days after arriving (at a time drawn as purchases' are)")
        self.tags.setCellWidget(row, 0, box)
        self.tags.setCellWidget(row, 1, chance_spin)
        self.tags.setCellWidget(row, 2, within_spin)
        box.editTextChanged.connect(self.refresh)
        chance_spin.changed.connect(self.refresh)
        within_spin.changed.connect(self.refresh)
        self._order_tabs()
        self.refresh()
        return row

    def add_tag_row(self) -> None:
        """Add tag (the button): a row, and the keyboard in its tag box."""
        row = self.add_tag()
        cell = self.tags.cellWidget(row, 0)
        if cell is not None:
            self.tags.scrollTo(self.tags.model().index(row, 0))
            cell.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_tag(self) -> None:
        self._remove_rows(self.tags)

    def _remove_rows(self, table: QTableWidget) -> None:
        """Remove (the buttons): the selected rows of ``table``, or its last one."""
        rows = sorted({i.row() for i in table.selectedIndexes()}, reverse=True)
        if not rows and table.rowCount():
            rows = [table.rowCount() - 1]
        for row in rows:
            table.removeRow(row)
        self._order_tabs()
        self.refresh()

    def _tag(self, row: int) -> WhatIfTag:
        box = self.tags.cellWidget(row, 0)
        chance = self.tags.cellWidget(row, 1)
        within = self.tags.cellWidget(row, 2)
        assert isinstance(box, QComboBox)
        assert isinstance(chance, NumberField) and isinstance(within, NumberField)
        return WhatIfTag(box.currentText().strip(), round(number_of(chance) / 100, 4),
                         int(number_of(within)))

    def chosen_tags(self) -> list[str]:
        """The tag of each tag row, in row order, as written (spaces at its ends aside)."""
        out = []
        for row in range(self.tags.rowCount()):
            box = self.tags.cellWidget(row, 0)
            if isinstance(box, QComboBox):
                out.append(box.currentText().strip())
        return out

    def _name_cells(self) -> None:
        """Each cell's editor named for a screen reader by its column and its row, "Product,
        purchase 2", "Chance (%), purchase 2" (they had no name, or the product's), and the
        numbers' messages naming their row; again after a row is removed (the rows below
        move up)."""
        for row in range(self.purchases.rowCount()):
            for column, (name, what) in enumerate(CELL_NAMES):
                cell = self.purchases.cellWidget(row, column)
                if cell is None:
                    continue
                cell.setAccessibleName(f"{name}, purchase {row + 1}")
                if isinstance(cell, NumberField):
                    cell.what = f"Row {row + 1}: {what}"
        for row in range(self.tags.rowCount()):
            for column, (name, what) in enumerate(TAG_CELL_NAMES):
                cell = self.tags.cellWidget(row, column)
                if cell is None:
                    continue
                cell.setAccessibleName(f"{name}, tag {row + 1}")
                if isinstance(cell, NumberField):
                    cell.what = f"Tag row {row + 1}: {what}"

    def _order_tabs(self) -> None:
        """Tab walks from the campaign's share to the tabs of Purchases and Logins and
        tags, then the page on show: the purchase rows cell by cell, Add purchase and
        Remove; or the share logging in, the tag rows cell by cell, Add tag and Remove tag
        (a row's widgets join the focus chain at its end when they are put in the table;
        the page not on show is skipped), then Paid by. Only the cells, the buttons and
        the tab widget move: each field stays beside its unit box, which passes the focus
        on to it (a field moved away from it was reached again from its box). The cells
        are named again (see :meth:`_name_cells`)."""
        self._name_cells()
        cells = [self.purchases.cellWidget(row, column)
                 for row in range(self.purchases.rowCount())
                 for column in range(self.purchases.columnCount())]
        tag_cells = [self.tags.cellWidget(row, column)
                     for row in range(self.tags.rowCount())
                     for column in range(self.tags.columnCount())]
        # the tab widget goes with its tab bar (it passes the focus on to it: where it was
        # left, after the pages, Tab from Remove went back to the tab bar)
        purchases = [self.share, self.tables, self.tables.tabBar(),
                     *[c for c in cells if c is not None], self.add_button, self.remove_button]
        # the login field stays beside its unit box, which passes the focus on to it
        tags = [self.login, *[c for c in tag_cells if c is not None], self.add_tag_button,
                self.remove_tag_button]
        for chain in (purchases, tags):
            for first, second in zip(chain, chain[1:], strict=False):
                QWidget.setTabOrder(first, second)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or not self.isVisible():
            return
        for table in (self.purchases, self.tags):
            for row in range(table.rowCount()):
                for column in range(table.columnCount()):
                    cell = table.cellWidget(row, column)
                    if cell is not None and (cell is new or cell.isAncestorOf(new)):
                        # The cell itself becomes current, its row selected. (selectRow made
                        # the row's first cell current, and the view moved the focus to its
                        # product box: what was typed into Chance changed the product.)
                        index = table.model().index(row, column)
                        if table.currentIndex() != index:
                            flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                                     | QItemSelectionModel.SelectionFlag.Rows)
                            table.selectionModel().setCurrentIndex(index, flags)
                        return

    def remove_purchase(self) -> None:
        self._remove_rows(self.purchases)

    def _purchase(self, row: int) -> WhatIfPurchase:
        product = self.purchases.cellWidget(row, 0)
        chance = self.purchases.cellWidget(row, 1)
        within = self.purchases.cellWidget(row, 2)
        channel = self.purchases.cellWidget(row, 3)
        assert isinstance(product, QComboBox) and isinstance(channel, QComboBox)
        assert isinstance(chance, NumberField) and isinstance(within, NumberField)
        value, form = channel.currentData()
        return WhatIfPurchase(product.currentData(), round(number_of(chance) / 100, 4),
                              int(number_of(within)), value, form)

    def chosen_products(self) -> list[str]:
        """The product of each purchase row, in row order."""
        out = []
        for row in range(self.purchases.rowCount()):
            combo = self.purchases.cellWidget(row, 0)
            if isinstance(combo, QComboBox) and combo.currentData() is not None:
                out.append(combo.currentData())
        return out
