"""E-commerce action sets and when they fire (R12-R15, C10).

The five default sets, one optional set per product, and the workspace setting that lets
product sets run for legacy order forms and manual orders. :meth:`Ecommerce.sets_for_order`
is the single place that says which sets an order fires.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .steps import Step

DEFAULT_SETS: dict[str, tuple[str, str]] = {
    # name -> (label, when it runs)
    "on_login": ("On Login (Multi-Step Cart)",
                 "Runs when someone logs into a multi-step shopping cart."),
    "contact_creation": ("Contact Creation Action",
                         "Runs when a buyer is not yet a contact (matched on first name, "
                         "last name and email) and a new contact is created."),
    "successful_purchase": ("Successful Purchase Action",
                            "Runs each time an order is placed and the payment succeeds."),
    "failed_purchase": ("Failed Purchase Action",
                        "Runs when an order is placed but the credit card charge fails."),
    "error_purchase": ("Error Purchase Action",
                       "Runs when an error other than a card failure stops the order."),
}

CHANNELS: tuple[str, ...] = ("shopping_cart", "order_form", "legacy_order_form",
                             "manual_order", "api")
CART_CHANNELS: tuple[str, ...] = ("shopping_cart", "order_form")
LEGACY_CHANNELS: tuple[str, ...] = ("legacy_order_form", "manual_order")
OUTCOMES: tuple[str, ...] = ("success", "failed", "error", "pending")
OUTCOME_SETS = {"success": "successful_purchase", "failed": "failed_purchase",
                "error": "error_purchase"}
LEGACY_SETTING = "product_actions_for_legacy_and_manual"


def product_set_key(product_id: str) -> str:
    """The name a product's set has in results and logs (C12)."""
    return f"product:{product_id}"


@dataclass
class Ecommerce:
    action_sets: dict[str, list[Step]] = field(default_factory=dict)
    product_action_sets: dict[str, list[Step]] = field(default_factory=dict)
    product_actions_for_legacy_and_manual: bool = False

    def copy(self) -> Ecommerce:
        return Ecommerce(
            action_sets={k: [a.copy() for a in v] for k, v in self.action_sets.items()},
            product_action_sets={k: [a.copy() for a in v]
                                 for k, v in self.product_action_sets.items()},
            product_actions_for_legacy_and_manual=self.product_actions_for_legacy_and_manual,
        )

    def actions(self, key: str) -> list[Step]:
        """Actions of a default set name or a ``product:<id>`` key."""
        if key.startswith("product:"):
            return self.product_action_sets.get(key[len("product:"):], [])
        return self.action_sets.get(key, [])

    def non_empty_keys(self) -> list[str]:
        """Every set with actions, as results list them (C12)."""
        keys = [k for k in DEFAULT_SETS if self.action_sets.get(k)]
        keys += [k for k, v in self.action_sets.items() if v and k not in DEFAULT_SETS]
        keys += [product_set_key(p) for p, v in self.product_action_sets.items() if v]
        return keys

    def creation_fires(self, channel: str) -> bool:
        """R15: contact_creation runs for buyers created through a cart or order form."""
        return channel in CART_CHANNELS and bool(self.action_sets.get("contact_creation"))

    def sets_for_order(self, channel: str, outcome: str, products: Iterable[str]) -> list[str]:
        """The set keys an order fires when it is placed, in R16 order (C10).

        R13: cart and order-form orders fire the outcome's default set and, on success,
        each product's set. R14: legacy order forms and manual orders fire only product
        sets, when placed paid or pending, and only with the workspace setting on. API
        orders fire nothing. Empty sets never fire.
        """
        keys: list[str] = []
        unique_products = list(dict.fromkeys(products))
        if channel in CART_CHANNELS:
            purchase_set = OUTCOME_SETS.get(outcome)
            if purchase_set:
                keys.append(purchase_set)
            if outcome == "success":
                keys += [product_set_key(p) for p in unique_products]
        elif (channel in LEGACY_CHANNELS and self.product_actions_for_legacy_and_manual
              and outcome in ("success", "pending")):
            keys += [product_set_key(p) for p in unique_products]
        return [k for k in keys if self.actions(k)]
