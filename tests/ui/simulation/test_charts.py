"""The Chart and Over Time tabs: every row labelled, lines that stay apart."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QGraphicsItem

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.funnel_chart import LABEL_WIDTH

from .conftest import SCENARIO
from .test_simulation_panel import run_to_finish

LONG = "Tagged as VIP customer after the post-purchase sequence finishes completely"
TEXT_ITEM = 8  # QGraphicsTextItem.Type: Qt Charts draws its labels with them


def row_labels_drawn(chart) -> list[QGraphicsItem]:
    """The text items Qt Charts shows left of the plot: the row labels it drew."""
    plot = chart.chart().plotArea()
    return [item for item in chart.view.scene().items()
            if item.type() == TEXT_ITEM and item.isVisible() and item.boundingRect().width() > 4
            and item.sceneBoundingRect().right() <= plot.left() + 1
            and plot.top() <= item.sceneBoundingRect().center().y() <= plot.bottom()]


def five_rows(qtbot, window: MainWindow, more: int = 0) -> None:
    """The QA's campaign: five nodes (and ``more``), one with a very long name, run to the
    end, the Chart tab on show in a panel of the height Simulate gives it."""
    campaign = window.current_campaign_id()
    window.controller.rename_node(campaign, "post-purchase", LONG)
    for i in range(2 + more):
        window.controller.add_node(campaign, "sequence", 300 + 100 * i, 400 + 50 * i)
    window.resize(1440, 900)
    window.show_simulation_panel()
    run_to_finish(qtbot, window)
    panel = window.simulation_panel
    panel.tabs.setCurrentWidget(panel.chart)
    qtbot.wait(50)
    QApplication.processEvents()


def test_every_row_is_labelled_at_the_default_panel_height(qtbot, window: MainWindow) -> None:
    five_rows(qtbot, window)
    chart = window.simulation_panel.chart
    assert len(chart.values()["Completed"]) == 5
    assert len(row_labels_drawn(chart)) == 5


def test_rows_that_do_not_fit_scroll_and_keep_their_labels(qtbot, window: MainWindow) -> None:
    five_rows(qtbot, window, more=7)
    chart = window.simulation_panel.chart
    assert len(chart.values()["Completed"]) == 12
    assert len(row_labels_drawn(chart)) == 12
    # Taller than the panel: it scrolls rather than squeeze the rows.
    bar = chart.verticalScrollBar()
    assert chart.view.height() > chart.viewport().height() and bar.maximum() > 0


def test_a_long_name_is_shortened_in_the_middle_and_given_in_full_on_hover(
        qtbot, window: MainWindow) -> None:
    five_rows(qtbot, window)
    chart = window.simulation_panel.chart
    short = next(label for label in chart.labels if "…" in label)
    assert short.startswith("Tagged as") and short.endswith("completely")
    for item in row_labels_drawn(chart):
        assert item.boundingRect().width() <= LABEL_WIDTH + 20  # room left for the bars
    plot = chart.chart().plotArea()
    # Hovering the long name's row gives it in full (labels: top to bottom).
    rows, row = len(chart.labels), chart.labels.index(short)
    y = plot.top() + plot.height() * (row + 0.5) / rows
    where = chart.view.mapFromScene(plot.left() - 40, y)
    tip = chart.view.tooltip_at(QPoint(where.x(), where.y()))
    assert tip.startswith(LONG + "\n")
    assert "Completed: 2" in tip


def test_lines_with_equal_values_stay_apart(qtbot, window: MainWindow) -> None:
    from PySide6.QtCore import Qt

    panel = window.simulation_panel
    window.campaign_list.select("checkup-onboarding")
    run_to_finish(qtbot, window)
    panel.tabs.setCurrentWidget(panel.timeline)
    timeline = panel.timeline
    lines = timeline.lines
    pens = {node: line.pen() for node, line in lines.items()}
    # Each line is drawn differently from every other: no two share colour, style and width.
    looks = {(p.color().name(), tuple(p.dashPattern()), p.widthF()) for p in pens.values()}
    assert len(looks) == len(pens) == 4
    goal, sequence = pens["subscribed"], pens["onboarding"]
    assert goal.widthF() > sequence.widthF() and goal.color().alphaF() < 1  # a band
    assert sequence.style() != Qt.PenStyle.SolidLine  # a broken line shows on a band
    assert pens["onboarding"].dashPattern() != pens["visit-follow-up"].dashPattern()


def test_hovering_a_name_in_the_legend_brings_its_line_forward(qtbot,
                                                              window: MainWindow) -> None:
    panel = window.simulation_panel
    run_to_finish(qtbot, window)
    panel.tabs.setCurrentWidget(panel.timeline)
    timeline = panel.timeline
    markers = {m.label(): m for m in timeline.chart().legend().markers()}
    before = {node: line.pen().widthF() for node, line in timeline.lines.items()}
    markers["Nurture (in it)"].hovered.emit(True)
    nurture = timeline.lines["nurture"].pen()
    assert nurture.widthF() > before["nurture"] and nurture.color().alphaF() == 1
    assert timeline.lines["bought-shock"].pen().color().alphaF() < 0.2  # faded
    markers["Nurture (in it)"].hovered.emit(False)
    assert {node: line.pen().widthF() for node, line in timeline.lines.items()} == before
    assert timeline.lines["bought-shock"].pen().color().alphaF() > 0.2
    markers["Bought pool shock (achieved)"].clicked.emit()  # hides the line
    assert not timeline.lines["bought-shock"].isVisible()
    assert markers["Bought pool shock (achieved)"].font().strikeOut()  # there, struck out
    markers["Bought pool shock (achieved)"].clicked.emit()
    assert timeline.lines["bought-shock"].isVisible()
    assert not markers["Bought pool shock (achieved)"].font().strikeOut()


def test_same_named_rows_are_numbered_unlike_pasted_copies() -> None:
    from canvas_app.ui.simulation.funnel_chart import unique_names

    assert unique_names(["Buy", "Buy (2)", "Buy", ""]) == ("Buy", "Buy (2)", "Buy #2",
                                                          "(no name)")


def test_over_time_legend_tells_same_and_long_names_apart(qtbot, window: MainWindow) -> None:
    campaign = window.current_campaign_id()
    window.controller.rename_node(campaign, "nurture", LONG + " (first)")
    window.controller.rename_node(campaign, "post-purchase", LONG + " (second)")
    extra = window.controller.add_node(campaign, "sequence", 300, 400)
    window.controller.rename_node(campaign, extra, "Bought pool shock")  # a goal's name
    run_to_finish(qtbot, window)
    panel = window.simulation_panel
    panel.tabs.setCurrentWidget(panel.timeline)
    timeline = panel.timeline
    shown = {node: line.name() for node, line in timeline.lines.items()}
    assert len(set(shown.values())) == len(shown)  # no two entries alike
    first, second = shown["nurture"], shown["post-purchase"]
    assert "…" in first and first.startswith("Tagged as") and first.endswith("(first) (in it)")
    assert second.endswith("(second) (in it)")
    assert timeline.full_names["nurture"] == LONG + " (first) (in it)"
    assert shown["bought-shock"] == "Bought pool shock (achieved)"
    assert shown[extra] == "Bought pool shock #2 (in it)"


def test_charts_of_a_campaign_added_after_the_run_say_it_is_not_in_it(
        qtbot, window: MainWindow) -> None:
    run_to_finish(qtbot, window)
    panel = window.simulation_panel
    panel.tabs.setCurrentWidget(panel.timeline)
    window.campaign_list.new_campaign()
    name = window.controller.workspace.campaign(window.current_campaign_id()).name
    said = f'"{name}" is not in this run: Run Again to simulate it'
    qtbot.waitUntil(lambda: panel.timeline.chart().title() == said)
    assert panel.timeline.lines == {}
    panel.tabs.setCurrentWidget(panel.chart)
    qtbot.waitUntil(lambda: panel.chart.chart().title() == said)


def test_over_time_of_a_campaign_with_no_nodes_says_so(qtbot) -> None:
    from canvas_app.domain.campaign import Campaign
    from canvas_app.ui.simulation.timeline_chart import TimelineChart

    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.show_timeline(Campaign("c", "Spring"), [(0, {}), (3600, {})])
    assert chart.chart().title() == "Spring has no goals or sequences to chart yet"
    assert chart.lines == {}


def test_over_time_forgets_the_last_run_s_times_when_there_is_no_run(
        qtbot, window: MainWindow, sample_file: Path) -> None:
    """QA: after another workspace was opened, the empty chart said "Run a scenario…" but
    still showed the old run's time axis."""
    panel = window.simulation_panel
    run_to_finish(qtbot, window)
    panel.tabs.setCurrentWidget(panel.timeline)
    QApplication.processEvents()
    chart = panel.timeline.chart()
    time_axis = chart.axes(Qt.Orientation.Horizontal)[0]
    assert time_axis.isVisible() and time_axis.categoriesLabels()[0] == "2 Mar"  # 2026
    assert window.files.new_workspace()
    QApplication.processEvents()
    assert chart.title() == "Run a scenario to see its contacts over time"
    assert not any(axis.isVisible() for axis in chart.axes())
    assert time_axis.categoriesLabels() == []  # the old run's times are gone
    assert time_axis.max() <= 3600 * 1000
    # The sample again, run again: its axes again.
    assert window.files.open_source(str(sample_file))
    panel.select_scenario(str(SCENARIO))
    run_to_finish(qtbot, window)
    QApplication.processEvents()
    assert time_axis.isVisible() and time_axis.categoriesLabels()[0] == "2 Mar"



