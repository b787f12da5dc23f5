"""The campaign canvas: scene (follows domain events), view (zoom, pan, drop), items."""

from .scene import CampaignScene
from .view import CanvasView

__all__ = ["CampaignScene", "CanvasView"]
