"""The purchase goal dialog (R10, R11), modelled on the reference article "Configure
Purchase": purchase options (any combination), payment types, who can achieve the goal."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.catalog_labels import item_labels
from ...domain.errors import Problem
from ...domain.node_edit import EMPTY_NAME, placement_help
from ...domain.nodes import Node
from ...domain.purchase import (
    NO_OPTION_MESSAGE,
    NO_PAYMENT_TYPE_MESSAGE,
    PurchaseGoalConfig,
    empty_category_notes,
    option_messages,
)
from .catalog_hint import CatalogHint, empty_catalog_text
from .catalog_table import CatalogOrder, catalog_order
from .check_list import CheckList
from .node_editor import NodeEditorDialog, register_node_editor
from .widgets import AchievedByBox, help_label

CHOICE_WORDS = {"orderForm": "order forms", "product": "products", "category": "categories",
                "paymentType": "payment types"}
# the Catalog window's tab for each list's "Open the Catalog…"
CATALOG_TABS = {"orderForm": "order_forms", "product": "products",
                "category": "categories", "paymentType": "payment_types"}

HELP = {
    "order_forms": "The goal is met when the purchase is made through one of the chosen "
                   "order forms.",
    "any_purchase": "Any purchase meets the goal: good for generic customer follow-up that "
                    "is not about one product.",
    "products": "The order holds one of the chosen products: send product-specific tips, "
                "or upsell other products.",
    "categories": "The order holds a product of one of the chosen categories (e.g. "
                  "seminar promotions to people who like events).",
    "any_payment": "Every payment type counts.",
    "some_payment": "Only orders paid with one of the ticked payment types count.",
    "campaign": "Only contacts already in this campaign achieve it. A buyer who was not "
                "added first achieves nothing and does not enter the following sequences.",
    "any_contact": "Anyone who buys achieves it and enters the following sequences, even if "
                   "not yet in this campaign.",
    "when": "Checked once per order, when its first payment succeeds, against the products "
            "on that order. Later payments (renewals, instalments) never count.",
}


class PurchaseGoalDialog(NodeEditorDialog):
    name_label_text = "&Goal name:"
    object_name = "purchaseGoalDialog"
    WIDE = 1200  # px of window width from which the options take two thirds
    # as wide as fits 1366 x 768 with a taskbar; as tall as its content (QA: 680 px left
    # a 100 px empty band above Save at the usual font)
    START_SIZE = (960, NodeEditorDialog.MINIMUM_SIZE[1])
    # lines kept for the problem box at first: a name and an option's problem; more grow
    # the window at its bottom (see grow_to_content)
    PROBLEM_RESERVE_LINES = 2

    def build(self, layout: QVBoxLayout) -> None:
        config: PurchaseGoalConfig = self.original.config
        # ticked ids the Catalog window deleted, per list (see catalog_changed)
        self._dropped: dict[str, list[str]] = {}
        # window's inner width -> the tallest the problem box was at it (see refresh)
        self._kept_for_problems: dict[int, int] = {}
        layout.addWidget(help_label(HELP["when"]))

        columns = QGridLayout()
        columns.setHorizontalSpacing(14)
        layout.addLayout(columns, 1)

        # -- purchase options -------------------------------------------------------------
        options = QGroupBox("Purchase options (tick one or more)")
        options.setObjectName("purchaseOptions")
        self.options_group = options
        grid = QGridLayout(options)
        grid.setVerticalSpacing(2)
        self.order_forms_box = QCheckBox("&Order form")
        self.order_forms_box.setObjectName("orderFormsCheck")
        self.order_forms_list = CheckList("orderFormList", what="order forms")
        self.order_forms_list.row_order = self._row_order("orderForm")
        choices = self._choices()
        self.order_forms_list.set_items(choices["orderForm"], config.order_forms)
        self.any_box = QCheckBox("&Any purchase")
        self.any_box.setObjectName("anyPurchaseCheck")
        self.products_box = QCheckBox("Specific &product purchase")
        self.products_box.setObjectName("productsCheck")
        self.products_list = CheckList("productList", "productSearch",
                                       "Search products by name…", what="products")
        self.products_list.row_order = self._row_order("product")
        self.products_list.set_items(choices["product"], config.products)
        self.categories_box = QCheckBox("Product in a specific &category purchase")
        self.categories_box.setObjectName("categoriesCheck")
        self.categories_list = CheckList("categoryList", what="categories")
        self.categories_list.row_order = self._row_order("category")
        self.categories_list.set_items(choices["category"], config.categories)
        cells = [
            (self.order_forms_box, HELP["order_forms"], self.order_forms_list),
            (self.any_box, HELP["any_purchase"], None),
            (self.products_box, HELP["products"], self.products_list),
            (self.categories_box, HELP["categories"], self.categories_list),
        ]
        for index, (box, text, chooser) in enumerate(cells):
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(box)
            cell.addWidget(help_label(text))
            if chooser is not None:
                cell.addWidget(chooser, 1)
            else:
                cell.addStretch(1)
            grid.addLayout(cell, index // 2, index % 2)
        # order forms and products have the longer names: their column is the wider
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        columns.addWidget(options, 0, 0, 2, 1)

        # -- payment types ----------------------------------------------------------------
        payments = QGroupBox("Payment types")
        payments.setObjectName("paymentTypes")
        pay_layout = QVBoxLayout(payments)
        pay_layout.setSpacing(2)
        self.any_payment = QRadioButton("Any payment typ&es")
        self.any_payment.setObjectName("anyPaymentRadio")
        self.some_payment = QRadioButton("O&nly these payment types:")
        self.some_payment.setObjectName("somePaymentRadio")
        self._payment_group = QButtonGroup(self)
        self._payment_group.addButton(self.any_payment)
        self._payment_group.addButton(self.some_payment)
        self.payment_list = CheckList("paymentTypeList", what="payment types")
        self.payment_list.row_order = self._row_order("paymentType")
        chosen_payments = [] if config.any_payment_type else list(config.payment_types)
        self.payment_list.set_items(choices["paymentType"], chosen_payments)
        pay_layout.addWidget(self.any_payment)
        pay_layout.addWidget(help_label(HELP["any_payment"]))
        pay_layout.addWidget(self.some_payment)
        pay_layout.addWidget(help_label(HELP["some_payment"]))
        pay_layout.addWidget(self.payment_list, 1)
        columns.addWidget(payments, 0, 1)

        # -- who can achieve it -----------------------------------------------------------
        who = AchievedByBox(HELP["campaign"], HELP["any_contact"])
        who.layout().addStretch(1)
        self.who = who
        self.campaign_radio, self.any_contact_radio = who.campaign_radio, who.any_contact_radio
        columns.addWidget(who, 1, 1)
        self.columns = columns
        self._share_columns(self.width())
        # the names as they are spelled ("Nurture <i>VIP</i>" is not markup)
        placement = QLabel("<b>Where it sits:</b> " + html.escape(  # quotes as they are
            placement_help(self.campaign, self.original.id), quote=False))
        placement.setTextFormat(Qt.TextFormat.RichText)
        placement.setObjectName("placementHelp")
        placement.setWordWrap(True)
        layout.addWidget(placement)

        # -- initial state and signals ----------------------------------------------------
        self.order_forms_box.setChecked(config.use_order_forms)
        self.any_box.setChecked(config.any_purchase)
        self.products_box.setChecked(config.use_products)
        self.categories_box.setChecked(config.use_categories)
        (self.any_payment if config.any_payment_type else self.some_payment).setChecked(True)
        self.who.set_value(config.achieved_by)
        for box, chooser in ((self.order_forms_box, self.order_forms_list),
                             (self.products_box, self.products_list),
                             (self.categories_box, self.categories_list),
                             (self.some_payment, self.payment_list)):
            chooser.setEnabled(box.isChecked())
            box.toggled.connect(chooser.setEnabled)
            box.toggled.connect(self.refresh)
            chooser.changed.connect(self.refresh)
        for widget in (self.any_box, self.any_payment, self.campaign_radio,
                       self.any_contact_radio):
            widget.toggled.connect(self.refresh)
        self.setTabOrder(self.name_edit, self.order_forms_box)
        # an empty list says where its items come from, with a way there
        self.catalog_hints: dict[str, CatalogHint] = {}
        for key, chooser in self._choosers().items():
            hint = CatalogHint(empty_catalog_text(CHOICE_WORDS[key]),
                               lambda section=CATALOG_TABS[key]: self.open_catalog(section),
                               f"{key}Hint")
            hint.button.setVisible(self.undo_stack is not None)
            chooser.set_empty_hint(hint)
            self.catalog_hints[key] = hint

    def _choosers(self) -> dict[str, CheckList]:  # keyed as CATALOG_TABS
        return {"orderForm": self.order_forms_list, "product": self.products_list,
                "category": self.categories_list, "paymentType": self.payment_list}

    def _choices(self) -> dict[str, list[tuple[str, str]]]:
        """What each list offers: the catalog's order forms, products, categories and
        payment types, as (id, label): two of one name told apart by id ("Pool Scrubbing
        Mitt (mitt2)", see catalog_labels)."""
        catalog = self.workspace.catalog
        forms = item_labels(catalog, "order_forms")
        return {
            "orderForm": [(f.id, forms[f.id] + (" (legacy)" if f.legacy else ""))
                          for f in catalog.order_forms.values()],
            "product": list(item_labels(catalog, "products").items()),
            "category": list(item_labels(catalog, "categories").items()),
            "paymentType": list(item_labels(catalog, "payment_types").items()),
        }

    def _row_order(self, key: str) -> Callable[[str, str], CatalogOrder]:
        """The order of a list's rows on screen: the Catalog window's (QA4: here they were
        in the order they were added, a new "Chlorine Tablets" last, while the Catalog
        showed it among the C's). An order form by its name ("(legacy)" aside); what is
        saved keeps the workspace's order (see CheckList.checked_ids)."""
        forms = self.workspace.catalog.order_forms

        def order(item_id: str, label: str) -> CatalogOrder:
            if key == "orderForm" and item_id in forms:
                label = forms[item_id].name
            return catalog_order(label, item_id)

        return order

    def catalog_changed(self) -> None:
        """Offers what the Catalog window added. What was ticked stays ticked, but for
        what was deleted there: its row goes (the deletion took it out of the goal too;
        QA: a deleted product stayed ticked, "not in the catalog", and kept Save disabled
        until unticked). One that was never in the catalog stays, marked, as it opened.
        A deleted one that comes back (Undo in the Catalog window) is ticked again."""
        choices = self._choices()
        for key, chooser in self._choosers().items():
            offered = {item_id for item_id, _label in choices[key]}
            missing = set(chooser.missing_ids())
            dropped = self._dropped.setdefault(key, [])
            checked = []
            for item_id in chooser.checked_ids():
                if item_id in offered or item_id in missing:
                    checked.append(item_id)
                elif item_id not in dropped:
                    dropped.append(item_id)
            for item_id in [i for i in dropped if i in offered]:
                dropped.remove(item_id)
                if item_id not in checked:
                    checked.append(item_id)
            chooser.set_items(choices[key], checked)
        self.refresh()

    def field_widgets(self) -> dict[str, QWidget]:
        return {"name": self.name_edit,
                "config.order_forms": self.order_forms_list.list,
                "config.products": self.products_list.list,
                "config.categories": self.categories_list.list,
                "config.payment_types": self.payment_list.list}

    def group_widgets(self) -> dict[str, QWidget]:
        return {"config": self.options_group}  # no purchase option ticked

    # -- a form that stays put as problems come and go --------------------------------------
    def _share_columns(self, width: int) -> None:
        """Up to WIDE the options take the width their lists' rows need and the payment
        types the rest; in a wider window the options take two thirds (QA: at 1600 px
        they stayed narrow, their help wrapping to three lines, while the payment types'
        box took 900 px for six rows; at 14 pt, with three fifths, the order forms'
        names wrapped in a 285 px column beside a 470 px one). Stretch shares out all
        the room, what the rows need aside, so it waits until there is room enough."""
        wide = width >= self.WIDE
        stretch = (2, 1) if wide else (0, 1)
        if (self.columns.columnStretch(0), self.columns.columnStretch(1)) == stretch:
            return
        self.columns.setColumnStretch(0, stretch[0])
        self.columns.setColumnStretch(1, stretch[1])
        self.scroll_area.widget().layout().invalidate()  # measured anew at this width

    def content_height(self, width: int | None = None, *, with_problems: bool = True,
                       settle: bool = True) -> int:
        """As the base measures it, the columns shared as they are at ``width`` (the
        start size is chosen by measuring widths the window does not have yet)."""
        if width is not None:
            self._share_columns(width)
        return super().content_height(width, with_problems=with_problems, settle=settle)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802  (Qt's name)
        super().resizeEvent(event)
        self._share_columns(event.size().width())

    def full_reserve(self, width: int) -> int:
        """While the window has the height it chose, :attr:`PROBLEM_RESERVE_LINES` lines:
        more problems grow it at its bottom (the form stays put), and it never shrinks
        back while open (Save stays put as they go). Once the user has sized it, room for
        every problem this form can have at once at this width (a box grown by a fourth
        problem shrank the form's lists and moved what lay under the pointer); the form
        keeps only what it can spare of it (see fit_problem_reserve: at 600 px the kept
        room made the form scroll 75 px, with 89 px of empty box under it)."""
        margins = self.layout().contentsMargins()
        if not self._user_sized:
            inner = width - margins.left() - margins.right()
            return max(super().full_reserve(width), self._kept_for_problems.get(inner, 0))
        return max(super().full_reserve(width),
                   self.most_problems_height(width - margins.left() - margins.right()))

    def refresh(self) -> None:
        """As the base; the room the problem box took is kept for it once the problems go
        (the lists grew back 16 px into it and moved)."""
        super().refresh()
        if self.problem_label.text():
            margins = self.layout().contentsMargins()
            inner = self.width() - margins.left() - margins.right()
            height = QLabel.heightForWidth(self.problem_label, inner)
            if height > self._kept_for_problems.get(inner, 0):
                self._kept_for_problems[inner] = height
                if self._fitted_height is not None:
                    self.fit_problem_reserve(self.size())

    def most_problems_height(self, width: int) -> int:
        """The height the problem box needs at ``width`` for the most problems this form
        can show at once: an empty name, every option ticked with nothing chosen (or no
        option at all), and no payment type."""
        options = list(option_messages().values())
        no_option = NO_OPTION_MESSAGE
        payments = [NO_PAYMENT_TYPE_MESSAGE]
        return max(self.problem_label.height_showing([EMPTY_NAME, *choices, payment], width)
                   for choices in (options, [no_option]) for payment in payments)

    def notes(self) -> list[Problem]:
        """Chosen categories with no products, which no purchase meets: the Warnings panel
        and the node's badge say so, and so does the editor (QA 21: it said "No problems
        in these settings.")."""
        node = self.edited()
        return [Problem("config.categories", note) for note in empty_category_notes(
            node.name or self.original.name, node.config, self.workspace.catalog)]

    def collect(self, node: Node) -> None:
        config: PurchaseGoalConfig = node.config
        config.use_order_forms = self.order_forms_box.isChecked()
        config.order_forms = self.order_forms_list.checked_ids() if config.use_order_forms \
            else []
        config.any_purchase = self.any_box.isChecked()
        config.use_products = self.products_box.isChecked()
        config.products = self.products_list.checked_ids() if config.use_products else []
        config.use_categories = self.categories_box.isChecked()
        config.categories = self.categories_list.checked_ids() if config.use_categories else []
        config.payment_types = "any" if self.any_payment.isChecked() \
            else self.payment_list.checked_ids()
        config.achieved_by = self.who.value()  # type: ignore[assignment]


def label_of(button: QCheckBox | QRadioButton) -> str:
    """A check box's or radio button's label as the user reads it: "Specific product
    purchase" (no "&" of its shortcut, no trailing colon)."""
    return button.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(":")


register_node_editor("purchase_goal", PurchaseGoalDialog)
