"""Every lint finding is punctuated by one rule: a one-sentence finding is a line, with no
final full stop (as a linter's message, and as R11's messages that the editors show too); a
finding of several sentences ends with a full stop. Shown after other sentences (a tooltip),
a finding becomes sentences: a capital first letter and a final full stop."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from canvas_app.domain.campaign import Finding
from canvas_app.domain.contacts import Contact
from canvas_app.domain.lint import as_sentences
from canvas_app.domain.nodes import Node
from canvas_app.domain.purchase import PurchaseGoalConfig
from canvas_app.domain.sequence import SequenceConfig
from canvas_app.domain.steps import Step
from canvas_app.domain.tag_goal import TagGoalConfig
from canvas_app.domain.workspace import Workspace

NOW = datetime(2026, 6, 1, tzinfo=UTC)


def sentences(message: str) -> int:
    """How many sentences: quoted names (which may hold anything) and parentheses aside, a
    full stop, question or exclamation mark followed by a capital or a digit starts one."""
    plain = re.sub(r'"[^"]*"', '"X"', message)
    plain = re.sub(r"\([^)]*\)", "(x)", plain)
    return 1 + len(re.findall(r'[.!?] +(?=[A-Z0-9"])', plain))


def every_kind() -> Workspace:
    """A workspace that draws every kind of finding lint has."""
    ws = Workspace()
    c = ws.new_campaign("c1", "Spa")
    c.add_node(Node("s1", "sequence", "Nurture", config=SequenceConfig([
        Step("email", subject="Hi"), Step("apply_tag", tag="visit booked"),
        Step("wait_until", until=datetime(2020, 1, 1, tzinfo=UTC))])))
    c.add_node(Node("g1", "purchase_goal", "Bought", config=PurchaseGoalConfig()))  # R11
    c.add_node(Node("s2", "sequence", "After", config=SequenceConfig([])))  # no steps
    c.link("s1", "g1")
    c.link("g1", "s2")
    c.add_node(Node("a", "sequence", "Loop", config=SequenceConfig([Step("email",
                                                                        subject="x")])))
    c.add_node(Node("b", "sequence", "loop", config=SequenceConfig([Step("email",
                                                                        subject="y")])))
    c.link("a", "b")
    c.link("b", "a")  # nobody enters: unreachable; and two nodes named alike
    c.add_node(Node("g2", "tag_goal", "Booked", config=TagGoalConfig(["Visit booked"])))
    c.add_node(Node("g3", "tag_goal", "VIP", config=TagGoalConfig(["vip", "gold"])))
    c.add_node(Node("g4", "tag_goal", "Member", config=TagGoalConfig(["member"])))
    c.add_node(Node("s3", "sequence", "Stray", config=SequenceConfig([Step("email",
                                                                          subject="z")])))
    ws.ecommerce.action_sets["on_login"] = [Step("add_to_campaign", campaign="gone")]
    ws.set_contacts([Contact("p", "Pat", tags=["vip"])])
    return ws


def test_every_kind_of_finding_is_drawn() -> None:
    """The workspace below draws each check of lint at least once (so the rule is tried
    on each kind of message)."""
    messages = " | ".join(f.message for f in every_kind().lint(NOW))
    for words in ("no purchase option", "has no steps", "cannot be reached", "are named",
                  "starts the campaign", "is not linked", "which has passed",
                  "no longer exists", "spelled alike", "no step or action applies",
                  "none of which", "already has"):
        assert words in messages


def test_one_sentence_has_no_full_stop_and_several_end_with_one() -> None:
    findings = every_kind().lint(NOW)
    several = [f.message for f in findings if sentences(f.message) > 1]
    single = [f.message for f in findings if sentences(f.message) == 1]
    assert several and single
    for message in several:
        assert message.endswith("."), message
        assert not message.endswith(".."), message
    for message in single:
        assert not message.endswith((".", "!", "?")), message


@pytest.mark.parametrize(("message", "shown"), [
    ('"Loop" cannot be reached: no entry node or goal leads to it',
     '"Loop" cannot be reached: no entry node or goal leads to it.'),
    ("no tag is chosen: list at least one tag", "No tag is chosen: list at least one tag."),
    ("These never meet. Spell them the same.", "These never meet. Spell them the same."),
    ("", ""),
])
def test_a_finding_after_other_sentences_is_made_sentences(message: str, shown: str) -> None:
    assert as_sentences(message) == shown


def test_the_sentence_counter_reads_quotes_and_parentheses_as_words() -> None:
    assert sentences('"A. B" waits (e.g. by hand). Then "C" goes.') == 2
    assert sentences(Finding("warning", "one: two; three").message) == 1
