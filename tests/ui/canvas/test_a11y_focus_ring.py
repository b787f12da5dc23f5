"""A push button with the keyboard focus shows it: AppStyle draws a ring of the selection's
blue inside it once the keyboard has moved the focus (QA: a dialog's default Save looked
the same with the focus and without, Fusion marking both with one thin blue edge)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionButton,
)

from canvas_app.ui import theme


def app_style() -> theme.AppStyle:
    theme.use_app_style()
    style = QApplication.style()
    assert isinstance(style, theme.AppStyle)
    return style


def drawn(style: QStyle, button: QPushButton, state: QStyle.StateFlag) -> QImage:
    """``button`` as ``style`` draws it with ``state`` (default button, focus…)."""
    option = QStyleOptionButton()
    button.initStyleOption(option)
    option.state = state
    option.features |= QStyleOptionButton.ButtonFeature.DefaultButton
    option.rect = QRect(0, 0, 90, 30)
    image = QImage(90, 30, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#efefef"))
    painter = QPainter(image)
    style.drawControl(QStyle.ControlElement.CE_PushButton, option, painter, button)
    painter.end()
    return image


def blue_share(image: QImage) -> float:
    """The share of pixels close to theme.SELECTION."""
    blue = QColor(theme.SELECTION)
    near = sum(1 for x in range(image.width()) for y in range(image.height())
               if abs(image.pixelColor(x, y).red() - blue.red())
               + abs(image.pixelColor(x, y).green() - blue.green())
               + abs(image.pixelColor(x, y).blue() - blue.blue()) < 40)
    return near / (image.width() * image.height())


def test_the_ring_shows_only_when_the_keyboard_moved_the_focus(qtbot) -> None:
    style = app_style()
    button = QPushButton("Save")
    qtbot.addWidget(button)
    base = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Raised \
        | QStyle.StateFlag.State_Active
    default = drawn(style, button, base)
    mouse_focus = drawn(style, button, base | QStyle.StateFlag.State_HasFocus)
    keyboard_focus = drawn(style, button, base | QStyle.StateFlag.State_HasFocus
                           | QStyle.StateFlag.State_KeyboardFocusChange)
    assert blue_share(default) < 0.02 and blue_share(mouse_focus) < 0.02
    assert blue_share(keyboard_focus) > 0.1  # a ring of 2 px round a 90 x 30 button
    assert keyboard_focus != default


def test_tab_to_a_dialog_s_default_save_shows_it(qtbot) -> None:
    app_style()
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QHBoxLayout(dialog)
    field, cancel, save = QLineEdit(), QPushButton("Cancel"), QPushButton("Save")
    save.setDefault(True)
    for widget in (field, cancel, save):
        layout.addWidget(widget)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=1000)
    unfocused = save.grab().toImage()  # the default button, the focus in the field
    QTest.keyClick(field, Qt.Key.Key_Tab)
    QTest.keyClick(cancel, Qt.Key.Key_Tab)
    qtbot.waitUntil(save.hasFocus, timeout=1000)
    focused = save.grab().toImage()
    assert blue_share(focused) > blue_share(unfocused) + 0.05
