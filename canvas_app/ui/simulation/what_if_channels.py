"""The What-If form's choices: the channel (the cart, the API, a manual order, or one of
the catalog's order forms, legacy ones marked as the goal editor marks them), the
products its purchase rows start with, and the tags a new tag row offers first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

from ...domain.catalog import Catalog
from ...domain.workspace import Workspace
from ..dialogs.elided_combo import ElidedComboBox

CHANNEL_CHOICES = (("Shopping cart", "shopping_cart"), ("API", "api"),
                   ("Manual order", "manual_order"))
CHANNEL_WIDEST = 340  # pixels at most for the Purchases table's channel column


def channel_choices(catalog: Catalog) -> list[tuple[str, str, str | None]]:
    """(label, channel, order form) for a purchase: the cart, the API, a manual order, or
    one of the catalog's order forms."""
    out: list[tuple[str, str, str | None]] = [(label, channel, None)
                                              for label, channel in CHANNEL_CHOICES]
    for form in catalog.order_forms.values():
        channel = "legacy_order_form" if form.legacy else "order_form"
        legacy = " (legacy)" if form.legacy else ""  # as the goal editor says it
        out.append((f"Order form: {form.name}{legacy}", channel, form.id))
    return out


def goal_products(workspace: Workspace, campaign_id: str | None) -> list[str]:
    """The products the campaign's purchase goals look for, in flow order: what a what-if
    about that campaign most likely wants its visitors to buy."""
    if campaign_id is None or not workspace.has_campaign(campaign_id):
        return []
    campaign = workspace.campaign(campaign_id)
    found: list[str] = []
    for node in sorted(campaign.nodes, key=lambda n: (n.x, n.y)):
        for product in getattr(node.config, "products", []) if node.kind == "purchase_goal" \
                else []:
            if product in workspace.catalog.products and product not in found:
                found.append(product)
    return found


def goal_tags(workspace: Workspace) -> list[str]:
    """The tags the workspace's tag goals wait for, in campaign and flow order: what a
    what-if giving visitors a tag most likely wants to give them (a goal's tag that
    nothing in the workspace applies can be reached no other way in a what-if)."""
    found: list[str] = []
    for campaign in workspace.campaigns:
        for node in sorted(campaign.nodes, key=lambda n: (n.x, n.y)):
            for tag in getattr(node.config, "tags", []) if node.kind == "tag_goal" else []:
                if tag.strip() and tag not in found:
                    found.append(tag)
    return found


def channel_index(box: QComboBox, channel: str | None, form: str | None) -> int:
    """The item of ``box`` for a remembered channel: the same one, else the same order form
    (made legacy, or no longer legacy, since); -1 when it is gone (or was never one)."""
    items = [box.itemData(i) for i in range(box.count())]
    choices = [tuple(item) if isinstance(item, (tuple, list)) else None for item in items]
    if (channel, form) in choices:
        return choices.index((channel, form))
    if form is not None:
        return next((i for i, c in enumerate(choices) if c is not None and c[1] == form), -1)
    return -1


class ChannelBox(ElidedComboBox):
    """A channel choice whose text, when the column is narrower than it, loses its middle
    ("Order form: Spa and Hot…orthern Region (legacy)": its kind and its end both show); the
    whole text is its tooltip, and the list shows every name whole."""

    def __init__(self, choices: list[tuple[str, str, str | None]],
                 parent: QWidget | None = None) -> None:
        super().__init__(elide=Qt.TextElideMode.ElideMiddle, parent=parent)
        for label, value, form in choices:
            self.addItem(label, (value, form))
        widest = max((self.fontMetrics().horizontalAdvance(label) for label, _v, _f in choices),
                     default=0)
        self.view().setMinimumWidth(widest + 40)
