"""Campaign list, lint panel and badges, events from the editors, zoom, pan and detail."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from canvas_app.domain.nodes import Node
from canvas_app.domain.tag_goal import TagGoalConfig
from canvas_app.ui.canvas.scene import OVERVIEW_MIN_NODES
from canvas_app.ui.canvas.view import OVERVIEW_SCALE
from canvas_app.ui.main_window import MainWindow

from .conftest import add_big_campaign


def test_campaign_list_new_rename_duplicate_delete_with_undo(qtbot, window: MainWindow) -> None:
    clist = window.campaign_list
    ws = window.controller.workspace
    assert clist.list.count() == 2
    clist.buttons["new"].click()
    assert clist.list.count() == 3
    new_id = clist.current_id()
    assert window.current_campaign_id() == new_id and not window.scene.nodes
    item = clist.list.currentItem()
    item.setText("Spring promo")  # what the in-place editor does
    assert ws.campaign(new_id).name == "Spring promo"
    clist.select("shock-nurture")
    clist.buttons["duplicate"].click()
    copy_id = clist.current_id()
    copy = ws.campaign(copy_id)
    assert copy.name == "Pool Shock Nurture (copy)" and len(copy) == 3
    assert not set(copy.graph.nodes) & set(ws.campaign("shock-nurture").graph.nodes)
    assert window.current_campaign_id() == copy_id and len(window.scene.nodes) == 3
    clist.buttons["delete"].click()
    assert not ws.has_campaign(copy_id)
    assert window.current_campaign_id() in clist.ids()
    stack = window.controller.undo_stack
    stack.undo()
    assert ws.has_campaign(copy_id)
    while stack.canUndo():
        stack.undo()
    assert [c.id for c in ws.campaigns] == ["shock-nurture", "checkup-onboarding"]
    assert clist.ids() == ["shock-nurture", "checkup-onboarding"]


def test_switching_campaigns_shows_their_nodes(window: MainWindow) -> None:
    window.campaign_list.select("checkup-onboarding")
    assert set(window.scene.nodes) == {"subscribed", "onboarding", "visit-booked",
                                       "visit-follow-up"}
    assert len(window.scene.links) == 3


def test_editor_changes_reach_scene_badges_and_lint_panel(qtbot, window: MainWindow) -> None:
    campaign = window.controller.campaign("shock-nurture")
    window.scene.refresh_findings()
    window.lint_panel.refresh()
    before = window.lint_panel.findings_count()
    # What a tag-goal editor does on Save: replace the node through the domain. Its tag is
    # one the sample's "Successful Purchase" actions apply, so it is sound (no finding).
    campaign.add_node(Node("waiting", "tag_goal", "Waiting", 700, 0,
                           TagGoalConfig(["Customer"])))
    campaign.link("post-purchase", "waiting")
    qtbot.waitUntil(lambda: window.lint_panel.findings_count() == before)
    node = campaign.node("waiting").copy(name="Waiting for customers", config=TagGoalConfig([]))
    campaign.replace_node(node)  # NODE_CHANGED: invalid settings now
    qtbot.waitUntil(lambda: bool(window.scene.findings_for("waiting")), timeout=2000)
    qtbot.waitUntil(lambda: window.lint_panel.findings_count() > before, timeout=2000)
    assert any("no tag" in m for m in window.scene.findings_for("waiting"))
    campaign.replace_node(node.copy(config=TagGoalConfig(["Customer"])))
    qtbot.waitUntil(lambda: not window.scene.findings_for("waiting"), timeout=2000)


def test_lint_panel_activation_reveals_the_node(qtbot, window: MainWindow) -> None:
    cid = "checkup-onboarding"
    window.controller.add_node(cid, "tag_goal", 0, 400)  # no tags: a finding
    window.lint_panel.refresh()
    rows = [window.lint_panel.item(i) for i in range(window.lint_panel.count())]
    row = next(r for r in rows if "No tag" in r.text())
    window.lint_panel.itemActivated.emit(row)
    assert window.current_campaign_id() == cid
    assert len(window.scene.selected_node_ids()) == 1


def render(window: MainWindow) -> QImage:
    image = QImage(window.view.viewport().size(), QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    window.view.render(painter)
    painter.end()
    return image


def test_zoom_keys_wheel_and_fit(qtbot, window: MainWindow) -> None:
    view = window.view
    view.reset_zoom()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() > 1.0
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() < 1.0
    view.fit()
    rect = view.mapToScene(view.viewport().rect()).boundingRect()
    for item in window.scene.nodes.values():
        assert rect.contains(item.sceneBoundingRect())
    from canvas_app.ui.canvas.view import FIT_MAX_SCALE

    assert view.zoom() <= FIT_MAX_SCALE
    assert "Zoom" in window.zoom_label.text()
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    before = view.zoom()
    centre = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(centre, view.viewport().mapToGlobal(centre), QPoint(0, 0),
                        QPoint(0, 120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom() > before


def test_middle_drag_pans(qtbot, window: MainWindow) -> None:
    view = window.view
    view.reset_zoom()
    before = view.mapToScene(view.viewport().rect().center())
    vp = view.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.MiddleButton, pos=QPoint(400, 300))
    qtbot.mouseMove(vp, QPoint(300, 250))
    qtbot.mouseRelease(vp, Qt.MouseButton.MiddleButton, pos=QPoint(300, 250))
    after = view.mapToScene(view.viewport().rect().center())
    assert after.x() > before.x() + 50 and after.y() > before.y() + 20


def test_large_campaign_switches_to_overview_when_zoomed_out(qtbot, window: MainWindow) -> None:
    add_big_campaign(window, OVERVIEW_MIN_NODES)
    assert len(window.scene.nodes) == OVERVIEW_MIN_NODES
    window.view.set_zoom(OVERVIEW_SCALE / 2)
    assert window.scene.overview_mode and window.scene.overview.isVisible()
    image = render(window)
    assert image.pixelColor(image.width() // 2, image.height() // 2).isValid()
    window.view.reset_zoom()
    assert not window.scene.overview_mode
    assert window.scene.nodes["big-0"].isVisible()


def test_names_drop_out_when_zoomed_out(qtbot, window: MainWindow) -> None:
    """Below the detail threshold a node paints only its shape: no text is drawn."""
    item = window.scene.nodes["bought-shock"]
    drawn: list[str] = []

    class Recorder(QPainter):
        def drawText(self, *args):  # noqa: N802 (Qt's name)
            drawn.append(str(args[-1]))
            return super().drawText(*args)

    from PySide6.QtWidgets import QStyleOptionGraphicsItem

    for scale, expect_text in ((1.0, True), (0.3, False)):
        drawn.clear()
        image = QImage(200, 200, QImage.Format.Format_ARGB32)
        painter = Recorder(image)
        painter.scale(scale, scale)
        item.paint(painter, QStyleOptionGraphicsItem(), None)
        painter.end()
        assert bool(drawn) == expect_text, (scale, drawn)


def test_keyboard_reaches_nodes_links_and_editing(qtbot, window: MainWindow) -> None:
    view = window.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # add sequence
    campaign = window.controller.campaign(window.current_campaign_id())
    new = [n for n in campaign.nodes if n.name == "Sequence 1"]
    assert len(new) == 1
    before = (new[0].x, new[0].y)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert (campaign.node(new[0].id).x, campaign.node(new[0].id).y) == (before[0] + 20,
                                                                        before[1])
    window.scene.select_nodes(["post-purchase", new[0].id])
    qtbot.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert len(campaign.edges) == 3
    window.scene.select_nodes(["bought-shock"])
    qtbot.keyClick(view, Qt.Key.Key_F2)
    assert view.name_editor is not None
    qtbot.keyClick(view.name_editor, Qt.Key.Key_Escape)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert not campaign.has_node("bought-shock")
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert campaign.has_node("bought-shock")
    QApplication.processEvents()


def test_context_menu_offers_view_and_edit(qtbot, window: MainWindow) -> None:
    from PySide6.QtGui import QContextMenuEvent

    item = window.scene.nodes["nurture"]
    pos = window.view.mapFromScene(item.pos())
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos,
                              window.view.viewport().mapToGlobal(pos))
    window.view.contextMenuEvent(event)
    menu = window.view.context_menu
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[0] == "&View and Edit…"
    assert window.scene.selected_node_ids() == ["nurture"]
    menu.close()


def test_errors_come_first_in_the_warnings_panel_and_say_so(qtbot, window: MainWindow) -> None:
    cid = window.current_campaign_id()
    window.controller.add_node(cid, "sequence", 0, 400)  # no steps: a warning
    window.controller.add_node(cid, "tag_goal", 300, 400)  # no tag: an error
    window.lint_panel.refresh()
    texts = [window.lint_panel.item(i).text() for i in range(window.lint_panel.count())]
    errors = [t for t in texts if t.startswith("Error: ")]
    # a sentence, as the warnings beside it are (QA); the CLI and the editor say it as
    # the domain does ("no tag is chosen: ...", R11)
    assert errors == ["Error: Pool Shock Nurture › Tag goal 1: No tag is chosen: list at "
                      "least one tag."]
    assert texts[0] == errors[0]
    assert any("has no steps" in t and t.startswith("Warning: ") for t in texts)
    assert window.lint_panel.item(0).toolTip().startswith("Error: must be fixed")


def test_an_error_badge_is_red_and_a_warning_badge_yellow(qtbot, window: MainWindow) -> None:
    cid = window.current_campaign_id()
    error = window.controller.add_node(cid, "tag_goal", 0, 400)  # no tag: an error
    warning = window.controller.add_node(cid, "sequence", 400, 400)  # no steps: a warning
    window.scene.refresh_findings()
    assert window.scene.has_error(error) and not window.scene.has_error(warning)
    window.view.reset_zoom()

    def badge_colour(node_id: str):
        item = window.scene.nodes[node_id]
        window.view.centerOn(item)
        rect = item.mapRectToScene(item.badge_rect())
        # low on the left: inside both the circle and the triangle, clear of their marks
        point = window.view.mapFromScene(rect.left() + rect.width() * 0.3,
                                         rect.top() + rect.height() * 0.8)
        return window.view.viewport().grab().toImage().pixelColor(point)

    red, yellow = badge_colour(error), badge_colour(warning)
    assert red.red() > 180 and red.green() < 110 and red.blue() < 110, red.name()
    assert yellow.red() > 200 and yellow.green() > 150 and yellow.blue() < 80, yellow.name()


def test_zoomed_out_a_badge_stays_as_a_coloured_dot(qtbot, window: MainWindow) -> None:
    from canvas_app.ui.canvas.node_item import DETAIL_LOD

    cid = window.current_campaign_id()
    error = window.controller.add_node(cid, "tag_goal", 0, 400)  # no tag: an error
    window.scene.refresh_findings()
    window.view.set_zoom(DETAIL_LOD * 0.8)
    item = window.scene.nodes[error]
    window.view.centerOn(item)
    QApplication.processEvents()
    rect = item.mapRectToScene(item.badge_rect())
    point = window.view.mapFromScene(rect.center())
    colour = window.view.viewport().grab().toImage().pixelColor(point)
    assert colour.red() > 180 and colour.green() < 110 and colour.blue() < 110, colour.name()


def test_moving_nodes_lints_nothing(qtbot, window: MainWindow, monkeypatch) -> None:
    """No finding is about where a node sits: a drag or an arrow key of many nodes must
    not lint the whole workspace at every step."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    import canvas_app.domain.lint_cache as lint_cache
    from canvas_app.domain.workspace import Workspace

    window.controller.findings()  # the opening's lint is done (its refreshes find it kept)
    runs: list[int] = []
    real, real_whole = lint_cache.lint_campaign, Workspace.lint
    monkeypatch.setattr(lint_cache, "lint_campaign",
                        lambda *args: runs.append(1) or real(*args))
    monkeypatch.setattr(Workspace, "lint",
                        lambda self, now=None: runs.append(1) or real_whole(self, now))
    window.view.setFocus()
    window.scene.select_nodes(["nurture", "bought-shock"])
    QTest.keyClick(window.view, Qt.Key.Key_Right)  # a batch move of two
    window.scene.select_nodes(["nurture"])
    QTest.keyClick(window.view, Qt.Key.Key_Down)  # a move of one
    qtbot.wait(500)
    assert runs == []
    window.controller.rename_node(window.current_campaign_id(), "nurture", "Welcome")
    qtbot.waitUntil(lambda: runs != [])  # an edit that is not a move is linted


def test_a_panel_left_floating_is_raised_when_the_window_shows(
        qtbot, window: MainWindow, monkeypatch) -> None:
    """QA 22f: after a restart a floating History panel came up behind the window. (The
    stacking itself is the window manager's: this checks the window asks for it.)"""
    dock = window.docks["history"]
    dock.show()
    dock.setFloating(True)
    raised: list[str] = []
    for name, panel in window.docks.items():
        monkeypatch.setattr(panel, "raise_", lambda name=name: raised.append(name))
    window.hide()
    window.show()
    qtbot.waitUntil(lambda: raised == ["history"])
