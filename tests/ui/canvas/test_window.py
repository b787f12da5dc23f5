"""The window around the canvas: workspace menu, recovery at start, recent files, layout,
title, Space-drag panning, tooltips, the Redo shortcuts, the recovery time."""

from __future__ import annotations

import re
from datetime import UTC, timedelta, timezone
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsSceneHelpEvent, QToolTip

from canvas_app.app import build_main_window
from canvas_app.ui.file_actions import readable_time
from canvas_app.ui.main_window import MainWindow

from .conftest import make_window


def test_workspace_menu_opens_catalog_and_ecommerce(qtbot, window: MainWindow) -> None:
    menu = window.menus["workspace"]
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["&Catalog…", "&E-Commerce Actions…", "&New Campaign", "&Rename Campaign",
                     "&Duplicate Campaign", "De&lete Campaign…", "Move Campaign &Up",
                     "Move Campaign Do&wn", "Ne&xt Campaign", "Pre&vious Campaign"]
    before = set(QApplication.topLevelWidgets())
    window.actions_by_name["catalog"].trigger()
    window.actions_by_name["ecommerce"].trigger()
    opened = [w for w in QApplication.topLevelWidgets() if w not in before and w.isVisible()]
    assert len(opened) == 2
    for dialog in opened:
        dialog.close()


def reopen_after_crash(qtbot, sample_file: Path, tmp_path: Path) -> MainWindow:
    """A second window on the same file, as after a crash: it offers the recovery."""
    settings = QSettings(str(tmp_path / "other.ini"), QSettings.Format.IniFormat)
    again = build_main_window(str(sample_file), settings=settings,
                              recovery_dir=tmp_path / "recovery")
    qtbot.addWidget(again)
    again.files.ask_unsaved = lambda: "discard"
    qtbot.waitUntil(lambda: again.files.recovery_box is not None, timeout=2000)
    return again


def test_recovery_is_offered_at_start(qtbot, window: MainWindow, sample_file: Path,
                                      tmp_path: Path) -> None:
    window.controller.add_node(window.current_campaign_id(), "sequence", 0, 300)
    assert window.files.autosave()
    again = reopen_after_crash(qtbot, sample_file, tmp_path)
    assert "was closed with edits not saved" in again.files.recovery_box.text()
    again.files.recovery_box.reject()


def test_recent_files_and_window_layout_are_remembered(qtbot, sample_file: Path,
                                                       tmp_path: Path) -> None:
    window = make_window(qtbot, str(sample_file), tmp_path)
    recent = window.menus["recent"]
    assert [a.text() for a in recent.actions() if not a.isSeparator()] == [
        f"&1 {sample_file.name} \u2014 {sample_file.parent}", "&Clear List"]
    assert recent.actions()[0].toolTip() == str(sample_file)
    window.docks["lint"].hide()
    assert window.close()
    again = make_window(qtbot, str(sample_file), tmp_path)  # same settings file
    assert again.docks["lint"].isHidden()
    assert not again.docks["palette"].isHidden()


def test_recent_labels_name_the_file_first_and_hide_urls() -> None:
    from canvas_app.ui.recent_files import recent_label

    assert recent_label(2, "sqlite:////tmp/shop/x.db") == "&2 x.db \u2014 /tmp/shop"
    assert recent_label(1, "postgresql+psycopg://me:secret@db/shop") == \
        "&1 postgresql+psycopg://me:***@db/shop"
    assert recent_label(3, "/tmp/R&D/a.campaign.json") == "&3 a.campaign.json \u2014 /tmp/R&&D"


def test_title_names_the_document_and_marks_changes(window: MainWindow) -> None:
    assert window.windowTitle() == "pool.campaign.json[*] — Campaign Canvas"
    assert not window.isWindowModified()
    window.place_node("purchase_goal")
    assert window.isWindowModified()


