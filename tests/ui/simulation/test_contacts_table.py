"""The contacts table of the Simulation panel with a few hundred contacts: sorting and
finding on its kept texts, refreshes that say only what changed, and the order kept while
the run plays."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.contacts_model import COLUMNS, ContactsModel
from canvas_app.ui.simulation.runner import SPEEDS

from .conftest import SAMPLE

WHAT_IF = SAMPLE.parent / "pool-store-what-if.scenario.json"
ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


@pytest.fixture
def crowd(window: MainWindow, tmp_path: Path) -> MainWindow:
    """The sample workspace, its Simulation panel on the What-If sample cut to 300
    arrivals."""
    data = json.loads(WHAT_IF.read_text(encoding="utf-8"))
    data["population"]["count"] = 300
    path = tmp_path / "crowd.scenario.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    window.simulation_panel.select_scenario(str(path))
    return window


def rows(model: ContactsModel, column: int | None = None) -> list:
    """Each row's contact id, or its text in ``column``."""
    if column is None:
        return [model.contact_id(r) for r in range(model.rowCount())]
    return [model.index(r, column).data() for r in range(model.rowCount())]


def texts_by_contact(window: MainWindow) -> dict[str, tuple[str, ...]]:
    """Every contact's five texts, read from a model of its own (unsorted, unfiltered)."""
    model = ContactsModel()
    model.set_simulation(window.simulation_panel.runner.simulation)
    return {model.contact_id(r): tuple(model.index(r, c).data() for c in range(len(COLUMNS)))
            for r in range(model.rowCount())}


def finished(qtbot, window: MainWindow) -> None:
    panel = window.simulation_panel
    panel.run_to_end()
    qtbot.waitUntil(lambda: panel.runner.done and not panel.runner.running, timeout=30000)


def test_sorting_by_each_column_orders_the_rows_by_its_text(qtbot, crowd: MainWindow) -> None:
    panel = crowd.simulation_panel
    finished(qtbot, crowd)
    model, table = panel.contacts_model, panel.contacts_table
    texts = texts_by_contact(crowd)
    run_order = list(texts)
    assert len(run_order) > 300
    for column in range(len(COLUMNS)):
        assert len({t[column] for t in texts.values()}) > 1  # something to sort
        for order in (ASC, DESC):
            table.sortByColumn(column, order)
            # By the text, case aside; equal texts stay in the run's order.
            expected = sorted(run_order, key=lambda c, k=column: texts[c][k].casefold(),
                              reverse=order == DESC)
            assert rows(model) == expected, (column, order)
            assert rows(model, column) == [texts[c][column] for c in expected]
    table.sortByColumn(-1, ASC)
    assert rows(model) == run_order


def test_the_selection_follows_its_contact_when_sorted(qtbot, crowd: MainWindow) -> None:
    panel = crowd.simulation_panel
    finished(qtbot, crowd)
    tab = panel.contacts
    contact = panel.contacts_model.contact_id(123)
    tab.select_contact(contact)
    for column in range(len(COLUMNS)):
        tab.table.sortByColumn(column, DESC)
        assert tab.selected_contact() == contact
        assert panel.journey.property("contact") == contact


def test_finding_shows_the_contacts_with_the_text_in_a_cell(qtbot, crowd: MainWindow) -> None:
    panel = crowd.simulation_panel
    finished(qtbot, crowd)
    tab, model = panel.contacts, panel.contacts_model
    texts = texts_by_contact(crowd)
    tab.table.sortByColumn(0, ASC)
    for term in ("SHOCK", "waiting at", "example", "Customer", "no-such-thing"):
        tab.find.setText(term)
        tab.apply_find()
        expected = [c for c, cells in texts.items()
                    if any(term.casefold() in cell.casefold() for cell in cells)]
        assert sorted(rows(model)) == sorted(expected), term
        names = rows(model, 0)
        assert names == sorted(names, key=str.casefold)  # still sorted
    tab.find.clear()
    tab.apply_find()
    assert sorted(rows(model)) == sorted(texts)


