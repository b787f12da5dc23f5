"""A confirmation's destructive button carries no green "OK" icon (QA 69z, 133): with a
desktop style that puts icons on dialog buttons, the catalog's Delete had the Yes icon."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QProxyStyle, QStyle, QStyleFactory

from canvas_app.ui.dialogs import open_catalog_manager
from canvas_app.ui.dialogs.widgets import plain_destructive


class _IconsOnButtons(QProxyStyle):
    """A style as on a desktop (KDE, GNOME themes): dialog buttons have icons."""

    def styleHint(self, hint, option=None, widget=None, data=None):  # noqa: N802
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 1
        return super().styleHint(hint, option, widget, data)


@pytest.fixture
def icons_on_buttons(qtbot):  # noqa: ARG001  (qtbot makes the QApplication)
    app = QApplication.instance()
    name = app.style().name()
    app.setStyle(_IconsOnButtons(QStyleFactory.create(name)))
    yield
    app.setStyle(QStyleFactory.create(name))


def test_the_catalog_delete_question_has_no_ok_icon_on_delete(qtbot, workspace, undo_stack,
                                                                icons_on_buttons):
    plain = QMessageBox(QMessageBox.Icon.Question, "t", "x",
                        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    assert not plain.button(QMessageBox.StandardButton.Yes).icon().isNull()  # the style's
    dialog = open_catalog_manager(None, workspace, undo_stack)
    qtbot.addWidget(dialog)
    dialog.select("products", "shock")
    dialog.delete_buttons["products"].click()
    box = dialog.confirm_box
    delete = box.button(QMessageBox.StandardButton.Yes)
    assert delete.text() == "&Delete"
    assert delete.icon().isNull()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.reject()


def test_plain_destructive_drops_the_icon_and_sets_the_text(qtbot, icons_on_buttons):
    box = QMessageBox(QMessageBox.Icon.Question, "Delete campaign", "Delete it?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    yes = box.button(QMessageBox.StandardButton.Yes)
    assert plain_destructive(yes, "&Delete") is yes
    assert yes.icon().isNull() and yes.text() == "&Delete"