def test_the_chart_s_title_follows_a_renamed_campaign(qtbot, window: MainWindow) -> None:
    """QA: after renaming the campaign, the Chart tab kept its old name in the title (Over
    Time had the new one), also after Reset and Run to End."""
    run_to_finish(qtbot, window)
    panel = window.simulation_panel
    panel.tabs.setCurrentWidget(panel.chart)
    campaign = window.current_campaign_id()
    window.controller.rename_campaign(campaign, "Shock Spring")
    panel.reset()
    panel.run_to_end()
    qtbot.waitUntil(lambda: panel.runner.done, timeout=5000)
    qtbot.waitUntil(lambda: panel.chart.chart().title() == "Shock Spring: contacts per node",
                    timeout=3000)


def test_the_keys_scroll_rows_that_do_not_fit(qtbot, window: MainWindow) -> None:
    """The scroll area round the bars is no Tab stop: the bars' view, which takes the
    keys, scrolls it with Down, Page Down, End, Up and Home."""
    five_rows(qtbot, window, more=7)
    chart = window.simulation_panel.chart
    bar = chart.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    chart.view.setFocus()
    qtbot.keyClick(chart.view, Qt.Key.Key_Down)
    assert bar.value() == bar.singleStep()
    qtbot.keyClick(chart.view, Qt.Key.Key_End)
    assert bar.value() == bar.maximum()
    qtbot.keyClick(chart.view, Qt.Key.Key_PageUp)
    assert bar.value() == max(0, bar.maximum() - bar.pageStep())
    qtbot.keyClick(chart.view, Qt.Key.Key_Home)
    assert bar.value() == 0
