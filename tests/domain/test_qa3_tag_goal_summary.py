"""QA3: a tag goal's summary reads its tags as alternatives (any one achieves it, R7), as a
purchase goal's options do."""

from __future__ import annotations

from canvas_app.domain.catalog import Catalog
from canvas_app.domain.tag_goal import TagGoalConfig, describe_tag_goal


def test_several_tags_read_as_alternatives() -> None:
    config = TagGoalConfig(tags=["Newsletter", "Summer lead", "VIP"], achieved_by="any_contact")
    assert describe_tag_goal(config, Catalog()) == (
        'Any of the tags "Newsletter", "Summer lead" or "VIP" applied; '
        "achieved by any contact")


def test_two_tags_are_joined_by_or() -> None:
    config = TagGoalConfig(tags=["Newsletter", "VIP"])
    assert describe_tag_goal(config, Catalog()).startswith(
        'Any of the tags "Newsletter" or "VIP" applied; achieved by ')


def test_one_tag_is_singular() -> None:
    config = TagGoalConfig(tags=["Newsletter"], achieved_by="any_contact")
    assert describe_tag_goal(config, Catalog()) == (
        'Tag "Newsletter" applied; achieved by any contact')


def test_no_tag_says_so() -> None:
    assert describe_tag_goal(TagGoalConfig(), Catalog()).startswith("Tag (no tag) applied")
