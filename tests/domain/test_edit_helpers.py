"""Qt-free helpers of the editors: node checks, placement help, tags, actions, catalog."""

from __future__ import annotations

from pathlib import Path

import pytest

from canvas_app.domain.action_edit import find_products, product_by_name, validate_actions
from canvas_app.domain.catalog import Category, Product
from canvas_app.domain.catalog_edit import new_item_id, validate_item, validate_payment_type
from canvas_app.domain.node_edit import placement_help, validate_node, workspace_tags
from canvas_app.domain.nodes import Node
from canvas_app.domain.steps import Step
from canvas_app.io import load_workspace

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "pool-store.campaign.json"


@pytest.fixture
def workspace():
    return load_workspace(SAMPLE)


def test_validate_node_checks_the_name_and_the_settings(workspace):
    node = workspace.campaign("shock-nurture").node("bought-shock").copy(name="  ")
    node.config.use_products, node.config.products = True, []
    messages = [p.message for p in validate_node(node, workspace.catalog)]
    assert messages[0] == "the name cannot be empty"
    assert 'the "Specific product purchase" option is ticked but no product is chosen' \
        in messages
    assert validate_node(Node("x", "tag_goal", "Tagged"), workspace.catalog)[0].path == (
        "config.tags")


def test_placement_help_before_and_after(workspace):
    campaign = workspace.campaign("shock-nurture")
    assert placement_help(campaign, "bought-shock") == (
        'After "Nurture". Achieving it takes the contact out of "Nurture" and moves it '
        'forward into "Post-purchase".')
    assert "forward into" not in placement_help(workspace.campaign("checkup-onboarding"),
                                                "visit-follow-up")
    campaign.add_node(Node("lonely", "purchase_goal", "Lonely"))
    assert placement_help(campaign, "lonely").startswith("Not linked to a sequence yet")


def test_R5_placement_help_names_indirect_upstream_sequences_and_goals_after(workspace):
    campaign = workspace.campaign("checkup-onboarding")
    # subscribed -> onboarding -> visit-booked -> visit-follow-up; add a goal after the tag goal
    campaign.add_node(Node("g2", "tag_goal", "Reviewed"))
    campaign.link("visit-booked", "g2")
    text = placement_help(campaign, "visit-booked")
    assert text.startswith('After "Onboarding". Achieving it takes the contact out of '
                           '"Onboarding", moves')
    assert 'forward into "Visit follow-up"' in text
    assert text.endswith('and makes it wait at "Reviewed".')
    campaign.add_node(Node("g3", "tag_goal", "Later"))
    campaign.link("g2", "g3")
    later = placement_help(campaign, "g3")  # upstream through two goals; a sibling is not
    # after its direct predecessor; the sequence it ends is named as upstream (QA10)
    assert later == ('After "Reviewed". Achieving it takes the contact out of "Onboarding" '
                     "(upstream).")


def test_placement_help_names_the_node_right_before_the_goal(workspace):
    """QA10: Welcome emails -> Purchase goal 1 -> Tag goal 1 read 'After "Welcome
    emails": …', never naming "Purchase goal 1", the node linked into the tag goal."""
    campaign = workspace.campaign("checkup-onboarding")
    campaign.add_node(Node("welcome", "sequence", "Welcome emails"))
    campaign.add_node(Node("pg1", "purchase_goal", "Purchase goal 1"))
    campaign.add_node(Node("tg1", "tag_goal", "Tag goal 1"))
    campaign.link("welcome", "pg1")
    campaign.link("pg1", "tg1")
    assert placement_help(campaign, "tg1") == (
        'After "Purchase goal 1". Achieving it takes the contact out of "Welcome emails" '
        "(upstream).")
    # a direct sequence and an upstream one: only the upstream one is marked
    campaign.link("onboarding", "tg1")
    text = placement_help(campaign, "tg1")
    after, achieving = text.split(". ", 1)
    assert after in ('After "Onboarding" and "Purchase goal 1"',
                     'After "Purchase goal 1" and "Onboarding"')
    assert achieving.startswith("Achieving it takes the contact out of ")
    assert '"Welcome emails" (upstream)' in text and '"Onboarding" (upstream)' not in text
    # an entry goal: nothing before it
    assert placement_help(campaign, "subscribed") == (
        'Achieving it moves the contact forward into "Onboarding".')


def test_placement_help_quotes_names_with_braces_as_they_are(workspace):
    """Names are the user's words: "Promo {2024}" once raised IndexError (str.format)."""
    campaign = workspace.campaign("shock-nurture")
    campaign.rename("nurture", "Promo {2024}")
    campaign.rename("post-purchase", "After {contact} {}")
    assert placement_help(campaign, "bought-shock") == (
        'After "Promo {2024}". Achieving it takes the contact out of "Promo {2024}" and '
        'moves it forward into "After {contact} {}".')

