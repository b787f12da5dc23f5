"""A fitted view settles: it fits again when its size changes, and its own scrollbars never
change that size. (A wide campaign under the Simulation panel refitted ~500 times a second
for ever: the bars came and went with the zoom, resizing the view, which refitted.)"""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from canvas_app.io.schema import FORMAT, VERSION
from canvas_app.ui.canvas.view import CanvasView

from .conftest import make_window


def wide_campaign(path, count: int = 1000, per_row: int = 70) -> None:
    nodes = [{"id": f"n{i}", "kind": "sequence", "name": f"Seq {i}",
              "x": (i % per_row) * 240, "y": (i // per_row) * 180,
              "steps": [{"kind": "email", "subject": "Hello"}],
              "runs_until_completed": False} for i in range(count)]
    edges = [{"source": f"n{i - 1}", "target": f"n{i}"} for i in range(1, count) if i % 50]
    data = {"format": FORMAT, "version": VERSION,
            "catalog": {"categories": [], "products": [], "order_forms": [],
                        "payment_types": ["credit_card"]},
            "ecommerce": {"settings": {}, "action_sets": {}, "product_action_sets": {}},
            "contacts": [], "campaigns": [{"id": "wide", "name": "Wide", "nodes": nodes,
                                           "edges": edges}]}
    path.write_text(json.dumps(data), encoding="utf-8")


def test_a_wide_campaign_fitted_under_the_simulation_panel_settles(
        qtbot, tmp_path, monkeypatch) -> None:
    path = tmp_path / "wide.campaign.json"
    wide_campaign(path)
    window = make_window(qtbot, str(path), tmp_path)
    window.resize(1280, 800)
    fits: list[float] = []
    original = CanvasView._fit

    def counted(view: CanvasView) -> None:
        original(view)
        fits.append(view.zoom())

    monkeypatch.setattr(CanvasView, "_fit", counted)
    window.view.fit()
    window.show_simulation_panel()
    qtbot.wait(600)  # the panel laid out, the view refitted to its new size
    settled = len(fits)
    qtbot.wait(600)
    assert len(fits) == settled, f"{len(fits) - settled} more fits in 0.6 s: {fits[-4:]}"
    assert window.view.fitted
    on = Qt.ScrollBarPolicy.ScrollBarAlwaysOn
    assert window.view.horizontalScrollBarPolicy() == on
    assert window.view.verticalScrollBarPolicy() == on
