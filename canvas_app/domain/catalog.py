"""The product catalog: categories, products, order forms and payment types (SPEC §1)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Billing = Literal["one_time", "subscription"]
BILLINGS: tuple[str, ...] = ("one_time", "subscription")

DEFAULT_PAYMENT_TYPES: tuple[str, ...] = (
    "credit_card",
    "paypal",
    "cash",
    "check",
    "money_order",
    "adjustment",
)

PAYMENT_TYPE_LABELS: dict[str, str] = {
    "credit_card": "Credit card",
    "paypal": "PayPal",
    "cash": "Cash",
    "check": "Check",
    "money_order": "Money order",
    "adjustment": "Adjustment",
}


def payment_type_label(payment_type: str) -> str:
    return PAYMENT_TYPE_LABELS.get(payment_type, payment_type.replace("_", " ").capitalize())


@dataclass
class Category:
    id: str
    name: str


@dataclass
class Product:
    id: str
    name: str
    category: str | None = None
    price: float = 0.0
    billing: Billing = "one_time"


@dataclass
class OrderForm:
    id: str
    name: str
    legacy: bool = False


@dataclass
class Catalog:
    """Ordered collections keyed by id; the order is the order shown and saved."""

    categories: dict[str, Category] = field(default_factory=dict)
    products: dict[str, Product] = field(default_factory=dict)
    order_forms: dict[str, OrderForm] = field(default_factory=dict)
    payment_types: list[str] = field(default_factory=lambda: list(DEFAULT_PAYMENT_TYPES))

    def add_category(self, category: Category) -> Category:
        self.categories[category.id] = category
        return category

    def add_product(self, product: Product) -> Product:
        self.products[product.id] = product
        return product

    def add_order_form(self, form: OrderForm) -> OrderForm:
        self.order_forms[form.id] = form
        return form

    def product_name(self, product_id: str) -> str:
        product = self.products.get(product_id)
        return product.name if product else product_id

    def all_ids(self) -> set[str]:
        return set(self.categories) | set(self.products) | set(self.order_forms)
