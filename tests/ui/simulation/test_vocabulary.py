"""One set of words across the panel for what becomes of a sequence's contacts: the
canvas badges, the node tooltips, the chart's legend and the journeys say "completed" and
"left early" (SPEC's completed/removed); "Where now" says "waiting at" a goal."""

from __future__ import annotations

from PySide6.QtCore import Qt

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.overlay import describe_counts

from .test_simulation_panel import run_to_finish

OTHER_WORDS = ("done", "removed", "Removed")


def test_badges_tooltips_charts_and_journeys_use_the_same_words(qtbot,
                                                                window: MainWindow) -> None:
    panel = window.simulation_panel
    run_to_finish(qtbot, window)
    nurture = window.scene.nodes["nurture"]
    badges = [text for _rect, text, _role in panel.layer.pills(nurture)]
    assert badges == ["0 in", "1 completed", "2 left early"]
    tip = describe_counts("sequence", panel.runner.simulation.counts()["nurture"])
    assert "1 completed" in tip and "2 left early" in tip
    panel.tabs.setCurrentWidget(panel.chart)
    legend = panel.chart.legend_box.names()
    assert "Completed" in legend and "Left early" in legend
    panel.select_contact("c-ana")
    journey = panel.contacts.journey
    what = [journey.topLevelItem(i).text(1) for i in range(journey.topLevelItemCount())]
    assert "left early" in what and "completed" in what
    for text in [*badges, tip, *legend, *what]:
        assert not any(word in text.split() for word in OTHER_WORDS), text


def test_where_now_says_waiting_at_a_goal(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    run_to_finish(qtbot, window)
    model = panel.contacts_model
    where = {model.index(r, 0).data(): model.index(r, 2).data()
             for r in range(model.rowCount())}
    assert where["Dev Patel"] == "waiting at Bought pool shock"
    assert where["Ana Diaz"] == "finished"


def toolbar_button(window: MainWindow):
    return window.toolbar.widgetForAction(window.actions_by_name["simulate"])


def test_the_panels_run_button_says_what_the_toolbars_simulate_says(qtbot,
                                                                    window: MainWindow) -> None:
    """QA: the toolbar said "Simulate" and the panel's button "Run", for the same F5."""
    panel = window.simulation_panel
    window.show_simulation_panel()
    button, simulate = panel.run_button, toolbar_button(window)
    assert simulate.text() == "Simulate"
    assert button.text() == simulate.text()
    assert button.icon().cacheKey() != 0 and not button.icon().isNull()
    assert button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    run_to_finish(qtbot, window)
    assert button.text() == simulate.text() == "Run Again"
    assert panel.log_view.placeholderText().startswith("Simulate (F5)")
