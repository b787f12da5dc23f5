"""QA1 3: a wrapped action row read "(after 2" on one line and "hours)" on the next: a
number and its unit are joined by a no-break space in the rows of actions and steps."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtGui import QTextLayout, QTextOption

from canvas_app.domain.steps import Step
from canvas_app.ui.dialogs.action_set import ActionSetDialog
from canvas_app.ui.dialogs.step_list import amounts_kept_whole


def lines_at(text: str, font, width: int) -> list[str]:
    """``text`` wrapped at ``width`` as a list row wraps it (at word boundaries)."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append(text[line.textStart():line.textStart() + line.textLength()])
    layout.endLayout()
    return lines


def test_a_wrapped_action_keeps_its_delay_whole(qtbot, workspace):
    workspace.ecommerce.product_action_sets["stabilizer"] = [
        Step(kind="apply_tag", tag="Bought stabilizer"),
        Step(kind="send_email", subject="How to balance your pool with stabilizer",
             delay=timedelta(hours=2))]
    dialog = ActionSetDialog(workspace, "product:stabilizer")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    view = dialog.steps_editor.list
    text = view.item(1).text()
    assert text.endswith("(after 2\N{NO-BREAK SPACE}hours)")
    # wherever the row wraps, "2" and "hours" stay on one line
    font = view.font()
    for width in range(120, 460, 7):
        for line in lines_at(text, font, width):
            assert not line.rstrip().endswith("2"), (width, line)


def test_every_unit_and_amount_is_kept_whole():
    assert amounts_kept_whole("Delay 1 week 2 days 3 hours 4 minutes 1 second") == (
        "Delay 1\N{NO-BREAK SPACE}week 2\N{NO-BREAK SPACE}days 3\N{NO-BREAK SPACE}hours "
        "4\N{NO-BREAK SPACE}minutes 1\N{NO-BREAK SPACE}second")
    assert amounts_kept_whole("can be at most 1,000,000 days") == \
        "can be at most 1,000,000\N{NO-BREAK SPACE}days"
    assert amounts_kept_whole('Apply tag "2 dayshift"') == 'Apply tag "2 dayshift"'