def test_a_sequence_that_runs_until_completed_is_said_to_keep_the_contact(workspace):
    """QA 23g: "takes the contact out of X, unless it runs until completed" of an X that
    does: the contact stays in it, which is said plainly."""
    campaign = workspace.campaign("checkup-onboarding")
    campaign.add_node(Node("welcome", "sequence", "Welcome emails"))
    campaign.link("welcome", "visit-booked")
    campaign.node("onboarding").config.runs_until_completed = True
    assert placement_help(campaign, "visit-booked") == (
        'After "Onboarding" and "Welcome emails". Achieving it takes the contact out of '
        '"Welcome emails" and moves it forward into "Visit follow-up". "Onboarding" runs '
        "until completed: the contact stays in it.")
    campaign.node("welcome").config.runs_until_completed = True
    assert placement_help(campaign, "visit-booked").endswith(
        '. "Onboarding" and "Welcome emails" run until completed: the contact stays in '
        "them.")


def test_workspace_tags_come_from_everywhere(workspace):
    tags = workspace_tags(workspace)
    assert tags == sorted(tags)
    assert {"Visit booked", "Shock customer", "Logged into cart", "Bought pool shock",
            "Newsletter"} <= set(tags)


def test_validate_actions(workspace):
    actions = [Step("apply_tag", tag="A"), Step("notify_team"),
               Step("add_to_campaign", campaign="nowhere")]
    problems = validate_actions(actions, workspace)
    assert [p.path for p in problems] == ["[1].message", "[2].campaign"]
    assert validate_actions(actions[:1], workspace) == []


def test_product_search_is_by_substring(workspace):
    assert [p.id for p in find_products(workspace.catalog, "pool")] == [
        "mitt", "stabilizer", "shock", "checkup"]
    assert [p.id for p in find_products(workspace.catalog, "SOCK")] == ["shock"]
    assert product_by_name(workspace.catalog, "weekly pool checkup").id == "checkup"
    assert product_by_name(workspace.catalog, "pool") is None  # four match
    assert product_by_name(workspace.catalog, "mitt").id == "mitt"
    assert product_by_name(workspace.catalog, "") is None


def test_catalog_items(workspace):
    catalog = workspace.catalog
    assert new_item_id(catalog, "Pool Care", "categories") == "pool-care-2"
    assert new_item_id(catalog, "Store credit", "payment_types") == "store_credit"
    assert validate_item(catalog, Category("c", " "))[0].message == "the name cannot be empty"
    problems = validate_item(catalog, Product("p", "P", "nope", -1.0))
    assert [p.path for p in problems] == ["category", "price"]
    shock = catalog.products["shock"]
    clash = validate_item(catalog, Product("new", f"  {shock.name.upper()} ", None, 1.0))
    assert [p.message for p in clash] == [f'there is already a product named "{shock.name}"']
    assert validate_item(catalog, shock) == []  # an item keeps its own name
    assert validate_item(catalog, Category("new", shock.name)) == []  # other sections differ
    assert validate_payment_type(catalog, "Cash")[0].message == (
        'there is already a payment type "Cash"')
    assert validate_payment_type(catalog, "Gift card") == []


def test_step_warning_for_a_past_wait_until():
    from datetime import UTC, datetime

    from canvas_app.domain.node_edit import step_warning

    now = datetime(2026, 6, 1, tzinfo=UTC)
    assert "already passed" in step_warning(
        Step("wait_until", until=datetime(2026, 1, 1, tzinfo=UTC)), now)
    assert step_warning(Step("wait_until", until=datetime(2027, 1, 1, tzinfo=UTC)), now) == ""
    assert step_warning(Step("delay"), now) == ""


def test_placement_help_of_a_goal_under_thousands_of_sequences(monkeypatch):
    """QA 21: the editor of a goal in a 10,000-node campaign froze the window for a minute
    (the upstream nodes were worked out once per node) and listed 5,000 names."""
    from canvas_app.domain.campaign import Campaign

    campaign = Campaign("big", "Big")
    count = 3000
    for i in range(count):
        campaign.add_node(Node(f"s{i}", "sequence", f"Sequence {i}", 240.0 * i, 0.0))
        if i:
            campaign.link(f"s{i - 1}", f"s{i}")
    campaign.add_node(Node("g", "tag_goal", "Goal", 0.0, 200.0))
    campaign.link(f"s{count - 1}", "g")
    calls: list[str] = []
    upstream = Campaign.upstream
    monkeypatch.setattr(Campaign, "upstream",
                        lambda self, node_id: calls.append(node_id) or upstream(self, node_id))
    text = placement_help(campaign, "g")
    assert calls == ["g"]  # once, not once per node
    assert f'"Sequence {count - 1}"' in text  # the one right before it comes first
    assert f"and {count - 8:,} more" in text and len(text) < 600
