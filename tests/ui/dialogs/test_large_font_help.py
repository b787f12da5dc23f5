"""Help texts follow the user's font (QA11: they were a fixed 9 pt, small beside a 14 pt
form): a point smaller than the application's font, but never below the 9 pt they had at
the usual 9 or 10 pt font."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel

from canvas_app.ui.dialogs import open_node_editor
from canvas_app.ui.dialogs.action_set import ActionSetDialog
from canvas_app.ui.dialogs.widgets import help_font, help_label


@pytest.fixture
def app_font(qapp):
    """Sets the application's font to a point size; the font it had comes back after."""
    before = QFont(qapp.font())

    def set_points(points: float) -> QFont:
        font = QFont(before)
        font.setPointSizeF(points)
        qapp.setFont(font)
        return font

    yield set_points
    qapp.setFont(before)


@pytest.mark.parametrize(("points", "help_points"), [(8.0, 8.0), (9.0, 9.0), (10.0, 9.0),
                                                     (12.0, 11.0), (14.0, 13.0)])
def test_help_text_is_a_point_smaller_but_not_below_9_pt(qtbot, app_font, points,
                                                         help_points):
    app_font(points)
    assert help_font().pointSizeF() == pytest.approx(help_points)
    label = help_label("Every payment type counts.")
    qtbot.addWidget(label)
    assert label.font().pointSizeF() == pytest.approx(help_points)
    assert "font-size" not in label.styleSheet()


def help_labels(dialog) -> list[QLabel]:
    return [label for label in dialog.findChildren(QLabel)
            if label.property("role") == "help" and label.text()]


def test_the_editors_help_is_larger_at_14_pt(qtbot, workspace, undo_stack, app_font):
    app_font(14.0)
    goal = open_node_editor(None, workspace, undo_stack, "checkup-onboarding", "subscribed")
    tags = open_node_editor(None, workspace, undo_stack, "checkup-onboarding", "visit-booked")
    actions = ActionSetDialog(workspace, "on_login")
    for dialog in (goal, tags, actions):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
    labels = [*help_labels(goal), *help_labels(tags), *help_labels(actions),
              goal.products_list.out_of_sight_label, actions.steps_editor.form.delay_hint,
              tags.new_tag_note]
    assert len(labels) > 10
    for label in labels:
        assert label.font().pointSizeF() > 9.0, label.text()
        assert label.fontInfo().pointSizeF() > 9.0, label.text()  # as drawn
        assert "font-size" not in label.styleSheet()
    # as the help label shows it: a line of help is taller than a 9 pt one
    nine = QFont(labels[0].font())
    nine.setPointSizeF(9.0)
    assert labels[0].fontMetrics().height() > QFontMetrics(nine).height()
