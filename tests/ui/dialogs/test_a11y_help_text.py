"""Every grey help text of the E-Commerce Actions window (its settings' descriptions, the
product help, the legacy setting's) and the manager window's note reaches WCAG's 4.5:1 on
the ground it is painted on, the group boxes' fill included (accessibility QA: #767676 on
#ececec, 3.8:1)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QLabel

from canvas_app.ui.dialogs import open_ecommerce_actions
from tests.ui.test_a11y_palette import (  # noqa: F401 (light: a fixture)
    NEED,
    contrast,
    light,
    text_colour,
)


@pytest.mark.usefixtures("light")
def test_the_ecommerce_windows_help_texts_reach_4_5(qtbot, workspace, undo_stack) -> None:
    dialog = open_ecommerce_actions(None, workspace, undo_stack)
    qtbot.addWidget(dialog)
    dialog.resize(900, 760)
    dialog.show()
    qtbot.waitExposed(dialog)
    helps = [label for label in dialog.findChildren(QLabel)
             if label.property("role") == "help" and label.isVisible() and label.text()]
    assert len(helps) >= 7  # five settings, the product help, the legacy setting's
    image = dialog.grab().toImage()
    grounds = set()
    for label in helps:
        rect = QRect(label.mapTo(dialog, QPoint(0, 0)), label.size())
        ground = image.pixelColor(rect.left() + 4, rect.center().y())  # its left margin
        painted = text_colour(image, rect, ground)
        assert contrast(painted, ground) >= NEED, (label.text()[:40], painted.name(),
                                                   ground.name())
        grounds.add(ground.name())
    assert len(grounds) >= 2  # the group boxes' fill and the window's own ground
