"""Mnemonics (Alt+letter) in every editor: no two visible labels or buttons share a letter,
whatever step or action kind is shown, and each label's Alt+letter gives its field the
focus (QA: Alt+S was both "Sequence name" and "Subject", Alt+C both "Add copies" and
"Campaign", and Alt+W did nothing: "Wait for"'s field was a row that takes no focus)."""

from __future__ import annotations

from collections import defaultdict

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QTabBar,
    QWidget,
)

from canvas_app.domain.steps import ACTION_KINDS, STEP_KINDS
from canvas_app.ui.dialogs import open_node_editor
from canvas_app.ui.dialogs.action_set import ActionSetDialog
from canvas_app.ui.dialogs.ecommerce_actions import EcommerceActionsDialog

from .helpers import add_step_of


def mnemonic_texts(root: QWidget) -> list[tuple[str, str, QWidget]]:
    """(Alt+letter, text, widget) of every mnemonic shown in ``root``: labels with a buddy,
    buttons, group boxes and tabs."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        texts: list[str] = []
        if (isinstance(widget, QLabel) and widget.buddy() is not None) \
                or isinstance(widget, QAbstractButton):
            texts = [widget.text()]
        elif isinstance(widget, QGroupBox):
            texts = [widget.title()]
        elif isinstance(widget, QTabBar):
            texts = [widget.tabText(i) for i in range(widget.count())]
        for text in texts:
            key = QKeySequence.mnemonic(text)
            if not key.isEmpty():
                found.append((key.toString().casefold(), text, widget))
    return found


def clashes(root: QWidget) -> dict[str, list[str]]:
    by_key: dict[str, list[str]] = defaultdict(list)
    for key, text, _widget in mnemonic_texts(root):
        by_key[key].append(text)
    return {key: texts for key, texts in by_key.items() if len(texts) > 1}


def focus_target(widget: QWidget) -> QWidget:
    while widget.focusProxy() is not None:
        widget = widget.focusProxy()
    return widget


def buddies_take_focus(root: QWidget) -> list[str]:
    """The labels whose buddy cannot take the focus (hidden, or no focus policy)."""
    bad = []
    for _key, text, widget in mnemonic_texts(root):
        if isinstance(widget, QLabel):  # as QLabel does: the buddy itself takes focus
            target = focus_target(widget.buddy())
            if not target.isVisibleTo(root) or not target.isEnabled() \
                    or widget.buddy().focusPolicy() == Qt.FocusPolicy.NoFocus:
                bad.append(text)
    return bad


def check(root: QWidget, where: str) -> None:
    QApplication.processEvents()
    assert mnemonic_texts(root), f"{where}: no mnemonic found at all"
    assert clashes(root) == {}, where
    assert buddies_take_focus(root) == [], where


def test_sequence_editor_with_every_step_kind(qtbot, workspace, undo_stack):
    dialog = open_node_editor(None, workspace, undo_stack, "shock-nurture", "nurture")
    qtbot.addWidget(dialog)
    dialog.show()
    editor = dialog.steps_editor
    for kind in STEP_KINDS:
        add_step_of(qtbot, editor, kind)
        assert editor.form.kind_combo.currentData() == kind
        check(dialog, f"sequence editor, a {kind} step")


@pytest.mark.parametrize("delay", [False, True])
def test_action_set_with_every_action_kind(qtbot, workspace, delay):
    dialog = ActionSetDialog(workspace, "successful_purchase")
    qtbot.addWidget(dialog)
    dialog.show()
    editor = dialog.steps_editor
    assert dialog.copy_button.isVisible()  # "Add &copies" is there
    for kind in ACTION_KINDS:
        add_step_of(qtbot, editor, kind)
        editor.form.delay_check.setChecked(delay)
        check(dialog, f"action set, a {kind} action, delay {delay}")


def test_tag_goal(qtbot, workspace, undo_stack):
    dialog = open_node_editor(None, workspace, undo_stack, "checkup-onboarding",
                              "visit-booked")
    qtbot.addWidget(dialog)
    dialog.show()
    check(dialog, "tag goal")


def test_purchase_goal(qtbot, workspace, undo_stack):
    dialog = open_node_editor(None, workspace, undo_stack, "shock-nurture", "bought-shock")
    qtbot.addWidget(dialog)
    dialog.show()
    check(dialog, "purchase goal")


def test_ecommerce_actions(qtbot, workspace, undo_stack):
    dialog = EcommerceActionsDialog(workspace, undo_stack)
    qtbot.addWidget(dialog)
    dialog.show()
    check(dialog, "E-Commerce Actions")


@pytest.mark.parametrize(("kind", "key", "field"), [
    ("delay", Qt.Key.Key_W, "durationEditAmount"),
    ("email", Qt.Key.Key_B, "subjectEdit"),
    ("apply_tag", Qt.Key.Key_G, "tagEdit"),
    ("wait_until", Qt.Key.Key_T, "untilEdit"),
])
def test_alt_letter_gives_the_field_the_focus(qtbot, workspace, undo_stack, kind, key,
                                              field):
    """Pressed for real: Alt+W puts the cursor in the wait's amount, ready to type."""
    dialog = open_node_editor(None, workspace, undo_stack, "shock-nurture", "nurture")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    add_step_of(qtbot, dialog.steps_editor, kind)
    dialog.name_edit.setFocus()
    qtbot.waitUntil(dialog.name_edit.hasFocus)
    qtbot.keyClick(dialog.name_edit, key, Qt.KeyboardModifier.AltModifier)
    focused = QApplication.focusWidget()
    assert focused is not None and field in (focused.objectName(),
                                             focused.parentWidget().objectName())
