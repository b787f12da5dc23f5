"""The editors at the user's 15 pt font (visual QA): the action set editor laid its "Add
action" row over the actions list; the sequence editor kept its 820 px and wrapped its
steps, scrolling the fifth out of sight; the tag goal kept 560 px and opened as a column
1,190 px tall; the Catalog cut "Used by" with "…" with the screen's room to spare. Sizes
now follow the font, within the screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QWidget

from canvas_app.ui.dialogs import node_editor, open_catalog_manager, open_node_editor, window_size
from canvas_app.ui.dialogs.action_set import ActionSetDialog
from canvas_app.ui.dialogs.catalog_table import is_cut
from tests.ui.fonts import app_font_at

from .test_large_font_editors import shown

LAPTOP = (1280, 800)  # a laptop's screen; the tests' own is 800 x 800


@pytest.fixture
def font_15(qapp):  # noqa: ARG001  (the application exists)
    yield from app_font_at(15.0)


def screen_of(monkeypatch, width: int, height: int) -> None:
    """Windows sized as on a ``width`` x ``height`` screen (less its title bar's room)."""
    def on_screen(_window, wanted: int, wanted_height: int) -> tuple[int, int]:
        return min(wanted, width - 20), min(wanted_height, height - 40)

    def room_on_screen(_window) -> QSize:
        return QSize(width - 20, height - 40)

    for module in (window_size, node_editor):
        monkeypatch.setattr(module, "on_screen", on_screen)
        monkeypatch.setattr(module, "room_on_screen", room_on_screen)


@pytest.fixture
def laptop_screen(monkeypatch):
    screen_of(monkeypatch, *LAPTOP)


def place(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def assert_none_overlap(window: QWidget, widgets: list[QWidget]) -> None:
    rects = [(w.objectName(), place(w, window)) for w in widgets]
    for i, (name, rect) in enumerate(rects):
        assert window.rect().contains(rect), name
        for other, other_rect in rects[i + 1:]:
            assert not rect.intersects(other_rect), (name, rect, other, other_rect)


def test_the_action_set_editor_overlaps_nothing_at_15_pt(qtbot, font_15):
    from canvas_app.io import load_workspace
    from tests.ui.dialogs.conftest import SAMPLE

    dialog = shown(qtbot, ActionSetDialog(load_workspace(SAMPLE), "successful_purchase"))
    editor = dialog.steps_editor
    assert_none_overlap(dialog, [editor.list, editor.add_kind_combo, editor.add_button,
                                 editor.up_button, editor.down_button, editor.remove_button,
                                 dialog.buttons])
    # the same at the smallest the user can make it
    dialog.resize(dialog.minimumSize())
    qtbot.waitUntil(lambda: dialog.size() == dialog.minimumSize())
    dialog.layout().activate()
    assert_none_overlap(dialog, [editor.list, editor.add_kind_combo, editor.up_button,
                                 dialog.buttons])


def test_the_sequence_shows_every_step_at_15_pt(qtbot, workspace, undo_stack, font_15,
                                                laptop_screen):  # noqa: ARG001
    dialog = shown(qtbot, open_node_editor(None, workspace, undo_stack, "shock-nurture",
                                           "nurture"))
    assert dialog.width() <= LAPTOP[0] - 20 and dialog.height() <= LAPTOP[1] - 40
    steps = dialog.steps_editor.list
    assert steps.count() == 5
    assert steps.verticalScrollBar().maximum() == 0
    for row in range(steps.count()):  # each whole, on one line
        rect = steps.visualItemRect(steps.item(row))
        assert steps.viewport().rect().contains(rect), row
        assert rect.height() < 2 * steps.fontMetrics().lineSpacing(), row
    assert not dialog.scroll_area.verticalScrollBar().isVisible()
    subject = dialog.steps_editor.form.subject_edit  # its start was cut: "ol ready for…"
    assert subject.isVisible() and subject.text()
    assert QFontMetrics(subject.font()).horizontalAdvance(subject.text()) \
        < subject.contentsRect().width() - 8


def test_the_tag_goal_on_a_tall_screen_is_not_a_tall_column(qtbot, workspace, undo_stack,
                                                            font_15, monkeypatch):
    """On a 2560 x 1600 screen it kept 560 px and opened 1,190 px tall, taller than the
    main window, every text wrapping."""
    screen_of(monkeypatch, 2560, 1600)
    dialog = shown(qtbot, open_node_editor(None, workspace, undo_stack,
                                           "checkup-onboarding", "visit-booked"))
    room = node_editor.room_on_screen(dialog)
    assert dialog.height() <= room.height() and dialog.width() <= room.width()
    assert dialog.width() >= 1.4 * 560
    assert dialog.height() < 1.3 * dialog.width()  # not a tall narrow column
    assert not dialog.scroll_area.verticalScrollBar().isVisible()


def test_the_catalog_shows_used_by_whole_at_15_pt(qtbot, workspace, undo_stack, font_15,
                                                  laptop_screen):  # noqa: ARG001
    dialog = shown(qtbot, open_catalog_manager(None, workspace, undo_stack))
    table = dialog.tables["products"]
    qtbot.waitUntil(lambda: table.viewport().width() > 0)
    assert dialog.width() <= LAPTOP[0] - 20 and dialog.height() <= LAPTOP[1] - 40
    used_by = table.columnCount() - 1
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            assert not is_cut(table, row, column), (row, column, table.item(row,
                                                                            column).text())
    assert table.item(2, used_by).text()  # the sample's shock is used somewhere
    # taller than its usual 440 px: more than the sample's four rows show
    assert dialog.height() >= 1.4 * 440
