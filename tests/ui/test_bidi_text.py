"""Hebrew and Arabic names do not turn the sentences round them: the simulation log's lines,
a node's tooltip, the Warnings panel's lines and the contacts' lists of goals read left to
right with each name in its place; a 200-letter name wraps in the Warnings panel and in
a tooltip instead of widening them. Checked on the positions Qt lays the text out at."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextDocument, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QToolTip

from canvas_app.domain.names import without_isolates
from canvas_app.io import load_workspace
from canvas_app.sim import Simulation, load_scenario
from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.contacts_model import COLUMNS, ContactsModel
from canvas_app.ui.simulation.log_view import LogView
from canvas_app.ui.tooltip_text import LINE_CHARS, wrapped_tooltip
from tests.ui.canvas.conftest import SAMPLE, make_window
from tests.ui.test_tooltip_text import shown_tip

HEBREW, ARABIC = "ביקור נקבע", "حملة التهيئة للفحص"
CONTACT = "أنا دياز"
LONG = ("Supercalifragilisticexpialidocious" * 7)[:200]
SCENARIO = SAMPLE.parent / "pool-store.scenario.json"


def extent(layout: QTextLayout, start: int, end: int) -> tuple[float, float]:
    """The leftmost and rightmost x of the glyphs of the text from ``start`` to ``end``
    as laid out (a right-to-left run has its first character on its right)."""
    rects = [run.boundingRect() for run in layout.glyphRuns(start, end - start)]
    assert rects, (start, end)
    return min(r.left() for r in rects), max(r.right() for r in rects)


def laid_out(text: str, font: QFont, direction: Qt.LayoutDirection) -> QTextLayout:
    """``text`` on one line as an item view lays it out (the widget's direction)."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setTextDirection(direction)
    layout.setTextOption(option)
    layout.beginLayout()
    layout.createLine().setLineWidth(100_000)
    layout.endLayout()
    return layout


def left_of(layout: QTextLayout, text: str, first: str, second: str, start: int = 0) -> bool:
    """Whether the whole of ``first`` (found from ``start``) is shown left of the whole of
    the ``second`` that follows it in the text."""
    a = text.index(first, start)
    b = text.index(second, a + len(first))
    return extent(layout, a, a + len(first))[1] <= extent(layout, b, b + len(second))[0] + 0.5


# -- the simulation log ---------------------------------------------------------------------
LOG = [f'2026-03-02 09:00 {CONTACT} was added to "{ARABIC}" (scenario event)',
       f"2026-03-02 11:00 {HEBREW}: action set ran",
       "2026-03-02 12:00 Ben logged into the cart"]


def assert_lines_read_left_to_right(log: LogView) -> None:
    block = log.document().firstBlock()
    seen = 0
    while block.isValid():
        text = block.text()
        assert block.textDirection() == Qt.LayoutDirection.LeftToRight, text
        layout = block.layout()
        when = extent(layout, 0, len("2026-03-02 09:00"))
        assert when[0] < QFontMetrics(log.font()).averageCharWidth()  # the time first
        name = next(n for n in (CONTACT, HEBREW, "Ben") if n in text)
        assert left_of(layout, text, "2026-03-02", name)
        after = re.search(r"[A-Za-z]+", text[text.index(name) + len(name):]).group()
        assert left_of(layout, text, name, after)  # the English words after it, in order
        seen += 1
        block = block.next()
    assert seen == len(LOG)


def test_each_log_line_reads_left_to_right_its_time_first(qtbot) -> None:
    log = LogView()
    qtbot.addWidget(log)
    log.resize(900, 300)
    log.show()
    qtbot.waitExposed(log)
    log.add_lines(LOG)
    assert_lines_read_left_to_right(log)
    log.start_over()  # a new run
    log.hold()
    log.add_lines(LOG)
    log.release()  # shown in one go
    assert log.toPlainText() == "\n".join(LOG)
    assert_lines_read_left_to_right(log)


# -- a node's tooltip -----------------------------------------------------------------------
def tooltip_blocks(document: QTextDocument,
                   html: str) -> list[tuple[str, QTextLayout, Qt.LayoutDirection]]:
    """The tooltip's paragraphs as its label lays them out (``document`` keeps them)."""
    document.setDefaultFont(QToolTip.font())
    document.setHtml(html)
    document.setTextWidth(2000)
    document.documentLayout().documentSize()  # laid out
    block, found = document.begin(), []
    while block.isValid():
        if block.text():
            found.append((block.text(), block.layout(), block.textDirection()))
        block = block.next()
    return found


@pytest.mark.parametrize("finding", ["short", f'⚠ The goal "{HEBREW}" waits for a tag ' * 4])
def test_a_tooltip_starting_with_a_hebrew_name_reads_left_to_right(qtbot, finding) -> None:
    lines = [HEBREW, f'Tag "{HEBREW}" applied; achieved by contacts in this campaign', finding]
    html = wrapped_tooltip(lines)
    assert "dir='ltr'" in html
    document = QTextDocument()
    [(text, layout, direction)] = tooltip_blocks(document, html)
    assert direction == Qt.LayoutDirection.LeftToRight
    assert extent(layout, 0, len(HEBREW))[0] < 1  # the name at the left, not the right
    tag = text.index("Tag")
    assert extent(layout, tag, tag + 3)[0] < 1  # each line starts at the left
    assert left_of(layout, text, "Tag", HEBREW, tag)  # the sentence in order
    assert left_of(layout, text, HEBREW, "applied", tag)
    last = text.index(finding[:5])
    assert extent(layout, last, last + 5)[0] < 1


def test_a_tooltip_with_a_200_letter_name_still_wraps(qtbot) -> None:
    html = wrapped_tooltip([LONG, "Purchase of any product; achieved by any contact"])
    width, _height = shown_tip(qtbot, html)
    metrics = QFontMetrics(QToolTip.font())
    assert metrics.horizontalAdvance(LONG) > 2 * metrics.averageCharWidth() * LINE_CHARS
    assert width <= metrics.averageCharWidth() * LINE_CHARS + 40  # not as wide as the name


# -- the Warnings panel ---------------------------------------------------------------------
@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    source = tmp_path / "pool.campaign.json"
    shutil.copy(SAMPLE, source)
    return make_window(qtbot, str(source), tmp_path)


def unfinished_sequence(window: MainWindow, campaign: str, node: str) -> str:
    """A new campaign holding one sequence with no steps (a warning): the campaign's id."""
    cid = window.controller.new_campaign(campaign)
    node_id = window.controller.add_node(cid, "sequence", 100, 100)
    assert window.controller.rename_node(cid, node_id, node)
    return cid


def panel_row(qtbot, window: MainWindow, cid: str) -> str:
    panel = window.lint_panel
    panel.refresh()
    qtbot.waitUntil(lambda: any(panel.item(i).data(Qt.ItemDataRole.UserRole + 1) == cid
                                for i in range(panel.findings_count())))
    return next(panel.item(i).text() for i in range(panel.findings_count())
                if panel.item(i).data(Qt.ItemDataRole.UserRole + 1) == cid)


def test_a_warnings_place_reads_campaign_then_node_in_right_to_left_names(
        qtbot, window: MainWindow) -> None:
    cid = unfinished_sequence(window, ARABIC, HEBREW)
    text = panel_row(qtbot, window, cid)
    panel = window.lint_panel
    layout = laid_out(text, panel.font(), panel.layoutDirection())
    assert without_isolates(text).startswith(f"Warning: {ARABIC} › {HEBREW}:")
    assert left_of(layout, text, "Warning", ARABIC)
    assert left_of(layout, text, ARABIC, "›")
    assert left_of(layout, text, "›", HEBREW)  # not "Node › Campaign"
    colon = text.index(":", text.index(HEBREW))
    assert left_of(layout, text, HEBREW, text[colon:colon + 5])


def test_a_200_letter_campaign_name_wraps_in_the_warnings_panel(
        qtbot, window: MainWindow) -> None:
    cid = unfinished_sequence(window, LONG, LONG)  # the message quotes the node's name
    window.resize(760, 700)
    window.docks["lint"].raise_()
    panel = window.lint_panel
    text = panel_row(qtbot, window, cid)
    assert LONG in text  # the item's text is the whole message
    assert text.index("›") < 60  # the place's names are shortened
    viewport = panel.viewport().width()
    assert QFontMetrics(panel.font()).horizontalAdvance(LONG) > viewport  # would not fit
    row = next(i for i in range(panel.findings_count()) if panel.item(i).text() == text)
    qtbot.waitUntil(lambda: panel.visualItemRect(panel.item(row)).height()
                    > 2 * QFontMetrics(panel.font()).lineSpacing())  # wrapped
    assert panel.horizontalScrollBar().maximum() == 0  # no scrolling sideways
    for i in range(panel.count()):
        assert panel.visualItemRect(panel.item(i)).right() <= viewport


# -- the contacts' goals --------------------------------------------------------------------
def test_a_contacts_goals_are_listed_in_order_whatever_their_script(qtbot) -> None:
    workspace = load_workspace(SAMPLE)
    names = {"bought-shock": ARABIC, "visit-booked": HEBREW}
    for campaign in workspace.campaigns:
        for node_id, name in names.items():
            if campaign.has_node(node_id):
                campaign.rename(node_id, name)
    sim = Simulation(workspace, load_scenario(SCENARIO, workspace))
    sim.run()
    model = ContactsModel()
    model.set_simulation(sim)
    goals = COLUMNS.index("Goals achieved")
    cells = [model.index(row, goals).data() for row in range(model.rowCount())]
    both = next(cell for cell in cells if HEBREW in cell and ARABIC in cell)
    font = QApplication.font()
    layout = laid_out(both, font, Qt.LayoutDirection.LeftToRight)
    listed = without_isolates(both).split(", ")
    assert HEBREW in listed and ARABIC in listed
    for first, second in zip(listed, listed[1:], strict=False):
        assert left_of(layout, both, first, second)  # shown in the order listed
    model.set_filter(HEBREW[:4])  # found by a goal's name as typed (no marks typed)
    assert model.rowCount() >= 1
    for row in range(model.rowCount()):
        assert any(HEBREW[:4] in model.index(row, column).data()
                   for column in range(len(COLUMNS)))
