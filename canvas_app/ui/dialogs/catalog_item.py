"""The small dialog that adds or edits one catalog item: a product, a category, an order
form or a payment type. Its Save stays disabled while the domain finds a problem."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.catalog import Catalog, Category, OrderForm, Product, payment_type_label
from ...domain.catalog_edit import new_item_id, validate_item, validate_payment_type
from ...domain.catalog_labels import item_labels
from ...domain.errors import Problem
from ...domain.names import NAME_MAX_LENGTH, short_name
from ...io.editor_limits import PRICE_DECIMALS, PRICE_MAXIMUM
from ..text_limit import limit_text
from .discard_question import DiscardQuestion
from .elided_combo import CHOICE_LETTERS, ElidedComboBox
from .number_field import NumberField
from .widgets import (
    ProblemLabel,
    enter_saves,
    help_label,
    mark_invalid,
    save_cancel_buttons,
)

Item = Category | Product | OrderForm | str

SECTION_WORDS = {"products": "product", "categories": "category",
                 "order_forms": "order form", "payment_types": "payment type"}


class CatalogItemDialog(QDialog):
    """``item`` None adds a new one; a payment type is its id (a string)."""

    def __init__(self, catalog: Catalog, section: str, item: Item | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        enter_saves(self)
        self.setObjectName("catalogItemDialog")
        self.catalog = catalog
        self.section = section
        self.item = item
        word = SECTION_WORDS[section]
        self.setWindowTitle(f"{'Edit' if item is not None else 'Add'} {word}")
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        name = item if isinstance(item, str) else (item.name if item is not None else "")
        self.name_edit = QLineEdit(name)
        # a pasted paragraph is cut at the limit, and the field says so; a longer name from
        # a file is kept whole
        limit_text(self.name_edit, NAME_MAX_LENGTH, "a name", one_line=False, keep=name)
        self.name_edit.setObjectName("itemNameEdit")
        self.name_edit.setPlaceholderText(f"Name of the {word}")
        form.addRow("&Name:", self.name_edit)
        self.name_edit.textChanged.connect(self.refresh)
        self.id_preview: QLabel | None = None
        if section == "payment_types" and item is None:
            # the catalog keeps a payment type as an id only (no name of its own): say what
            # the typed name becomes before it is saved
            self.id_preview = QLabel()
            self.id_preview.setObjectName("paymentIdPreview")
            self.id_preview.setTextFormat(Qt.TextFormat.PlainText)
            self.id_preview.setWordWrap(True)
            self.id_preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow("", self.id_preview)

        if section == "products":
            product = item if isinstance(item, Product) else Product("", "")
            self.category_combo = ElidedComboBox(CHOICE_LETTERS)  # a long name: "…"
            self.category_combo.setObjectName("itemCategoryCombo")
            self.category_combo.addItem("(no category)", None)
            # two of one name told apart by id ("Pool care (care2)")
            for category_id, label in item_labels(catalog, "categories").items():
                self.category_combo.addItem(label, category_id)
            self.category_combo.setCurrentIndex(
                max(0, self.category_combo.findData(product.category)))
            form.addRow("&Category:", self.category_combo)
            # "12,99" is 12.99 (a QDoubleSpinBox read 1299); "-3" or "abc" is refused
            # visibly, never changed into another price. The file allows any price >= 0:
            # the maximum is only there to catch a slip of the keyboard
            self.price_spin = NumberField("the price", decimals=PRICE_DECIMALS,
                                          maximum=PRICE_MAXIMUM)
            self.price_spin.setObjectName("itemPriceSpin")
            self.price_spin.setAccessibleName("Price")
            self.price_spin.setValue(product.price)
            self.price_spin.setToolTip("12.99 or 12,99: both a point and a comma mark the "
                                       "decimals; 1,299.00 and a pasted $1,299.00 are "
                                       "read too")
            form.addRow("&Price:", self.price_spin)
            self.price_spin.changed.connect(self.refresh)
            self.price_spin.refused.connect(lambda _why: self.refresh())
            billing = QHBoxLayout()
            self.one_time_radio = QRadioButton("&One-time")
            self.one_time_radio.setObjectName("oneTimeRadio")
            self.subscription_radio = QRadioButton("&Subscription")
            self.subscription_radio.setObjectName("subscriptionRadio")
            self._billing_group = QButtonGroup(self)
            self._billing_group.addButton(self.one_time_radio)
            self._billing_group.addButton(self.subscription_radio)
            (self.subscription_radio if product.billing == "subscription"
             else self.one_time_radio).setChecked(True)
            billing.addWidget(self.one_time_radio)
            billing.addWidget(self.subscription_radio)
            billing.addStretch(1)
            form.addRow("Billing:", billing)
            layout.addWidget(help_label(
                "A subscription's renewals never count: a purchase goal counts an order's "
                "first successful payment, and action sets run when the order is placed "
                "(a later payment runs none)."))
        elif section == "order_forms":
            self.legacy_check = QCheckBox("&Legacy order form")
            self.legacy_check.setObjectName("itemLegacyCheck")
            self.legacy_check.setChecked(isinstance(item, OrderForm) and item.legacy)
            form.addRow("", self.legacy_check)
            layout.addWidget(help_label(
                "Orders through a legacy form run no default action sets; product actions "
                "run for them only when the E-Commerce setting allows it."))
        elif section == "payment_types":
            layout.addWidget(help_label("Goals can require one of the payment types; "
                                        "a new one is available to them at once."))

        # its room is reserved: a problem appearing (a refused price) must not squeeze
        # the fields above it
        self.problem_label = ProblemLabel(reserve_lines=2)
        layout.addWidget(self.problem_label)
        self.buttons, self.save_button, self.cancel_button = save_cancel_buttons()
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.refresh()
        # what Cancel compares with: the fields as opened (refused typed text included)
        self._opened = self._state()

    @classmethod
    def edit(cls, catalog: Catalog, section: str, item: Item | None = None,
             parent: QWidget | None = None) -> Item | None:
        """Runs the dialog modally; the new or changed item on Save, None on Cancel."""
        dialog = cls(catalog, section, item, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.value() if accepted else None

    def edited(self) -> Item:
        name = self.name_edit.text().strip()
        if self.section == "payment_types":
            return new_item_id(self.catalog, name, self.section) if self.item is None \
                else str(self.item)
        item_id = self.item.id if isinstance(self.item, Category | Product | OrderForm) \
            else new_item_id(self.catalog, name, self.section)
        if self.section == "products":
            billing = "subscription" if self.subscription_radio.isChecked() else "one_time"
            price = self.price_spin.value()  # None while refused (problems() says why)
            return Product(item_id, name, self.category_combo.currentData(),
                           round(price if price is not None else self._price_before(), 2),
                           billing)
        if self.section == "order_forms":
            return OrderForm(item_id, name, self.legacy_check.isChecked())
        return Category(item_id, name)

    def _price_before(self) -> float:
        return self.item.price if isinstance(self.item, Product) else 0.0

    def typing_problems(self) -> list[Problem]:
        """Fields whose text is not a value at all (a price of "abc")."""
        if self.section == "products" and self.price_spin.problem():
            return [Problem("price", self.price_spin.problem())]
        return []

    def problems(self) -> list[Problem]:
        if self.section == "payment_types":
            return validate_payment_type(self.catalog, self.name_edit.text())
        item = self.edited()
        assert not isinstance(item, str)
        return self.typing_problems() + validate_item(self.catalog, item)

    def value(self) -> Item | None:
        return None if self.problems() else self.edited()

    def _update_preview(self) -> None:
        if self.id_preview is None:
            return
        name = self.name_edit.text().strip()
        if not name:
            self.id_preview.setText('Saved as an id: "Store credit" becomes store_credit, '
                                    'shown as "Store credit".')
            return
        if self.problems():  # the problem line says what is wrong instead
            self.id_preview.setText("")
            return
        payment_id = new_item_id(self.catalog, name, self.section)
        self.id_preview.setText(f'Will be saved as: {payment_id}, shown as '
                                f'"{payment_type_label(payment_id)}" '
                                "(a payment type keeps only this id).")

    def refresh(self) -> None:
        self._update_preview()
        problems = self.problems()
        # a new item's empty name is said at once, as the node editors say a new goal's
        # problem: a greyed Save with nothing saying why left the user guessing (QA10)
        notes = []
        if self.section == "products" and self.price_spin.refusal():
            # a key or a paste the price did not take: said, never dropped silently, but
            # as a notice, not a problem: the price kept is a price, Save takes it and the
            # field is not red (QA4: a red field and message with Save enabled), as the
            # other number fields only say it at the field
            notes = [Problem("price", self.price_spin.refusal())]
        self.problem_label.show_problems(problems, notes)
        self.save_button.setEnabled(not problems)
        # the field a problem is about turns red, as in the goal editors (QA)
        paths = {p.path for p in problems}
        fields: list[tuple[QWidget, set[str]]] = [(self.name_edit, {"name", "payment_types"})]
        if self.section == "products":
            fields += [(self.category_combo, {"category"}), (self.price_spin, {"price"})]
        for widget, about in fields:
            mark_invalid(widget, bool(paths & about))

    def _save(self) -> None:
        if self.value() is not None:
            self.accept()

    def _state(self) -> tuple[object, ...]:
        """What the user can change: the fields' texts and choices."""
        state: tuple[object, ...] = (self.name_edit.text(),)
        if self.section == "products":
            state += (self.category_combo.currentIndex(), self.price_spin.text(),
                      self.subscription_radio.isChecked())
        elif self.section == "order_forms":
            state += (self.legacy_check.isChecked(),)
        return state

    def has_changes(self) -> bool:
        """Whether anything was typed or chosen since the dialog opened."""
        return self._state() != self._opened

    def reject(self) -> None:
        """Cancel, Esc or the window's close button: changes are only dropped once the
        user says so (as the node editors do); with nothing changed it closes at once."""
        if self.has_changes() and not DiscardQuestion.ask(
                self, self._what(), self._save if self.save_button.isEnabled() else None):
            return
        super().reject()

    def _what(self) -> str:
        """The item the question names: "the new product", "the product "Pool mitt""."""
        word = SECTION_WORDS[self.section]
        if self.item is None:
            return f"the new {word}"
        name = self.item if isinstance(self.item, str) else self.item.name
        return f'the {word} "{short_name(name)}"'
