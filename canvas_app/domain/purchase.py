"""The purchase goal: its settings, their validation (R10, R11) and matching (R9, R10)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from .catalog import Catalog, payment_type_label
from .errors import Problem
from .nodes import NodeKind, register

AchievedBy = Literal["campaign", "any_contact"]
ACHIEVED_BY: tuple[str, ...] = ("campaign", "any_contact")
ACHIEVED_BY_LABELS = {
    "campaign": "Contacts in this campaign",
    "any_contact": "Any contact",
}


@dataclass
class PurchaseGoalConfig:
    """Settings of a purchase goal.

    Each option has a ``use_*`` flag (the dialog's check box) and its chosen ids; in a file
    an option is selected exactly when its list is non-empty (C2), so a ticked box with an
    empty list exists only while editing, and validation refuses it.
    ``payment_types`` is ``"any"`` or a list of payment type ids.
    """

    any_purchase: bool = False
    use_order_forms: bool = False
    order_forms: list[str] = field(default_factory=list)
    use_products: bool = False
    products: list[str] = field(default_factory=list)
    use_categories: bool = False
    categories: list[str] = field(default_factory=list)
    payment_types: str | list[str] = "any"
    achieved_by: AchievedBy = "campaign"

    def copy(self) -> PurchaseGoalConfig:
        pts = self.payment_types if isinstance(self.payment_types, str) else list(
            self.payment_types)
        return replace(self, order_forms=list(self.order_forms), products=list(self.products),
                       categories=list(self.categories), payment_types=pts)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PurchaseGoalConfig):
            return NotImplemented
        return purchase_to_data(self) == purchase_to_data(other) and (
            self.use_order_forms, self.use_products, self.use_categories) == (
            other.use_order_forms, other.use_products, other.use_categories)

    @property
    def any_payment_type(self) -> bool:
        return self.payment_types == "any"


_OPTIONS = (
    # flag, list attribute, catalog attribute, word for messages, the option's label (as the
    # goal editor shows it: R11's messages name the field the same way everywhere)
    ("use_order_forms", "order_forms", "order_forms", "order form", "Order form"),
    ("use_products", "products", "products", "product", "Specific product purchase"),
    ("use_categories", "categories", "categories", "category",
     "Product in a specific category purchase"),
)


# R11's messages, word for word in the goal editor, the Warnings panel, the file loader and
# the CLI: they name the options by the labels the editor shows (QA: the editor had words
# of its own, against R11's "the same message").
ANY_PURCHASE_LABEL = "Any purchase"
SOME_PAYMENT_TYPES_LABEL = "Only these payment types"
ANY_PAYMENT_TYPES_LABEL = "Any payment types"
NO_OPTION_MESSAGE = ("no purchase option is ticked: tick " + ", ".join(
    f'"{label}"' for label in (_OPTIONS[0][4], ANY_PURCHASE_LABEL, _OPTIONS[1][4]))
    + f' or "{_OPTIONS[2][4]}"')
NO_PAYMENT_TYPE_MESSAGE = (f'"{SOME_PAYMENT_TYPES_LABEL}" is chosen but no payment type is '
                           f'ticked: tick one, or choose "{ANY_PAYMENT_TYPES_LABEL}"')


def option_unchosen_message(label: str, word: str) -> str:
    """R11's message for an option ticked with nothing chosen under it."""
    return f'the "{label}" option is ticked but no {word} is chosen'


def option_messages() -> dict[str, str]:
    """Each option's list field -> its message when ticked with nothing chosen."""
    return {f"config.{attr}": option_unchosen_message(label, word)
            for _flag, attr, _catalog, word, label in _OPTIONS}


def validate_purchase(config: PurchaseGoalConfig, catalog: Catalog) -> list[Problem]:
    """Every problem of R11, each naming its field (paths relative to the node)."""
    problems: list[Problem] = []
    selected = config.any_purchase or any(getattr(config, flag) for flag, *_ in _OPTIONS)
    if not selected:
        problems.append(Problem("config", NO_OPTION_MESSAGE))
    for flag, attr, catalog_attr, word, label in _OPTIONS:
        chosen: list[str] = getattr(config, attr)
        if getattr(config, flag) and not chosen:
            problems.append(Problem(f"config.{attr}", option_unchosen_message(label, word)))
        known = getattr(catalog, catalog_attr)
        for i, item in enumerate(chosen):
            if item not in known:
                problems.append(Problem(f"config.{attr}[{i}]",
                                        f'no {word} "{item}" in the catalog'))
    pts = config.payment_types
    if isinstance(pts, str):
        if pts != "any":
            problems.append(Problem("config.payment_types",
                                    f'payment types must be "any" or a list, not "{pts}"'))
    elif not pts:
        problems.append(Problem("config.payment_types", NO_PAYMENT_TYPE_MESSAGE))
    else:
        for i, pt in enumerate(pts):
            if pt not in catalog.payment_types:
                problems.append(Problem(f"config.payment_types[{i}]",
                                        f'no payment type "{pt}" in the catalog'))
    if config.achieved_by not in ACHIEVED_BY:
        problems.append(Problem("config.achieved_by",
                                'must be "campaign" or "any_contact"'))
    return problems


def empty_category_notes(name: str, config: PurchaseGoalConfig,
                         catalog: Catalog) -> list[str]:
    """What no purchase can meet in the goal ``name``: chosen categories with no product in
    them (QA 21: a goal whose only option was a category emptied in the Catalog had no
    word of warning). One note, saying that no purchase achieves the goal at all when
    those are its only way; none when any purchase does."""
    if config.any_purchase or not config.use_categories:
        return []
    filled = {product.category for product in catalog.products.values()}
    chosen = list(dict.fromkeys(config.categories))
    empty = [c for c in chosen if c in catalog.categories and c not in filled]
    if not empty:
        return []
    one = len(empty) == 1
    names = " and ".join(f'"{catalog.categories[c].name}"' for c in empty)
    listed = f"category {names}" if one else f"categories {names}"
    it = "it" if one else "them"
    other_ways = (config.use_order_forms and config.order_forms) or \
        (config.use_products and config.products) or len(empty) < len(chosen)
    if other_ways:
        return [f'The goal "{name}" counts purchases in the {listed}, which '
                f"{'has' if one else 'have'} no products, so {it} never "
                f"{'matches' if one else 'match'}: add a product to {it} in the Catalog, or "
                f"untick {it}."]
    return [f'No purchase can achieve the goal "{name}": its {listed} '
            f"{'has' if one else 'have'} no products. Add a product to {it} in the Catalog, "
            "or choose another purchase option."]


@dataclass(frozen=True)
class Match:
    """Why a purchase goal did or did not match an order."""

    matched: bool
    reason: str


def match_purchase(config: PurchaseGoalConfig, catalog: Catalog, products: Sequence[str],
                   order_form: str | None, payment_type: str) -> Match:
    """R10: one selected option matches and the payment type is accepted."""
    reasons: list[str] = []
    option_hit: str | None = None
    if config.any_purchase:
        option_hit = "any purchase"
    if option_hit is None and config.use_order_forms:
        if order_form is not None and order_form in config.order_forms:
            option_hit = f"order form {order_form}"
        else:
            reasons.append("not through a chosen order form")
    if option_hit is None and config.use_products:
        hit = next((p for p in products if p in config.products), None)
        if hit is not None:
            option_hit = f"product {catalog.product_name(hit)}"
        else:
            reasons.append("no chosen product on the order")
    if option_hit is None and config.use_categories:
        hit = next((p for p in products if catalog.products.get(p) is not None
                    and catalog.products[p].category in config.categories), None)
        if hit is not None:
            option_hit = f"category of {catalog.product_name(hit)}"
        else:
            reasons.append("no product of a chosen category on the order")
    if option_hit is None:
        return Match(False, "; ".join(reasons) or "no purchase option is selected")
    if not config.any_payment_type and payment_type not in config.payment_types:
        return Match(False, f"payment type {payment_type_label(payment_type)} not chosen")
    return Match(True, option_hit)


def _any_of(names: list[str]) -> str:
    """Names joined as alternatives: "A", "A or B", "A, B or C"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def describe_purchase(config: PurchaseGoalConfig, catalog: Catalog) -> str:
    """One line on what achieves the goal. Any one chosen option matches (R10), so the
    options read as alternatives: "Purchase of order form X, or product Y, or category Z;
    paid by Credit card or PayPal" ("; product Y; category Z, paid by Credit card,
    PayPal" read as if each were required)."""
    parts = []
    if config.any_purchase:
        parts.append("any purchase")
    if config.use_order_forms and config.order_forms:
        names = [catalog.order_forms[f].name if f in catalog.order_forms else f
                 for f in config.order_forms]
        parts.append("order form " + _any_of(names))
    if config.use_products and config.products:
        parts.append("product " + _any_of([catalog.product_name(p) for p in config.products]))
    if config.use_categories and config.categories:
        names = [catalog.categories[c].name if c in catalog.categories else c
                 for c in config.categories]
        parts.append("category " + _any_of(names))
    if config.any_purchase:  # not "Purchase of any purchase" (QA 23c)
        text = "Any purchase" + "".join(f", or {part}" for part in parts[1:])
    else:
        text = "Purchase of " + (", or ".join(parts) if parts else "(nothing chosen)")
    if config.any_payment_type:
        text += "; any payment type"
    elif config.payment_types:
        text += "; paid by " + _any_of([payment_type_label(p) for p in config.payment_types])
    else:
        text += "; no payment type chosen"
    text += "; achieved by " + ACHIEVED_BY_LABELS.get(config.achieved_by, "?").lower()
    return text


def purchase_to_data(config: PurchaseGoalConfig) -> dict[str, Any]:
    pts = config.payment_types
    return {"config": {
        "any_purchase": config.any_purchase,
        "order_forms": list(config.order_forms) if config.use_order_forms else [],
        "products": list(config.products) if config.use_products else [],
        "categories": list(config.categories) if config.use_categories else [],
        "payment_types": pts if isinstance(pts, str) else list(pts),
        "achieved_by": config.achieved_by,
    }}


def purchase_from_data(node: dict[str, Any]) -> PurchaseGoalConfig:
    data = node.get("config", {})
    order_forms = list(data.get("order_forms", []))
    products = list(data.get("products", []))
    categories = list(data.get("categories", []))
    pts = data.get("payment_types")
    return PurchaseGoalConfig(
        any_purchase=bool(data.get("any_purchase", False)),
        use_order_forms=bool(order_forms), order_forms=order_forms,
        use_products=bool(products), products=products,
        use_categories=bool(categories), categories=categories,
        payment_types=pts if isinstance(pts, str) else list(pts or []),
        achieved_by=data.get("achieved_by", "campaign"),
    )


_ID_LIST = {"type": "array", "items": {"type": "string", "minLength": 1}}

PURCHASE_GOAL = register(NodeKind(
    kind="purchase_goal",
    label="Purchase goal",
    is_goal=True,
    icon="purchase_goal.svg",
    make_config=lambda: PurchaseGoalConfig(any_purchase=True),
    validate=validate_purchase,
    describe=describe_purchase,
    to_data=purchase_to_data,
    from_data=purchase_from_data,
    copy_config=lambda c: c.copy(),
    schema_properties={"config": {
        "type": "object",
        "description": "Purchase goal settings (R10). An option is selected when its list "
                       "is non-empty, or any_purchase is true.",
        "properties": {
            "any_purchase": {"type": "boolean"},
            "order_forms": _ID_LIST,
            "products": _ID_LIST,
            "categories": _ID_LIST,
            # an empty list is a setting to fix (R11, NO_PAYMENT_TYPE_MESSAGE), not a file
            # that cannot be read: the app saves it and must open it again (QA: a workspace
            # whose goal had its last payment type deleted in the Catalog was saved, then
            # refused, and its crash snapshot with it)
            "payment_types": {"oneOf": [{"const": "any"}, _ID_LIST]},
            "achieved_by": {"enum": list(ACHIEVED_BY)},
        },
        "required": ["payment_types"],
        "additionalProperties": True,
    }},
    schema_required=("config",),
    help="Achieved when a contact's order is first paid successfully and matches the "
         "chosen purchase options and payment types.",
    order=10,
))
