"""Over Time's goal lines told apart without colour (accessibility QA): each goal's band
carries marks of a shape of its own, a few dozen at most however long the run, and its piece
in the legend is that shape."""

from __future__ import annotations

from PySide6.QtCharts import QLegend
from PySide6.QtCore import QPoint

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.timeline_chart import TimelineChart
from canvas_app.ui.simulation.timeline_legend import (
    MARK_SIZE,
    MARK_SPACING,
    MOST_MARKS,
    mark_xs,
    value_at,
)

from .test_chart_export import finished_chart


def test_marks_are_spread_evenly_and_few_however_long_the_line() -> None:
    places = mark_xs(0.0, 5000.0, 0, 1)
    assert len(places) == MOST_MARKS
    steps = {round(b - a, 6) for a, b in zip(places, places[1:], strict=False)}
    assert len(steps) == 1 and steps.pop() >= MARK_SPACING
    short = mark_xs(0.0, 400.0, 0, 1)
    assert 1 <= len(short) <= 400 / MARK_SPACING + 1
    # two goals take turns: their marks never fall on the same places
    first, second = mark_xs(0.0, 1000.0, 0, 2), mark_xs(0.0, 1000.0, 1, 2)
    assert not set(first) & set(second)
    assert mark_xs(10.0, 5.0, 0, 1) == []


def test_a_step_lines_value_is_its_last_points_before() -> None:
    xs, ys = [0.0, 10.0, 10.0, 20.0], [0.0, 0.0, 3.0, 3.0]
    assert [value_at(xs, ys, x) for x in (0.0, 5.0, 10.0, 15.0, 25.0)] == [0, 0, 3, 3, 3]


def goals_of(timeline: TimelineChart) -> list[str]:
    return [node_id for node_id in timeline.lines if node_id in timeline.shapes]


def test_the_two_goals_of_checkup_onboarding_differ_in_shape(qtbot, window: MainWindow) -> None:
    window.campaign_list.select("checkup-onboarding")
    timeline, _host = finished_chart(qtbot, window, "timeline")
    goals = goals_of(timeline)
    assert goals == ["subscribed", "visit-booked"]  # its goals; its sequences have none
    shapes = [timeline.shapes[g] for g in goals]
    assert len(set(shapes)) == len(shapes)
    legend = timeline.chart().legend()
    for node_id, series in timeline.lines.items():
        marker = legend.markers(series)[0]
        if node_id in timeline.shapes:  # the legend's piece: the goal's shape
            assert marker.shape() == timeline.shapes[node_id]
        else:  # a sequence's: a piece of its broken line
            assert marker.shape() in (QLegend.MarkerShape.MarkerShapeDefault,
                                      QLegend.MarkerShape.MarkerShapeFromSeries)


def test_each_goals_marks_sit_on_its_line_in_its_colour(qtbot, window: MainWindow) -> None:
    window.campaign_list.select("checkup-onboarding")
    timeline, _host = finished_chart(qtbot, window, "timeline")
    chart = timeline.chart()
    goals = goals_of(timeline)
    image = timeline.grab().toImage()
    ratio = image.devicePixelRatioF()
    for number, node_id in enumerate(goals):
        series = timeline.lines[node_id]
        places = timeline.marks(node_id, number, len(goals))
        assert 2 <= len(places) <= MOST_MARKS
        colour = timeline.pens[node_id].color()
        for place in places:
            value = chart.mapToValue(place, series)  # on the line: its value there
            assert abs(value.y() - value_at([p.x() for p in series.points()],
                                            [p.y() for p in series.points()], value.x())) < 1e-6
            at = timeline.mapFromScene(chart.mapToScene(place))
            heading = timeline.heading_label
            if heading.isVisible() and heading.geometry().adjusted(-6, -6, 6, 6).contains(at):
                continue  # the title over the plot is drawn over the plot's top
            pixel = image.pixelColor(QPoint(round(at.x() * ratio), round(at.y() * ratio)))
            # the mark's middle: the line's colour, opaque (a band alone is see-through)
            assert abs(pixel.red() - colour.red()) <= 8, (node_id, pixel.name())
            assert abs(pixel.green() - colour.green()) <= 8, (node_id, pixel.name())
            assert abs(pixel.blue() - colour.blue()) <= 8, (node_id, pixel.name())
    assert timeline.pens[goals[0]].widthF() < MARK_SIZE  # wider than the band it marks


def test_a_hidden_goal_loses_its_marks(qtbot, window: MainWindow) -> None:
    window.campaign_list.select("checkup-onboarding")
    timeline, _host = finished_chart(qtbot, window, "timeline")
    goals = goals_of(timeline)
    place = timeline.marks(goals[0], 0, len(goals))[1]
    at = timeline.mapFromScene(timeline.chart().mapToScene(place))
    colour = timeline.pens[goals[0]].color().name()
    assert timeline.grab().toImage().pixelColor(at).name() == colour
    timeline.show_line(goals[0], False)
    assert timeline.grab().toImage().pixelColor(at).name() != colour


def test_a_long_run_keeps_a_few_dozen_marks_a_line(qtbot, window: MainWindow) -> None:
    timeline = window.simulation_panel.timeline
    campaign = window.controller.workspace.campaign("checkup-onboarding")
    start = 1_700_000_000
    timeline.resize(1200, 400)
    nodes = list(campaign.graph.nodes)
    history = [(start + 60 * i, {n: {"achieved": i // 3, "active": i % 7} for n in nodes})
               for i in range(5000)]
    timeline.show_timeline(campaign, history)
    goals = goals_of(timeline)
    assert goals
    for number, node_id in enumerate(goals):
        assert timeline.lines[node_id].count() > 1000
        assert len(timeline.marks(node_id, number, len(goals))) <= MOST_MARKS
