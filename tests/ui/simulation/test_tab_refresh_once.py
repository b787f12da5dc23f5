"""A chart is drawn again only when what it shows changed: a tab brought to the front
draws its chart once (it drew it twice, at once and an event later, and again at every
return to the tab; at 12,000 contacts the Over Time chart took half a second each time),
and again for another campaign, a run going on or another size."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from canvas_app.ui.main_window import MainWindow

from .test_simulation_panel import run_to_finish


def counting(monkeypatch, chart, name: str) -> list[int]:
    calls: list[int] = []
    original = getattr(chart, name)

    def counted(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(chart, name, counted)
    return calls


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def test_a_tab_draws_its_chart_once_and_again_only_for_a_change(
        qtbot, window: MainWindow, monkeypatch) -> None:
    window.resize(1280, 860)
    window.show_simulation_panel()
    run_to_finish(qtbot, window)
    panel = window.simulation_panel
    panel.tabs.setCurrentWidget(panel.log_view)
    settle()
    drawn = counting(monkeypatch, panel.timeline, "show_timeline")
    panel.tabs.setCurrentWidget(panel.timeline)
    settle()
    assert len(drawn) == 1
    assert panel.timeline.lines  # drawn: a line per node of the campaign
    panel.tabs.setCurrentWidget(panel.log_view)
    panel.tabs.setCurrentWidget(panel.timeline)
    settle()
    assert len(drawn) == 1  # the same run, campaign and size: nothing to draw again
    # another campaign on show is drawn
    before = set(panel.timeline.lines)
    window.step_campaign(True)
    settle()
    panel.tabs.setCurrentWidget(panel.log_view)
    panel.tabs.setCurrentWidget(panel.timeline)
    settle()
    assert set(panel.timeline.lines) != before
    count = len(drawn)
    assert count >= 2
    # so is another size
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: panel.timeline.width() > 1300)
    panel.tabs.setCurrentWidget(panel.chart)
    panel.tabs.setCurrentWidget(panel.timeline)
    settle()
    assert len(drawn) > count


def test_the_charts_repaint_whole(window: MainWindow) -> None:
    """Qt Charts does not mark the room an axis label left when the labels widen (a run's
    counts growing): repainting only what it marked left bits of old labels beside the
    new ones ("ı0" by the 0) until the tab was shown again (regression QA)."""
    from PySide6.QtWidgets import QGraphicsView

    panel = window.simulation_panel
    for view in (panel.timeline, panel.chart.view):
        assert view.viewportUpdateMode() == QGraphicsView.ViewportUpdateMode.FullViewportUpdate
