"""Auto-Layout as a layered layout (QA 4): nodes ordered within their columns to cross few
links, and a chain on one straight row. Plain Python: ``layered_positions`` has no Qt."""

from __future__ import annotations

from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from canvas_app.domain.campaign import Campaign
from canvas_app.domain.nodes import Node
from canvas_app.editing.layout import COLUMN, NODE_FOOTPRINT, layered_positions

Positions = dict[str, tuple[float, float]]


def campaign_of(names: list[str], links: list[tuple[str, str]],
                kinds: dict[str, str] | None = None) -> Campaign:
    campaign = Campaign("c", "Campaign")
    for name in names:
        kind = (kinds or {}).get(name, "sequence")
        campaign.add_node(Node(name, kind, name, 0.0, 0.0))
    for source, target in links:
        campaign.link(source, target)
    return campaign


def crossings(campaign: Campaign, positions: Positions) -> list[tuple]:
    """Pairs of links between the same two columns whose ends change places (they cross);
    links that share an end do not count."""
    found = []
    for (a, b), (c, d) in combinations(campaign.edges, 2):
        if len({a, b, c, d}) < 4:
            continue
        (ax, ay), (bx, by) = positions[a], positions[b]
        (cx, cy), (dx, dy) = positions[c], positions[d]
        if ax == cx and bx == dx and (ay - cy) * (by - dy) < 0:
            found.append(((a, b), (c, d)))
    return found


def assert_apart(positions: Positions) -> None:
    width, height = NODE_FOOTPRINT
    for (a, (ax, ay)), (b, (bx, by)) in combinations(positions.items(), 2):
        assert abs(ax - bx) >= width or abs(ay - by) >= height, (a, b)


def test_the_qa_example_two_goals_linked_across_do_not_cross() -> None:
    # goal 1 -> Sequence 2, goal 2 -> Sequence 1, made in that order (Ctrl+1 twice,
    # Ctrl+3 twice): in the campaign's order the two links crossed.
    campaign = campaign_of(["g1", "g2", "s1", "s2"], [("g1", "s2"), ("g2", "s1")],
                           {"g1": "purchase_goal", "g2": "purchase_goal"})
    positions = layered_positions(campaign)
    assert crossings(campaign, positions) == []
    assert positions["g1"][1] == positions["s2"][1]
    assert positions["g2"][1] == positions["s1"][1]


def test_the_sample_after_two_pastes_and_a_new_node_keeps_each_chain_level() -> None:
    # Pool Shock Nurture pasted twice, and a tag goal added: the first column had one node
    # more than the others, and each column was centred on its own (diagonal links).
    names, links = [], []
    for copy in ("", " (2)", " (3)"):
        chain = [f"Nurture{copy}", f"Bought pool shock{copy}", f"Post-purchase{copy}"]
        names += chain
        links += [(chain[0], chain[1]), (chain[1], chain[2])]
    names.append("Tag goal 1")
    campaign = campaign_of(names, links)
    positions = layered_positions(campaign)
    for source, target in links:
        assert positions[source][1] == positions[target][1], (source, target)
        assert positions[target][0] - positions[source][0] == COLUMN
    assert_apart(positions)


def test_a_node_with_one_predecessor_sits_level_with_it_after_a_fan_in() -> None:
    # a -> c, b -> c, c -> d -> e: the tail after the join runs level with c
    campaign = campaign_of(list("abcde"), [("a", "c"), ("b", "c"), ("c", "d"), ("d", "e")])
    positions = layered_positions(campaign)
    assert positions["c"][1] == positions["d"][1] == positions["e"][1]
    above, below = sorted((positions["a"][1], positions["b"][1]))
    assert above <= positions["c"][1] <= below