def test_space_drag_pans(qtbot, window: MainWindow) -> None:
    view = window.view
    view.reset_zoom()
    view.setFocus()
    before = view.mapToScene(view.viewport().rect().center())
    qtbot.keyPress(view, Qt.Key.Key_Space)
    vp = view.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=QPoint(500, 300))
    qtbot.mouseMove(vp, QPoint(400, 300))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=QPoint(400, 300))
    qtbot.keyRelease(view, Qt.Key.Key_Space)
    after = view.mapToScene(view.viewport().rect().center())
    assert after.x() > before.x() + 50
    assert window.controller.undo_stack.count() == 0  # panning edits nothing


def test_node_tooltip_describes_the_node_and_its_warnings(qtbot, window: MainWindow) -> None:
    cid = window.current_campaign_id()
    node_id = window.controller.add_node(cid, "tag_goal", 0, 300)
    window.scene.refresh_findings()
    event = QGraphicsSceneHelpEvent()
    event.setScenePos(QPointF(0, 300))
    event.setScreenPos(QPoint(100, 100))
    window.scene.helpEvent(event)
    text = QToolTip.text()
    assert "Tag goal 1" in text and "no tag" in text
    assert node_id in window.scene.nodes
    QToolTip.hideText()


def test_redo_has_ctrl_y_besides_the_platform_shortcut(qtbot, window: MainWindow) -> None:
    redo = window.actions_by_name["redo"]
    keys = [k.toString() for k in redo.shortcuts()]
    assert "Ctrl+Y" in keys
    platform = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    assert all(k.toString() in keys for k in platform)
    ws = window.controller.workspace
    window.controller.rename_campaign("shock-nurture", "Renamed")
    window.controller.undo_stack.undo()
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert ws.campaign("shock-nurture").name == "Renamed"


def test_recovery_time_is_readable() -> None:
    stamp = "2026-11-22T17:37:52.872634+00:00"
    assert readable_time(stamp, UTC) == "22 Nov 2026 17:37"
    assert readable_time(stamp, timezone(timedelta(hours=2))) == "22 Nov 2026 19:37"
    assert readable_time("2026-01-05T08:04:00") == "5 Jan 2026 08:04"  # no zone: local
    assert readable_time("yesterday") == "yesterday"


def test_recovery_prompt_shows_a_readable_local_time(qtbot, window: MainWindow,
                                                      sample_file: Path,
                                                      tmp_path: Path) -> None:
    window.controller.add_node(window.current_campaign_id(), "sequence", 0, 300)
    assert window.files.autosave()
    stamp = window.session.recovery.saved_at()
    again = reopen_after_crash(qtbot, sample_file, tmp_path)
    text = again.files.recovery_box.text()
    assert stamp not in text
    assert f"kept at {readable_time(stamp)}." in text
    assert re.search(r"kept at \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}\.", text)
    again.files.recovery_box.reject()


def test_help_lists_every_shortcut_and_gesture(qtbot, window: MainWindow) -> None:
    window.actions_by_name["shortcuts"].trigger()
    table = window.shortcuts_dialog.table
    rows = {(table.item(r, 1).text(), table.item(r, 2).text()) for r in range(table.rowCount())}
    assert ("Run / Pause", "F5") in rows and ("Link", "Ctrl+L") in rows
    assert ("Pan", "Middle-drag, or Space and drag") in rows
    keys = [table.item(r, 2).text() for r in range(table.rowCount())]
    assert not any(k in ("Open", "Copy") or ", Open" in k for k in keys)  # no special keys
    assert not [k for k in keys if re.search(r"F1[3-9]|F[2-3]\d|Save|Redo\b|Undo\b", k)]
    whats = [table.item(r, 1).text() for r in range(table.rowCount())]
    assert "Undo" in whats and "Redo" in whats  # not the last edit's text
    assert ("Select the next or previous node (past the last one, the focus moves on)",
            "Tab, Shift+Tab") in rows
    window.shortcuts_dialog.reject()


def test_only_keys_on_a_keyboard_are_listed() -> None:
    from canvas_app.ui.shortcuts import _on_a_keyboard

    for keys in ("Ctrl+Z", "Ctrl++", "Ctrl+Shift+Z", "F5", "Shift+F5", "Del", "Return"):
        assert _on_a_keyboard(keys), keys
    for keys in ("F14", "Shift+F20", "Shift+Save", "Open", "Undo", "Ctrl+Copy"):
        assert not _on_a_keyboard(keys), keys


