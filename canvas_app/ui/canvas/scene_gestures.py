"""The scene's gestures' feedback (a mixin of CampaignScene): a link being drawn shows
whether the campaign would take it (its target's look, the status bar's words)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt

from ...domain.names import isolated
from .node_item import NodeItem

if TYPE_CHECKING:
    from .scene import CampaignScene



def link_drag_hint(name: str) -> str:
    """The status bar's words while a link is drawn from the node named ``name``."""
    return f'Drop on another node to link "{isolated(name)}" to it; Esc cancels.'


class LinkAiming:
    """The state it uses (``_link_from``, ``link_target``, ``link_refusal``, ``_link_said``)
    is made in CampaignScene.__init__."""

    def link_target_at(self: CampaignScene, pos: QPointF) -> NodeItem | None:
        """The node a link dropped at ``pos`` goes to: generous, anywhere on its icon,
        name or the margin around them."""
        item = self.node_at(pos)
        if item is not None:
            return item
        for candidate in self.items(pos, Qt.ItemSelectionMode.IntersectsItemBoundingRect):
            if isinstance(candidate, NodeItem):
                return candidate
        return None

    def _set_link_target(self: CampaignScene, item: NodeItem | None,
                         refusal: str | None = None) -> None:
        if item is self.link_target and refusal == self.link_refusal:
            return
        previous, self.link_target, self.link_refusal = self.link_target, item, refusal
        for node in (previous, item):
            if node is not None:
                node.update()

    def _aim_link(self: CampaignScene, pos: QPointF) -> None:
        """The link being drawn points at ``pos``: the node there (not the one it starts
        from) is its target, in a look that says whether the campaign would take the link;
        the status bar says why not, or how to go on."""
        source = self._link_from
        target = self.link_target_at(pos)
        if source is None or target is source:
            target = None
        refusal = None
        campaign = self.current_campaign()
        if target is not None and source is not None and campaign is not None:
            refusal = campaign.can_link(source.node_id, target.node_id)
        self._set_link_target(target, refusal)
        if source is not None:
            self._say_while_linking(f"Cannot link: {refusal}." if refusal
                                    else link_drag_hint(self.node_name(source.node_id)))

    def _say_while_linking(self: CampaignScene, message: str) -> None:
        if message != self._link_said:
            self._link_said = message
            self.controller.status_message.emit(message)
