"""Deleting the last purchase option of a goal in the Catalog (QA): the question names the
goal(s) left with no purchase option (or payment type), at most MOST_NAMED of them and then
how many more, instead of "(a goal left with no purchase option becomes invalid)"."""

from __future__ import annotations

from canvas_app.domain.campaign import Campaign
from canvas_app.domain.names import MOST_NAMED
from canvas_app.domain.nodes import Node
from canvas_app.domain.purchase import PurchaseGoalConfig
from canvas_app.domain.usage import goals_left_without

from .helpers import open_catalog


def test_the_goals_left_with_nothing_are_found(workspace):
    assert goals_left_without(workspace, "products", "shock") == ["Bought pool shock"]
    # "Subscribed to checkup" keeps its category
    assert goals_left_without(workspace, "products", "checkup") == []
    assert goals_left_without(workspace, "payment_types", "paypal") == []
    goal = workspace.campaign("checkup-onboarding").node("subscribed")
    goal.config.payment_types = ["paypal"]
    assert goals_left_without(workspace, "payment_types", "paypal") == [
        "Subscribed to checkup"]


def test_the_question_names_the_goal(qtbot, workspace, undo_stack):
    dialog = open_catalog(qtbot, workspace, undo_stack)
    dialog.select("products", "shock")
    box = dialog.delete_selected("products")
    assert box.text().endswith(
        'Deleting it also removes it from these places: "Bought pool shock" will have no '
        "purchase option left and become invalid. Delete it anyway?")
    assert "(a goal left with" not in box.text()
    box.reject()


def test_a_payment_type_names_the_goal_left_without_one(qtbot, workspace, undo_stack):
    workspace.campaign("checkup-onboarding").node("subscribed").config.payment_types = [
        "paypal"]
    dialog = open_catalog(qtbot, workspace, undo_stack)
    dialog.select("payment_types", "paypal")
    box = dialog.delete_selected("payment_types")
    assert box.text().endswith(
        'Deleting it also removes it from these places: "Subscribed to checkup" will have '
        "no payment type left and become invalid. Delete it anyway?")
    box.reject()


def test_past_a_few_goals_the_rest_are_counted(qtbot, workspace, undo_stack):
    campaign = Campaign("many", "Many goals")
    for i in range(MOST_NAMED + 3):
        campaign.add_node(Node(f"g{i}", "purchase_goal", f"Goal {i}",
                               config=PurchaseGoalConfig(use_products=True,
                                                         products=["mitt"])))
    workspace.add_campaign(campaign)
    dialog = open_catalog(qtbot, workspace, undo_stack)
    dialog.select("products", "mitt")
    box = dialog.delete_selected("products")
    named = ", ".join(f'"Goal {i}"' for i in range(MOST_NAMED))
    assert box.text().endswith(
        f"Deleting it also removes it from these places: {named} and 3 more will have no "
        "purchase option left and become invalid. Delete it anyway?")
    box.reject()
