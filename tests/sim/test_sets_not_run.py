"""The log says why an order did not run the non-empty action sets that match it (R13, R14,
C10), in one line; a workspace without such sets gets no line (QA: the log was silent)."""

from __future__ import annotations

from typing import Any

from canvas_app.domain.ecommerce import LEGACY_SETTING_LABEL

from .helpers import at, buy, camp, pay, pgoal, simulate, tag, workspace

GOAL = camp("c", [pgoal("g", any_purchase=True, achieved_by="any_contact")])
ALL_SETS = {
    "contact_creation": [tag("new")],
    "successful_purchase": [tag("customer")],
    "failed_purchase": [tag("declined")],
    "error_purchase": [tag("error")],
}
NEW_BUYER = {"first_name": "Zed", "last_name": "Quinn", "email": "zed@example.com"}


def not_run(*events: dict[str, Any], **sets: Any) -> list[str]:
    """The log's "not run" lines, without their time."""
    _, result = simulate(workspace(GOAL, **sets), *events)
    return [line[17:] for line in result.log if " not run" in line]


def test_legacy_form_with_the_setting_off_names_the_setting() -> None:
    lines = not_run(buy(at(2), "ana", "o-1", "shock", channel="legacy_order_form",
                        order_form="classic"),
                    product_sets={"shock": [tag("shock buyer")]})
    assert lines == [f'Ana Diaz: action set "Product: Shock" not run (order o-1): '
                     f'"{LEGACY_SETTING_LABEL}" is off']


def test_api_orders_run_no_sets() -> None:
    lines = not_run(buy(at(2), NEW_BUYER, "o-1", "shock", "mitt", channel="api"),
                    action_sets=ALL_SETS, product_sets={"shock": [tag("shock buyer")]})
    assert lines == ['Zed Quinn: action sets "Contact Creation Action", "Successful Purchase '
                     'Action" and "Product: Shock" not run (order o-1): API orders run no '
                     "action sets"]


def test_new_buyer_on_a_manual_order_gets_no_contact_creation() -> None:
    # the setting on: the product's set runs, the default sets do not
    _, result = simulate(workspace(GOAL, action_sets={"contact_creation": [tag("new")]},
                                   product_sets={"mitt": [tag("mitt buyer")]}, legacy=True),
                         buy(at(2), NEW_BUYER, "o-1", "mitt", channel="manual_order"))
    assert result.action_sets == {"contact_creation": 0, "product:mitt": 1}
    lines = [line[17:] for line in result.log if " not run" in line]
    assert lines == ['Zed Quinn: action set "Contact Creation Action" not run (order o-1): '
                     "default sets run only for shopping cart and order form orders"]


def test_manual_order_placed_pending_with_the_setting_off() -> None:
    lines = not_run(buy(at(2), "ana", "o-1", "mitt", channel="manual_order",
                        outcome="pending"), pay(at(3), "o-1"),
                    action_sets=ALL_SETS, product_sets={"mitt": [tag("mitt buyer")]})
    assert lines == ['Ana Diaz: action set "Successful Purchase Action" not run (order o-1): '
                     "default sets run only for shopping cart and order form orders; action "
                     f'set "Product: Mitt" not run: "{LEGACY_SETTING_LABEL}" is off']


def test_cart_order_placed_pending_runs_no_sets_and_says_so() -> None:
    _, result = simulate(workspace(GOAL, action_sets=ALL_SETS,
                                   product_sets={"mitt": [tag("mitt buyer")]}),
                         buy(at(2), NEW_BUYER, "o-1", "mitt", outcome="pending"),
                         pay(at(3), "o-1"))
    assert result.nodes["g"]["achieved"] == 1  # accepted; the payment reaches the goal
    assert result.action_sets["contact_creation"] == 1  # C10: whatever the outcome
    assert result.action_sets["successful_purchase"] == 0
    assert result.action_sets["product:mitt"] == 0
    lines = [line[17:] for line in result.log if " not run" in line]
    assert lines == ['Zed Quinn: action sets "Successful Purchase Action" and "Product: Mitt" '
                     "not run (order o-1): the order was placed pending, and a later payment "
                     "runs no action sets"]


def test_failed_legacy_order_names_the_failed_set_only() -> None:
    lines = not_run(buy(at(2), "ana", "o-1", "mitt", channel="legacy_order_form",
                        order_form="classic", outcome="failed"),
                    action_sets=ALL_SETS, product_sets={"mitt": [tag("mitt buyer")]})
    assert lines == ['Ana Diaz: action set "Failed Purchase Action" not run (order o-1): '
                     "default sets run only for shopping cart and order form orders"]


def test_no_line_without_sets_or_when_every_matching_set_runs() -> None:
    channels = [("shopping_cart", None), ("order_form", "form"),
                ("legacy_order_form", "classic"), ("manual_order", None), ("api", None)]
    for index, (channel, form) in enumerate(channels):
        for outcome in ("success", "failed", "error", "pending"):
            event = buy(at(2), NEW_BUYER, f"o-{index}", "shock", channel=channel,
                        order_form=form, outcome=outcome)
            assert not_run(event) == [], (channel, outcome)
            # sets of other products and other outcomes are not this order's
            assert not_run(event, product_sets={"mitt": [tag("m")]}) == [], (channel, outcome)
    # a paid cart order runs all that match it
    assert not_run(buy(at(2), NEW_BUYER, "o-1", "shock", "mitt"), action_sets=ALL_SETS,
                   product_sets={"shock": [tag("s")], "mitt": [tag("m")]}) == []
    # a failed cart order: its failed set runs; product sets are for paid orders
    assert not_run(buy(at(2), "ana", "o-1", "shock", outcome="failed"),
                   action_sets=ALL_SETS, product_sets={"shock": [tag("s")]}) == []
    # the same sets on an API order: one line, and one only
    assert len(not_run(buy(at(2), NEW_BUYER, "o-1", "shock", "mitt", channel="api"),
                       action_sets=ALL_SETS,
                       product_sets={"shock": [tag("s")], "mitt": [tag("m")]})) == 1


def test_a_failed_order_paid_later_says_its_sets_do_not_run_then() -> None:
    """QA: Ben's declined card paid later sent no "thank you", and the log said nothing."""
    lines = not_run(buy(at(2), "ana", "o-1", "shock", outcome="failed"), pay(at(3), "o-1"),
                    action_sets=ALL_SETS, product_sets={"shock": [tag("shock buyer")]})
    assert lines == ['Ana Diaz: action sets "Successful Purchase Action" and "Product: '
                     'Shock" not run (order o-1): action sets run when an order is placed, '
                     "not at a later payment"]
    # nothing to say without such sets; an order placed paid says nothing at a renewal
    assert not_run(buy(at(2), "ana", "o-1", "shock", outcome="failed"), pay(at(3), "o-1"),
                   action_sets={"failed_purchase": [tag("declined")]}) == []
    assert not_run(buy(at(2), "ana", "o-1", "shock"), pay(at(3), "o-1"),
                   action_sets=ALL_SETS) == []
