"""Where the canvas was looking in each campaign: switching back to a campaign shows it at
the zoom and scroll it was left at, not fitted again (a user who zoomed in on one corner of
a flow, looked at another campaign and came back found the whole flow at up to 125 %)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF

from .view import CanvasView


@dataclass(frozen=True)
class ViewPlace:
    zoom: float
    centre: QPointF  # the scene point at the viewport's middle
    fitted: bool  # fitted and not zoomed or scrolled since: it fits again on showing

    @classmethod
    def of(cls, view: CanvasView) -> ViewPlace:
        return cls(view.zoom(), view.centre_scene_pos(), view.fitted)

    def restore(self, view: CanvasView) -> None:
        """Zooms and scrolls ``view`` back here (a fitted place fits the view again: the
        campaign may have grown or the window changed size since)."""
        if self.fitted:
            view.fit()
            return
        view.set_zoom(self.zoom)
        view.centerOn(self.centre)
        view.fitted = False


class ViewPlaces:
    """One place per campaign of the workspace shown (kept while the window shows it)."""

    def __init__(self) -> None:
        self._places: dict[str, ViewPlace] = {}

    def clear(self) -> None:
        self._places.clear()

    def keep(self, view: CanvasView) -> None:
        """Notes where ``view`` looks in the campaign it shows (nothing for an empty one:
        its first node is placed where the view is, and then it is fitted)."""
        scene = view.canvas()
        if scene is None or scene.campaign_id is None:
            return
        if scene.nodes:
            self._places[scene.campaign_id] = ViewPlace.of(view)
        else:
            self._places.pop(scene.campaign_id, None)

    def show(self, view: CanvasView) -> None:
        """Puts ``view`` where it was left in the campaign it now shows; fits it when the
        campaign is new to this window or has lost all its nodes since."""
        scene = view.canvas()
        campaign_id = scene.campaign_id if scene is not None else None
        place = self._places.get(campaign_id) if campaign_id is not None else None
        if place is None or scene is None or not scene.nodes:
            view.fit()
        else:
            place.restore(view)
