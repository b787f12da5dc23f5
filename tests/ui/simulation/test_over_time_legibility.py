"""The Over Time chart at 1280x800 (QA 69): a legend entry was cut ("Bought shoc…r chemicals
(achieved)") with room beside it, and a goal's band was a pale green on white."""

from __future__ import annotations

from PySide6.QtGui import QColor

from canvas_app.ui.main_window import MainWindow

from .test_simulation_panel import finished_on_tab


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) \
        + 0.0722 * channel(colour.blueF())


def on_white(colour: QColor) -> QColor:
    """The colour as drawn over white, its alpha blended in."""
    alpha = colour.alphaF()
    return QColor.fromRgbF(*(alpha * c + 1 - alpha for c in (colour.redF(), colour.greenF(),
                                                              colour.blueF())))


def test_every_line_has_3_to_1_contrast_and_whole_names(qtbot, window: MainWindow) -> None:
    cid = window.current_campaign_id()
    window.controller.rename_node(cid, "bought-shock", "Bought shock or chemicals")
    finished_on_tab(qtbot, window, (1280, 800), "timeline")
    timeline = window.simulation_panel.timeline
    assert len(timeline.lines) == 3
    for node_id, series in timeline.lines.items():
        contrast = 1.05 / (luminance(on_white(series.pen().color())) + 0.05)
        assert contrast >= 3.0, (node_id, series.pen().color().name(), contrast)
    labels = [m.label() for m in timeline.chart().legend().markers()]
    assert "Bought shock or chemicals (achieved)" in labels
    assert labels == list(timeline.full_names.values())