def _overflow_shown(window: MainWindow) -> bool:
    from PySide6.QtWidgets import QToolButton

    button = window.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    return button is not None and button.isVisible()


def test_toolbar_has_icons_words_for_the_main_actions_and_never_overflows(
        qtbot, window: MainWindow) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QToolButton

    bar = window.toolbar
    actions = window.toolbar_actions
    from canvas_app.ui.main_toolbar import ICONS, LAYOUT

    assert set(LAYOUT) - {None} <= set(ICONS)
    assert all(not actions[key].icon().isNull() for key in LAYOUT if key is not None)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: bar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    words = {bar.widgetForAction(actions[k]).text() for k in ("save", "simulate")}
    assert words == {"Save", "Simulate"}
    copy = bar.widgetForAction(actions["copy"])
    assert isinstance(copy, QToolButton)
    assert copy.width() < 40 and actions["copy"].toolTip() == "Copy (Ctrl+C)"
    assert not _overflow_shown(window)

    window.resize(760, 560)  # too narrow for the words: the others' go, all still on the bar
    qtbot.waitUntil(lambda: not bar.shows_word("zoom_fit"))
    qtbot.waitUntil(lambda: not _overflow_shown(window))
    assert bar.widgetForAction(actions["simulate"]).isVisible()
    assert bar.shows_word("simulate")  # the main action keeps its word longest

    window.resize(1280, 800)  # and the words come back
    qtbot.waitUntil(lambda: bar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    qtbot.waitUntil(lambda: bar.shows_word("zoom_fit") and bar.shows_word("save"))


def test_a_first_window_fits_a_small_screen(qtbot, sample_file: Path, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from canvas_app.app import build_main_window

    settings = QSettings(str(tmp_path / "fresh.ini"), QSettings.Format.IniFormat)
    window = build_main_window(str(sample_file), settings=settings,
                               recovery_dir=tmp_path / "recovery", offer_recovery=False)
    qtbot.addWidget(window)
    room = window.screen().availableGeometry()  # offscreen: 800 x 800, under 1280 x 800
    assert window.width() <= room.width() and window.height() <= room.height()
    assert room.contains(window.frameGeometry().topLeft())


def test_a_status_message_goes_stale_with_the_next_edit(qtbot, window: MainWindow) -> None:
    import time as _time

    bar = window.statusBar()
    window.show_status("A campaign name cannot be empty.")
    window._status_since = _time.monotonic() - 1  # shown a second ago
    window.controller.rename_node(window.current_campaign_id(), "nurture", "Welcome")
    assert bar.currentMessage() == ""
    # A message that comes with an edit stays.
    window.controller.rename_node(window.current_campaign_id(), "nurture", "  ")
    assert "cannot be empty" in bar.currentMessage()


def test_a_long_status_message_is_shortened_and_whole_in_the_tooltip(window: MainWindow) -> None:
    long = "Simulation finished: " + ", ".join(f"{i} contacts in step {i}" for i in range(40))
    window.show_status(long)
    bar = window.statusBar()
    shown = bar.currentMessage()
    assert shown.endswith("…") and len(shown) < len(long)
    assert bar.fontMetrics().horizontalAdvance(shown) < bar.width() - window.zoom_label.width()
    assert bar.toolTip() == long
    window.show_status("Short")
    assert bar.currentMessage() == "Short" and bar.toolTip() == ""


def test_a_recent_file_that_is_gone_leaves_the_list_and_says_so(qtbot, window: MainWindow,
                                                                tmp_path: Path) -> None:
    import shutil

    gone = tmp_path / "gone.campaign.json"
    shutil.copy(window.files.recent()[0], gone)
    window.files.add_recent(str(gone))
    gone.unlink()
    shown = window.session.document
    recent = window.menus["recent"]
    recent.actions()[0].trigger()  # the newest: gone.campaign.json
    assert "no longer exists" in window.files.last_error
    assert str(gone) not in window.files.recent()
    assert window.session.document is shown  # nothing else changed
    window.files._error_box.close()
    recent.actions()[-1].trigger()  # Clear List
    assert window.files.recent() == [] and not recent.isEnabled()


def test_the_start_up_hint_is_shown_whole(qtbot, sample_file: Path, tmp_path: Path) -> None:
    window = make_window(qtbot, str(sample_file), tmp_path)
    assert window.statusBar().currentMessage() == (
        "Drag a goal or sequence from the Palette onto the canvas; double-click a name to "
        "rename it, a node to view and edit it.")
    window.docks["palette"].close()  # without a Palette the hint points at the menu
    assert window.start_hint().startswith("Insert > Add Purchase Goal (Ctrl+1")


def test_about_names_the_version(window: MainWindow) -> None:
    from canvas_app import __version__

    window.actions_by_name["about"].trigger()
    box = window._about_box
    assert box.text().startswith(f"Campaign Canvas {__version__}\n")
    box.close()


def test_a_smaller_window_takes_room_from_the_bottom_panel_first(qtbot, window: MainWindow
                                                                  ) -> None:
    window.resize(1280, 800)
    window.show_simulation_panel()
    qtbot.wait(50)
    window.resize(800, 560)
    dock = window.docks["simulation"]
    qtbot.waitUntil(lambda: window.height() == 560
                    and window.view.height() >= (window.view.height() + dock.height()) * 0.44)
    qtbot.wait(200)  # and it stays so once the resize has settled
    assert window.view.height() >= (window.view.height() + dock.height()) * 0.44


def test_side_panels_kept_from_a_larger_screen_give_way_to_the_canvas(
        qtbot, window: MainWindow) -> None:
    from PySide6.QtCore import Qt

    from canvas_app.ui.window_layout import SIDE_PANEL_SHARE

    window.resize(1600, 900)
    window.docks["history"].show()
    qtbot.wait(50)
    window.resizeDocks([window.docks["palette"]], [520], Qt.Orientation.Horizontal)
    window.resizeDocks([window.docks["history"]], [480], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: window.docks["palette"].width() > 450)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.docks["palette"].width() <= 1024 * SIDE_PANEL_SHARE + 2)
    assert window.docks["history"].width() <= 1024 * SIDE_PANEL_SHARE + 2
    assert window.view.width() >= 1024 * 0.4


def test_at_1024_by_700_with_panels_round_it_the_canvas_is_the_largest_part(
        qtbot, window: MainWindow) -> None:
    """QA: with History and the Simulation panel open, a 1024 x 700 window left the canvas
    about 480 x 250, smaller than the Simulation panel. The canvas keeps at least half the
    width, more than either side panel's area, and more height than the bottom panel
    (which runs the window's whole width, for its tables, since QA10: a wide, short strip
    under the canvas and the side panels)."""
    from PySide6.QtCore import Qt

    window.resize(1280, 800)
    window.docks["history"].show()
    window.show_simulation_panel()
    qtbot.wait(50)
    window.resize(1024, 700)
    view, simulation = window.view, window.docks["simulation"]
    sides = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)

    def canvas_first() -> bool:
        area = view.width() * view.height()
        return window.width() == 1024 and view.width() >= 1024 * 0.5 and all(
            area > dock.width() * dock.height() for dock in window.docks.values()
            if dock.isVisible() and not dock.visibleRegion().isEmpty()
            and window.dockWidgetArea(dock) in sides) \
            and view.height() > simulation.height()

    qtbot.waitUntil(canvas_first)
    assert view.width() * view.height() > 480 * 250 * 1.4


def test_help_lists_the_keys_that_scroll_the_chart_tab() -> None:
    """Every key the Chart tab's bars scroll with is in Keyboard and Mouse, by the name
    Qt gives it (regression QA: the keys worked, Help did not say so)."""
    from PySide6.QtGui import QKeySequence

    from canvas_app.ui.shortcuts import GESTURES
    from canvas_app.ui.simulation.funnel_chart import SCROLL_KEYS

    [keys] = [k for area, k, _ in GESTURES if area == "Simulation" and "Chart tab" in k]
    names = {QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
             for key in SCROLL_KEYS}
    assert names <= set(keys.removesuffix(" on the Chart tab").split(", "))
