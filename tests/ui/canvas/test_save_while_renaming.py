"""Save (Ctrl+S, or File > Save chosen from the menu) while a node's name is being typed
saves that name: the rename is committed first, as clicking away commits it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from canvas_app.io import load_workspace
from canvas_app.ui.main_window import MainWindow

from .test_name_editor_undo import NURTURE, add_sequence_and_type


def test_ctrl_s_while_renaming_saves_the_name_typed(qtbot, window: MainWindow,
                                                    sample_file) -> None:
    node_id = add_sequence_and_type(qtbot, window, "Spring follow-up")
    editor = window.view.name_editor
    QTest.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.view.name_editor is None
    assert window.controller.campaign(NURTURE).node(node_id).name == "Spring follow-up"
    saved = load_workspace(sample_file)
    assert saved.campaign(NURTURE).node(node_id).name == "Spring follow-up"
    assert not window.session.modified
    window.undo()  # the rename is one edit of its own
    assert window.controller.campaign(NURTURE).node(node_id).name.startswith("Sequence")


def test_file_save_from_the_menu_while_renaming_saves_the_name(qtbot, window: MainWindow,
                                                                sample_file) -> None:
    node_id = add_sequence_and_type(qtbot, window, "Winter check")
    window.files.save()  # as File > Save chosen while the menu kept the editor open
    assert window.view.name_editor is None
    assert load_workspace(sample_file).campaign(NURTURE).node(node_id).name == "Winter check"
