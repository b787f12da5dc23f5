"""QA1 5: a purchase goal's line on the canvas (its tooltip) read as if every option were
required: "Purchase of order form X; product Y; category Z, paid by Credit card, PayPal".
Any one option matches, and any one ticked payment type: they read as alternatives."""

from __future__ import annotations

from canvas_app.domain.nodes import Node


def summary(workspace, **config) -> str:
    node: Node = workspace.campaign("shock-nurture").node("bought-shock").copy()
    for name, value in config.items():
        setattr(node.config, name, value)
    return node.spec.describe(node.config, workspace.catalog)


def test_options_and_payment_types_read_as_alternatives(workspace):
    text = summary(workspace, use_order_forms=True, order_forms=["spring-form"],
                   use_products=True, products=["shock"], use_categories=True,
                   categories=["chemicals"], payment_types=["credit_card", "paypal"])
    order_form = workspace.catalog.order_forms["spring-form"].name
    assert text.startswith(
        f"Purchase of order form {order_form}, or product Super Sock It Pool Shock, "
        "or category Chemicals; paid by Credit card or PayPal; achieved by ")


def test_several_names_of_one_option_read_as_a_list_with_or(workspace):
    text = summary(workspace, products=["mitt", "stabilizer", "shock"],
                   payment_types=["cash", "check", "paypal"])
    assert ("product Pool Scrubbing Mitt, Pool Stabilizer / Conditioner or Super Sock It "
            "Pool Shock; paid by Cash, Check or PayPal;") in text


def test_one_option_and_any_payment_type(workspace):
    assert summary(workspace).startswith(
        "Purchase of product Super Sock It Pool Shock; any payment type; achieved by ")


def test_any_purchase_reads_as_such(workspace):
    """QA 23c: a new goal's tooltip read "Purchase of any purchase; …"."""
    assert summary(workspace, any_purchase=True, use_products=False).startswith(
        "Any purchase; any payment type; achieved by ")
    assert summary(workspace, any_purchase=True).startswith(
        "Any purchase, or product Super Sock It Pool Shock; any payment type;")
