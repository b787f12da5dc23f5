"""elided_list, the Goals and Tags cells' text, gives what it gave before (every shorter
list measured whole, longest first) while measuring each name about once: a cell with
hundreds of goals measured every shorter list in turn (perf QA: a repaint took a second)."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics

from canvas_app.ui.simulation.contacts_table import LEAST_CHARS, elided_list


def reference(names: Sequence[str], metrics: QFontMetrics, width: int,
              noun: str = "names") -> str:
    """elided_list as it was written first: plain, and slow on long lists."""
    text = ", ".join(names)
    if len(names) < 2 or metrics.horizontalAdvance(text) <= width:
        return text
    for shown in range(len(names) - 1, 0, -1):
        text = f"{', '.join(names[:shown])}, +{len(names) - shown}"
        if metrics.horizontalAdvance(text) <= width:
            return text
    more = f", +{len(names) - 1}"
    first = metrics.elidedText(names[0], Qt.TextElideMode.ElideRight,
                               max(0, width - metrics.horizontalAdvance(more)))
    if len(first.rstrip("…")) >= min(LEAST_CHARS, len(names[0])):
        return first + more
    return f"{len(names)} {noun}"


class CountingMetrics:
    """QFontMetrics that counts the characters it measures."""

    def __init__(self, metrics: QFontMetrics) -> None:
        self.metrics = metrics
        self.measured = 0

    def horizontalAdvance(self, text: str) -> int:  # noqa: N802 (Qt's name)
        self.measured += len(text)
        return self.metrics.horizontalAdvance(text)

    def elidedText(self, *args) -> str:  # noqa: N802 (Qt's name)
        return self.metrics.elidedText(*args)


NAMES = st.lists(st.text(alphabet="abcdefghij KLMWi.é", min_size=1, max_size=24),
                 min_size=0, max_size=12)


@settings(max_examples=300, deadline=None)
@given(names=NAMES, width=st.integers(min_value=0, max_value=700))
def test_the_same_text_as_before(qapp, names: list[str], width: int) -> None:
    metrics = QFontMetrics(QFont(qapp.font()))
    assert elided_list(names, metrics, width, "goals") == reference(names, metrics, width,
                                                                    "goals")


def test_hundreds_of_names_are_measured_about_once(qapp) -> None:
    names = [f"Bought product number {n}" for n in range(400)]
    metrics = CountingMetrics(QFontMetrics(QFont(qapp.font())))
    text = elided_list(names, metrics, 300, "goals")  # type: ignore[arg-type]
    assert text.endswith(f", +{400 - text.count(',')}")
    assert metrics.measured < 4 * len(", ".join(names))
