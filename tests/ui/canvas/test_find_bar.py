"""The Find bar (Ctrl+F): finds nodes by name in every campaign, from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from canvas_app.ui.main_window import MainWindow


def open_bar(window: MainWindow, qtbot) -> None:
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.find_bar.isVisible())


def test_ctrl_f_opens_the_bar_over_the_canvas_with_the_keyboard_in_it(window, qtbot):
    open_bar(window, qtbot)
    bar = window.find_bar
    assert bar.field.hasFocus()
    view_rect = window.view.geometry()
    assert view_rect.contains(bar.geometry())  # over the canvas, its top-right corner
    assert bar.geometry().right() > view_rect.center().x()


def test_typing_selects_the_first_match_in_the_shown_campaign(window, qtbot):
    open_bar(window, qtbot)
    QTest.keyClicks(window.find_bar.field, "pur")
    assert window.scene.selected_node_ids() == ["post-purchase"]
    assert window.find_bar.count.text() == "1 of 1"


def test_enter_goes_on_into_the_next_campaign_and_round(window, qtbot):
    assert window.current_campaign_id() == "shock-nurture"
    open_bar(window, qtbot)
    field = window.find_bar.field
    QTest.keyClicks(field, "o")  # Nurture has no "o"; every other node has
    assert window.scene.selected_node_ids() == ["bought-shock"]
    seen = [(window.current_campaign_id(), window.scene.selected_node_ids()[0])]
    for _ in range(6):
        QTest.keyClick(field, Qt.Key.Key_Return)
        seen.append((window.current_campaign_id(), window.scene.selected_node_ids()[0]))
    assert seen == [("shock-nurture", "bought-shock"), ("shock-nurture", "post-purchase"),
                    ("checkup-onboarding", "subscribed"),
                    ("checkup-onboarding", "onboarding"), ("checkup-onboarding", "visit-booked"),
                    ("checkup-onboarding", "visit-follow-up"),
                    ("shock-nurture", "bought-shock")]
    QTest.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.current_campaign_id() == "checkup-onboarding"
    assert window.scene.selected_node_ids() == ["visit-follow-up"]
    assert window.find_bar.count.text() == "6 of 6"
    assert field.hasFocus()  # the keyboard stays in the bar while going round


def test_a_name_only_in_another_campaign_says_so_and_enter_goes_there(window, qtbot):
    open_bar(window, qtbot)
    QTest.keyClicks(window.find_bar.field, "visit")
    assert window.current_campaign_id() == "shock-nurture"  # typing does not jump away
    assert window.find_bar.count.text() == "2 in another campaign (Enter)"
    QTest.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.current_campaign_id() == "checkup-onboarding"
    assert window.scene.selected_node_ids() == ["visit-booked"]
    assert window.find_bar.count.text() == "1 of 2"


def test_no_match_is_said_and_marked(window, qtbot):
    open_bar(window, qtbot)
    QTest.keyClicks(window.find_bar.field, "zebra")
    assert window.find_bar.count.text() == "No match"
    assert window.find_bar.field.property("found") == "false"
    QTest.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.current_campaign_id() == "shock-nurture"


def test_typing_in_the_bar_never_edits_the_canvas(window, qtbot):
    """Backspace and Delete delete nodes while the canvas has the keyboard, not here."""
    before = len(window.scene.nodes)
    open_bar(window, qtbot)
    field = window.find_bar.field
    QTest.keyClicks(field, "nur")
    assert window.scene.selected_node_ids() == ["nurture"]
    for key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
        QTest.keyClick(field, key)
    assert len(window.scene.nodes) == before
    assert window.session.undo_stack.count() == 0
    assert field.text() == "n"


def test_esc_closes_and_the_canvas_has_the_keyboard_with_the_match_selected(window, qtbot):
    open_bar(window, qtbot)
    QTest.keyClicks(window.find_bar.field, "bought")
    QTest.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert window.view.hasFocus()
    assert window.scene.selected_node_ids() == ["bought-shock"]


def test_alt_enter_selects_every_match_in_the_shown_campaign(window, qtbot):
    window.campaign_list.select("checkup-onboarding")
    open_bar(window, qtbot)
    QTest.keyClicks(window.find_bar.field, "VISIT")
    QTest.keyClick(window.find_bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    assert sorted(window.scene.selected_node_ids()) == ["visit-booked", "visit-follow-up"]


def test_f3_opens_the_bar_then_goes_on_with_the_text_kept(window, qtbot):
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: window.find_bar.isVisible())
    QTest.keyClicks(window.find_bar.field, "e")
    QTest.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    first = window.scene.selected_node_ids()
    QTest.keyClick(window.view, Qt.Key.Key_F3)
    assert window.find_bar.isVisible()
    assert window.scene.selected_node_ids() != first


def test_a_renamed_node_is_found_by_its_new_name(window, qtbot):
    window.controller.rename_node("shock-nurture", "nurture", "Welcome series")
    open_bar(window, qtbot)
    QTest.keyClicks(window.find_bar.field, "welcome")
    assert window.scene.selected_node_ids() == ["nurture"]


def test_find_is_in_the_edit_menu_and_the_keyboard_help(window):
    texts = [a.text() for a in window.menus["edit"].actions()]
    assert "&Find…" in texts and "Find Ne&xt" in texts
    from canvas_app.ui.shortcuts import GESTURES

    assert any(area == "Find bar" for area, _, _ in GESTURES)


def test_a_match_in_a_view_zoomed_far_out_is_shown_at_100_percent(window, qtbot):
    window.view.set_zoom(0.1)
    open_bar(window, qtbot)
    QTest.keyClicks(window.find_bar.field, "post")
    assert window.view.zoom() == 1.0
    item = window.scene.nodes["post-purchase"]
    seen = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert seen.contains(item.sceneBoundingRect())


def test_a_node_no_longer_matching_is_not_left_selected(window, qtbot):
    """"b" finds "Bought pool shock"; "booked" only "Visit booked", in the other campaign:
    the node the bar selected is unselected, as the count says there is no match in this
    campaign (QA: it stayed selected beside "1 in another campaign")."""
    open_bar(window, qtbot)
    field = window.find_bar.field
    QTest.keyClicks(field, "b")
    assert window.scene.selected_node_ids() == ["bought-shock"]
    QTest.keyClicks(field, "ooked")  # "booked": only "Visit booked", in the other campaign
    assert window.current_campaign_id() == "shock-nurture"
    assert window.find_bar.count.text() == "1 in another campaign (Enter)"
    assert window.scene.selected_node_ids() == []
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert window.scene.selected_node_ids() == ["visit-booked"]


def test_a_selection_the_user_made_is_left_alone(window, qtbot):
    window.scene.select_nodes(["nurture", "post-purchase"])
    open_bar(window, qtbot)
    QTest.keyClicks(window.find_bar.field, "zebra")
    assert sorted(window.scene.selected_node_ids()) == ["nurture", "post-purchase"]


def test_the_count_follows_an_undo_while_the_bar_shows(window, qtbot):
    """QA: with "2 of 3" on show, an undo that took one match away left "2 of 3" until the
    next step."""
    open_bar(window, qtbot)
    bar = window.find_bar
    QTest.keyClicks(bar.field, "pur")
    assert bar.count.text() == "1 of 1"  # Post-purchase
    window.controller.rename_node("shock-nurture", "nurture", "Pure nurture")
    qtbot.waitUntil(lambda: bar.count.text() == "2 of 2", timeout=2000)
    QTest.keyClick(bar.field, Qt.Key.Key_Return)  # round to the first: Pure nurture
    assert bar.count.text() == "1 of 2"
    assert window.scene.selected_node_ids() == ["nurture"]
    window.session.undo_stack.undo()  # the match on show is one no longer
    qtbot.waitUntil(lambda: bar.count.text() == "1 found", timeout=2000)
    assert bar.current is None
    QTest.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == "1 of 1"
