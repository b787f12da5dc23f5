"""The Over Time chart at 1280x800 (QA 69): a legend entry was cut ("Bought shoc…r chemicals
(achieved)") with room beside it, and a goal's band was a pale green on white."""

from __future__ import annotations

from PySide6.QtCharts import QLegend
from PySide6.QtCore import Qt
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


def test_each_name_in_the_legend_shows_its_line_s_dashes(qtbot, window: MainWindow) -> None:
    """QA: the legend showed a square of colour by each name, so a dashed sequence could
    not be told from the solid goal of a like colour. Each marker is a piece of its line,
    drawn with its pen: as thick as its line, a dashed or dotted one with its gaps."""
    finished_on_tab(qtbot, window, (1280, 800), "timeline")
    timeline = window.simulation_panel.timeline
    legend = timeline.chart().legend()
    assert legend.markerShape() == QLegend.MarkerShape.MarkerShapeFromSeries
    area = timeline.mapFromScene(legend.sceneBoundingRect()).boundingRect()
    image = timeline.grab(area).toImage()
    widths = set()
    for node_id, series in timeline.lines.items():
        pen = series.pen()
        if node_id in timeline.shapes:  # a goal: its shape, as its marks on the band (a11y
            ink = [(x, y) for y in range(image.height())  # QA: goals differed by colour
                   for x in range(image.width())  # alone); see test_a11y_charts_marks
                   if near(image.pixelColor(x, y), QColor(pen.color().rgb()))]
            assert ink, series.name()
            continue
        ink = [(x, y) for y in range(image.height()) for x in range(image.width())
               if near(image.pixelColor(x, y), on_white(pen.color()))]
        assert ink, series.name()  # its marker is drawn in its colour
        rows = {y for _, y in ink}
        assert abs(len(rows) - pen.widthF()) <= 1, (series.name(), len(rows), pen.widthF())
        widths.add(pen.widthF())
        if pen.style() != Qt.PenStyle.SolidLine:  # dashed, dotted, dash-dotted: gaps
            row = max(rows, key=lambda y: sum(1 for _, yy in ink if yy == y))
            xs = sorted(x for x, y in ink if y == row)
            assert any(b - a > 1 for a, b in zip(xs, xs[1:], strict=False)), xs
    # goals' lines and sequences' told apart in the legend too: a shape, a piece of line
    assert timeline.shapes and widths and len(widths) < len(timeline.lines)


def near(colour: QColor, wanted: QColor) -> bool:
    return max(abs(colour.red() - wanted.red()), abs(colour.green() - wanted.green()),
               abs(colour.blue() - wanted.blue())) <= 12