@st.composite
def crossing_pairs(draw: st.DrawFn) -> tuple[list[str], list[tuple[str, str]]]:
    """One to three disjoint pairs of links made so that, in the campaign's order, each
    pair crosses (a1 -> b2, a2 -> b1), the nodes added in a drawn order, with lone
    nodes among them."""
    pairs = draw(st.integers(1, 3))
    names: list[str] = []
    links: list[tuple[str, str]] = []
    for p in range(pairs):
        names += [f"a{p}1", f"a{p}2", f"b{p}1", f"b{p}2"]
        links += [(f"a{p}1", f"b{p}2"), (f"a{p}2", f"b{p}1")]
    names += [f"lone{i}" for i in range(draw(st.integers(0, 2)))]
    names = draw(st.permutations(names))
    links = draw(st.permutations(links))
    return names, links


@settings(max_examples=150, deadline=None)
@given(crossing_pairs())
def test_disjoint_crossing_pairs_are_laid_out_without_crossings(
        drawn: tuple[list[str], list[tuple[str, str]]]) -> None:
    names, links = drawn
    campaign = campaign_of(names, links)
    positions = layered_positions(campaign)
    assert crossings(campaign, positions) == []
    for source, target in links:  # each link a straight level line
        assert positions[source][1] == positions[target][1]
    assert_apart(positions)


@st.composite
def dag_ish(draw: st.DrawFn) -> Campaign:
    """Up to 30 nodes; links mostly forward in the nodes' order (a flow), some back (loops),
    some skipping columns; no duplicates, no self-links."""
    size = draw(st.integers(1, 30))
    names = [f"n{i}" for i in range(size)]
    links: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    if size > 1:
        pairs = draw(st.lists(st.tuples(st.integers(0, size - 1), st.integers(0, size - 1)),
                              max_size=2 * size))
        back = draw(st.booleans())
        for i, j in pairs:
            if i == j:
                continue
            source, target = (i, j) if i < j or back else (j, i)
            if (names[source], names[target]) not in seen:
                seen.add((names[source], names[target]))
                links.append((names[source], names[target]))
    return campaign_of(names, links)


@settings(max_examples=200, deadline=None)
@given(dag_ish())
def test_every_node_is_placed_apart_and_the_same_each_time(campaign: Campaign) -> None:
    positions = layered_positions(campaign)
    assert set(positions) == {n.id for n in campaign.nodes}
    assert_apart(positions)
    assert layered_positions(campaign) == positions
    again = campaign_of([n.id for n in campaign.nodes], campaign.edges)
    assert layered_positions(again) == positions


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(1, 8), min_size=1, max_size=5), st.randoms(use_true_random=False))
def test_separate_chains_each_stay_on_one_straight_row(lengths: list[int], rnd) -> None:
    names = [f"c{c}n{i}" for c, n in enumerate(lengths) for i in range(n)]
    links = [(f"c{c}n{i - 1}", f"c{c}n{i}") for c, n in enumerate(lengths)
             for i in range(1, n)]
    rnd.shuffle(names)
    positions = layered_positions(campaign_of(names, links))
    for c, _n in enumerate(lengths):
        assert len({positions[name][1] for name in names if name.startswith(f"c{c}n")}) == 1
    assert_apart(positions)


def test_auto_layout_puts_every_node_on_the_grid() -> None:
    """QA 23c: rows centred on y = 0 by half a row sat at y = 90, off the 20 px grid, and a
    node placed beside one with Ctrl+1/2/3 snapped 10 px away from its row."""
    from canvas_app.domain.campaign import Campaign
    from canvas_app.domain.nodes import Node
    from canvas_app.editing.layout import layered_positions

    campaign = Campaign("c", "Two rows")
    for node_id in ("a", "b", "c"):
        campaign.add_node(Node(node_id, "sequence", node_id.upper()))
    campaign.link("a", "b")
    campaign.link("a", "c")  # two rows in the second column: centred by half a row before
    positions = layered_positions(campaign)
    assert all(x % 20 == 0 and y % 20 == 0 for x, y in positions.values()), positions
