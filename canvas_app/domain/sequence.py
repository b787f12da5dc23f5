"""The sequence node (R2, R6): an ordered list of steps, and *runs until completed* (R5)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Any

from .catalog import Catalog
from .errors import Problem
from .nodes import NodeKind, register
from .steps import STEP_KINDS, Step, validate_step
from .timeutil import format_duration, format_time, parse_duration, parse_time


@dataclass
class SequenceConfig:
    steps: list[Step] = field(default_factory=list)
    runs_until_completed: bool = False

    def copy(self) -> SequenceConfig:
        return replace(self, steps=[s.copy() for s in self.steps])

    @property
    def total_delay(self) -> timedelta:
        return sum((s.duration or timedelta() for s in self.steps if s.kind == "delay"),
                   timedelta())


def validate_sequence(config: SequenceConfig, catalog: Catalog) -> list[Problem]:
    problems: list[Problem] = []
    for i, step in enumerate(config.steps):
        problems.extend(p.at(f"steps[{i}]") for p in validate_step(step, STEP_KINDS))
    return problems


def describe_sequence(config: SequenceConfig, catalog: Catalog) -> str:
    n = len(config.steps)
    text = f"{n} step{'s' if n != 1 else ''}"
    if config.runs_until_completed:
        text += ", runs until completed"
    return text


# -- file form of steps and actions (shared with the e-commerce action sets) -------------

_STEP_FIELDS = ("subject", "tag", "message", "contact_type", "campaign")


def step_to_data(step: Step) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": step.kind}
    for name in _STEP_FIELDS:
        value = getattr(step, name)
        if value is not None:
            data[name] = value
    if step.duration is not None:
        data["duration"] = format_duration(step.duration)
    if step.until is not None:
        data["until"] = format_time(step.until)
    if step.delay is not None:
        data["delay"] = format_duration(step.delay)
    data.update(step.extra)
    return data


def step_from_data(data: dict[str, Any]) -> Step:
    """Schema-valid data to a Step; raises ValueError naming the key for a bad time."""
    known = {"kind", "duration", "until", "delay", *_STEP_FIELDS}
    step = Step(kind=data["kind"], extra={k: v for k, v in data.items() if k not in known})
    for name in _STEP_FIELDS:
        if name in data:
            setattr(step, name, data[name])
    for name in ("duration", "delay"):
        if name in data:
            try:
                setattr(step, name, parse_duration(data[name]))
            except ValueError as exc:
                raise StepValueError(name, str(exc)) from None
    if "until" in data:
        try:
            step.until = parse_time(data["until"])
        except ValueError as exc:
            raise StepValueError("until", str(exc)) from None
    return step


class StepValueError(ValueError):
    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


DURATION_SCHEMA = {
    "description": "Minutes, or an ISO 8601 duration in weeks/days/hours/minutes/seconds",
    "oneOf": [{"type": "number", "minimum": 0}, {"type": "string", "pattern": "^P"}],
}


def step_schema(kinds: dict[str, tuple[str, tuple[str, ...]]]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            "kind": {"enum": list(kinds)},
            "subject": {"type": "string"},
            "duration": DURATION_SCHEMA,
            "until": {"type": "string", "description": "ISO 8601 time; UTC if no offset"},
            "tag": {"type": "string"},
            "message": {"type": "string"},
            "contact_type": {"type": "string"},
            "campaign": {"type": "string"},
            "delay": DURATION_SCHEMA,
        },
        "required": ["kind"],
        "additionalProperties": True,
    }


def sequence_to_data(config: SequenceConfig) -> dict[str, Any]:
    return {"steps": [step_to_data(s) for s in config.steps],
            "runs_until_completed": config.runs_until_completed}


def sequence_from_data(node: dict[str, Any]) -> SequenceConfig:
    steps = []
    for i, data in enumerate(node.get("steps", [])):
        try:
            steps.append(step_from_data(data))
        except StepValueError as exc:
            raise StepValueError(f"steps[{i}].{exc.key}", str(exc)) from None
    return SequenceConfig(steps=steps,
                          runs_until_completed=bool(node.get("runs_until_completed", False)))


SEQUENCE = register(NodeKind(
    kind="sequence",
    label="Sequence",
    is_goal=False,
    icon="sequence.svg",
    make_config=SequenceConfig,
    validate=validate_sequence,
    describe=describe_sequence,
    to_data=sequence_to_data,
    from_data=sequence_from_data,
    copy_config=lambda c: c.copy(),
    schema_properties={
        "steps": {"type": "array", "items": step_schema(STEP_KINDS)},
        "runs_until_completed": {"type": "boolean"},
    },
    help="Runs its steps in order: emails, delays, waits, tags, notifications.",
    order=30,
))
