"""The Simulation panel's side on the canvas: the layer that draws the run, the counts in a
node's tooltip, and a contact's journey shown and brought into view."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .overlay import SimulationLayer, describe_counts, journey_path

if TYPE_CHECKING:
    from ..canvas.scene import CampaignScene
    from ..main_window import MainWindow
    from .contacts_tab import ContactsTab
    from .runner import SimRunner


class CanvasSide:
    """Mixed into :class:`~.panel.SimulationPanel`, which sets these attributes."""

    window_: MainWindow
    runner: SimRunner
    contacts: ContactsTab
    layer: SimulationLayer | None
    scene: CampaignScene | None
    overlay_wanted: bool
    preselect_scenario: Callable[[], str | None]
    # The status bar's hint to pick a campaign to see a journey, and those campaigns' ids.
    campaign_hint: tuple[str, set[str]] | None = None

    def attach(self, scene: CampaignScene) -> None:
        """Draws the run on this scene (a new scene comes with each opened workspace), and
        chooses a scenario that fits that workspace when no run is set up."""
        if self.layer is not None:
            self.layer.dispose()
        self.scene = scene
        self.layer = SimulationLayer(scene)
        self.layer.setVisible(self.overlay_wanted)
        scene.findings_changed.connect(self.layer.refit)
        scene.tooltip_extra = self._tooltip
        if self.runner.simulation is not None:
            self.layer.set_counts(self.runner.simulation.counts())
        else:
            self.preselect_scenario()

    def _tooltip(self, node_id: str, kind: str) -> str:
        sim = self.runner.simulation
        if sim is None:
            return ""
        counts = sim.counts().get(node_id)
        return describe_counts(kind, counts) if counts is not None else ""

    def panel_shown(self, visible: bool) -> None:
        """The canvas shows the run while its panel is open, in front or behind another
        tab (QA: the counts went as Warnings came to the front, so the two could not be
        compared); closing the panel gives the plain canvas back. Reset starts the run over,
        its counts with it."""
        dock = getattr(self.window_, "docks", {}).get("simulation")
        wanted = visible or (dock is not None and not dock.isHidden())
        self.overlay_wanted = wanted
        if self.layer is not None:
            self.layer.setVisible(wanted)

    # -- contacts -------------------------------------------------------------------------
    def select_contact(self, contact_id: str) -> None:
        self.contacts.select_contact(contact_id)

    def _show_path(self, contact_id: str) -> None:
        """Draws the selected contact's journey on the canvas (nothing when none)."""
        sim = self.runner.simulation
        if self.layer is None:
            return
        c = sim.contacts.get(contact_id) if sim is not None and contact_id else None
        if c is None:
            self.layer.show_path(set(), set(), set())
            return
        visited, links = journey_path(c.journey or [])
        self.layer.show_path(visited, set(c.position()), links)

    def _contact_picked(self, contact_id: str) -> None:
        """Draws the contact's journey, and brings where it is now (or was last) into view
        when that is on the canvas. A hint left by the contact picked before goes (QA: Ana's
        hint stayed while Ben's journey was drawn)."""
        self._take_back_hint()
        self._show_path(contact_id)
        if self.layer is None or self.scene is None:
            return
        nodes = self.scene.nodes
        path = self._where_now_first(contact_id)
        on_show = [n for n in path if n in nodes]
        if on_show:
            self._bring_into_view(on_show[0])
        elif path and self.runner.simulation is not None:
            sim = self.runner.simulation
            names = sorted({c.name for c in sim.workspace.campaigns
                            if any(n in c.graph for n in path)})
            who = sim.contacts[contact_id].name
            hint = (f"{who}'s journey is in {', '.join(names)}: pick it in the Campaigns "
                    "list to see it on the canvas.")
            self.window_.show_status(hint)
            self.campaign_hint = (hint, {c.id for c in sim.workspace.campaigns
                                         if any(n in c.graph for n in path)})

    def _where_now_first(self, contact_id: str) -> list[str]:
        """The nodes of the contact's journey: where it is now, then where it was, the
        latest first (in that order every time: the node brought into view is not chosen
        by a set's order)."""
        sim = self.runner.simulation
        contact = sim.contacts.get(contact_id) if sim is not None else None
        if contact is None:
            return []
        path = list(contact.position())
        for _at, _event, node, _detail in reversed(contact.journey or []):
            if node and node not in path:
                path.append(node)
        return path

    def _bring_into_view(self, node_id: str) -> None:
        """Scrolls the canvas to the node only when some of it is out of view: QA saw the
        whole flow slide 7 to 23 px sideways on choosing a contact whose nodes were all in
        view (ensureVisible's margins reached past the viewport's edge)."""
        if self.scene is None:
            return
        item = self.scene.nodes[node_id]
        view = self.window_.view
        seen = view.mapToScene(view.viewport().rect()).boundingRect()
        if not seen.contains(item.sceneBoundingRect()):
            view.ensureVisible(item, 80, 60)

    def hint_followed(self) -> None:
        """A campaign was picked: the hint to pick it, if still in the status bar, has
        been followed and goes."""
        if self.campaign_hint is None:
            return
        if self.window_.current_campaign_id() in self.campaign_hint[1]:
            self._take_back_hint()

    def _take_back_hint(self) -> None:
        """The hint to pick a campaign goes from the status bar, if it is still there."""
        if self.campaign_hint is None:
            return
        hint = self.campaign_hint[0]
        self.campaign_hint = None
        bar = self.window_.statusBar()
        shown = bar.currentMessage()
        if shown == hint or (shown.endswith("…") and hint.startswith(shown[:-1])):
            bar.clearMessage()
            bar.setToolTip("")

    def _reveal(self, node_id: str) -> None:
        workspace = self.window_.controller.workspace
        for campaign in workspace.campaigns:
            if node_id in campaign.graph:
                self.window_.reveal_node(campaign.id, node_id)
                return
        self.window_.show_status("That node is no longer in the workspace.")
