"""How a run keeps journeys: flat, read as (at, event, node, detail) tuples, each distinct
detail text kept once however many contacts share it."""

from __future__ import annotations

import pytest

from canvas_app.sim.state import Journey

from .helpers import add, at, camp, seq, simulate, workspace


def test_a_journey_reads_as_its_entries() -> None:
    journey = Journey()
    assert len(journey) == 0 and not journey and list(journey) == []
    journey.add(10, "added", None, 'added to "C"')
    journey.append((20, "entered", "s", 'entered "S"'))
    assert len(journey) == 2 and journey
    assert list(journey) == [(10, "added", None, 'added to "C"'), (20, "entered", "s",
                                                                    'entered "S"')]
    assert journey[1] == (20, "entered", "s", 'entered "S"') and journey[-2][0] == 10
    assert journey == list(journey)
    with pytest.raises(IndexError):
        journey[2]


def test_contacts_share_their_journeys_words() -> None:
    ws = workspace(camp("c", [seq("s", {"kind": "delay", "duration": 60})]))
    sim, result = simulate(ws, add(at(1), "ana", "c"), add(at(1), "ben", "c"))
    ana, ben = (list(sim.contacts[c].journey or ()) for c in ("ana", "ben"))
    assert [e[1] for e in ana] == [e[1] for e in ben] == ["added", "entered", "step",
                                                          "completed"]
    for mine, theirs in zip(ana, ben, strict=True):
        assert mine[3] == theirs[3] and mine[3] is theirs[3]
    assert result.contacts["ana"]["journey"][1]["detail"] == ana[1][3]
