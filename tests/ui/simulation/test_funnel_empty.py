"""The Chart tab with nothing to chart says why (QA: an empty campaign read "No campaign"
over a bare 0-5 axis and a full legend)."""

from __future__ import annotations

from canvas_app.domain.nodes import Node
from canvas_app.domain.workspace import Workspace
from canvas_app.ui.simulation.funnel_chart import FunnelChart


def test_an_empty_campaign_is_named_and_no_bare_axes_are_drawn(qtbot) -> None:
    chart = FunnelChart()
    qtbot.addWidget(chart)
    campaign = Workspace().new_campaign("c1", "Campaign 1")
    chart.show_counts(campaign, {})
    inner = chart.chart()
    assert inner.title() == "Campaign 1 has no goals or sequences to chart yet"
    assert not chart.legend_box.isVisibleTo(chart)
    assert not any(axis.isVisible() for axis in inner.axes())
    # Nodes come: the bars, their axes and legend come back.
    campaign.add_node(Node("s1", "sequence", "Welcome"))
    chart.show_counts(campaign, {"s1": {"active": 3}})
    assert inner.title() == "Campaign 1: contacts per node"
    assert chart.legend_box.isVisibleTo(chart)
    assert all(axis.isVisible() for axis in inner.axes())
    assert not inner.legend().isVisible()  # Qt Charts' own: legend_box stands in for it


def test_no_run_says_to_run_a_scenario(qtbot) -> None:
    chart = FunnelChart()
    qtbot.addWidget(chart)
    chart.show_counts(None, {})
    assert chart.chart().title() == "Run a scenario to see its contacts per node"
    chart.show_counts(None, {}, "Gone is not in this run")
    assert chart.chart().title() == "Gone is not in this run"


def test_the_chart_tab_before_any_run_says_to_run_one(qtbot, window) -> None:
    """QA: before a run (or after one was refused) the Chart tab drew the campaign's title
    over a bare 0-5 axis and a full legend."""
    window.show_simulation_panel()
    panel = window.simulation_panel
    assert panel.runner.simulation is None
    panel.tabs.setCurrentWidget(panel.chart)
    qtbot.waitUntil(lambda: panel.chart.chart().title()
                    == "Run a scenario to see its contacts per node")
    assert not panel.chart.legend_box.isVisible()
