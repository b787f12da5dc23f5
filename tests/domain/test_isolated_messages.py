"""Names and tags quoted in lint findings are isolated (FSI ... PDI) when right to left,
and Latin ones are quoted as before."""

from __future__ import annotations

from datetime import UTC, datetime

from canvas_app.domain.campaign import Campaign
from canvas_app.domain.campaign_usage import campaign_actions
from canvas_app.domain.catalog import Product
from canvas_app.domain.lint import lint_workspace
from canvas_app.domain.names import FSI, PDI
from canvas_app.domain.nodes import Node
from canvas_app.domain.sequence import SequenceConfig
from canvas_app.domain.steps import Step
from canvas_app.domain.tag_goal import TagGoalConfig
from canvas_app.domain.workspace import Workspace

NOW = datetime(2026, 1, 1, tzinfo=UTC)
HEBREW, ARABIC, TAG = "ביקור נקבע", "حملة التهيئة", "לקוח 2"


def shown(name: str) -> str:
    return FSI + name + PDI


def workspace(goal: str, sequence: str, tag: str, other: str) -> Workspace:
    """The sequence applies ``tag``, the goal waits for ``tag`` spelled ``other``; a stray
    sequence and two nodes of one name."""
    ws = Workspace()
    c = ws.add_campaign(Campaign("c", "Campaign"))
    c.add_node(Node("s", "sequence", sequence, 0, 0,
                    SequenceConfig([Step("email", subject="Hi"), Step("apply_tag", tag=tag)])))
    c.add_node(Node("g", "tag_goal", goal, 240, 0, TagGoalConfig([other])))
    c.add_node(Node("x", "sequence", sequence, 480, 0, SequenceConfig([])))
    c.link("s", "g")
    return ws


def messages(ws: Workspace) -> str:
    return "\n".join(f.message for f in lint_workspace(ws, NOW))


def test_rtl_node_names_and_tags_in_lint_messages_are_isolated() -> None:
    text = messages(workspace(HEBREW, ARABIC, TAG, TAG + " "))
    assert f'"{shown(ARABIC)}" is not linked to anything' in text
    assert f'"{shown(ARABIC)}" has no steps' in text
    assert f'2 nodes of this campaign are named "{shown(ARABIC)}"' in text
    assert f'step 2 of "{shown(ARABIC)}" applies the tag "{shown(TAG)}"' in text.lower() \
        or f'Step 2 of "{shown(ARABIC)}" applies the tag "{shown(TAG)}"' in text
    assert f'The goal "{shown(HEBREW)}" waits for the tag "{shown(TAG + " ")}"' in text
    for name in (HEBREW, ARABIC):
        assert text.count(name) == text.count(shown(name))  # never without its isolates


def test_unreachable_node_names_are_isolated() -> None:
    ws = workspace(HEBREW, ARABIC, TAG, TAG)
    c = ws.campaign("c")
    c.add_node(Node("y", "sequence", HEBREW + " 2", 720, 0, SequenceConfig([])))
    c.link("x", "y")
    c.link("y", "x")  # a loop of sequences: no entry node or goal leads to it
    unreachable = [f.message for f in lint_workspace(ws, NOW) if "cannot be reached" in f.message]
    assert f'"{shown(HEBREW + " 2")}" cannot be reached: no entry node or goal leads to it' \
        in unreachable


def test_a_product_name_in_an_action_is_isolated() -> None:
    ws = Workspace()
    ws.add_campaign(Campaign("c", "Campaign"))
    ws.catalog.products["p"] = Product("p", HEBREW, None)
    ws.ecommerce.product_action_sets["p"] = [Step("add_to_campaign", campaign="gone")]
    [ref] = campaign_actions(ws)
    assert ref.where == f'action 1 of the actions of product "{shown(HEBREW)}" adds contacts to it'
    assert f'of product "{shown(HEBREW)}" adds contacts to campaign "gone", which no longer ' \
        "exists" in messages(ws)


def test_latin_messages_have_no_isolates() -> None:
    text = messages(workspace("Visit booked", "Onboarding", "Spa", "spa"))
    assert 'Step 2 of "Onboarding" applies the tag "Spa", but the goal "Visit booked"' in text
    assert '"Onboarding" is not linked to anything' in text
    assert FSI not in text and PDI not in text
