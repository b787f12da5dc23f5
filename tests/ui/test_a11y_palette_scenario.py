"""A scenario that does not fit the workspace is greyed in the Scenario box's pop-up, yet
it can be chosen: its text reaches WCAG's 4.5:1 on the pop-up's ground (accessibility QA:
#8a929b, 3.15:1 on white; Fusion's pop-up is the window's #efefef, 2.74:1) and still looks
muted beside a scenario that fits."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication

from canvas_app.ui.simulation.scenario_box import MISFIT, ScenarioBox

from .test_a11y_palette import NEED, contrast, light, text_colour  # noqa: F401 (fixture)

PROBLEM = f"{MISFIT} (its campaign is not in this one)"


def test_a_scenario_that_does_not_fit_is_muted_and_reaches_4_5(qtbot, light) -> None:  # noqa: ARG001, F811
    box = ScenarioBox(None)
    qtbot.addWidget(box)
    box.check = lambda path: PROBLEM if "what-if" in path else ""
    unfit = next(i for i in range(box.count()) if "what-if" in (box.itemData(i) or ""))
    fit = next(i for i in range(box.count())
               if box.itemData(i) and "what-if" not in box.itemData(i))
    box.setCurrentIndex(box.count() - 1)  # "Open Scenario…": neither row is highlighted
    box.resize(420, box.sizeHint().height())
    box.show()
    qtbot.waitExposed(box)
    box.showPopup()
    view = box.view()
    qtbot.waitUntil(lambda: view.isVisible() and view.viewport().width() > 0)
    popup = view.window()  # the pop-up's frame paints the ground the rows show on
    image = popup.grab().toImage()

    def painted(index: int) -> tuple[float, float]:
        """The contrast of the row's text on its ground, and its text's lightness."""
        rect = view.visualRect(box.model().index(index, 0))
        rect = QRect(view.viewport().mapTo(popup, rect.topLeft()), rect.size()) \
            .intersected(QRect(view.viewport().mapTo(popup, QPoint(0, 0)),
                               view.viewport().size()))
        ground = image.pixelColor(rect.left() + 1, rect.center().y())  # before the text
        assert ground.lightnessF() > 0.9  # the pop-up's light ground, not a highlight
        text = text_colour(image, rect.adjusted(2, 0, 0, 0), ground)
        return contrast(text, ground), text.lightnessF()

    assert "written for another workspace" in box.itemText(unfit)
    unfit_ratio, unfit_light = painted(unfit)
    fit_ratio, fit_light = painted(fit)
    assert unfit_ratio >= NEED, unfit_ratio
    assert fit_ratio > unfit_ratio * 2.5  # greyed: far from the black of a row that fits
    assert unfit_light > fit_light + 0.25
    box.hidePopup()
    QApplication.processEvents()
