"""The catalog manager: products, categories, order forms and payment types.

Each add, edit and delete is one undo step. Deleting something that a goal, a product or
an action set uses first shows where it is used (``domain.usage``) and asks; agreeing
deletes it together with those references.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import events as ev
from ...domain.catalog import Category, OrderForm, Product, payment_type_label
from ...domain.catalog_labels import item_labels
from ...domain.events import DomainEvent
from ...domain.names import MOST_NAMED, named_list, short_name
from ...domain.usage import (
    Usage,
    UsageIndex,
    copy_catalog,
    delete_with_references,
    describe_usages,
    emptied_category,
    goals_left_without,
    where_used,
)
from ...domain.workspace import Workspace
from ...editing.settings_commands import DeleteCatalogItemCommand, SetCatalogCommand
from ..theme import use_item_view_style
from ..tooltip_text import wrapped_tooltip
from .catalog_item import SECTION_WORDS, CatalogItemDialog, Item
from .catalog_table import (
    COLUMN_MAX_WIDTH,
    CatalogFilter,
    ColumnSharing,
    ambiguous_goal_names,
    catalog_order,
    filter_rows,
    first_shown_row,
    usage_summary,
)
from .manager_window import finish_manager_window, select_current_on_focus, select_current_row
from .search_field import ResultsKeys
from .widgets import OwnEnterTable, enter_saves, help_label, plain_destructive
from .window_size import fit_to_screen, in_font_units

ID_ROLE = Qt.ItemDataRole.UserRole

__all__ = ["COLUMN_MAX_WIDTH", "TABS", "CatalogManagerDialog"]  # the first from catalog_table
# The smallest the window gets: every tab shows a few rows and its buttons side by side,
# and it still fits a small (1024 x 700) screen.
MINIMUM_SIZE = (620, 420)
# A name longer than this gets a tooltip with all of it; a confirmation quotes this much.
SHORT_CELL = 40
CONFIRM_NAME_LENGTH = 80

TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole)
CATALOG_ROW_ROOM = 8  # px of a catalog row beyond its line of text


class LazyTooltipItem(QTableWidgetItem):
    """A cell whose tooltip is written when it is first asked for (hovered, or read with
    ``toolTip()``): writing the wrapped tooltip of every row took a third of a second of
    opening the window at 2,000 products."""

    def __init__(self, text: str, tooltip: Callable[[], str]) -> None:
        super().__init__(text)
        self._write_tooltip = tooltip
        self._tooltip: str | None = None

    def data(self, role: int) -> object:
        if role == TOOLTIP_ROLE:
            if self._tooltip is None:
                self._tooltip = self._write_tooltip()
            return self._tooltip
        return super().data(role)


TABS: dict[str, tuple[str, tuple[str, ...], str]] = {
    # section -> (tab title, columns, object name of the table)
    "products": ("&Products", ("Name", "Category", "Price", "Billing", "Used by"),
                 "productTable"),
    "categories": ("Ca&tegories", ("Name", "Products", "Used by"), "categoryTable"),
    "order_forms": ("&Order forms", ("Name", "Type", "Used by"), "orderFormTable"),
    "payment_types": ("Pa&yment types", ("Name", "Id", "Used by"), "paymentTypeTable"),
}


def last_product_note(category: str, goals: list[str]) -> str:
    """Said before a product is deleted that is the last of a category goals count."""
    named = " and ".join(f'"{short_name(goal, CONFIRM_NAME_LENGTH)}"' for goal in goals[:3])
    if len(goals) > 3:
        named = f"{len(goals)} goals, among them {named},"
    counts = "count" if len(goals) > 1 else "counts"
    return (f'it is the last product of the category "{short_name(category)}", which the '
            f"goal{'s' if len(goals) > 1 else ''} {named} {counts}: no purchase will match "
            "that category then.")


def left_without_note(section: str, goals: list[str]) -> str:
    """Said before deleting an item that is all some goals have of an option: which goals
    it leaves with no purchase option (or payment type), invalid then (R11)."""
    left = "no payment type" if section == "payment_types" else "no purchase option"
    named = named_list([f'"{short_name(goal, CONFIRM_NAME_LENGTH)}"'
                        for goal in goals[:MOST_NAMED]], len(goals))
    return f"{named} will have {left} left and become invalid"


class CatalogManagerDialog(QDialog):
    # at least, in font units (see in_font_units); wider where a table's columns need it
    START_SIZE = (820, 440)

    def __init__(self, workspace: Workspace, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        enter_saves(self)
        self.setObjectName("catalogManagerDialog")
        self.setWindowTitle("Catalog")
        # within a small screen; at the user's font (at 15 pt a fixed 440 px showed four
        # products and nothing under them)
        fit_to_screen(self, *in_font_units(self, self.START_SIZE))
        self.workspace = workspace
        self.undo_stack = undo_stack
        self.item_dialog: CatalogItemDialog | None = None
        self.confirm_box: QMessageBox | None = None
        layout = QVBoxLayout(self)
        intro = help_label(
            "What your business sells and how it gets paid. Purchase goals and e-commerce "
            "actions choose from these lists. Double-click a row to edit it; hover "
            "\"Used by\" to see where an item is used.", "catalogHelp")
        intro.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(intro)
        # one filter for every tab (QA: no search, and Ctrl+F did nothing here)
        self.filter = CatalogFilter(self)
        self.filter.setPlaceholderText("Filter by name (Ctrl+F); Esc clears it")
        self.filter.setToolTip("Shows only the rows whose name contains this text, in "
                               "every tab (capitals and accents do not matter)")
        self.filter.textChanged.connect(self.apply_filter)
        self.filter.enter_pressed.connect(self._to_first_shown_row)
        filter_label = QLabel("&Filter:", self)
        filter_label.setBuddy(self.filter)
        filter_row = QHBoxLayout()
        filter_row.addWidget(filter_label)
        filter_row.addWidget(self.filter, 1)
        layout.addLayout(filter_row)
        self.find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        self.find_shortcut.activated.connect(self.focus_filter)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("catalogTabs")
        layout.addWidget(self.tabs, 1)
        self.tables: dict[str, QTableWidget] = {}
        self.column_sharing: dict[str, ColumnSharing] = {}
        self.add_buttons: dict[str, QPushButton] = {}
        self.edit_buttons: dict[str, QPushButton] = {}
        self.delete_buttons: dict[str, QPushButton] = {}
        for section, (title, columns, object_name) in TABS.items():
            self.tabs.addTab(self._tab(section, columns, object_name), title)
        # Down and Up lead from the filter into the current tab's rows, Up back out
        filter_keys = ResultsKeys(self.filter, self.current_table)
        for table in self.tables.values():
            filter_keys.watch(table)

        self._stale = False  # a domain event came since the tables were filled
        self.close_button = finish_manager_window(self, layout, workspace, undo_stack,
                                                  self._on_event, MINIMUM_SIZE)
        # a bound slot: the connection goes with the window
        undo_stack.indexChanged.connect(self._refresh_if_stale)
        self.refresh()
        self._fitted = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802  (Qt's name)
        """The first time, once its tabs are laid out: wider than :attr:`START_SIZE`
        where the tables' columns need it (see :meth:`fit_to_tables`)."""
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            self.fit_to_tables()

    def fit_to_tables(self) -> None:
        """Wider where a table's columns need more than the window gives them at the user's
        font (each column up to COLUMN_MAX_WIDTH, as refresh sizes them), within the
        screen: at 14 pt the products' "Used by" was cut to 'goal "Boug…' in an 820 px
        window. The usual font keeps 820 px (the categories' "Used by" is cut there, as
        before: its tooltip has it whole)."""
        current = self.tabs.currentWidget().findChild(QTableWidget)
        chrome = self.width() - current.viewport().width()  # margins, frames, scroll bar
        needed = 0
        for section, table in self.tables.items():
            if not table.rowCount():
                continue
            needed = max(needed, self.column_sharing[section].needed_width() + chrome)
        if needed > self.width():
            fit_to_screen(self, needed, self.height())

    def _tab(self, section: str, columns: tuple[str, ...], object_name: str) -> QWidget:
        page = QWidget()
        page_layout = QVBoxLayout(page)
        table = OwnEnterTable(0, len(columns))
        table.setObjectName(object_name)
        # named after its tab, "Order forms" (a screen reader had no name for it)
        table.setAccessibleName(TABS[section][0].replace("&", ""))
        use_item_view_style(table)  # 2,000 rows measured without a call into Python each
        table.setTabKeyNavigation(False)  # Tab moves on to the next widget, arrows move within
        table.setHorizontalHeaderLabels(list(columns))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        # rows of one line and a little room (Fusion's 30 px default looked double spaced)
        row_height = table.fontMetrics().height() + CATALOG_ROW_ROOM
        table.verticalHeader().setMinimumSectionSize(row_height)
        table.verticalHeader().setDefaultSectionSize(row_height)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.column_sharing[section] = ColumnSharing(table)  # Used by stretches
        if section != "payment_types":
            table.itemActivated.connect(lambda _item: self.edit_selected(section))
        table.itemSelectionChanged.connect(self._update_buttons)
        table.delete_pressed.connect(self._action(self.delete_selected, section))
        select_current_on_focus(table)  # Tab in: a row selected, Enter edits it
        self.tables[section] = table
        page_layout.addWidget(table, 1)
        row = QHBoxLayout()
        word = SECTION_WORDS[section]
        add = QPushButton(f"&Add {word}…")
        add.setObjectName(f"add_{section}")
        add.clicked.connect(self._action(self.add_item, section))
        edit = QPushButton("&Edit…")
        edit.setObjectName(f"edit_{section}")
        edit.clicked.connect(self._action(self.edit_selected, section))
        edit.setVisible(section != "payment_types")
        delete = QPushButton("&Delete…")
        delete.setObjectName(f"delete_{section}")
        delete.clicked.connect(self._action(self.delete_selected, section))
        self.add_buttons[section], self.edit_buttons[section] = add, edit
        self.delete_buttons[section] = delete
        row.addWidget(add)
        row.addWidget(edit)
        row.addWidget(delete)
        row.addStretch(1)
        page_layout.addLayout(row)
        if section == "payment_types":
            page_layout.addWidget(help_label(
                "A payment type is an id that orders and goals refer to; add a new one or "
                "delete one, it cannot be renamed."))
        return page

    @staticmethod
    def _action(method: Callable[[str], object], section: str) -> Callable[[], None]:
        return lambda: method(section) and None

    # -- following the domain -----------------------------------------------------------
    def _on_event(self, event: DomainEvent) -> None:
        """The tables are stale: they are filled again once the change is whole (a delete
        with references sends an event per goal it changes, and a refresh per event took
        0.5 s each at 2,000 products): when the undo stack has run the command, or at the
        next turn of the event loop for a change made outside the stack."""
        if event.name in (ev.CATALOG_CHANGED, ev.NODE_CHANGED, ev.ECOMMERCE_CHANGED,
                          ev.WORKSPACE_RESET) and not self._stale:
            self._stale = True
            QTimer.singleShot(0, self, self._refresh_if_stale)

    def _refresh_if_stale(self) -> None:
        if self._stale:
            self._stale = False
            self.refresh()

    # -- the filter ----------------------------------------------------------------------
    def focus_filter(self) -> None:
        """Ctrl+F: the keyboard in the filter box, its text selected."""
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    def apply_filter(self) -> None:
        """Every tab shows the rows whose name has the filter's text; a tab's title says
        how many while a filter is on."""
        text = self.filter.text()
        for index, (section, table) in enumerate(self.tables.items()):
            shown = filter_rows(table, text)
            title = TABS[section][0]
            self.tabs.setTabText(index, f"{title} ({shown})" if text.strip() else title)
        self._update_buttons()

    def current_table(self) -> QTableWidget:
        return self.tables[list(TABS)[self.tabs.currentIndex()]]

    def _to_first_shown_row(self) -> None:
        """Enter in the filter: the current tab's first row shown, selected."""
        table = self.tables[list(TABS)[self.tabs.currentIndex()]]
        row = first_shown_row(table)
        if row is not None:
            table.setFocus(Qt.FocusReason.OtherFocusReason)
            table.selectRow(row)

    def refresh(self) -> None:
        catalog = self.workspace.catalog
        # one walk over the nodes for every row (where_used per row walked them all
        # again: 24 s for 2,000 products and 14,000 nodes)
        usage_index = UsageIndex(self.workspace)
        campaign_names = {campaign.id: campaign.name for campaign in self.workspace.campaigns}
        in_category = Counter(p.category for p in catalog.products.values())
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        # names, two of one name told apart by id ("Pool Scrubbing Mitt (mitt2)"); a
        # payment type's Id column tells it apart already
        products, categories, forms = (item_labels(catalog, section) for section in
                                       ("products", "categories", "order_forms"))
        rows: dict[str, list[tuple[str, list[str]]]] = {
            "products": [(p.id, [products[p.id], categories[p.category]
                                 if p.category in catalog.categories else "—",
                                 f"{p.price:.2f}",
                                 "Subscription" if p.billing == "subscription" else "One-time"])
                         for p in catalog.products.values()],
            "categories": [(c.id, [categories[c.id], str(in_category[c.id])])
                           for c in catalog.categories.values()],
            "order_forms": [(f.id, [forms[f.id], "Legacy" if f.legacy else "Current"])
                            for f in catalog.order_forms.values()],
            "payment_types": [(p, [payment_type_label(p), p]) for p in catalog.payment_types],
        }
        usages_of: dict[tuple[str, str], list[Usage]] = {
            (section, item_id): usage_index.where_used(section, item_id)
            for section, items in rows.items() for item_id, _cells in items}
        # goal names that goals of two campaigns have: "Used by" names their campaigns
        ambiguous = ambiguous_goal_names(
            usage for usages in usages_of.values() for usage in usages)
        for section, items in rows.items():
            # alphabetical (a new or renamed item takes its place among the others)
            items.sort(key=lambda row: catalog_order(row[1][0], row[0]))
            table = self.tables[section]
            selected = self.selected_id(section)
            table.setRowCount(len(items))
            for r, (item_id, cells) in enumerate(items):
                usages = usages_of[section, item_id]
                used = usage_summary(usages, ambiguous, campaign_names)
                for c, text in enumerate([*cells, used]):
                    if c == len(cells) and usages:
                        # a long list of places wraps instead of crossing the screen
                        cell = LazyTooltipItem(
                            text, lambda u=usages: wrapped_tooltip(describe_usages(u)))
                    elif c == 0 and len(text) > SHORT_CELL:
                        # the whole name
                        cell = LazyTooltipItem(text, lambda t=text: wrapped_tooltip(t))
                    else:
                        cell = QTableWidgetItem(text)
                    cell.setData(ID_ROLE, item_id)
                    if section == "products" and c == 2:
                        cell.setTextAlignment(right)
                    table.setItem(r, c, cell)
                if item_id == selected:
                    table.selectRow(r)
            self.column_sharing[section].measure()
            if table.hasFocus():  # its row deleted: the keys go on to the current one
                select_current_row(table)
        if self.filter.text():
            self.apply_filter()  # new and renamed rows filtered as the others
        self._update_buttons()

    def _update_buttons(self) -> None:
        for section in TABS:
            chosen = self.selected_id(section) is not None
            self.edit_buttons[section].setEnabled(chosen)
            self.delete_buttons[section].setEnabled(chosen)

    def selected_id(self, section: str) -> str | None:
        table = self.tables[section]
        rows = table.selectionModel().selectedRows() if table.selectionModel() else []
        if not rows:
            return None
        item = table.item(rows[0].row(), 0)
        return item.data(ID_ROLE) if item is not None else None

    def select(self, section: str, item_id: str) -> None:
        self.tabs.setCurrentIndex(list(TABS).index(section))
        table = self.tables[section]
        for r in range(table.rowCount()):
            if table.item(r, 0).data(ID_ROLE) == item_id:
                table.selectRow(r)
                table.scrollToItem(table.item(r, 0))
                return
        raise KeyError(item_id)

    # -- add and edit -------------------------------------------------------------------
    def add_item(self, section: str) -> CatalogItemDialog:
        return self._open_item(section, None)

    def edit_selected(self, section: str) -> CatalogItemDialog | None:
        item_id = self.selected_id(section)
        if item_id is None or section == "payment_types":
            return None
        return self._open_item(section, getattr(self.workspace.catalog, section)[item_id])

    def _open_item(self, section: str, item: Item | None) -> CatalogItemDialog:
        dialog = CatalogItemDialog(self.workspace.catalog, section, item, self)
        dialog.accepted.connect(lambda: self._store(section, dialog, item is None))
        dialog.finished.connect(dialog.deleteLater)
        self.item_dialog = dialog
        dialog.open()
        return dialog

    def _store(self, section: str, dialog: CatalogItemDialog, is_new: bool) -> None:
        item = dialog.value()
        if item is None:
            return
        before = self.workspace.catalog
        after = copy_catalog(before)
        word = SECTION_WORDS[section]
        if isinstance(item, str):
            after.payment_types.append(item)
            name = payment_type_label(item)
        else:
            assert isinstance(item, Category | Product | OrderForm)
            getattr(after, section)[item.id] = item
            name = item.name
            if not is_new and getattr(before, section).get(item.id) == item:
                return
        verb = "Add" if is_new else "Edit"
        self.undo_stack.push(SetCatalogCommand(self.workspace, before, after,
                                               f'{verb} {word} "{short_name(name)}"'))
        # the row, in its sorted place, selected and in view (Edit and Delete apply to it)
        self.select(section, item if isinstance(item, str) else item.id)


    # -- delete -------------------------------------------------------------------------
    def delete_selected(self, section: str) -> QMessageBox | None:
        """Asks (showing where the item is used) before deleting; returns the question."""
        item_id = self.selected_id(section)
        if item_id is None:
            return None
        name = short_name(self._name(section, item_id), CONFIRM_NAME_LENGTH)
        word = SECTION_WORDS[section]
        usages = where_used(self.workspace, section, item_id)
        emptied = emptied_category(self.workspace, item_id) if section == "products" else None
        last = "" if emptied is None else last_product_note(*emptied)
        if usages:
            goals = goals_left_without(self.workspace, section, item_id)
            left = f": {left_without_note(section, goals)}" if goals else ""
            text = (f'The {word} "{name}" is used by:\n{describe_usages(usages)}\n\n'
                    f"Deleting it also removes it from these places{left}."
                    f"{f' {last[:1].upper()}{last[1:]}' if last else ''} Delete it anyway?")
        elif last:
            text = f'Delete the {word} "{name}"? Nothing else uses it, but {last}'
        else:
            text = f'Delete the {word} "{name}"? Nothing uses it.'
        box = QMessageBox(QMessageBox.Icon.Question, f"Delete {word}", text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setObjectName("confirmDeleteBox")
        box.setTextFormat(Qt.TextFormat.PlainText)  # a name's "<i>" is shown, not obeyed
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        # Delete, without the green "OK" icon a desktop style puts on Yes (QA 69z)
        yes = plain_destructive(box.button(QMessageBox.StandardButton.Yes), "&Delete")
        box.finished.connect(
            lambda _result: self._confirmed(box.clickedButton() is yes, section, item_id, name))
        box.finished.connect(box.deleteLater)
        self.confirm_box = box
        box.open()
        return box

    def _confirmed(self, agreed: bool, section: str, item_id: str, name: str) -> None:
        if not agreed:
            return
        deletion = delete_with_references(self.workspace, section, item_id)
        self.undo_stack.push(DeleteCatalogItemCommand(
            self.workspace, deletion,
            f'Delete {SECTION_WORDS[section]} "{short_name(name)}"'))

    def _name(self, section: str, item_id: str) -> str:
        """The item as its row names it (with its id where another has its name)."""
        return item_labels(self.workspace.catalog, section)[item_id]