def test_a_find_with_no_match_says_so_in_the_table(qtbot, crowd: MainWindow) -> None:
    tab = crowd.simulation_panel.contacts
    finished(qtbot, crowd)
    tab.find.setText("no-such-thing")
    tab.apply_find()
    assert tab.table.empty_text == 'No contacts match "no-such-thing".'
    crowd.docks["simulation"].raise_()
    crowd.simulation_panel.tabs.setCurrentWidget(tab)
    image = tab.table.viewport().grab().toImage()
    inked = sum(1 for x in range(0, image.width(), 2) for y in range(0, 40)
                if image.pixelColor(x, y).lightness() < 200)
    assert inked > 0  # the words are drawn
    tab.find.clear()
    tab.apply_find()
    assert tab.table.empty_text == ""


def test_typing_in_find_searches_once_typing_pauses(qtbot, crowd: MainWindow,
                                                    monkeypatch) -> None:
    panel = crowd.simulation_panel
    finished(qtbot, crowd)
    tab, model = panel.contacts, panel.contacts_model
    searched: list[str] = []
    real = model.set_filter
    monkeypatch.setattr(model, "set_filter", lambda text: searched.append(text) or real(text))
    everyone = model.rowCount()
    for text in ("s", "sh", "sho", "shoc", "shock"):
        tab.find.setText(text)
    assert model.rowCount() == everyone and searched == []  # not per key
    qtbot.waitUntil(lambda: searched == ["shock"], timeout=3000)
    assert 0 < model.rowCount() < everyone


def test_a_refresh_with_nothing_new_says_nothing(qtbot, crowd: MainWindow) -> None:
    panel = crowd.simulation_panel
    finished(qtbot, crowd)
    model = panel.contacts_model
    panel.contacts_table.sortByColumn(2, DESC)  # Where now
    signals: list[str] = []
    model.dataChanged.connect(lambda *_a: signals.append("dataChanged"))
    model.layoutChanged.connect(lambda *_a: signals.append("layoutChanged"))
    model.modelReset.connect(lambda: signals.append("modelReset"))
    for index in range(panel.tabs.count()):  # each tab change refreshes the slow views
        panel.tabs.setCurrentIndex(index)
        qtbot.wait(20)
    crowd.campaign_list.select(crowd.campaign_list.ids()[1])
    panel.contacts.refresh()
    assert signals == []


def test_a_refresh_says_which_rows_changed(qtbot, crowd: MainWindow) -> None:
    panel = crowd.simulation_panel
    assert panel.load()
    model = panel.contacts_model
    sim = panel.runner.simulation
    for _ in range(40):
        panel.runner.step()
    panel.contacts.refresh()
    before = {c: len(sim.contacts[c].journey) for c in rows(model)}
    changed: set[int] = set()
    model.dataChanged.connect(lambda first, last, _roles=(): changed.update(
        range(first.row(), last.row() + 1)))
    for _ in range(5):
        panel.runner.step()
    panel.contacts.refresh()
    moved = {model.row_of(c) for c, n in before.items() if len(sim.contacts[c].journey) != n}
    assert moved and changed == moved
    texts = texts_by_contact(crowd)
    assert all(tuple(model.index(r, c).data() for c in range(len(COLUMNS)))
               == texts[model.contact_id(r)] for r in range(model.rowCount()))


def test_a_sorted_table_keeps_its_order_while_the_run_plays(qtbot, crowd: MainWindow) -> None:
    panel = crowd.simulation_panel
    assert panel.load()
    panel.tabs.setCurrentWidget(panel.contacts)
    model = panel.contacts_model
    panel.contacts_table.sortByColumn(2, ASC)  # Where now
    shown = rows(model)
    panel.speed_combo.setCurrentIndex(len(SPEEDS) - 2)  # a week per second: several ticks
    panel.toggle_run()
    assert panel.runner.running
    qtbot.waitUntil(lambda: panel.runner.simulation.processed > 50, timeout=10000)
    panel.contacts.refresh(live=True)
    assert rows(model)[:len(shown)] == shown  # the same order (newcomers at the end)
    qtbot.waitUntil(lambda: panel.runner.done and not panel.runner.running, timeout=60000)
    qtbot.wait(50)
    where = rows(model, 2)
    assert where == sorted(where, key=str.casefold)  # sorted once it stopped
    assert sorted(rows(model)) == sorted(texts_by_contact(crowd))


