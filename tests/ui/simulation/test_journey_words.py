"""The journey's words for a goal not reached: "not eligible" only for R4 (not in the
campaign, or removed from it); "not achieved" when the order did not match the goal (QA: an
eligible contact's order paid by the wrong payment type read "not eligible")."""

from __future__ import annotations

from canvas_app.ui.simulation.contacts_model import EVENT_WORDS, NOT_ACHIEVED, journey_rows
from tests.sim.helpers import at, buy, camp, pay, pgoal, simulate, workspace


def test_a_payment_type_not_chosen_reads_not_achieved() -> None:
    ws = workspace(camp("c", [pgoal("g", ("sub",), categories=("services",),
                                    payment_types=["credit_card"],
                                    achieved_by="any_contact")]))
    sim, _ = simulate(ws, buy(at(2), "ana", "o-1", "sub", channel="manual_order",
                              payment_type="check", outcome="pending"),
                      pay(at(3), "o-1"))
    whats = [(what, detail) for _when, what, _name, _node, detail in journey_rows(sim, "ana")]
    assert ("not achieved", "order o-1: payment type Check not chosen") in whats
    assert not [w for w, _d in whats if w == "not eligible"]


def test_a_contact_not_in_the_campaign_reads_not_eligible() -> None:
    ws = workspace(camp("c", [pgoal("g", ("shock",))]))  # campaign contacts only
    sim, _ = simulate(ws, buy(at(2), "ana", "o-1", "shock"))
    whats = [(what, detail) for _when, what, _name, _node, detail in journey_rows(sim, "ana")]
    assert [d for w, d in whats if w == "not eligible"] == [
        'order o-1, Credit card: not in "C"']
    assert EVENT_WORDS["not_eligible"] != NOT_ACHIEVED
