"""QA: in the action-set editor the field column moved sideways as the kind changed: the
form's label column took the width of the labels on show ("Contact type:" is wider than
"Tag:"). Every label is as wide as the widest, so the fields stay put."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from canvas_app.domain.steps import ACTION_KINDS
from canvas_app.ui.dialogs.step_fields import StepForm

from .helpers import add_step_of, shown_action_set


def test_the_fields_stay_put_whichever_kind_shows(qtbot) -> None:
    dialog = shown_action_set(qtbot)
    editor = dialog.steps_editor
    lefts = {}
    for kind in ACTION_KINDS:  # "Contact type:" and "Campaign:" are wider than "Tag:"
        add_step_of(qtbot, editor, kind)
        QApplication.processEvents()
        combo = editor.form.kind_combo
        lefts[kind] = combo.mapTo(dialog, combo.rect().topLeft()).x()
        for widget in editor.form._rows.values():
            if widget.isVisible():
                assert widget.mapTo(dialog, widget.rect().topLeft()).x() == lefts[kind]
    assert len(set(lefts.values())) == 1, lefts


def test_a_bigger_font_evens_the_labels_again(qtbot) -> None:
    form = StepForm(ACTION_KINDS, [], [("c1", "Campaign 1")], True)
    qtbot.addWidget(form)
    form.show()
    before = form.form.labelForField(form.kind_combo).minimumWidth()
    font = form.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    form.setFont(font)
    qtbot.waitUntil(lambda: form.form.labelForField(form.kind_combo).minimumWidth() > before)
    widest = max(form.form.labelForField(w).sizeHint().width() for w in form._rows.values())
    assert form.form.labelForField(form.kind_combo).minimumWidth() >= widest