def test_contacts_alike_share_their_texts(qtbot, crowd: MainWindow) -> None:
    """A big run keeps few different "where now, goals, tags" texts: contacts alike share
    one copy (and finding still looks in every cell)."""
    finished(qtbot, crowd)
    model = crowd.simulation_panel.contacts_model
    cells = [tuple(model.index(r, c).data() for c in range(2, len(COLUMNS)))
             for r in range(model.rowCount())]
    kept = {id(model._cells(model._index[model.contact_id(r)]))
            for r in range(model.rowCount())}
    assert len(kept) == len(set(cells)) < len(cells) / 5
    finished_ones = [r for r, c in enumerate(cells) if c[0] == "finished"]
    model.set_filter("FINISHED")
    assert model.rowCount() == len(finished_ones) > 0
    model.set_filter("")


def test_finding_a_node_finds_those_who_went_through_it(qtbot, window: MainWindow) -> None:
    """QA: "post-purchase" found only the contacts there now, not those who went through."""
    panel = window.simulation_panel
    finished(qtbot, window)
    tab, model = panel.contacts, panel.contacts_model
    sim = panel.runner.simulation
    through = sorted(c for c, state in sim.contacts.items() if "post-purchase" in state.entered)
    assert through  # the sample's buyers went through Post-purchase, and are out of it now
    texts = texts_by_contact(window)
    assert not [c for c in through if "post-purchase" in " ".join(texts[c]).casefold()]
    tab.find.setText("post-purchase")
    tab.apply_find()
    assert sorted(rows(model)) == through
    tab.find.setText("Nurture")  # in the campaign's name too: everyone who entered it
    tab.apply_find()
    assert sorted(rows(model)) == sorted(c for c, state in sim.contacts.items()
                                         if "nurture" in state.entered
                                         or "nurture" in " ".join(texts[c]).casefold())


def test_contact_columns_are_readable_beside_the_journey_at_1280x800(
        qtbot, window: MainWindow) -> None:
    """The QA's cramped tab: the journey half the width at least (QA5: with a third, its
    words wrapped on three lines), Contact whole, Where now and Email wider than Goals
    and Tags, every heading whole, and a cut cell cut in the middle (so "waiting at" two
    goals alike still differ) with its whole text as tooltip."""
    window.resize(1280, 800)
    window.show_simulation_panel()
    finished(qtbot, window)
    panel = window.simulation_panel
    panel.tabs.setCurrentWidget(panel.contacts)
    tab = panel.contacts
    QApplication.processEvents()
    table, model = tab.table, tab.model
    table_width, journey_width = tab.sizes()
    assert journey_width >= table_width
    metrics = table.fontMetrics()
    names = max(metrics.horizontalAdvance(model.data(model.index(r, 0)))
                for r in range(model.rowCount()))
    assert table.columnWidth(0) >= names + 6  # whole
    header = table.horizontalHeader()
    for column in range(model.columnCount()):
        assert table.columnWidth(column) >= table.least[column]  # its heading whole
    assert header.sectionViewportPosition(4) + header.sectionSize(4) <= \
        table.viewport().width()  # every column in view
    for column in (1, 2):  # Email and Where now before Goals and Tags get more
        assert table.columnWidth(column) > table.least[column] + 40
    assert table.textElideMode() == Qt.TextElideMode.ElideMiddle
    for r in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(r, column)
            assert model.data(index, Qt.ItemDataRole.ToolTipRole) == model.data(index)
    tab.select_contact(model.contact_id(0))
    QApplication.processEvents()
