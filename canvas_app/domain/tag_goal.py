"""The tag goal (R7): achieved when one of its tags is applied to an eligible contact."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from .catalog import Catalog
from .errors import Problem
from .nodes import NodeKind, register
from .purchase import ACHIEVED_BY, ACHIEVED_BY_LABELS, AchievedBy, _any_of


@dataclass
class TagGoalConfig:
    tags: list[str] = field(default_factory=list)
    achieved_by: AchievedBy = "campaign"

    def copy(self) -> TagGoalConfig:
        return replace(self, tags=list(self.tags))


def validate_tag_goal(config: TagGoalConfig, catalog: Catalog) -> list[Problem]:
    problems = []
    if not config.tags:
        problems.append(Problem("config.tags", "no tag is chosen: list at least one tag"))
    for i, tag in enumerate(config.tags):
        if not tag.strip():
            problems.append(Problem(f"config.tags[{i}]", "a tag cannot be empty"))
    if len(set(config.tags)) != len(config.tags):
        problems.append(Problem("config.tags", "a tag is listed twice"))
    if config.achieved_by not in ACHIEVED_BY:
        problems.append(Problem("config.achieved_by", 'must be "campaign" or "any_contact"'))
    return problems


def describe_tag_goal(config: TagGoalConfig, catalog: Catalog) -> str:
    """One line on what achieves the goal. Any one of its tags does (R7), so several read
    as alternatives, as a purchase goal's options do (:func:`describe_purchase`): 'Any of
    the tags "A", "B" or "C" applied' ('Tag "A", "B", "C" applied' read as if all three
    were needed); one tag is 'Tag "A" applied'."""
    quoted = [f'"{t}"' for t in config.tags]
    if not quoted:
        what = "Tag (no tag)"
    elif len(quoted) == 1:
        what = f"Tag {quoted[0]}"
    else:
        what = f"Any of the tags {_any_of(quoted)}"
    who = ACHIEVED_BY_LABELS.get(config.achieved_by, "?").lower()
    return f"{what} applied; achieved by {who}"


def tag_goal_to_data(config: TagGoalConfig) -> dict[str, Any]:
    return {"config": {"tags": list(config.tags), "achieved_by": config.achieved_by}}


def tag_goal_from_data(node: dict[str, Any]) -> TagGoalConfig:
    data = node.get("config", {})
    return TagGoalConfig(tags=list(data.get("tags", [])),
                         achieved_by=data.get("achieved_by", "campaign"))


TAG_GOAL = register(NodeKind(
    kind="tag_goal",
    label="Tag goal",
    is_goal=True,
    icon="tag_goal.svg",
    make_config=TagGoalConfig,
    validate=validate_tag_goal,
    describe=describe_tag_goal,
    to_data=tag_goal_to_data,
    from_data=tag_goal_from_data,
    copy_config=lambda c: c.copy(),
    schema_properties={"config": {
        "type": "object",
        "properties": {
            "tags": {"type": "array", "items": {"type": "string"}},
            "achieved_by": {"enum": list(ACHIEVED_BY)},
        },
        "required": ["tags"],
        "additionalProperties": True,
    }},
    schema_required=("config",),
    help="Achieved when any of its tags is applied to an eligible contact.",
    order=20,
))
