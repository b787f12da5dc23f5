"""Over Time with more nodes than it draws lines (QA: "Shock Plan", the sample given 10
empty sequences, 13 nodes): the title says how many of how many are drawn, and the menu's
Lines lists every node, so the user chooses which ones are drawn (at most MAX_LINES)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.funnel_chart import flow_order
from canvas_app.ui.simulation.timeline_chart import MAX_LINES, TimelineChart
from canvas_app.ui.simulation.timeline_lines import line_value

from .test_chart_export import finished_chart

ADDED = 10  # empty sequences added to the sample's 3 nodes


@pytest.fixture
def timeline(qtbot, window: MainWindow) -> TimelineChart:
    campaign = window.current_campaign_id()
    for i in range(ADDED):
        window.controller.add_node(campaign, "sequence", 900 + 60 * i, 100 + 40 * i)
    chart, _host = finished_chart(qtbot, window, "timeline")
    return chart


def lines_entries(timeline: TimelineChart) -> tuple[QMenu, QMenu, list[QAction]]:
    menu = timeline.export.show_menu(timeline.mapToGlobal(timeline.rect().center()))
    sub = timeline.lines_menu
    assert sub is not None
    return menu, sub, [a for a in sub.actions() if a.objectName().startswith("line:")]


def test_the_title_says_how_many_nodes_are_drawn(timeline: TimelineChart,
                                                 window: MainWindow) -> None:
    campaign = window.simulation_panel.current_campaign()
    total = len(flow_order(campaign))
    assert total > MAX_LINES
    assert len(timeline.lines) == MAX_LINES
    assert timeline.title.endswith(f", {MAX_LINES} of {total} nodes")
    assert timeline.title.startswith(f"{campaign.name}: contacts over time")
    assert f"{MAX_LINES} of {total} nodes" in timeline.export.svg().decode()


def test_lines_lists_every_node_and_draws_the_one_chosen(qtbot, timeline: TimelineChart,
                                                        window: MainWindow) -> None:
    panel = window.simulation_panel
    campaign = panel.current_campaign()
    order = flow_order(campaign)
    menu, sub, entries = lines_entries(timeline)
    assert [a.objectName()[5:] for a in entries] == order
    undrawn = [a for a in entries if a.objectName()[5:] not in timeline.lines]
    assert len(undrawn) == len(order) - MAX_LINES
    # all ten show: the others wait, greyed, and the note says why
    assert all(not a.isChecked() and not a.isEnabled() for a in undrawn)
    note = next(a for a in sub.actions() if a.objectName() == "linesNote")
    assert f"{MAX_LINES} of {len(order)}" in note.text() and "hide" in note.text()
    second, third = order[1], order[2]
    entries[1].trigger()  # hide the second line
    entries[2].trigger()  # and the third
    menu.close()
    assert timeline.hidden == {second, third}
    menu, sub, entries = lines_entries(timeline)
    note = next(a for a in sub.actions() if a.objectName() == "linesNote")
    assert note.text() == (f"{MAX_LINES - 2} of {len(order)} nodes showing, {MAX_LINES} at "
                           "most: check one to draw it in a hidden line's place")
    chosen = order[-1]
    last = entries[-1]
    assert last.objectName() == f"line:{chosen}" and last.isEnabled()
    last.trigger()  # drawn, in the first hidden line's place
    menu.close()
    assert list(timeline.lines) == [n for n in order if n != second][:MAX_LINES - 1] + [chosen]
    assert chosen in timeline.lines and second not in timeline.lines
    assert timeline.lines[chosen].isVisible()
    assert not timeline.lines[third].isVisible()  # still hidden, as the user left it
    kind = campaign.node(chosen).kind
    expected = [line_value(kind, counts.get(chosen, {})) for _at, counts in
                panel.runner.timeline()]
    assert {v for _at, v in timeline.values(chosen)} == set(expected)
    legend = [m.series() for m in timeline.chart().legend().markers()]
    assert timeline.lines[chosen] in legend
    # a redraw (the panel's, a run again) keeps the choice
    timeline.show_timeline(campaign, panel.runner.timeline())
    assert chosen in timeline.lines and second not in timeline.lines
    menu, sub, entries = lines_entries(timeline)
    by_id = {a.objectName()[5:]: a for a in entries}
    assert by_id[chosen].isChecked() and not by_id[second].isChecked()
    menu.close()


def test_the_lines_note_reads_and_the_nodes_waiting_stay_greyed(
        qtbot, timeline: TimelineChart) -> None:
    """The note over Lines is words to read, at least 4.5:1 on the menu (a disabled
    entry's grey was 2.9:1); the nodes that cannot be drawn now stay greyed, as disabled
    choices are."""
    from tests.ui.test_a11y_palette import menu_item_contrast

    menu, sub, entries = lines_entries(timeline)
    sub.popup(timeline.mapToGlobal(timeline.rect().topLeft()))
    qtbot.waitUntil(sub.isVisible)
    note = next(a for a in sub.actions() if a.objectName() == "linesNote")
    waiting = next(a for a in entries if not a.isEnabled())
    assert not note.isEnabled()
    assert menu_item_contrast(sub, note) >= 4.5
    assert menu_item_contrast(sub, waiting) < 4.5  # greyed: no choice now
    sub.close()
    menu.close()


def test_copy_data_has_a_column_for_every_node(timeline: TimelineChart,
                                               window: MainWindow) -> None:
    """Ten lines drawn of 13 nodes: a spreadsheet has room for all, so Copy Data gives
    every node's counts, in flow order, the undrawn ones too (QA: only the drawn ten)."""
    from canvas_app.ui.simulation.timeline_legend import line_name

    panel = window.simulation_panel
    campaign = panel.current_campaign()
    order = flow_order(campaign)
    headings, rows = timeline.table()
    names = [line_name(campaign.node(n).kind, campaign.node(n).name) for n in order]
    assert headings == ["Time (UTC)", *names]
    assert all(len(row) == len(headings) for row in rows)
    undrawn = next(n for n in order if n not in timeline.lines)
    column = order.index(undrawn) + 1
    kind = campaign.node(undrawn).kind
    final = line_value(kind, panel.runner.timeline()[-1][1].get(undrawn, {}))
    assert rows[-1][column] == final
    drawn = order[0]
    assert [v for _at, v in timeline.values(drawn)][-1] == rows[-1][1]


def test_a_line_drawn_in_a_hidden_ones_place_takes_its_look_and_the_rest_keep_theirs(
        qtbot, timeline: TimelineChart, window: MainWindow) -> None:
    """QA: checking Sequence 8 in Lines, in place of hidden Sequence 2, gave every line
    after it the next one's colour and dashes: the user lost track of which was which."""
    order = flow_order(window.simulation_panel.current_campaign())

    def look(node_id: str) -> tuple[str, tuple[float, ...]]:
        pen = timeline.pens[node_id]
        return pen.color().name(), tuple(pen.dashPattern())

    before = {node_id: look(node_id) for node_id in timeline.lines}
    assert len(set(before.values())) == MAX_LINES  # each its own
    menu, _sub, entries = lines_entries(timeline)
    hidden = order[4]  # a sequence, Sequence 2
    entries[4].trigger()
    menu.close()
    chosen = next(n for n in order if n not in timeline.lines)
    assert timeline.choose_line(chosen)
    assert hidden not in timeline.lines and chosen in timeline.lines
    after = {node_id: look(node_id) for node_id in timeline.lines}
    assert after[chosen] == before[hidden]
    assert {n: v for n, v in after.items() if n != chosen} == \
        {n: v for n, v in before.items() if n != hidden}


def test_looks_are_given_in_turn_and_kept() -> None:
    from canvas_app.ui.simulation.timeline_lines import assign_looks

    styles = {True: 3, False: 6}
    lines = [("a", "sequence"), ("b", "purchase_goal"), ("c", "sequence"),
             ("d", "sequence"), ("e", "sequence"), ("f", "tag_goal")]
    first = assign_looks(lines, {}, styles)
    # with nothing kept: the n-th colour, each sort's styles in turn
    assert first == {"a": (0, 0, True), "b": (1, 0, False), "c": (2, 1, True),
                     "d": (3, 2, True), "e": (4, 0, True), "f": (5, 1, False)}
    # "c" gone, "g" drawn in its place with its look; the others keep theirs
    kept = dict(first)
    kept["g"] = kept.pop("c")
    again = assign_looks([("a", "sequence"), ("b", "purchase_goal"), ("d", "sequence"),
                          ("e", "sequence"), ("f", "tag_goal"), ("g", "sequence")],
                         kept, styles)
    assert again["g"] == first["c"]
    assert all(again[n] == first[n] for n in "abdef")
    # a goal in a sequence's place keeps the colour, takes a goal's style least used
    kept = dict(first)
    kept["h"] = kept.pop("a")
    mixed = assign_looks([("b", "purchase_goal"), ("c", "sequence"), ("d", "sequence"),
                          ("e", "sequence"), ("f", "tag_goal"), ("h", "tag_goal")],
                         kept, styles)
    assert mixed["h"][0] == first["a"][0] and mixed["h"][2] is False
    assert mixed["h"][1] not in (first["b"][1], first["f"][1])
    # a new line gets the first colour no other has
    grown = assign_looks([*lines, ("z", "sequence")], first, styles)
    assert grown["z"][0] == 6 and all(grown[n] == first[n] for n, _k in lines)
