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
    # name -> (label, when it runs): exactly where the engine runs it (R13-R15, C10);
    # manual, legacy order form and API orders run no default set
    "on_login": ("On Login (Multi-Step Cart)",
                 "Runs when someone logs into a multi-step shopping cart."),
    "contact_creation": ("Contact Creation Action",
                         "Runs when a buyer unknown by name and email orders through the "
                         "shopping cart or an order form, paid or not."),
    "successful_purchase": ("Successful Purchase Action",
                            "Runs when an order is placed through the shopping cart or an "
                            "order form and paid (not for an order paid later)."),
    "failed_purchase": ("Failed Purchase Action",
                        "Runs when an order is placed through the shopping cart or an order "
                        "form but the charge fails."),
    "error_purchase": ("Error Purchase Action",
                       "Runs when an error other than a failed charge stops an order placed "
                       "through the shopping cart or an order form."),
}
# The words of the workspace setting, as the E-Commerce Actions window shows it and the
# simulation's log quotes it.
LEGACY_SETTING_LABEL = "Also run product actions for legacy order forms and manual orders"

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

    def sets_not_run(self, channel: str, outcome: str, products: Iterable[str],
                     created: bool) -> list[tuple[list[str], str]]:
        """The non-empty sets a user could expect an order to run that it does not, grouped
        by why: ``[(keys, reason), ...]``, nothing when every such set runs or is empty.

        Expected are: ``contact_creation`` for a created buyer; the outcome's default set
        (``successful_purchase`` for a pending order, which is paid later); and, for an
        order placed paid or pending, each product's set. What runs is what
        :meth:`creation_fires` and :meth:`sets_for_order` say.
        """
        unique_products = list(dict.fromkeys(products))
        expected: list[str] = []
        if created:
            expected.append("contact_creation")
        outcome_set = OUTCOME_SETS.get(outcome, "successful_purchase"
                                       if outcome == "pending" else "")
        if outcome_set:
            expected.append(outcome_set)
        if outcome in ("success", "pending"):
            expected += [product_set_key(p) for p in unique_products]
        runs = set(self.sets_for_order(channel, outcome, unique_products))
        if created and self.creation_fires(channel):
            runs.add("contact_creation")
        missing = [k for k in expected if k not in runs and self.actions(k)]
        if not missing:
            return []
        if channel in LEGACY_CHANNELS:
            default = [k for k in missing if not k.startswith("product:")]
            product = [k for k in missing if k.startswith("product:")]
            groups: list[tuple[list[str], str]] = []
            if default:
                groups.append((default, "default sets run only for shopping cart and order "
                                        "form orders"))
            if product:  # the setting is off (with it on they run, paid or pending)
                groups.append((product, f'"{LEGACY_SETTING_LABEL}" is off'))
            return groups
        if channel in CART_CHANNELS:  # only a pending order leaves expected sets out
            return [(missing, "the order was placed pending, and a later payment runs no "
                              "action sets")]
        return [(missing, "API orders run no action sets")]
