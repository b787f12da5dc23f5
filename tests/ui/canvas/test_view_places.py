"""Switching back to a campaign shows it where it was left: the zoom and scroll of a view the
user zoomed or scrolled, a fresh fit of one that was fitted. (Every switch fitted the view
again: a user zoomed into one corner of a flow, looked at another campaign, came back and
found the whole flow at up to 125 %.)"""

from __future__ import annotations

from PySide6.QtCore import QPointF

from canvas_app.ui.main_window import MainWindow


def two_campaigns(window: MainWindow) -> tuple[str, str]:
    ids = [c.id for c in window.controller.workspace.campaigns]
    assert len(ids) >= 2, "the sample workspace has several campaigns"
    return ids[0], ids[1]


def centre(window: MainWindow) -> QPointF:
    return window.view.centre_scene_pos()


def close(a: QPointF, b: QPointF, within: float = 2.0) -> bool:
    return abs(a.x() - b.x()) <= within and abs(a.y() - b.y()) <= within


def test_a_zoomed_and_scrolled_campaign_is_shown_again_as_it_was_left(window) -> None:
    first, second = two_campaigns(window)
    window.campaign_list.select(first)
    view = window.view
    view.set_zoom(2.0)
    node = next(iter(window.scene.nodes.values()))
    view.centerOn(node)
    left_at, zoom = centre(window), view.zoom()
    assert not view.fitted

    window.campaign_list.select(second)
    assert window.current_campaign_id() == second
    assert view.fitted, "a campaign not seen before in this window is fitted"
    window.campaign_list.select(first)

    assert window.current_campaign_id() == first
    assert view.zoom() == zoom
    assert close(centre(window), left_at), (centre(window), left_at)
    assert not view.fitted
    assert window.zoom_label.text() == "Zoom 200 %"


def test_a_campaign_left_fitted_is_fitted_again(window) -> None:
    first, second = two_campaigns(window)
    window.campaign_list.select(first)
    window.view.fit()
    fitted_zoom = window.view.zoom()
    window.campaign_list.select(second)
    window.view.set_zoom(0.5)
    window.campaign_list.select(first)
    assert window.view.fitted
    assert window.view.zoom() == fitted_zoom


def test_the_places_are_forgotten_with_the_workspace(window, sample_file) -> None:
    first, second = two_campaigns(window)
    source = str(sample_file)
    window.campaign_list.select(first)
    window.view.set_zoom(3.0)
    window.campaign_list.select(second)
    assert window.files.new_workspace()
    assert window.files.open_source(source)
    window.campaign_list.select(second)
    window.campaign_list.select(first)
    assert window.view.fitted, "a workspace opened again has no places to go back to"
    assert window.view.zoom() != 3.0


def test_a_campaign_emptied_meanwhile_is_shown_at_100_percent(window) -> None:
    first, second = two_campaigns(window)
    window.campaign_list.select(first)
    window.view.set_zoom(2.5)
    window.scene.select_nodes(list(window.scene.nodes))
    window.delete_selection()
    assert not window.scene.nodes
    window.campaign_list.select(second)
    window.campaign_list.select(first)
    assert window.view.zoom() == 1.0, "an empty campaign is shown at 100 %, unscrolled"
