"""The E-Commerce Actions window, modelled on the reference article "Automate Follow-Up
When a Purchase is Made": the five default sets, product sets found by typing a product
name, and the legacy/manual orders setting (R12-R15). Every change is one undo step."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QStandardItem, QStandardItemModel, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import events as ev
from ...domain.action_edit import find_products, product_by_name
from ...domain.catalog_labels import item_labels
from ...domain.counting import counted
from ...domain.ecommerce import DEFAULT_SETS, LEGACY_SETTING_LABEL
from ...domain.events import DomainEvent
from ...domain.workspace import Workspace
from ...editing.settings_commands import SetEcommerceCommand
from ..text_limit import limit_text
from .action_set import PRODUCT_HELP, ActionSetDialog
from .catalog_hint import CATALOG_MENU, CatalogHint, catalog_opener, empty_catalog_text
from .catalog_table import catalog_order
from .check_list import row_label, row_tooltip
from .hover_completer import HoverCompleter
from .manager_window import finish_manager_window, select_current_on_focus
from .search_field import SearchField
from .widgets import OwnEnterList, enter_saves, help_label, scrolling_body
from .window_size import (
    fit_start_size,
    fit_to_screen,
    relayout,
    room_on_screen,
    window_height_for,
)

KEY_ROLE = Qt.ItemDataRole.UserRole
ROW_NAME_MAX = 80  # a longer product name is shortened with "…" in the list of sets
# the article's menu path for this setting, so that a reader following it finds it here
ARTICLE_SETTING_PATH = "E-Commerce > Settings > Products"
LEGACY_HELP = ("Product actions run for shopping cart and order form orders paid when "
               "placed; with this on, also when a legacy order form or manual order is placed "
               "(paid or pending). Default sets never run for those, nor any set for API "
               f"orders. (The help article's {ARTICLE_SETTING_PATH} setting.)")
LEGACY_TOOLTIP = (f"The setting the help article finds under {ARTICLE_SETTING_PATH}; "
                  "here it is kept with the e-commerce actions")


# The letter of each default set's row (Alt+letter opens its actions): none of the window's
# others (Product, legacy, Undo, Redo, Close).
SET_LETTERS = {"on_login": "O", "contact_creation": "n", "successful_purchase": "S",
               "failed_purchase": "F", "error_purchase": "E"}


def with_mnemonic(text: str, letter: str) -> str:
    """``text`` with its "&"s doubled and ``letter`` (its first occurrence) marked as the
    mnemonic; unmarked when the text has no such letter."""
    escaped = text.replace("&", "&&")
    at = escaped.find(letter) if letter else -1
    return escaped if at < 0 else f"{escaped[:at]}&{escaped[at:]}"


class EcommerceActionsDialog(QDialog):
    MOST_PRODUCT_ROWS = 4  # more product sets scroll in their list
    START_SIZE = (760, 680)  # at least; larger where the content needs it
    def __init__(self, workspace: Workspace, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        enter_saves(self)
        self.setObjectName("ecommerceActionsDialog")
        self.setWindowTitle("E-Commerce Actions")
        fit_to_screen(self, *self.START_SIZE)
        self.workspace = workspace
        self.undo_stack = undo_stack
        self.set_dialog: ActionSetDialog | None = None
        outer = QVBoxLayout(self)
        # the content scrolls in a small window; Undo, Redo and Close stay in sight
        self.scroll_area, layout = scrolling_body("ecommerceScrollArea")
        outer.addWidget(self.scroll_area, 1)
        intro = QLabel("Create actions for the default settings. Click an <b>Actions</b> "
                       "button to add actions or copy an existing action set.")
        intro.setWordWrap(True)
        layout.addWidget(intro)

        # -- default settings ---------------------------------------------------------------
        defaults = QGroupBox("Default Settings")
        defaults.setObjectName("defaultSettings")
        grid = QGridLayout(defaults)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        self.set_buttons: dict[str, QPushButton] = {}
        self.count_labels: dict[str, QLabel] = {}
        for row, (name, (label, description)) in enumerate(DEFAULT_SETS.items()):
            # the set's name carries the row's letter: Alt+O clicks On Login's "Actions"
            # (five buttons of one word could not have a letter each; QA)
            title = QLabel(with_mnemonic(label, SET_LETTERS.get(name, "")))
            title.setObjectName(f"title_{name}")
            title.setTextFormat(Qt.TextFormat.PlainText)
            bold = title.font()
            bold.setBold(True)
            title.setFont(bold)
            help_text = help_label(description)
            help_text.setContentsMargins(0, 0, 0, 4)
            count = QLabel()
            count.setObjectName(f"count_{name}")
            button = QPushButton("Actions")
            button.setObjectName(f"actions_{name}")
            button.setAccessibleName(f"Actions of {label}")
            title.setBuddy(button)
            shortcut = QKeySequence.mnemonic(title.text()).toString(
                QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"Add or edit the actions of {label}"
                              + (f" ({shortcut})" if shortcut else ""))
            button.clicked.connect(self._opener(name))
            grid.addWidget(title, 2 * row, 0)
            grid.addWidget(count, 2 * row, 1, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(button, 2 * row, 2)
            grid.addWidget(help_text, 2 * row + 1, 0, 1, 3)
            self.set_buttons[name] = button
            self.count_labels[name] = count
        grid.setColumnStretch(0, 1)
        layout.addWidget(defaults)

        # -- products -----------------------------------------------------------------------
        products = QGroupBox("Products")
        products.setObjectName("productSets")
        product_layout = QVBoxLayout(products)
        product_help = help_label("To create actions for one product, start typing its name "
                                  "and pick it. " + PRODUCT_HELP, "productHelp")
        product_help.setContentsMargins(0, 0, 0, 4)
        product_layout.addWidget(product_help)
        row = QHBoxLayout()
        product_label = QLabel("&Product:")
        # Enter opens the product's actions; Esc clears the typed name
        self.product_edit = SearchField()
        self.product_edit.setObjectName("productSearch")
        limit_text(self.product_edit, None)  # a pasted name's line breaks are spaces
        self.product_edit.setPlaceholderText("Type part of a product name, e.g. pool")
        self.product_edit.setClearButtonEnabled(True)
        product_label.setBuddy(self.product_edit)
        # each product's label (two of one name told apart by id) and id: a row picked
        # opens its own product's actions (see _product_picked)
        self._product_model = QStandardItemModel(self)
        # the row under the mouse is the highlighted one, which Enter takes (see
        # HoverCompleter)
        self.completer = HoverCompleter(self._product_model, self)
        self.completer.setObjectName("productCompleter")
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCompletionMode(HoverCompleter.CompletionMode.PopupCompletion)
        self.product_edit.setCompleter(self.completer)
        # a choice picked in the list (a click, or Enter on it) opens its actions at once:
        # the pick only filled in the name, and a second Enter opened them (QA10)
        self.completer.activated[QModelIndex].connect(self._product_picked)
        self.product_button = QPushButton("Actions")
        self.product_button.setObjectName("productActionsButton")
        self.product_button.clicked.connect(self.open_product_set)
        self.product_button.setToolTip("Opens the actions of the product typed")
        self.product_edit.textChanged.connect(self._product_text_changed)
        self.product_edit.returnPressed.connect(self.open_product_set)
        row.addWidget(product_label)
        row.addWidget(self.product_edit, 1)
        row.addWidget(self.product_button)
        product_layout.addLayout(row)
        # why Enter or "Actions" opened nothing ("xyz" is no product); a line kept free
        # for it, so the list below does not jump when it appears
        self.product_problem = QLabel()
        self.product_problem.setObjectName("productProblem")
        # the typed name as typed: "<b>x</b>" was drawn bold, "x<y" cut off
        self.product_problem.setTextFormat(Qt.TextFormat.PlainText)
        self.product_problem.setWordWrap(True)
        self.product_problem.setStyleSheet("color: #b00020;")
        self.product_problem.setMinimumHeight(self.product_problem.fontMetrics().lineSpacing())
        product_layout.addWidget(self.product_problem)
        self.catalog_dialog: QDialog | None = None
        self.product_hint = CatalogHint(empty_catalog_text("products"), self.open_catalog,
                                        "productCatalogHint")
        product_layout.addWidget(self.product_hint)
        product_layout.addWidget(QLabel("Products that have actions (double-click or Enter "
                                        "to edit):"))
        self.product_sets = OwnEnterList()
        self.product_sets.setObjectName("productSetList")
        # four rows tall (see _fit_product_sets): a fixed 90 px pushed the legacy
        # setting's explanation out of the default window (QA 50)
        self.product_sets.itemActivated.connect(
            lambda item: self.open_set(item.data(KEY_ROLE)))
        select_current_on_focus(self.product_sets)  # Tab in: a row selected, Enter opens it
        product_layout.addWidget(self.product_sets)
        layout.addWidget(products)

        # -- settings -----------------------------------------------------------------------
        settings = QGroupBox("Settings")
        settings_layout = QVBoxLayout(settings)
        self.legacy_check = QCheckBox(LEGACY_SETTING_LABEL.replace("legacy", "&legacy", 1))
        self.legacy_check.setObjectName("legacySettingCheck")
        self.legacy_check.setToolTip(LEGACY_TOOLTIP)
        self.legacy_check.toggled.connect(self._legacy_toggled)
        settings_layout.addWidget(self.legacy_check)
        settings_layout.addWidget(help_label(LEGACY_HELP, "legacyHelp"))
        layout.addWidget(settings)
        layout.addStretch(1)
        self.groups = (defaults, products, settings)

        self.close_button = finish_manager_window(self, outer, workspace, undo_stack,
                                                  self._on_event)
        self.refresh()
        # larger where the content needs it at the user's font (at 14 pt 760 x 680
        # scrolled 145 px with the screen's room to spare)
        self.two_columns = False
        self._columns_for_screen(layout)
        fit_start_size(self, self.START_SIZE, self.scroll_area)

    def _columns_for_screen(self, layout: QVBoxLayout) -> None:
        """The default sets beside the products and the setting, where one column is
        taller than the screen even at the screen's width and two fit its width (at 14 pt
        on a 1280 x 800 screen one column scrolled 119 px). Tab still goes through the
        default sets first, then the products and the setting."""
        room = room_on_screen(self)
        if room is None:
            return
        relayout(self)
        if window_height_for(self, room.width(), self.scroll_area) <= room.height():
            return
        defaults, products, settings = self.groups
        for group in self.groups:
            layout.removeWidget(group)
        columns = QHBoxLayout()
        columns.setSpacing(layout.spacing())
        left, right = QVBoxLayout(), QVBoxLayout()
        left.setSpacing(layout.spacing())
        right.setSpacing(layout.spacing())
        left.addWidget(defaults)
        left.addStretch(1)
        right.addWidget(products)
        right.addWidget(settings)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout.insertLayout(1, columns)
        relayout(self)
        margins = self.layout().contentsMargins()
        if self.scroll_area.widget().minimumSizeHint().width() + margins.left() \
                + margins.right() > room.width():  # two columns do not fit: back to one
            for group in self.groups:
                left.removeWidget(group)
                right.removeWidget(group)
            layout.removeItem(columns)
            for index, group in enumerate(self.groups):
                layout.insertWidget(1 + index, group)
            return
        self.two_columns = True

    # -- following the domain -----------------------------------------------------------
    def _on_event(self, event: DomainEvent) -> None:
        if event.name in (ev.ECOMMERCE_CHANGED, ev.CATALOG_CHANGED, ev.WORKSPACE_RESET):
            self.refresh()

    def refresh(self) -> None:
        eco = self.workspace.ecommerce
        for name, label in self.count_labels.items():
            count = len(eco.actions(name))
            label.setText(counted(count, "action") if count else "none")
        labels = item_labels(self.workspace.catalog, "products")
        self._product_model.clear()
        # alphabetical, numbers as numbers, as the Catalog lists them (QA 23b: a product
        # set made last was listed last, "Bulk product 10" before "Bulk product 2")
        ordered = sorted(labels.items(), key=lambda item: catalog_order(item[1], item[0]))
        for product_id, label in ordered:
            row = QStandardItem(label)
            row.setData(product_id, KEY_ROLE)
            row.setEditable(False)
            self._product_model.appendRow(row)
        self.product_sets.clear()
        sets = sorted(eco.product_action_sets.items(), key=lambda item: catalog_order(
            labels.get(item[0], item[0]), item[0]))
        for product_id, actions in sets:
            if not actions:
                continue
            name = labels.get(product_id, product_id)
            count = f"({counted(len(actions), 'action')})"
            item = QListWidgetItem(f"{row_label(name, ROW_NAME_MAX)} {count}")
            if len(name) > ROW_NAME_MAX:  # the whole name where the row shortens it
                item.setToolTip(row_tooltip(name))
            item.setData(KEY_ROLE, f"product:{product_id}")
            self.product_sets.addItem(item)
        self._fit_product_sets()
        self.legacy_check.blockSignals(True)
        self.legacy_check.setChecked(eco.product_actions_for_legacy_and_manual)
        self.legacy_check.blockSignals(False)
        self._product_text_changed(self.product_edit.text())
        self.product_hint.setVisible(not self.workspace.catalog.products)

    def _fit_product_sets(self) -> None:
        """The list of product sets is :attr:`MOST_PRODUCT_ROWS` rows tall whatever it
        holds, more scrolling in it: the window's layout never changes as sets are added
        (QA: a third set grew the list by a row, the window scrolled and the Settings
        group's bottom was cut off until the window was opened again)."""
        view = self.product_sets
        row = max(view.sizeHintForRow(0), view.fontMetrics().height() + 4)
        view.setFixedHeight(self.MOST_PRODUCT_ROWS * row + 2 * view.frameWidth() + 2)

    # -- opening sets -------------------------------------------------------------------
    def _opener(self, key: str) -> Callable[[], None]:
        return lambda: self.open_set(key)

    def open_set(self, key: str) -> ActionSetDialog:
        """Opens the action-set editor for ``key``; its Save pushes one undo command."""
        dialog = ActionSetDialog(self.workspace, key, self)
        dialog.accepted.connect(lambda: dialog.push_to(self.undo_stack))
        dialog.finished.connect(dialog.deleteLater)
        self.set_dialog = dialog
        dialog.open()
        return dialog

    def chosen_product(self) -> str | None:
        product = product_by_name(self.workspace.catalog, self.product_edit.text())
        return product.id if product is not None else None

    def open_product_set(self) -> ActionSetDialog | None:
        """Opens the typed product's actions, or says why there is none to open."""
        product_id = self.chosen_product()
        if product_id is None:
            self.product_problem.setText(self._why_no_product())
            return None
        return self.open_set(f"product:{product_id}")

    def _product_picked(self, index: QModelIndex) -> None:
        """After the pick has filled in the name and the list has closed; not a second
        time when the same Enter already opened it (the field's Enter comes first). The
        row's own product, by its id: of two products of one name, the second row opened
        the first's actions when the name was looked up again (QA)."""
        label, product_id = index.data(), index.data(KEY_ROLE)

        def open_picked() -> None:
            if self.set_dialog is not None and shiboken6.isValid(self.set_dialog) \
                    and self.set_dialog.isVisible():
                return
            if isinstance(label, str) and self.product_edit.text() != label:
                self.product_edit.setText(label)
            if product_id in self.workspace.catalog.products:
                self.open_set(f"product:{product_id}")
            else:
                self.open_product_set()

        QTimer.singleShot(0, self, open_picked)

    def _why_no_product(self) -> str:
        typed = self.product_edit.text().strip()
        catalog = self.workspace.catalog
        if not catalog.products:  # the hint below says so, and where products are added
            return f'There is no product "{typed}" to give actions to.' if typed else ""
        if not typed:
            return "Type part of a product name first."
        matches = find_products(catalog, typed)
        if not matches:
            return (f'No product in the catalog is named "{typed}" or has it in its name '
                    f"(products are added in {CATALOG_MENU}).")
        self.completer.complete()  # the candidates, to pick one
        return (f'"{typed}" is part of {len(matches)} product names: pick one from the '
                "list.")

    def open_catalog(self) -> QDialog:
        """The Catalog window over this one, as Workspace > Catalog… opens it."""
        self.catalog_dialog = catalog_opener(self, self.workspace, self.undo_stack,
                                             self.refresh)()
        return self.catalog_dialog

    def _product_text_changed(self, _text: str) -> None:
        self.product_button.setEnabled(self.chosen_product() is not None)
        self.product_problem.clear()

    def _legacy_toggled(self, on: bool) -> None:
        before = self.workspace.ecommerce
        after = before.copy()
        after.product_actions_for_legacy_and_manual = on
        self.undo_stack.push(SetEcommerceCommand(
            self.workspace, before, after,
            "Product actions for legacy and manual orders " + ("on" if on else "off")))
