"""Going to a node (a warning clicked, a journey's step, a match found) moves the view only
as far as it must: QA clicked a warning of another campaign, which showed whole, and the
view centred its node and pushed the campaign's first node out of sight."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from canvas_app.ui.main_window import MainWindow


def place(window: MainWindow) -> tuple[float, int, int]:
    view = window.view
    return (view.zoom(), view.horizontalScrollBar().value(),
            view.verticalScrollBar().value())


def in_sight(window: MainWindow, node_id: str) -> bool:
    view = window.view
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    return seen.contains(window.scene.nodes[node_id].sceneBoundingRect())


def test_a_warning_of_a_campaign_shown_whole_leaves_the_view_as_it_is(
        qtbot, window: MainWindow) -> None:
    window.campaign_list.select("checkup-onboarding")
    QApplication.processEvents()
    whole = place(window)
    assert all(in_sight(window, n) for n in window.scene.nodes)
    window.campaign_list.select("shock-nurture")
    QApplication.processEvents()
    window.lint_panel.finding_activated.emit("checkup-onboarding", "visit-booked")
    QApplication.processEvents()
    assert window.current_campaign_id() == "checkup-onboarding"
    assert window.scene.selected_node_ids() == ["visit-booked"]
    assert place(window) == whole
    assert all(in_sight(window, n) for n in window.scene.nodes)


def test_a_node_out_of_sight_is_brought_into_it(qtbot, window: MainWindow) -> None:
    window.campaign_list.select("checkup-onboarding")
    view = window.view
    view.set_zoom(2.0)
    view.centerOn(-5000, -5000)
    QApplication.processEvents()
    assert not in_sight(window, "visit-booked")
    window.reveal_node("checkup-onboarding", "visit-booked")
    QApplication.processEvents()
    assert in_sight(window, "visit-booked")
    assert view.zoom() == 2.0


def test_zoomed_out_too_far_to_read_it_comes_to_100_percent(qtbot, window: MainWindow) -> None:
    window.view.set_zoom(0.2)
    window.reveal_node("shock-nurture", "nurture")
    QApplication.processEvents()
    assert window.view.zoom() == 1.0
    assert in_sight(window, "nurture")
