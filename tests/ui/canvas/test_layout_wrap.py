"""Auto-Layout: a long flow wraps into bands instead of one endless row (QA: a ring of
5,000 nodes ended in one row at a zoom of 2 %)."""

from __future__ import annotations

from canvas_app.domain.campaign import Campaign
from canvas_app.domain.nodes import Node
from canvas_app.editing.layout import COLUMN, ROW, WRAP_COLUMNS, layered_positions


def chain(n: int, ring: bool = False) -> Campaign:
    campaign = Campaign("c", "Chain")
    for i in range(n):
        campaign.add_node(Node(f"n{i}", "sequence", f"S {i}", 0, 0))
    for i in range(1, n):
        campaign.link(f"n{i - 1}", f"n{i}")
    if ring:
        campaign.link(f"n{n - 1}", "n0")
    return campaign


def test_a_short_flow_stays_in_one_row() -> None:
    positions = layered_positions(chain(WRAP_COLUMNS))
    assert {y for _x, y in positions.values()} == {0.0}
    assert [positions[f"n{i}"][0] for i in range(3)] == [0.0, COLUMN, 2 * COLUMN]


def test_a_long_ring_wraps_into_bands_about_as_wide_as_a_window() -> None:
    positions = layered_positions(chain(2000, ring=True))
    xs = [x for x, _y in positions.values()]
    ys = [y for _x, y in positions.values()]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    assert 1.0 < width / height < 2.5
    assert len(set(positions.values())) == 2000  # no two on one spot
    # reading order: along a band, then on at the start of the next one below
    band = round(max(xs) / COLUMN) + 1
    assert positions[f"n{band}"] == (0.0, positions["n0"][1] + 2 * ROW)
